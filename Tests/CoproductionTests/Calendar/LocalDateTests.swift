import Coproduction
import Foundation
import PropertyBased
import Testing

@Suite struct LocalDateTests {
    @Test func parsesAndPrintsISODates() throws {
        let d = try #require(LocalDate(iso: "2027-01-12"))
        #expect(d.iso == "2027-01-12")
        #expect(d.long == "Tue 12 Jan 2027")
        #expect(d.medium == "Tue 12 Jan")
    }

    /// The ISO text is written and read digit by digit (batch commands read a date on every
    /// row): for any day from year 1 to 9999, the text is the zero-padded form
    /// `String(format:)` gives, and reading it back gives the same day.
    @Test func everyDayRoundTripsThroughItsISOText() async {
        await propertyCheck(input: Gen.int(in: LocalDate(year: 1, month: 1, day: 1)!.dayNumber...LocalDate(year: 9999, month: 12, day: 31)!.dayNumber)) { n in
            let day = LocalDate(dayNumber: n)
            #expect(day.iso == String(format: "%04d-%02d-%02d", day.year, day.month, day.day))
            #expect(LocalDate(iso: day.iso) == day)
        }
    }

    @Test(arguments: ["2027-02-29", "2027-13-01", "2027-00-10", "27-01-12", "2027-1-12", "", "next tuesday", "+027-01-12", "2027-01-1x",
                      "2027/01/12", "２０２７-01-12"])
    func refusesImpossibleOrMalformedDates(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(LocalDate(iso: "2028-02-29") != nil)
        #expect(LocalDate(iso: "2100-02-29") == nil)
        #expect(LocalDate(iso: "2000-02-29") != nil)
    }

    @Test func dayNumbersRoundTripAndGiveWeekdays() throws {
        #expect(try #require(LocalDate(iso: "1970-01-01")).dayNumber == 0)
        #expect(try #require(LocalDate(iso: "2026-11-27")).weekday == .friday)
        #expect(try #require(LocalDate(iso: "2026-11-28")).weekday == .saturday)
        let start = try #require(LocalDate(iso: "2024-02-27"))
        for offset in 0..<800 {
            let d = start.adding(days: offset)
            #expect(LocalDate(dayNumber: d.dayNumber) == d)
            #expect(d.days(since: start) == offset)
        }
        #expect(start.adding(days: 2).iso == "2024-02-29")
        #expect(start.adding(days: 3).iso == "2024-03-01")
    }

    @Test func agesAreTakenOnTheDay() throws {
        let birth = try #require(LocalDate(iso: "2024-12-10"))
        #expect(try #require(LocalDate(iso: "2026-12-09")).age(ofSomeoneBornOn: birth) == 1)
        #expect(try #require(LocalDate(iso: "2026-12-10")).age(ofSomeoneBornOn: birth) == 2)
    }
}

@Suite struct LocalDateTimeTests {
    @Test func ukWallClockCrossesTheClockChanges() throws {
        // Winter: GMT, so 10:00 in London is 10:00 UTC.
        let winter = try #require(LocalDateTime(iso: "2026-11-27T10:00"))
        #expect(winter.instant.timeIntervalSince1970 == 1_795_773_600)
        // Summer: BST, so 10:00 in London is 09:00 UTC.
        let summer = try #require(LocalDateTime(iso: "2027-03-29T10:00"))
        #expect(summer.instant.timeIntervalSince1970 == 1_806_310_800)
        #expect(LocalDateTime(summer.instant) == summer)
        #expect(LocalDateTime(winter.instant) == winter)
    }

    @Test func timesPrintIn24Hours() throws {
        #expect(try #require(TimeOfDay(hour: 9, minute: 5)).description == "09:05")
        #expect(TimeOfDay(hour: 24, minute: 0) == nil)
        #expect(TimeOfDay(hour: 10, minute: 60) == nil)
        // Every minute of the day, written in place, is the zero-padded 24-hour form.
        for minutes in 0..<1440 {
            let time = try #require(TimeOfDay(minutes: minutes))
            #expect(time.description == String(format: "%02d:%02d", minutes / 60, minutes % 60))
        }
    }
}
