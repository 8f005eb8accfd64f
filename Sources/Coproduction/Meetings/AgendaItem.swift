/// One item of a meeting's agenda: a title and a summary in plain words for parents.
public struct AgendaItem: Hashable, Sendable, Codable {
    /// The database identifier; 0 for an item not yet saved.
    public var id: Int64
    /// The item's title.
    public var title: String
    /// What it is about, in plain language.
    public var summary: String

    /// Creates an item.
    public init(id: Int64 = 0, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }
}

/// Where a meeting is in its life.
public enum MeetingStatus: String, Hashable, Sendable, CaseIterable, Codable {
    /// Planned and coming up (or not yet marked held).
    case planned
    /// Called off, with a reason kept on record.
    case cancelled
    /// Held.
    case held
}

/// Another meeting at the same time that shares a venue or a Parent Champion.
public struct Clash: Hashable, Sendable {
    /// What is shared.
    public enum Shared: Hashable, Sendable {
        /// The same venue.
        case venue(String)
        /// The same Parent Champion, by name.
        case champion(String)
    }
    /// What the two meetings share.
    public var shared: Shared
    /// The other meeting's id.
    public var otherID: Int64
    /// The other meeting's title.
    public var otherTitle: String
    /// The other meeting's times, for example `10:00–12:00`.
    public var otherTimes: String

    /// Creates a clash.
    public init(shared: Shared, otherID: Int64, otherTitle: String, otherTimes: String) {
        self.shared = shared
        self.otherID = otherID
        self.otherTitle = otherTitle
        self.otherTimes = otherTimes
    }
}
