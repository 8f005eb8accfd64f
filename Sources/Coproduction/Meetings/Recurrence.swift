/// How a series of meetings repeats. The weekday, the day of the month and the nth weekday
/// are read from the series' first meeting, as Outlook and Google offer them, so the first
/// meeting is always the first occurrence.
public enum Recurrence: Hashable, Sendable {
    /// Every `interval` weeks, on the first meeting's weekday.
    case weekly(interval: Int)
    /// Every `interval` months on the first meeting's day of the month. A month without that
    /// day (the 31st in April, 29 February in most years) has no meeting, as RFC 5545 reads it.
    case monthlyOnDay(interval: Int)
    /// Every `interval` months on the nth weekday of the month (`ordinal` 1 to 4), or the last
    /// (`ordinal` -1).
    case monthlyOnWeekday(interval: Int, ordinal: Int)

    /// The longest gap: 26 weeks or 12 months.
    public static let maxInterval = (weeks: 26, months: 12)

    /// Every how many weeks or months.
    public var interval: Int {
        switch self {
        case .weekly(let n), .monthlyOnDay(let n), .monthlyOnWeekday(let n, _): return n
        }
    }

    /// How it is stored: `weekly:2`, `monthly-day:1`, `monthly-weekday:1:-1`.
    public var code: String {
        switch self {
        case .weekly(let n): return "weekly:\(n)"
        case .monthlyOnDay(let n): return "monthly-day:\(n)"
        case .monthlyOnWeekday(let n, let o): return "monthly-weekday:\(n):\(o)"
        }
    }

    /// Reads a stored ``code``.
    public init?(code: String) {
        let parts = code.split(separator: ":").map(String.init)
        guard parts.count >= 2, let n = Int(parts[1]), n >= 1 else { return nil }
        switch (parts[0], parts.count) {
        case ("weekly", 2): self = .weekly(interval: n)
        case ("monthly-day", 2): self = .monthlyOnDay(interval: n)
        case ("monthly-weekday", 3):
            guard let o = Int(parts[2]), (1...4).contains(o) || o == -1 else { return nil }
            self = .monthlyOnWeekday(interval: n, ordinal: o)
        default: return nil
        }
    }

    /// In words, for a series starting on `first`: "every 2 weeks on Tuesday", "every month on
    /// the 2nd Tuesday", "every 3 months on the 12th".
    public func words(from first: LocalDate) -> String {
        switch self {
        case .weekly(let n): return "every \(Self.count(n, "week")) on \(first.weekday.name)"
        case .monthlyOnDay(let n): return "every \(Self.count(n, "month")) on the \(Self.ordinalWord(first.day))"
        case .monthlyOnWeekday(let n, let o):
            return "every \(Self.count(n, "month")) on the \(o == -1 ? "last" : Self.ordinalWord(o)) \(first.weekday.name)"
        }
    }

