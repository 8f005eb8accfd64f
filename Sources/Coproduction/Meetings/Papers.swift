import Foundation

/// How a meeting's papers reached a parent.
public enum PaperFormat: String, CaseIterable, Hashable, Sendable {
    /// By e-mail.
    case email = "e-mail"
    /// Printed, by post or by hand.
    case print
    /// Printed in large print.
    case largePrint = "large print"
}

/// The papers sent to one invited parent for a meeting.
public struct PaperSent: Hashable, Sendable {
    /// The Parent Champion they went to.
    public var championID: Int64
    /// In which format.
    public var format: PaperFormat
    /// The day they went.
    public var sentOn: LocalDate

    /// Papers sent.
    public init(championID: Int64, format: PaperFormat, sentOn: LocalDate) {
        self.championID = championID
        self.format = format
        self.sentOn = sentOn
    }
}

/// The rule for papers: they reach each invited parent `workingDays` working days (Monday to
/// Friday) before the meeting.
public enum PapersRule {
    /// The last day papers may go for a meeting on `day`: `workingDays` working days before it.
    public static func deadline(for day: LocalDate, workingDays: Int) -> LocalDate {
        var d = day
        var left = workingDays
        while left > 0 {
            d = d.adding(days: -1)
            if d.weekday.isWeekday { left -= 1 }
        }
        return d
    }

    /// Working days from `from` up to `to` (0 when `to` is not after `from`).
    public static func workingDays(from: LocalDate, to: LocalDate) -> Int {
        // Whole weeks hold five each; only the days left over are looked at one by one.
        let first = from.dayNumber, last = to.dayNumber
        guard last > first else { return 0 }
        let span = last - first
        var n = span / 7 * 5
        var d = first + span / 7 * 7
        while d < last {
            d += 1
            if ((d % 7) + 7 + 3) % 7 < 5 { n += 1 }  // 0 = Monday, as LocalDate.weekday counts
        }
        return n
    }
}
