/// A wall-clock time of day in UK local time, to the minute.
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Minutes since midnight, 0 to 1439.
    public let minutes: Int

    /// Creates a time from minutes since midnight, or nil outside 0..<1440.
    public init?(minutes: Int) {
        guard (0..<1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Creates a time from hours and minutes, or nil when either is out of range.
    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.minutes = hour * 60 + minute
    }

    /// The hour, 0 to 23.
    public var hour: Int { minutes / 60 }
    /// The minute within the hour, 0 to 59.
    public var minute: Int { minutes % 60 }

    /// 24-hour `10:00`, as shown on screen and stored.
    public var description: String {
        // Five digits and a colon written in place: batch exports write two for each meeting.
        guard (0..<1440).contains(minutes) else {
            let h = hour < 10 ? "0\(hour)" : "\(hour)"
            let m = minute < 10 ? "0\(minute)" : "\(minute)"
            return "\(h):\(m)"
        }
        let (h, m) = (hour, minute)
        return DigitText.make(count: 5) { text in
            text.digits(h, width: 2)
            text.character(":")
            text.digits(m, width: 2)
        }
    }

    /// Orders times through the day.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}
