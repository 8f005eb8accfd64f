import Foundation

/// Ofsted's exemptions for occasional childcare, as a dated row: care where no child stays more
/// than `stayMinutes` a day needs no registration; care over that on `daysWithNotice` days or
/// fewer a year at one venue needs notice to reach Ofsted `noticeDays` before; beyond that the
/// crèche must be registered.
public struct RegistrationRule: Hashable, Sendable {
    /// When the row came into force.
    public var effectiveFrom: LocalDate
    /// The longest stay a day that needs no registration (120 minutes).
    public var stayMinutes: Int
    /// Days a year at one venue with a longer stay allowed with notice (14).
    public var daysWithNotice: Int
    /// Days before the first such day by which the notice must reach Ofsted (14).
    public var noticeDays: Int
    /// Where the rule comes from, and the app's reading of it.
    public var source: String

    /// A rule.
    public init(effectiveFrom: LocalDate, stayMinutes: Int = 120, daysWithNotice: Int = 14, noticeDays: Int = 14, source: String = "") {
        self.effectiveFrom = effectiveFrom
        self.stayMinutes = stayMinutes
        self.daysWithNotice = daysWithNotice
        self.noticeDays = noticeDays
        self.source = source
    }

    /// The limit in words: "2 hours".
    public var limitWords: String {
        stayMinutes % 60 == 0 ? "\(stayMinutes / 60) hour\(stayMinutes == 60 ? "" : "s")" : TwoHourStay.words(stayMinutes)
    }

    /// The row in force on `day` among `rules` (the latest that had started; the oldest when
    /// the day is before them all).
    public static func inForce(on day: LocalDate, among rules: [RegistrationRule]) -> RegistrationRule? {
        let sorted = rules.sorted { $0.effectiveFrom < $1.effectiveFrom }
        return sorted.last { $0.effectiveFrom <= day } ?? sorted.first
    }
}

/// A venue's year: the days on which a child in an unregistered crèche there was booked (or
/// signed in) for more than two hours, and the date notice was sent to Ofsted, if it was.
public struct VenueYear: Hashable, Sendable {
    /// The venue, as the meetings spell it.
    public var venue: String
    /// The calendar year (1 January to 31 December).
    public var year: Int
    /// The days with a child over the limit, in order.
    public var longDays: [LocalDate]
    /// When notice was sent to Ofsted for the year at this venue.
    public var noticeSentOn: LocalDate?

    /// A venue's year.
    public init(venue: String, year: Int, longDays: [LocalDate], noticeSentOn: LocalDate? = nil) {
        self.venue = venue
        self.year = year
        self.longDays = longDays.sorted()
        self.noticeSentOn = noticeSentOn
    }

    /// The last day notice may reach Ofsted: `noticeDays` before the year's first long day.
    public func noticeDue(_ rule: RegistrationRule) -> LocalDate? { longDays.first?.adding(days: -rule.noticeDays) }

    /// The year's status in one phrase: "no child over 2 hours", "exempt with notice: 3 of 14
    /// days used; …", or "registration needed".
    public func summary(_ rule: RegistrationRule) -> (status: CheckStatus, words: String) {
        let hours = rule.limitWords
        guard !longDays.isEmpty else { return (.pass, "no child over \(hours)") }
        if longDays.count > rule.daysWithNotice {
            return (.fail, "registration needed: \(Plural.count(longDays.count, "day")) with a child over \(hours) in \(year), more than the \(rule.daysWithNotice) "
                    + "allowed with notice. Register the crèche with Ofsted, or keep every child under \(hours).")
        }
        let used = "exempt with notice: \(longDays.count) of \(rule.daysWithNotice) days used"
        if let sent = noticeSentOn {
            if let due = noticeDue(rule), sent > due {
                return (.fail, used + "; notice sent on \(sent.inWords) reached Ofsted less than \(rule.noticeDays) days before \(longDays[0].inWords): "
                        + "those days are not covered.")
            }
            return (.pass, used + "; notice sent on \(sent.inWords)")
        }
        return (.fail, used + "; notice must reach Ofsted by \(noticeDue(rule)!.inWords), and none is on file: send it and record the date.")
    }

    /// One crèche's status on `day`: whether it has a child over the limit, and if so where
    /// that day stands in the year.
    public func status(on day: LocalDate, _ rule: RegistrationRule) -> (status: CheckStatus, words: String) {
        let hours = rule.limitWords
        guard let index = longDays.firstIndex(of: day) else {
            let note = longDays.isEmpty ? "" : " (\(longDays.count) of \(rule.daysWithNotice) days with longer stays used at this venue in \(year))"
            return (.pass, "no child over \(hours)" + note)
        }
        let n = index + 1
        if n > rule.daysWithNotice {
            return (.fail, "registration needed: this is day \(n) with a child over \(hours) at \(venue) in \(year); only \(rule.daysWithNotice) "
                    + "are allowed with notice. Register the crèche with Ofsted, or keep every child under \(hours).")
        }
        let used = longDays.count <= rule.daysWithNotice
            ? "exempt with notice: \(longDays.count) of \(rule.daysWithNotice) days used"
            : "exempt with notice: day \(n) of the \(rule.daysWithNotice) allowed (\(longDays.count) this year: the rest need registration)"
        guard let sent = noticeSentOn else {
            return (.fail, used + "; notice must reach Ofsted by \(noticeDue(rule)!.inWords), and none is on file: send it and record the date "
                    + "(coproduce creche registration notice).")
        }
        if sent > day.adding(days: -rule.noticeDays) {
            return (.fail, used + "; the notice sent on \(sent.inWords) is less than \(rule.noticeDays) days before \(day.inWords): "
                    + "this day is not covered. Keep every child under \(hours), or move the day.")
        }
        return (.pass, used + "; notice sent on \(sent.inWords)")
    }

    /// Whether booking a long stay on `day` would pass the days allowed with notice (a day not
    /// yet counted, with the year's allowance already used).
    public func bookingWouldPass(on day: LocalDate, _ rule: RegistrationRule) -> Bool {
        !longDays.contains(day) && longDays.count >= rule.daysWithNotice
    }
}

/// One day's place against the registration exemptions: its status and the words to show.
public struct RegistrationStanding: Hashable, Sendable {
    /// Pass when no registration or notice is needed or the notice covers the day.
    public var status: CheckStatus
    /// "exempt with notice: 3 of 14 days used; notice sent on …".
    public var words: String

    /// A standing.
    public init(status: CheckStatus, words: String) {
        self.status = status
        self.words = words
    }
}
