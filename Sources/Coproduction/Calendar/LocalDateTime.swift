import Foundation

/// A date and wall-clock time in UK local time (Europe/London), across clock changes.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The day.
    public let date: LocalDate
    /// The time of day.
    public let time: TimeOfDay

    /// Creates a date-time from its parts.
    public init(date: LocalDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// The time zone every time in the programme is kept in.
    public static let london: TimeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!

    /// The UK wall-clock reading of an instant.
    public init(_ instant: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = LocalDateTime.london
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        self.date = LocalDate(year: c.year!, month: c.month!, day: c.day!)!
        self.time = TimeOfDay(hour: c.hour!, minute: c.minute!)!
    }

    /// Parses `2027-01-12T10:00` (or with a space for the T), a UK wall-clock reading.
    public init?(iso text: String) {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2, let d = LocalDate(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":")
        guard hm.count >= 2, let h = Int(hm[0]), let m = Int(hm[1]),
              let t = TimeOfDay(hour: h, minute: m) else { return nil }
        self.init(date: d, time: t)
    }

    /// The instant this wall-clock reading stands for in Europe/London. In the autumn hour
    /// that happens twice the earlier instant is chosen; a reading in the skipped spring hour
    /// is moved forward, as a clock would be.
    public var instant: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = LocalDateTime.london
        let c = DateComponents(year: date.year, month: date.month, day: date.day,
                               hour: time.hour, minute: time.minute)
        return calendar.date(from: c)!
    }

    /// `2027-01-12T10:00`.
    public var description: String { "\(date.iso)T\(time)" }

    /// Orders by date, then time.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }
}
