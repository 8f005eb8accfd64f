import Foundation

/// Someone who may collect a child on one day only (a parent rings: "my sister is picking
/// her up today").
public struct TemporaryCollector: Hashable, Sendable, Identifiable {
    /// The database identifier.
    public var id: Int64
    /// Their name.
    public var name: String
    /// The one day they may collect.
    public var validOn: LocalDate
    /// Who added them.
    public var addedBy: String

    /// A temporary collector.
    public init(id: Int64 = 0, name: String, validOn: LocalDate, addedBy: String = "") {
        self.id = id
        self.name = name
        self.validOn = validOn
        self.addedBy = addedBy
    }
}

/// Someone who must not collect a child: a sign-out to them is refused.
public struct MustNotCollect: Hashable, Sendable, Identifiable {
    /// The database identifier.
    public var id: Int64
    /// Their name.
    public var name: String
    /// Why (kept from parents other than the child's own).
    public var reason: String
    /// Whether a court order was seen.
    public var courtOrderSeen: Bool
    /// Who recorded it.
    public var recordedBy: String
    /// When.
    public var recordedAt: Date

    /// An entry on the must-not-collect list.
    public init(id: Int64 = 0, name: String, reason: String, courtOrderSeen: Bool = false, recordedBy: String = "", recordedAt: Date = Date()) {
        self.id = id
        self.name = name
        self.reason = reason
        self.courtOrderSeen = courtOrderSeen
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Who may and may not collect a child, beyond the names on their record: who has a
/// collection password (never the password), temporary collectors and the must-not-collect
/// list.
public struct CollectionSafety: Hashable, Sendable {
    /// The child.
    public var childID: Int64
    /// Collectors with a collection password set, by name.
    public var withPassword: [String]
    /// Temporary collectors, each for one day.
    public var temporary: [TemporaryCollector]
    /// The must-not-collect list.
    public var mustNotCollect: [MustNotCollect]

    /// A child's collection safety.
    public init(childID: Int64, withPassword: [String] = [], temporary: [TemporaryCollector] = [], mustNotCollect: [MustNotCollect] = []) {
        self.childID = childID
        self.withPassword = withPassword
        self.temporary = temporary
        self.mustNotCollect = mustNotCollect
    }

    /// The fewest characters a collection password has (4).
    public static let passwordMinimum = 4

    /// Two names are the same person's when they match ignoring case and spacing.
    public static func same(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }
        return key(a) == key(b) && !key(a).isEmpty
    }

    /// Why a collection password cannot be used, if it cannot.
    public static func passwordProblem(_ password: String) -> String? {
        let trimmed = password.trimmingCharacters(in: .whitespaces)
        if trimmed.count < passwordMinimum {
            return "A collection password needs at least \(passwordMinimum) characters: choose a longer word with the parent."
        }
        if trimmed.count > 64 { return "A collection password has at most 64 characters." }
        return nil
    }

    /// The temporary collectors for a day.
    public func temporary(on day: LocalDate) -> [TemporaryCollector] { temporary.filter { $0.validOn == day } }

    /// Everyone who may collect the child on `day`: the parent, the named collectors and that
    /// day's temporary collectors.
    public func collectors(of child: Child, on day: LocalDate) -> [String] {
        [child.parentName] + child.collectors + temporary(on: day).map(\.name)
    }

    /// What a sign-out to `name` on `day` meets.
    public enum Decision: Hashable, Sendable {
        /// On the must-not-collect list: refused, loudly.
        case mustNotCollect(MustNotCollect)
        /// On the list (or a temporary collector for the day); a password to check when set.
        case named(needsPassword: Bool, temporary: Bool)
        /// Not on the list: a reason and their age are asked.
        case notOnList
    }

    /// What a sign-out of `child` to `name` on `day` meets: the must-not-collect list first.
    public func decide(_ child: Child, collectedBy name: String, on day: LocalDate) -> Decision {
        if let barred = mustNotCollect.first(where: { Self.same($0.name, name) }) { return .mustNotCollect(barred) }
        let password = withPassword.contains { Self.same($0, name) }
        if ([child.parentName] + child.collectors).contains(where: { Self.same($0, name) }) {
            return .named(needsPassword: password, temporary: false)
        }
        if temporary(on: day).contains(where: { Self.same($0.name, name) }) { return .named(needsPassword: password, temporary: true) }
        return .notOnList
    }

    /// The words of a refusal to someone on the must-not-collect list.
    public static func refusal(_ entry: MustNotCollect, child: Child) -> String {
        "STOP: \(entry.name) MUST NOT COLLECT \(child.firstName.uppercased())" + (entry.courtOrderSeen ? " (court order seen)" : "")
            + ": \(entry.reason). Do not hand \(child.firstName) over; keep them in the crèche and call the office (or 999 if anyone is at risk)."
    }

    /// Why someone not on the list may not collect, if they may not: under the minimum age.
    public static func ageProblem(_ age: Int?, name: String, minimum: Int) -> String? {
        guard let age else { return "How old is \(name)? Someone not on the list must be \(minimum) or over: ask them." }
        if age < minimum { return "\(name) is \(age): someone collecting who is not on the list must be \(minimum) or over. Do not hand the child over; call the parent." }
        if age > 120 { return "\(age) is not an age: check it." }
        return nil
    }
}
