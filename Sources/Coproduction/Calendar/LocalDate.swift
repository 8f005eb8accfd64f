import Foundation

/// A calendar day in UK local time (Europe/London), with no time of day.
///
/// Dates are stored as ISO 8601 text (`2027-01-12`) and shown the way UK readers expect
/// (`Tue 12 Jan 2027`).
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, for example 2027.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO 8601 text such as `2027-01-12`.
    public init?(iso text: String) {
        // Read byte by byte: every row a batch command reads carries dates.
        var text = text
        text.makeContiguousUTF8()  // nothing to do for text already native
        let parsed = text.utf8.withContiguousStorageIfAvailable { b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard (48...57).contains(b[i]) else { return nil }
                    n = n * 10 + Int(b[i]) - 48
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parsed ?? nil else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The ISO 8601 form, `2027-01-12`: the form stored in the database and written to files.
    public var iso: String {
        // Written digit by digit, in place (String(format:) took a quarter of a batch
        // export's time). The year is 1 to 9999, so four digits.
        let (y, m, d) = (year, month, day)
        guard (0...9999).contains(y), (0...99).contains(m), (0...99).contains(d) else {
            // Only a date decoded from elsewhere could be out of range; written as it is.
            return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
        }
        return DigitText.make(count: 10) { text in
            text.digits(y, width: 4)
            text.character("-")
            text.digits(m, width: 2)
            text.character("-")
            text.digits(d, width: 2)
        }
    }

    /// The ISO form, so dates print unambiguously in logs and messages.
    public var description: String { iso }

    /// Orders dates by year, then month, then day.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The number of days in a month of a year (leap years included).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date a day number stands for (the inverse of `dayNumber`).
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    /// The date `days` later (or earlier, when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Whole days from `other` to this date (positive when this date is later).
    public func days(since other: LocalDate) -> Int { dayNumber - other.dayNumber }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    /// Whole years of age on this date for someone born on `birth` (for crèche age bands).
    public func age(ofSomeoneBornOn birth: LocalDate) -> Int {
        var years = year - birth.year
        if (month, day) < (birth.month, birth.day) { years -= 1 }
        return years
    }

    /// The same day `years` later (29 February becomes 28 February in a year without one):
    /// the anniversary a certificate or a training date is counted to.
    public func adding(years: Int) -> LocalDate {
        let y = year + years
        return LocalDate(year: y, month: month, day: min(day, LocalDate.daysIn(month: month, year: y)))!
    }

    /// `3 Mar 2027`: a date in a sentence.
    public var inWords: String { "\(day) \(LocalDate.monthNames[month - 1]) \(year)" }

    /// `Tue 12 Jan 2027`: the form shown on screen.
    public var long: String { "\(weekday.short) \(day) \(LocalDate.monthNames[month - 1]) \(year)" }

    /// `Tue 12 Jan`: the form shown in lists, where the year is plain from context.
    public var medium: String { "\(weekday.short) \(String(format: "%2d", day)) \(LocalDate.monthNames[month - 1])" }

    /// `12/01/2027`: day first, as UK forms are filled in.
    public var uk: String { String(format: "%02d/%02d/%04d", day, month, year) }

    /// `12 Jan`: the shortest unambiguous form within a year.
    public var short: String { "\(String(format: "%2d", day)) \(LocalDate.monthNames[month - 1])" }

    /// `Tuesday 12 January 2027`: a date as it is read aloud, with nothing abbreviated (the
    /// plain mode for screen readers and the papers parents are sent).
    public var spoken: String { "\(weekday.name) \(day) \(LocalDate.fullMonthNames[month - 1]) \(year)" }

    /// English month names in full.
    public static let fullMonthNames = ["January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November", "December"]

    /// Three-letter English month names.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// A day of the week, Monday first as in the UK.
public enum Weekday: Int, CaseIterable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Three-letter English name, for example `Tue`.
    public var short: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue] }

    /// The full English name, for example `Tuesday`.
    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue]
    }

    /// Monday to Friday.
    public var isWeekday: Bool { self.rawValue < 5 }
}
