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
    /// The Parent Champions invited.
    public var championIDs: [Int64]
    /// Those of them who have confirmed they are coming.
    public var confirmedChampionIDs: [Int64]
    /// How many other parents are expected besides the champions.
    public var otherParents: Int
    /// Planned, cancelled or held.
    public var status: MeetingStatus
    /// Why it was cancelled, when it was.
    public var cancelReason: String?

    /// Creates a meeting. Champions invited are taken as confirmed unless `confirmed` says
    /// otherwise.
    public init(id: Int64, kind: MeetingKind, title: String, date: LocalDate, start: TimeOfDay,
                end: TimeOfDay, venue: String, championIDs: [Int64] = [], confirmed: [Int64]? = nil,
                otherParents: Int = 0, status: MeetingStatus = .planned, cancelReason: String? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.start = start
        self.end = end
        self.venue = venue
        self.championIDs = championIDs
        self.confirmedChampionIDs = confirmed ?? championIDs
        self.otherParents = otherParents
        self.status = status
        self.cancelReason = cancelReason
    }

    /// When it starts, as a date and time.
    public var startsAt: LocalDateTime { LocalDateTime(date: date, time: start) }

    /// Parents attending: the champions who confirmed and the other parents.
    public var parentsAttending: Int { confirmedChampionIDs.count + otherParents }

    /// `10:00–12:00`.
    public var timeRange: String { "\(start)–\(end)" }
}
