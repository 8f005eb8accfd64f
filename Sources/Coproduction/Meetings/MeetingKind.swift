/// The kinds of meeting parents take part in.
public enum MeetingKind: Hashable, Sendable {
    /// The programme's governing board.
    case partnershipBoard
    /// A Service Design meeting.
    case serviceDesign
    /// A time-limited Task and Finish group outlining one project's design.
    case taskAndFinish(group: String)
    /// A governance committee named by the office (finance, risk and others).
    case committee(name: String)
    /// A pre-meeting with the parents before the meeting it prepares.
    case preMeeting(forMeeting: Int64)

    /// The value stored in the database and used on the command line.
    public var code: String {
        switch self {
        case .partnershipBoard: return "board"
        case .serviceDesign: return "service-design"
        case .taskAndFinish: return "task-and-finish"
        case .committee: return "committee"
        case .preMeeting: return "pre-meeting"
        }
    }

    /// The plain name, for example `Partnership Board`.
    public var name: String {
        switch self {
        case .partnershipBoard: return "Partnership Board"
        case .serviceDesign: return "Service Design"
        case .taskAndFinish: return "Task and Finish"
        case .committee: return "Committee"
        case .preMeeting: return "Pre-meeting"
        }
    }

    /// A short label for narrow list columns (at most 6 characters).
    public var label: String {
        switch self {
        case .partnershipBoard: return "Board"
        case .serviceDesign: return "Design"
        case .taskAndFinish: return "T&F"
        case .committee: return "Cttee"
        case .preMeeting: return "Pre"
        }
    }

    /// Whether a Parent Champion must be at this kind of meeting (Board, Service Design,
    /// Task and Finish).
    public var needsParentChampion: Bool {
        if case .preMeeting = self { return false }
        return true
    }

    /// The meeting a pre-meeting prepares, or nil for other kinds.
    public var preparedMeetingID: Int64? {
        if case .preMeeting(let id) = self { return id }
        return nil
    }

    /// The Task and Finish group's or committee's name, or nil for other kinds.
    public var groupName: String? {
        switch self {
        case .taskAndFinish(let group), .committee(let group): return group
        default: return nil
        }
    }

    /// Rebuilds a kind from its stored parts; nil when the parts do not fit together.
    public init?(code: String, groupName: String?, preparedMeetingID: Int64?) {
        switch code {
        case "board": self = .partnershipBoard
        case "service-design": self = .serviceDesign
        case "task-and-finish":
            guard let groupName, !groupName.isEmpty else { return nil }
            self = .taskAndFinish(group: groupName)
        case "committee":
            guard let groupName, !groupName.isEmpty else { return nil }
            self = .committee(name: groupName)
        case "pre-meeting":
            guard let preparedMeetingID else { return nil }
            self = .preMeeting(forMeeting: preparedMeetingID)
        default: return nil
        }
    }
}
