/// One crèche session a child is booked into: when and where.
public struct CrecheSession: Hashable, Sendable {
    /// The meeting the crèche is for.
    public var meetingID: Int64
    /// The day.
    public var date: LocalDate
    /// When it starts.
    public var start: TimeOfDay
    /// When it ends.
    public var end: TimeOfDay
    /// Where.
    public var venue: String

    /// A session.
    public init(meetingID: Int64, date: LocalDate, start: TimeOfDay, end: TimeOfDay, venue: String) {
        self.meetingID = meetingID
        self.date = date
        self.start = start
        self.end = end
        self.venue = venue
    }
}

/// A child's stay in the crèche: sessions at one venue on one day, each starting within
/// ``joinMinutes`` of the one before ending (a pre-meeting and its meeting, or any such chain),
/// count as one stay for the two-hour rule, however the sessions are split.
public enum CrecheStay {
    /// The longest gap between sessions that still makes them one stay.
    public static let joinMinutes = 30

    /// The sessions of the stay that `meetingID` is part of, in order (just that session when
    /// nothing joins it; empty when it is not among `sessions`).
    public static func stay(containing meetingID: Int64, among sessions: [CrecheSession]) -> [CrecheSession] {
        guard let own = sessions.first(where: { $0.meetingID == meetingID }) else { return [] }
        let sameDay = sessions.filter { $0.date == own.date && NameMatch.fold($0.venue) == NameMatch.fold(own.venue) }
            .sorted { ($0.start.minutes, $0.meetingID) < ($1.start.minutes, $1.meetingID) }
        var chains: [[CrecheSession]] = []
        for session in sameDay {
            if var last = chains.popLast() {
                let reach = last.map(\.end.minutes).max() ?? 0
                if session.start.minutes - reach <= joinMinutes {
                    last.append(session)
                    chains.append(last)
                    continue
                }
                chains.append(last)
            }
            chains.append([session])
        }
        return chains.first { $0.contains { $0.meetingID == meetingID } } ?? [own]
    }

    /// How long a stay lasts, in minutes: from the first session's start to the last end.
    public static func minutes(of stay: [CrecheSession]) -> Int {
        guard let first = stay.map(\.start.minutes).min(), let last = stay.map(\.end.minutes).max() else { return 0 }
        return last - first
    }
}

/// The longest a child would be in a crèche, for the crèche check.
public struct LongestStay: Hashable, Sendable {
    /// The child (empty for places held without names).
    public var childName: String
    /// How long, in minutes.
    public var minutes: Int
    /// How many sessions it runs across (1: the meeting's own).
    public var sessions: Int

    /// A stay.
    public init(childName: String, minutes: Int, sessions: Int) {
        self.childName = childName
        self.minutes = minutes
        self.sessions = sessions
    }
}
