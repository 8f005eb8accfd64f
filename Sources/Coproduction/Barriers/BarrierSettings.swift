/// The settings the barrier checks use.
public struct BarrierSettings: Hashable, Sendable {
    /// The earliest start that lets parents do the morning school run (default 09:30).
    public var earliestStart: TimeOfDay
    /// The latest end that lets parents do the afternoon school run (default 14:30).
    public var latestEnd: TimeOfDay
    /// How many days before a meeting its pre-meeting may be held (default 7).
    public var preMeetingWindowDays: Int
    /// The programme's own crèche ratios and minimum staff: the law's ratios in force on a
    /// session's day apply where they are stricter (see ``CrecheRules/ratios(within:)``).
    public var ratios: RatioTable
    /// The dated rows of crèche rules: each session is checked against those of its day.
    public var rules: CrecheRuleBook = CrecheRuleBook([])
    /// Local parents who must be there for a governance meeting to count (default 2).
    public var parentQuorum = 2
    /// Working days before a meeting by which its papers reach every invited parent (default 5).
    public var papersDays = 5
    /// The reading age texts for parents aim for (default 9, as GOV.UK writes).
    public var readingAge = Readability.defaultTarget
    /// The kinds of meeting the quorum applies to, by code (default every kind but pre-meetings).
    public var quorumKinds: Set<String> = ["board", "service-design", "task-and-finish", "committee"]

    /// Creates settings.
    public init(earliestStart: TimeOfDay, latestEnd: TimeOfDay, preMeetingWindowDays: Int, ratios: RatioTable) {
        self.earliestStart = earliestStart
        self.latestEnd = latestEnd
        self.preMeetingWindowDays = preMeetingWindowDays
        self.ratios = ratios
    }

    /// The programme's own rules: 09:30 to 14:30, a pre-meeting within 7 days, EYFS ratios.
    public static let standard = BarrierSettings(
        earliestStart: TimeOfDay(hour: 9, minute: 30)!, latestEnd: TimeOfDay(hour: 14, minute: 30)!,
        preMeetingWindowDays: 7, ratios: .eyfs)
}
