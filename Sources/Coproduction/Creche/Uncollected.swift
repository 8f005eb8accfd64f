import Foundation

/// One step of the escalation when a child is not collected by the session's end: call the
/// parent (15 minutes after), the emergency contacts (30), children's social care (60).
public enum UncollectedStep: String, CaseIterable, Sendable, Hashable, Comparable {
    /// 15 minutes after the end: call the parent.
    case parent = "call the parent"
    /// 30 minutes after: call the emergency contacts.
    case contacts = "call the emergency contacts"
    /// 60 minutes after: call children's social care.
    case socialCare = "call children's social care"

    /// Minutes after the session's end at which the step is due.
    public var minutesAfterEnd: Int {
        switch self {
        case .parent: return 15
        case .contacts: return 30
        case .socialCare: return 60
        }
    }

    /// The word a command takes for the step.
    public var argument: String {
        switch self {
        case .parent: return "parent"
        case .contacts: return "contacts"
        case .socialCare: return "social-care"
        }
    }

    /// The step a command's word names ("parent", "contacts", "social-care").
    public init?(argument: String) {
        guard let step = Self.allCases.first(where: { $0.argument == argument.lowercased() }) else { return nil }
        self = step
    }

    /// Steps in the order they fall due.
    public static func < (lhs: UncollectedStep, rhs: UncollectedStep) -> Bool { lhs.minutesAfterEnd < rhs.minutesAfterEnd }
}

/// A step marked done: who did it and when, kept whatever happens next.
public struct UncollectedStepDone: Hashable, Sendable {
    /// The step.
    public var step: UncollectedStep
    /// When it was done.
    public var at: Date
    /// Who made the call.
    public var by: String
    /// What came of it ("no answer", "Dad on his way, 10 minutes").
    public var note: String

    /// A step done.
    public init(step: UncollectedStep, at: Date, by: String, note: String = "") {
        self.step = step
        self.at = at
        self.by = by
        self.note = note
    }
}

/// The escalation for a child still signed in after their session's end, with its times:
/// each step due at its minutes after the end, failing until it is marked done.
public struct UncollectedEscalation: Hashable, Sendable {
    /// The child's name.
    public var childName: String
    /// When the session ended.
    public var sessionEnds: LocalDateTime
    /// Steps marked done so far.
    public var done: [UncollectedStepDone]
    /// Children's social care's number (the `childrens-social-care-number` setting; empty when
    /// not set).
    public var socialCareNumber: String
    /// Who to call at each step, as the child's record gives them.
    public var parent: String
    /// The emergency contacts, as recorded.
    public var contacts: String

    /// An escalation.
    public init(childName: String, sessionEnds: LocalDateTime, done: [UncollectedStepDone], socialCareNumber: String = "",
                parent: String = "", contacts: String = "") {
        self.childName = childName
        self.sessionEnds = sessionEnds
        self.done = done
        self.socialCareNumber = socialCareNumber
        self.parent = parent
        self.contacts = contacts
    }

    /// When a step falls due.
    public func due(_ step: UncollectedStep) -> LocalDateTime {
        LocalDateTime(sessionEnds.instant.addingTimeInterval(TimeInterval(step.minutesAfterEnd * 60)))
    }

    /// The first record of a step done.
    public func record(of step: UncollectedStep) -> UncollectedStepDone? { done.first { $0.step == step } }

    /// One line of the escalation.
    public struct Line: Hashable, Sendable {
        /// The step.
        public var step: UncollectedStep
        /// When it is due.
        public var due: LocalDateTime
        /// Pass once done; fail once due and not done; warn while still to come.
        public var status: CheckStatus
        /// The step, who to call, and its time or who did it.
        public var words: String
    }

    /// Each step with its time, as at `now` (empty before the session ends).
    public func lines(now: LocalDateTime) -> [Line] {
        guard now > sessionEnds else { return [] }
        return UncollectedStep.allCases.map { step in
            let due = due(step)
            var what = step.rawValue.prefix(1).uppercased() + step.rawValue.dropFirst()
            switch step {
            case .parent where !parent.isEmpty: what += " (\(parent))"
            case .contacts: what += contacts.isEmpty ? " (none recorded on the child's record)" : " (\(contacts))"
            case .socialCare: what += socialCareNumber.isEmpty ? " (no number set: S, Settings)" : " on \(socialCareNumber)"
            default: break
            }
            if let record = record(of: step) {
                let note = record.note.isEmpty ? "" : ": \(record.note)"
                return Line(step: step, due: due, status: .pass,
                            words: "\(due.time) \(what): done \(LocalDateTime(record.at).time) by \(record.by)\(note)")
            }
            if now >= due {
                return Line(step: step, due: due, status: .fail, words: "\(due.time) \(what): due now, not marked done")
            }
            return Line(step: step, due: due, status: .warn, words: "\(due.time) \(what)")
        }
    }

    /// The worst line at `now`: fail when a step is due and not done, otherwise warn (the
    /// session has ended and the child is still in).
    public func status(now: LocalDateTime) -> CheckStatus {
        let lines = lines(now: now)
        guard !lines.isEmpty else { return .pass }
        return lines.map(\.status).max() == .fail ? .fail : .warn
    }

    /// The step to do next: the earliest due and not done, or else the earliest not done.
    public func next(now: LocalDateTime) -> UncollectedStep? {
        UncollectedStep.allCases.first { record(of: $0) == nil }
    }

    /// One sentence for `check` and pane 3: the child, the end, and the step needed.
    public func summary(now: LocalDateTime) -> String {
        let late = lines(now: now).filter { $0.status == .fail }.map(\.step)
        let head = "\(childName) is still in the crèche: the session ended at \(sessionEnds.time) on \(sessionEnds.date.inWords)"
        if let first = late.first {
            return head + ". \(first.rawValue.prefix(1).uppercased() + first.rawValue.dropFirst()) now (due \(due(first).time)) and mark it done."
        }
        if let next = next(now: now) { return head + ". Next: \(next.rawValue) at \(due(next).time)." }
        return head + ". Every step is done: sign them out when they are collected."
    }

    /// Why a step cannot be recorded as given, if it cannot: before the session's end, in the
    /// future, or a step already done.
    public func problem(marking step: UncollectedStep, at: Date, now: Date) -> String? {
        if at <= sessionEnds.instant {
            return "The session ends at \(sessionEnds.time): a call about a child not collected is after that. Check the time."
        }
        if at > now.addingTimeInterval(60) { return "That time is still to come: give the time the call was made." }
        if let record = record(of: step) {
            return "\(step.rawValue.prefix(1).uppercased() + step.rawValue.dropFirst()) was marked done at \(LocalDateTime(record.at).time) by \(record.by)."
        }
        return nil
    }
}
