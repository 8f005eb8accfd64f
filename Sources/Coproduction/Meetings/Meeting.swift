/// A meeting parents take part in, with UK wall-clock times.
public struct Meeting: Hashable, Sendable, Identifiable {
    /// The database identifier; 0 for a meeting not yet saved.
    public var id: Int64
    /// Board, Service Design, Task and Finish group or pre-meeting.
    public var kind: MeetingKind
    /// The title, for example `Partnership Board`.
    public var title: String
    /// The day it is held.
    public var date: LocalDate
    /// When it starts (Europe/London).
    public var start: TimeOfDay
    /// When it ends (Europe/London).
    public var end: TimeOfDay
    /// Where it is held.
    public var venue: String
    /// The Parent Champions attending.
    public var championIDs: [Int64]
    /// How many other parents are expected besides the champions.
    public var otherParents: Int

    /// Creates a meeting.
    public init(id: Int64, kind: MeetingKind, title: String, date: LocalDate, start: TimeOfDay,
                end: TimeOfDay, venue: String, championIDs: [Int64] = [], otherParents: Int = 0) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.start = start
        self.end = end
        self.venue = venue
        self.championIDs = championIDs
        self.otherParents = otherParents
    }

    /// When it starts, as a date and time.
    public var startsAt: LocalDateTime { LocalDateTime(date: date, time: start) }

    /// Parents attending: the champions and the other parents.
    public var parentsAttending: Int { championIDs.count + otherParents }

    /// `10:00–12:00`.
    public var timeRange: String { "\(start)–\(end)" }
}
