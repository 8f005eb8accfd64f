/// Whether a Parent Champion came to a meeting that was held.
public enum Attendance: String, Hashable, Sendable, CaseIterable, Codable {
    /// Came.
    case attended
    /// Sent apologies.
    case apologies
    /// Did not come and did not say.
    case absent
}

/// Something to be done after a meeting: what, who, by when, and whether it is done.
public struct ActionItem: Hashable, Sendable, Codable {
    /// The database identifier; 0 before it is saved.
    public var id: Int64
    /// What is to be done.
    public var what: String
    /// Who will do it.
    public var owner: String
    /// By when, if a date was set.
    public var due: LocalDate?
    /// Whether it is done.
    public var done: Bool

    /// Creates an action.
    public init(id: Int64 = 0, what: String, owner: String, due: LocalDate?, done: Bool = false) {
        self.id = id
        self.what = what
        self.owner = owner
        self.due = due
        self.done = done
    }

    /// Not done and past its due date on `today`.
    public func isOverdue(on today: LocalDate) -> Bool {
        guard !done, let due else { return false }
        return due < today
    }
}

/// What happened at a meeting that was held.
public struct MeetingRecord: Hashable, Sendable {
    /// Each invited (or walk-in) champion's attendance, by champion id.
    public var attendance: [Int64: Attendance]
    /// How many other parents came.
    public var otherParentsAttended: Int
    /// A summary of the minutes, in plain words.
    public var minutes: String
    /// What was decided, one entry a decision.
    public var decisions: [String]
    /// What is to be done.
    public var actions: [ActionItem]

    /// Creates a record.
    public init(attendance: [Int64: Attendance], otherParentsAttended: Int, minutes: String, decisions: [String], actions: [ActionItem]) {
        self.attendance = attendance
        self.otherParentsAttended = otherParentsAttended
        self.minutes = minutes
        self.decisions = decisions
        self.actions = actions
    }

    /// Champions who came.
    public var attendedCount: Int { attendance.values.filter { $0 == .attended }.count }

    /// Parents who were actually there: the champions who came and the other parents.
    public var parentsThere: Int { attendedCount + otherParentsAttended }

    /// Whether the meeting counted: at least `quorum` parents there (nil when the quorum does
    /// not apply to its kind). Decisions of a meeting that did not are provisional, to be
    /// agreed at the next meeting of the same body.
    public func quorate(kind: MeetingKind, settings: BarrierSettings) -> Bool? {
        guard settings.quorumKinds.contains(kind.code) else { return nil }
        return parentsThere >= settings.parentQuorum
    }

    /// The parts of a record a problem can be about.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case attended, parents, minutes, decisions, actions
    }

    /// Longest minutes summary kept, in characters.
    public static let minutesLimit = 4000

    /// What is wrong with the record, part by part, in words that say how to fix it (every
    /// problem at once, each naming its decision or action by number).
    public func problems() -> [FieldProblem<Field>] {
        var out: [FieldProblem<Field>] = []
        if otherParentsAttended < 0 || otherParentsAttended > 500 { out.append(FieldProblem(.parents, "other parents must be from 0 to 500.")) }
        if minutes.count > Self.minutesLimit { out.append(FieldProblem(.minutes, "longer than \(Self.minutesLimit) characters; shorten the summary.")) }
        for (i, d) in decisions.enumerated() where d.count > TextLimits.summary {
            out.append(FieldProblem(.decisions, "decision \(i + 1) is longer than \(TextLimits.summary) characters.", item: i))
        }
        for (i, a) in actions.enumerated() {
            if a.what.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FieldProblem(.actions, "action \(i + 1) needs to say what is to be done.", item: i, part: 0)) }
            if a.owner.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FieldProblem(.actions, "action \(i + 1) needs an owner.", item: i, part: 1)) }
        }
        return out
    }
}