    /// The rule as an RFC 5545 RRULE value without its end (the series adds UNTIL).
    public func rrule(from first: LocalDate) -> String {
        let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][first.weekday.rawValue]
        switch self {
        case .weekly(let n): return "FREQ=WEEKLY;INTERVAL=\(n);BYDAY=\(day)"
        case .monthlyOnDay(let n): return "FREQ=MONTHLY;INTERVAL=\(n);BYMONTHDAY=\(first.day)"
        case .monthlyOnWeekday(let n, let o): return "FREQ=MONTHLY;INTERVAL=\(n);BYDAY=\(o)\(day)"
        }
    }

    /// The same rule for a series whose first meeting moved to `date`: the nth weekday
    /// becomes `date`'s own place in its month (the last, when it is the 5th).
    public func anchored(to date: LocalDate) -> Recurrence {
        guard case .monthlyOnWeekday(let n, let o) = self else { return self }
        if o == -1 && Self.isLastWeekday(date) { return self }
        let nth = Self.weekdayOrdinal(of: date)
        return .monthlyOnWeekday(interval: n, ordinal: nth <= 4 ? nth : -1)
    }

    /// Which of its weekdays `date` is in its month: 1 to 5.
    public static func weekdayOrdinal(of date: LocalDate) -> Int { (date.day - 1) / 7 + 1 }

    /// Whether `date` is the last of its weekday in its month.
    public static func isLastWeekday(_ date: LocalDate) -> Bool {
        date.day + 7 > LocalDate.daysIn(month: date.month, year: date.year)
    }

    /// The rules a series starting on `first` can follow, in words, for a picker: the first
    /// is "does not repeat".
    public static func offered(from first: LocalDate) -> [String] {
        var out = [Self.never, Recurrence.weekly(interval: 1).words(from: first), Recurrence.weekly(interval: 2).words(from: first),
                   Recurrence.weekly(interval: 4).words(from: first)]
        let nth = weekdayOrdinal(of: first)
        for months in [1, 2, 3] {
            if nth <= 4 { out.append(Recurrence.monthlyOnWeekday(interval: months, ordinal: nth).words(from: first)) }
            if isLastWeekday(first) { out.append(Recurrence.monthlyOnWeekday(interval: months, ordinal: -1).words(from: first)) }
        }
        out.append(Recurrence.monthlyOnDay(interval: 1).words(from: first))
        return out
    }

    /// The words for a meeting that does not repeat.
    public static let never = "does not repeat"

    /// Reads what was typed for a series starting on `first`: empty or "does not repeat" is
    /// `nil`; otherwise "weekly", "fortnightly", "every 3 weeks", "monthly", "every month on
    /// the 12th", "every 2 months on the 2nd Tuesday", "every month on the last Friday". The
    /// weekday and day named must be `first`'s own.
    public static func parse(_ text: String, from first: LocalDate) -> Result<Recurrence?, InputError> {
        let words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        if words.isEmpty || [["does", "not", "repeat"], ["no"], ["none"], ["never"], ["once"]].contains(words) { return .success(nil) }
        let place = weekdayOrdinal(of: first) <= 4 ? ordinalWord(weekdayOrdinal(of: first)) : "last"
        let help = "Say how it repeats, for example \"every 2 weeks\" or \"every month on the \(place) \(first.weekday.name)\"."
        var rest = words[...]
        var interval = 1
        var unit: String
        switch rest.first {
        case "weekly": unit = "week"; rest = rest.dropFirst()
        case "fortnightly": unit = "week"; interval = 2; rest = rest.dropFirst()
        case "monthly": unit = "month"; rest = rest.dropFirst()
        case "every":
            rest = rest.dropFirst()
            if let n = rest.first.flatMap({ Int($0) ?? Self.numberWords[$0] }) { interval = n; rest = rest.dropFirst() }
            guard let u = rest.first else { return .failure(InputError(help)) }
            switch u {
            case "week", "weeks": unit = "week"
            case "fortnight", "fortnights": unit = "week"; interval *= 2
            case "month", "months": unit = "month"
            default: return .failure(InputError(help))
            }
            rest = rest.dropFirst()
        default: return .failure(InputError(help))
        }
        if unit == "week" {
            guard interval >= 1, interval <= maxInterval.weeks else {
                return .failure(InputError("A series repeats every 1 to \(maxInterval.weeks) weeks: \(interval) is outside that."))
            }
            if rest.first == "on" { rest = rest.dropFirst() }
            if let day = rest.first {
                guard Weekday.allCases.contains(where: { $0.name.lowercased() == day || $0.name.lowercased() + "s" == day || $0.short.lowercased() == day })
                else { return .failure(InputError(help)) }
                guard first.weekday.name.lowercased() == day || first.weekday.name.lowercased() + "s" == day || first.weekday.short.lowercased() == day else {
                    return .failure(InputError("The first meeting, \(first.long), is a \(first.weekday.name): the series repeats on that day. Change the date to move it."))
                }
                rest = rest.dropFirst()
            }
            guard rest.isEmpty else { return .failure(InputError(help)) }
            return .success(.weekly(interval: interval))
        }
        guard interval >= 1, interval <= maxInterval.months else {
            return .failure(InputError("A series repeats every 1 to \(maxInterval.months) months: \(interval) is outside that."))
        }
        if rest.first == "on" { rest = rest.dropFirst() }
        if rest.first == "the" { rest = rest.dropFirst() }
        if rest.isEmpty { return .success(.monthlyOnDay(interval: interval)) }
        if rest.first == "day", rest.count == 2, let d = Int(rest.last!) {
            return d == first.day ? .success(.monthlyOnDay(interval: interval))
                : .failure(InputError("The first meeting is on the \(ordinalWord(first.day)): the series repeats on that day of the month. Change the date to move it."))
        }
        guard let ordinalText = rest.first else { return .failure(InputError(help)) }
        let ordinal: Int?
        if ordinalText == "last" { ordinal = -1 } else { ordinal = Self.ordinalValue(ordinalText) }
        guard let ordinal else { return .failure(InputError(help)) }
        rest = rest.dropFirst()
        if rest.isEmpty {
            // "every month on the 12th".
            guard ordinal > 0 else { return .failure(InputError(help)) }
            return ordinal == first.day ? .success(.monthlyOnDay(interval: interval))
                : .failure(InputError("The first meeting is on the \(ordinalWord(first.day)): the series repeats on that day of the month. Change the date to move it."))
        }
        guard rest.count == 1, let day = rest.first,
              Weekday.allCases.contains(where: { $0.name.lowercased() == day || $0.short.lowercased() == day }) else {
            return .failure(InputError(help))
        }
        guard first.weekday.name.lowercased() == day || first.weekday.short.lowercased() == day else {
            return .failure(InputError("The first meeting, \(first.long), is a \(first.weekday.name), not a \(day.prefix(1).uppercased() + day.dropFirst()): change the date or the rule."))
        }
        let nth = weekdayOrdinal(of: first)
        if ordinal == -1 {
            guard isLastWeekday(first) else {
                return .failure(InputError("\(first.long) is the \(ordinalWord(nth)) \(first.weekday.name) of the month, not the last: change the date or the rule."))
            }
        } else {
            guard ordinal <= 4 else {
                return .failure(InputError("Not every month has a 5th \(first.weekday.name): choose \"the last \(first.weekday.name)\"."))
            }
            guard ordinal == nth else {
                return .failure(InputError("\(first.long) is the \(ordinalWord(nth)) \(first.weekday.name) of the month, not the \(ordinalWord(ordinal)): change the date or the rule."))
            }
        }
        return .success(.monthlyOnWeekday(interval: interval, ordinal: ordinal))
    }

    static let numberWords = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "other": 2]

    static func ordinalValue(_ text: String) -> Int? {
        let named = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5]
        if let n = named[text] { return n }
        let digits = text.prefix { $0.isNumber }
        guard let n = Int(digits), !digits.isEmpty else { return nil }
        let suffix = text.dropFirst(digits.count)
        return suffix.isEmpty || ["st", "nd", "rd", "th"].contains(String(suffix)) ? n : nil
    }

    /// 1st, 2nd, 3rd, 4th, 11th, 21st.
    public static func ordinalWord(_ n: Int) -> String {
        let tens = n % 100
        if (11...13).contains(tens) { return "\(n)th" }
        switch n % 10 {
        case 1: return "\(n)st"
        case 2: return "\(n)nd"
        case 3: return "\(n)rd"
        default: return "\(n)th"
        }
    }

    static func count(_ n: Int, _ unit: String) -> String { n == 1 ? unit : "\(n) \(unit)s" }
}

