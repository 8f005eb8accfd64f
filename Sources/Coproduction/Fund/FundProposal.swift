import Foundation

/// Who asks the Parent Engagement Fund for a grant.
public enum Applicant: Hashable, Sendable, Codable {
    /// A Parent Champion (by id).
    case champion(Int64)
    /// A local group, by name.
    case group(String)
}

/// Where a proposal is: proposal → panel review → approved or declined → delivered → closed.
public enum ProposalStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Sent in, not yet reviewed.
    case submitted
    /// The panel has started to review it.
    case underReview = "under-review"
    /// Approved, with an amount.
    case approved
    /// Declined, with a reason (the end).
    case declined
    /// The activity has happened.
    case delivered
    /// Closed with its impact statement (the end).
    case closed

    /// The plain words.
    public var name: String {
        switch self {
        case .submitted: return "submitted"
        case .underReview: return "under review"
        case .approved: return "approved"
        case .declined: return "declined"
        case .delivered: return "delivered"
        case .closed: return "closed"
        }
    }

    /// Whether the money is committed: approved and not yet given back.
    public var commitsMoney: Bool { self == .approved || self == .delivered || self == .closed }

    /// Whether a panel review can still be added.
    public var takesReviews: Bool { self == .submitted || self == .underReview }
}

/// A panel member's view of a proposal.
public enum Recommendation: String, CaseIterable, Hashable, Sendable, Codable {
    case approve, decline
}

/// A grant proposal to the Parent Engagement Fund.
public struct FundProposal: Hashable, Sendable, Identifiable {
    /// The database identifier; 0 before it is saved.
    public var id: Int64
    /// Who asks.
    public var applicant: Applicant
    /// The area it is for.
    public var areaID: Int64
    /// A short title.
    public var title: String
    /// What it is for and how it brings families closer.
    public var purpose: String
    /// The amount asked for.
    public var requested: Money
    /// The financial year whose budget it comes from.
    public var year: FinancialYear
    /// The day it came in.
    public var submittedOn: LocalDate
    /// Where it is.
    public var status: ProposalStatus = .submitted
    /// The amount approved.
    public var approved: Money?
    /// Why it was approved or declined.
    public var decisionReason: String?
    /// The day of the decision.
    public var decidedOn: LocalDate?
    /// The meeting at which it was decided, when it was decided at one.
    public var decidedAtMeetingID: Int64?
    /// The day the activity was delivered.
    public var deliveredOn: LocalDate?
    /// What happened, briefly.
    public var deliveryNote: String?
    /// The short impact statement, needed to close it.
    public var impact: String?

    /// Creates a proposal as submitted.
    public init(id: Int64 = 0, applicant: Applicant, areaID: Int64, title: String, purpose: String, requested: Money,
                year: FinancialYear, submittedOn: LocalDate) {
        self.id = id
        self.applicant = applicant
        self.areaID = areaID
        self.title = title
        self.purpose = purpose
        self.requested = requested
        self.year = year
        self.submittedOn = submittedOn
    }

    /// The money it holds from the year's budget: the amount approved once approved.
    public var committed: Money { status.commitsMoney ? (approved ?? .zero) : .zero }
}

/// A field of a fund record a problem is about, so a form can show it beside the field.
public enum FundField: String, Hashable, Sendable, CaseIterable {
    case applicant, area, title, purpose, amount, year, decision, reason, meeting, delivered, note, impact, recommendation, comment, budget
}

/// Something wrong with a proposal or a fund step, tied to its field.
public typealias FundProblem = FieldProblem<FundField>

/// The fund's rules: the limit per proposal, the budget, and the one-way flow.
public struct FundRules: Hashable, Sendable {
    /// The most one proposal may ask for or be given (default £1,000).
    public var limit: Money

    /// Rules with a limit.
    public init(limit: Money = .pounds(1000)) { self.limit = limit }

