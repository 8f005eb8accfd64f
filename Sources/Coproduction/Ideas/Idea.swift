/// A rung of the ladder of co-production (Think Local Act Personal / NCAG), lowest first.
public enum Rung: String, CaseIterable, Hashable, Sendable, Codable {
    case informing, consultation, engagement, codesign = "co-design", coproduction = "co-production"

    /// The plain name.
    public var name: String {
        switch self {
        case .informing: return "Informing"
        case .consultation: return "Consultation"
        case .engagement: return "Engagement"
        case .codesign: return "Co-design"
        case .coproduction: return "Co-production"
        }
    }
}

/// Where an idea is on its way from a parent to the Board and back.
public enum IdeaStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Just raised.
    case new
    /// Ready to go to the Partnership Board.
    case ready
    /// On a meeting's agenda.
    case onAgenda = "on-agenda"
    /// Decided, with an outcome.
    case decided
    /// The outcome told back to the parents.
    case fedBack = "fed-back"
    /// Closed without going further (a duplicate, withdrawn).
    case closed

    /// The plain words.
    public var name: String {
        switch self {
        case .new: return "new"
        case .ready: return "ready for the Board"
        case .onAgenda: return "on an agenda"
        case .decided: return "decided"
        case .fedBack: return "fed back"
        case .closed: return "closed"
        }
    }

    /// The one step after this one, or nil at the end.
    public var next: IdeaStatus? {
        switch self {
        case .new: return .ready
        case .ready: return .onAgenda
        case .onAgenda: return .decided
        case .decided: return .fedBack
        case .fedBack, .closed: return nil
        }
    }

    /// Whether the idea is still open (not fed back and not closed).
    public var isOpen: Bool { self != .fedBack && self != .closed }
}

/// How the outcome was told back to parents.
public enum FeedbackChannel: String, CaseIterable, Hashable, Sendable, Codable {
    case meeting, groupChat = "group-chat", newsletter
    /// The plain words.
    public var name: String { self == .groupChat ? "group chat" : rawValue }
}

/// A parent's idea, carried by their area's Parent Champions to the Board and back.
public struct Idea: Hashable, Sendable, Identifiable {
    /// The database identifier; 0 before it is saved.
    public var id: Int64
    /// The area it came from.
    public var areaID: Int64
    /// The day it was raised.
    public var raisedOn: LocalDate
    /// The champion who raised it, or nil for "a parent in the area".
    public var raisedBy: Int64?
    /// The idea, in the parent's own words.
    public var text: String
    /// Where it is.
    public var status: IdeaStatus
    /// The agenda item it is on, once on an agenda.
    public var agendaItemID: Int64?
    /// What was decided, and when.
    public var outcome: String?
    /// The day it was decided.
    public var decidedOn: LocalDate?
    /// When it was fed back, by which champion, and how.
    public var fedBackOn: LocalDate?
    /// The champion who fed it back.
    public var fedBackBy: Int64?
    /// How it was fed back.
    public var channel: FeedbackChannel?
    /// Why it was closed.
    public var closedReason: String?
    /// Its rung on the ladder of co-production, if tagged.
    public var rung: Rung?

    /// Creates an idea.
    public init(id: Int64 = 0, areaID: Int64, raisedOn: LocalDate, raisedBy: Int64?, text: String, status: IdeaStatus = .new,
                rung: Rung? = nil) {
        self.id = id
        self.areaID = areaID
        self.raisedOn = raisedOn
        self.raisedBy = raisedBy
        self.text = text
        self.status = status
        self.rung = rung
    }

    /// Decided but not fed back after `days` days (28 by default): flagged.
    public func awaitingFeedbackTooLong(today: LocalDate, days: Int) -> Bool {
        guard status == .decided, let decidedOn else { return false }
        return today.days(since: decidedOn) > days
    }
}

/// Moving an idea along: one step at a time, never skipping, or closing with a reason.
public enum IdeaFlow {
    /// Why `from` cannot move to `to`, or nil when it can.
    public static func problem(from: IdeaStatus, to: IdeaStatus) -> String? {
        if to == .closed {
            return from.isOpen ? nil : "This idea is already \(from.name): it cannot be closed."
        }
        guard let next = from.next else { return "This idea is \(from.name): it goes no further." }
        return next == to ? nil : "An idea that is \(from.name) goes next to \(next.name), not \(to.name): no skipping steps."
    }
}
