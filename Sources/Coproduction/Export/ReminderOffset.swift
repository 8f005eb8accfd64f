/// How long before a meeting a reminder goes: "2d", "2h", "30m", "1w". The calendar carries each
/// as an alarm (VALARM) and `coproduce remind` sends an e-mail at each.
public struct ReminderOffset: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Minutes before the meeting starts.
    public var minutes: Int

    /// The shortest and longest offsets taken: 5 minutes to 4 weeks.
    public static let range = 5...(28 * 24 * 60)

    /// Creates an offset of `minutes`.
    public init(minutes: Int) { self.minutes = minutes }

    /// Orders by length.
    public static func < (a: ReminderOffset, b: ReminderOffset) -> Bool { a.minutes < b.minutes }

    /// "2d", "2h", "90m": the shortest whole unit, as the setting stores it.
    public var description: String {
        if minutes % (7 * 1440) == 0 { return "\(minutes / (7 * 1440))w" }
        if minutes % 1440 == 0 { return "\(minutes / 1440)d" }
        if minutes % 60 == 0 { return "\(minutes / 60)h" }
        return "\(minutes)m"
    }

    /// "2 days", "2 hours", "30 minutes", in a message.
    public var words: String {
        func n(_ v: Int, _ unit: String) -> String { Plural.count(v, unit) }
        if minutes % (7 * 1440) == 0 { return n(minutes / (7 * 1440), "week") }
        if minutes % 1440 == 0 { return n(minutes / 1440, "day") }
        if minutes % 60 == 0 { return n(minutes / 60, "hour") }
        return n(minutes, "minute")
    }

    /// The RFC 5545 TRIGGER value: `-P2D`, `-PT2H`, `-PT30M`, `-P1W`.
    public var trigger: String {
        if minutes % (7 * 1440) == 0 { return "-P\(minutes / (7 * 1440))W" }
        if minutes % 1440 == 0 { return "-P\(minutes / 1440)D" }
        if minutes % 60 == 0 { return "-PT\(minutes / 60)H" }
        return "-PT\(minutes)M"
    }

    /// Reads a list such as "2d, 2h" or "2 days, 90 minutes": at most five, longest first,
    /// each from 5 minutes to 4 weeks. Empty is no reminders.
    public static func parse(_ text: String) -> Result<[ReminderOffset], InputError> {
        var out: [ReminderOffset] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            let digits = part.prefix { $0.isNumber }
            let unit = part.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
            let per: Int?
            switch unit {
            case "m", "min", "mins", "minute", "minutes": per = 1
            case "h", "hr", "hrs", "hour", "hours": per = 60
            case "d", "day", "days": per = 1440
            case "w", "wk", "week", "weeks": per = 7 * 1440
            default: per = nil
            }
            guard let n = Int(digits), let per else {
                return .failure(InputError("“\(part)” is not a length of time: write it as 2d, 2h or 30m (days, hours, minutes), commas between."))
            }
            let offset = ReminderOffset(minutes: n * per)
            guard range.contains(offset.minutes) else {
                return .failure(InputError("“\(part)” is outside 5 minutes to 4 weeks before a meeting."))
            }
            if !out.contains(offset) { out.append(offset) }
        }
        guard out.count <= 5 else { return .failure(InputError("At most five reminders; \(out.count) were given.")) }
        return .success(out.sorted(by: >))
    }
}