    /// Problems with a new proposal before it is saved (nothing is saved while any remain).
    public func problems(_ p: FundProposal) -> [FundProblem] {
        var out: [FundProblem] = []
        if case .group(let name) = p.applicant, name.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(FundProblem(.applicant, "name the champion or the local group applying."))
        }
        if p.title.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FundProblem(.title, "give the proposal a short title.")) }
        else if p.title.count > TextLimits.title { out.append(FundProblem(.title, "longer than \(TextLimits.title) characters; shorten it.")) }
        if p.purpose.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(FundProblem(.purpose, "say what it is for and how it brings families closer."))
        } else if p.purpose.count > TextLimits.summary {
            out.append(FundProblem(.purpose, "longer than \(TextLimits.summary) characters; shorten it."))
        }
        out += amountProblems(p.requested, field: .amount)
        return out
    }

    /// Problems with an amount: nothing, or more than the limit.
    public func amountProblems(_ amount: Money, field: FundField = .amount) -> [FundProblem] {
        if amount.pence <= 0 { return [FundProblem(field, "ask for more than £0.00.")] }
        if amount > limit { return [FundProblem(field, "\(amount) is over the limit of \(limit) per proposal.")] }
        return []
    }

    /// Problems with a decision on a proposal, given what is left in its year's budget.
    public func decisionProblems(_ p: FundProposal, approve: Bool, amount: Money?, reason: String,
                                 remaining: Money) -> [FundProblem] {
        var out: [FundProblem] = []
        if !(p.status == .submitted || p.status == .underReview) {
            out.append(FundProblem(.decision, "the proposal is already \(p.status.name); it was decided before."))
            return out
        }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(FundProblem(.reason, approve ? "say why it was approved (the panel's reason)."
                                                    : "say why it was declined, so the applicant hears why."))
        }
        if approve {
            let given = amount ?? p.requested
            let limitProblems = amountProblems(given)
            out += limitProblems
            if limitProblems.isEmpty && given > remaining {
                out.append(FundProblem(.amount, "\(given) is more than the \(remaining) left in the \(p.year) budget."))
            }
        }
        return out
    }

    /// Problems with recording delivery.
    public func deliveryProblems(_ p: FundProposal) -> [FundProblem] {
        p.status == .approved ? [] : [FundProblem(.delivered, "only an approved proposal can be delivered; this one is \(p.status.name).")]
    }

    /// Problems with closing: it must be delivered and have an impact statement.
    public func closingProblems(_ p: FundProposal, impact: String) -> [FundProblem] {
        var out: [FundProblem] = []
        if p.status != .delivered { out.append(FundProblem(.impact, "only a delivered proposal can be closed; this one is \(p.status.name).")) }
        if impact.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(FundProblem(.impact, "write the short impact statement (what changed for families) before closing."))
        } else if impact.count > TextLimits.summary {
            out.append(FundProblem(.impact, "longer than \(TextLimits.summary) characters; shorten it."))
        }
        return out
    }

    /// Problems with a panel review.
    public func reviewProblems(_ p: FundProposal, comment: String) -> [FundProblem] {
        var out: [FundProblem] = []
        if !p.status.takesReviews { out.append(FundProblem(.recommendation, "the proposal is \(p.status.name); the panel's review is over.")) }
        if comment.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FundProblem(.comment, "write the reviewer's comment.")) }
        return out
    }
}

/// A year's fund: its budget, what is committed and what is left.
public struct FundBudget: Hashable, Sendable, Codable {
    /// The year.
    public var year: FinancialYear
    /// The budget set for it.
    public var total: Money
    /// The money approved from it.
    public var committed: Money

    /// Creates a year's figures.
    public init(year: FinancialYear, total: Money, committed: Money) {
        self.year = year
        self.total = total
        self.committed = committed
    }

    /// What is left to give.
    public var remaining: Money { total - committed }

    /// The figures for a year from its proposals (whatever year they name, only this year's count).
    public static func of(_ year: FinancialYear, total: Money, proposals: [FundProposal]) -> FundBudget {
        let committed = proposals.filter { $0.year == year }.reduce(Money.zero) { $0 + $1.committed }
        return FundBudget(year: year, total: total, committed: committed)
    }
}
