import Foundation

/// What a parent is thanked for.
public enum RewardReason: String, CaseIterable, Hashable, Sendable, Codable {
    case meeting, review, focusGroup = "focus-group", other

    /// The plain words.
    public var name: String { self == .focusGroup ? "focus group" : rawValue }
}

/// A voucher (a thank-you) or expenses (paying back what it cost, so nobody is out of pocket).
public enum RewardKind: String, CaseIterable, Hashable, Sendable, Codable {
    case voucher, expenses
}

/// Who a reward is for: a Parent Champion, or another parent who came to a meeting, a focus
/// group or a review (a person the app knows by name, kept as privately as a champion's details).
public enum RewardRecipient: Hashable, Comparable, Sendable, Codable {
    /// A Parent Champion, by id.
    case champion(Int64)
    /// Another parent, by their id among the parents the app knows.
    case parent(Int64)
}

/// A voucher or expenses for an involved parent, given or declined.
public struct Reward: Hashable, Sendable, Identifiable {
    /// The database identifier; 0 before it is saved.
    public var id: Int64
    /// Who it is for.
    public var recipient: RewardRecipient
    /// The Parent Champion it is for (nil: another parent).
    public var championID: Int64? {
        if case .champion(let id) = recipient { return id }
        return nil
    }
    /// Voucher or expenses.
    public var kind: RewardKind
    /// What for.
    public var reason: RewardReason
    /// The amount offered.
    public var amount: Money
    /// The day.
    public var date: LocalDate
    /// Whether the parent took it (people may decline payment).
    public var declined: Bool
    /// Whether benefits advice was offered (payments can affect benefits).
    public var benefitsAdviceOffered: Bool
    /// A note (what the expenses were; the meeting).
    public var note: String

    /// Creates a reward for a Parent Champion.
    public init(id: Int64 = 0, championID: Int64, kind: RewardKind, reason: RewardReason, amount: Money, date: LocalDate,
                declined: Bool = false, benefitsAdviceOffered: Bool = false, note: String = "") {
        self.init(id: id, recipient: .champion(championID), kind: kind, reason: reason, amount: amount, date: date,
                  declined: declined, benefitsAdviceOffered: benefitsAdviceOffered, note: note)
    }

    /// Creates a reward for anyone involved.
    public init(id: Int64 = 0, recipient: RewardRecipient, kind: RewardKind, reason: RewardReason, amount: Money, date: LocalDate,
                declined: Bool = false, benefitsAdviceOffered: Bool = false, note: String = "") {
        self.id = id
        self.recipient = recipient
        self.kind = kind
        self.reason = reason
        self.amount = amount
        self.date = date
        self.declined = declined
        self.benefitsAdviceOffered = benefitsAdviceOffered
        self.note = note
    }
}

/// The amounts stated up front for each kind of involvement.
public struct RewardPolicy: Hashable, Sendable {
    /// The voucher for each reason.
    public var amounts: [RewardReason: Money]

    /// A policy (defaults: £20 a focus group, £10 a meeting, £10 a review, nothing set for other).
    public init(amounts: [RewardReason: Money] = [.focusGroup: .pounds(20), .meeting: .pounds(10), .review: .pounds(10)]) {
        self.amounts = amounts
    }

    /// The stated amount for a voucher, if the policy has one.
    public func amount(for reason: RewardReason) -> Money? { amounts[reason] }
}

/// A parent's rewards in one financial year.
public struct RewardTotals: Hashable, Sendable, Codable {
    /// The parent.
    public var recipient: RewardRecipient
    /// The Parent Champion (nil: another parent).
    public var championID: Int64? {
        if case .champion(let id) = recipient { return id }
        return nil
    }
    /// The year.
    public var year: FinancialYear
    /// Vouchers given.
    public var vouchers: Money
    /// Expenses paid.
    public var expenses: Money
    /// Offers declined.
    public var declined: Money
    /// Whether benefits advice was offered at least once that year.
    public var benefitsAdviceOffered: Bool

    /// Everything given (vouchers and expenses).
    public var given: Money { vouchers + expenses }

    /// Totals per parent per financial year, from a list of rewards.
    public static func of(_ rewards: [Reward]) -> [RewardTotals] {
        var table: [String: RewardTotals] = [:]
        for r in rewards {
            let year = FinancialYear(containing: r.date)
            let key = "\(r.recipient)/\(year.startYear)"
            var t = table[key] ?? RewardTotals(recipient: r.recipient, year: year, vouchers: .zero, expenses: .zero,
                                               declined: .zero, benefitsAdviceOffered: false)
            if r.declined { t.declined = t.declined + r.amount }
            else if r.kind == .voucher { t.vouchers = t.vouchers + r.amount }
            else { t.expenses = t.expenses + r.amount }
            t.benefitsAdviceOffered = t.benefitsAdviceOffered || r.benefitsAdviceOffered
            table[key] = t
        }
        return table.values.sorted { ($0.year, $0.recipient) < ($1.year, $1.recipient) }
    }
}

/// A field of a reward a problem is about.
public enum RewardField: String, Hashable, Sendable, CaseIterable {
    case parent, kind, reason, amount, date, given, advice, note
}

/// Something wrong with a reward, tied to its field.
public typealias RewardProblem = FieldProblem<RewardField>

/// The rules for rewards.
public enum RewardRules {
    /// The largest single reward accepted (a typing slip guard).
    public static let largest = Money.pounds(500)

    /// Problems with a reward.
    public static func problems(_ r: Reward) -> [RewardProblem] {
        var out: [RewardProblem] = []
        if r.amount.pence <= 0 { out.append(RewardProblem(.amount, "give an amount over £0.00.")) }
        else if r.amount > largest { out.append(RewardProblem(.amount, "\(r.amount) is more than \(largest) for one reward; split it or check it.")) }
        if r.kind == .expenses && r.note.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(RewardProblem(.note, "say what the expenses were for (bus fare, childcare)."))
        }
        if r.note.count > TextLimits.summary { out.append(RewardProblem(.note, "longer than \(TextLimits.summary) characters.")) }
        return out
    }
}
