import Foundation

/// A declaration in the register of interests: whose (a Parent Champion or a member of staff
/// with an account), what, from when (and until when, once it ends), and what it touches: a
/// meeting it was declared at, a fund proposal it is in.
public struct Interest: Hashable, Sendable, Identifiable {
    /// The database identifier (0 before it is saved).
    public var id: Int64
    /// The champion whose interest it is, if a champion's.
    public var championID: Int64?
    /// The account whose interest it is, if a member of staff's.
    public var userID: Int64?
    /// Their name, as recorded.
    public var person: String
    /// What the interest is ("Chair of the Milton play group", "My sister runs the café").
    public var what: String
    /// When it began (or was declared).
    public var from: LocalDate
    /// When it ended, once it has.
    public var until: LocalDate?
    /// The meeting it was declared at, if any.
    public var meetingID: Int64?
    /// The fund proposal it is in, if any: its holder may not review that proposal.
    public var proposalID: Int64?

    /// A declaration.
    public init(id: Int64 = 0, championID: Int64? = nil, userID: Int64? = nil, person: String = "", what: String, from: LocalDate,
                until: LocalDate? = nil, meetingID: Int64? = nil, proposalID: Int64? = nil) {
        self.id = id
        self.championID = championID
        self.userID = userID
        self.person = person
        self.what = what
        self.from = from
        self.until = until
        self.meetingID = meetingID
        self.proposalID = proposalID
    }

    /// The parts a problem can be about (the form's and command's field codes).
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case person, what, from, until
    }

    /// What is wrong with the declaration, each beside its field.
    public func problems() -> [FieldProblem<Field>] {
        var out: [FieldProblem<Field>] = []
        if championID == nil && userID == nil {
            out.append(FieldProblem(.person, "say whose interest it is: a Parent Champion or a member of staff."))
        }
        if what.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(FieldProblem(.what, "say what the interest is.")) }
        if let until, until < from { out.append(FieldProblem(.until, "\(until.inWords) is before it began (\(from.inWords)).")) }
        return out
    }

    /// Whether it is in force on `day`.
    public func current(on day: LocalDate) -> Bool { from <= day && (until.map { day <= $0 } ?? true) }
}