/// A series of meetings: how it repeats, its first meeting's day and the day it ends.
public struct SeriesRule: Hashable, Sendable {
    /// How it repeats.
    public var recurrence: Recurrence
    /// The first meeting's day.
    public var first: LocalDate
    /// The last day a meeting may fall on.
    public var until: LocalDate

    /// The most meetings one series makes: two years of weekly meetings.
    public static let maxOccurrences = 104

    /// Creates a rule.
    public init(_ recurrence: Recurrence, first: LocalDate, until: LocalDate) {
        self.recurrence = recurrence
        self.first = first
        self.until = until
    }

    /// The days of its meetings, first to last (at most one more than ``maxOccurrences``, so
    /// a rule that makes too many is seen without making them all).
    public var occurrences: [LocalDate] {
        guard until >= first else { return [] }
        var out: [LocalDate] = []
        var step = 0
        while out.count <= Self.maxOccurrences {
            let next: LocalDate?
            switch recurrence {
            case .weekly(let n):
                next = first.adding(days: 7 * n * step)
            case .monthlyOnDay(let n):
                let (y, m) = Self.month(first, plus: n * step)
                if LocalDate(year: y, month: m, day: 1)! > until { return out }
                next = LocalDate(year: y, month: m, day: first.day)  // nil when the month has no such day
            case .monthlyOnWeekday(let n, let ordinal):
                let (y, m) = Self.month(first, plus: n * step)
                next = Self.weekday(first.weekday, ordinal: ordinal, year: y, month: m)
            }
            step += 1
            guard let day = next, day >= first else { continue }
            if day > until { return out }
            out.append(day)
        }
        return out
    }

    /// The problems with it, in words for the field holding its end; empty when it is sound.
    public var problems: [String] {
        if until < first {
            return ["The series ends on \(until.uk), before its first meeting on \(first.uk), so it has no meeting: type a later end."]
        }
        let n = occurrences.count
        if n < 2 {
            return ["Repeating \(recurrence.words(from: first)) until \(until.uk) gives no meeting after the first: type a later end, or choose \"does not repeat\"."]
        }
        if n > Self.maxOccurrences {
            return ["That makes more than \(Self.maxOccurrences) meetings: a series ends within two years of weekly meetings. Type an earlier end."]
        }
        return []
    }

    /// The RRULE value, ended by UNTIL. With a DTSTART in Europe/London, RFC 5545 wants UNTIL
    /// in UTC: the end of the last day, which a meeting by day can never pass.
    public var rrule: String {
        recurrence.rrule(from: first) + String(format: ";UNTIL=%04d%02d%02dT235959Z", until.year, until.month, until.day)
    }

    /// "every 2 weeks on Tuesday until 30/06/2027".
    public var words: String { recurrence.words(from: first) + " until \(until.uk)" }

    static func month(_ date: LocalDate, plus months: Int) -> (Int, Int) {
        let index = date.year * 12 + (date.month - 1) + months
        return (index / 12, index % 12 + 1)
    }

    /// The nth (or last, -1) `weekday` of a month.
    static func weekday(_ weekday: Weekday, ordinal: Int, year: Int, month: Int) -> LocalDate? {
        let days = LocalDate.daysIn(month: month, year: year)
        let all = (1...days).compactMap { LocalDate(year: year, month: month, day: $0) }.filter { $0.weekday == weekday }
        if ordinal == -1 { return all.last }
        return all.indices.contains(ordinal - 1) ? all[ordinal - 1] : nil
    }
}
