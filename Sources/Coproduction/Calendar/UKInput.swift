/// Reading dates and times the way UK office staff type them.
public enum UKInput {
    /// A moment from a time on `day` (`10:40`) or a date and a time (`04/12/2026 10:40`).
    public static func moment(_ text: String, on day: LocalDate, today: LocalDate) -> Result<LocalDateTime, InputError> {
        let parts = text.split(separator: " ").map(String.init)
        guard (1...2).contains(parts.count) else {
            return .failure(InputError("“\(text)” is not a time: write it as 10:40, or 04/12/2026 10:40."))
        }
        var on = day
        if parts.count == 2 {
            switch date(parts[0], today: today) {
            case .success(let d): on = d
            case .failure(let e): return .failure(e)
            }
        }
        return time(parts[parts.count - 1]).map { LocalDateTime(date: on, time: $0) }
    }

    /// A date from `2027-01-12`, `12/01/2027`, `12/1/27` or `12/1` (day first, always).
    /// Without a year, the next such day on or after `today`. The error says what is wrong.
    public static func date(_ text: String, today: LocalDate) -> Result<LocalDate, InputError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        // What was typed, shown back short enough to read in a message.
        let shown = t.count > 24 ? String(t.prefix(21)) + "…" : t
        if t.contains("-") {
            guard let d = LocalDate(iso: t) else {
                if t.count > 10, let d = LocalDate(iso: String(t.prefix(10))) {
                    return .failure(InputError("“\(shown)” has extra characters after the date: write just \(d.iso) (or \(d.uk))."))
                }
                return .failure(InputError("“\(shown)” is not a date: write it as 12/01/2027 or 2027-01-12."))
            }
            return .success(d)
        }
        var parts = t.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // 2027/03/03: a four-digit first part can only be a year, so it is year/month/day.
        if parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
           parts[1].count <= 2, parts[2].count <= 2 {
            parts = [parts[2], parts[1], parts[0]]
        }
        if parts.count == 3, parts[2].count > 4, parts[2].prefix(4).allSatisfy(\.isNumber) {
            let day = parts[0], month = parts[1], year = String(parts[2].prefix(4))
            return .failure(InputError("“\(shown)” has extra characters after the year: write it as \(day)/\(month)/\(year) (day/month/year)."))
        }
        guard (2...3).contains(parts.count), let day = Int(parts[0]), let month = Int(parts[1]) else {
            return .failure(InputError("“\(shown)” is not a date: write it as day/month/year, as 12/01/2027, or as 2027-01-12."))
        }
        guard day > 0, parts[0].count <= 2 else {
            return .failure(InputError("“\(shown)” has no day \(day): dates are day/month/year, as 12/01/2027 for 12 January."))
        }
        guard (1...12).contains(month) else {
            return .failure(InputError("“\(shown)” has no month \(month): dates are day/month/year, so 12/01/2027 is 12 January."))
        }
        if parts.count == 3 {
            guard var year = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 else {
                return .failure(InputError("“\(shown)” has no clear year: write it with four digits, as 12/01/2027."))
            }
            if parts[2].count == 2 { year += 2000 }
            guard let d = LocalDate(year: year, month: month, day: day) else {
                return .failure(InputError("\(day)/\(month)/\(year) does not exist: that month has \(LocalDate.daysIn(month: month, year: year)) days."))
            }
            return .success(d)
        }
        for year in [today.year, today.year + 1] {
            if let d = LocalDate(year: year, month: month, day: day), d >= today { return .success(d) }
        }
        return .failure(InputError("\(day)/\(month) does not exist: check the day and month."))
    }

    /// A time from `10:00`, `10.30`, `1030`, `10am` or `2:30pm` (UK wall clock, 24-hour).
    public static func time(_ text: String) -> Result<TimeOfDay, InputError> {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased()
        var offset = 0
        if t.hasSuffix("am") || t.hasSuffix("pm") {
            offset = t.hasSuffix("pm") ? 12 : 0
            t = String(t.dropLast(2)).trimmingCharacters(in: .whitespaces)
        }
        let digits = t.replacingOccurrences(of: ".", with: ":")
        var hour: Int?, minute: Int?
        if digits.contains(":") {
            let p = digits.split(separator: ":").map(String.init)
            if p.count == 2, p[1].count == 2 { hour = Int(p[0]); minute = Int(p[1]) }
        } else if digits.count == 4 {
            hour = Int(digits.prefix(2)); minute = Int(digits.suffix(2))
        } else if !digits.isEmpty, digits.count <= 2 {
            hour = Int(digits); minute = 0
        }
        guard var h = hour, let m = minute else {
            return .failure(InputError("“\(text)” is not a time: write it as 10:00 or 2:30pm."))
        }
        if offset != 0 || text.lowercased().hasSuffix("am") {
            guard (1...12).contains(h) else { return .failure(InputError("“\(text)” is not a time: with am or pm the hour is 1 to 12.")) }
            h = h % 12 + offset
        }
        guard let time = TimeOfDay(hour: h, minute: m) else {
            return .failure(InputError("“\(text)” is not a time of day: hours run 0 to 23 and minutes 0 to 59."))
        }
        return .success(time)
    }
}

/// Input that cannot be read, with a message saying how to write it.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message.
    public var description: String

    /// Creates the error.
    public init(_ message: String) { self.description = message }
}
