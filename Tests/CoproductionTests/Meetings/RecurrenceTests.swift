import Coproduction
import Foundation
import Testing

/// Series of meetings: the days a rule gives, across the clocks changing and 29 February, what
/// is typed for a rule, and a series refused when it never ends or has no meeting in it.
@Suite struct RecurrenceTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func everyTwoWeeksAcrossTheClocksChangingKeepsTheWallClock() throws {
        // The clocks go forward on Sunday 28 March 2027: 10:00 stays 10:00 for parents.
        let rule = SeriesRule(.weekly(interval: 2), first: day("2027-03-16"), until: day("2027-04-13"))
        #expect(rule.occurrences == [day("2027-03-16"), day("2027-03-30"), day("2027-04-13")])
        let ten = TimeOfDay(hour: 10, minute: 0)!
        let instants = rule.occurrences.map { LocalDateTime(date: $0, time: ten).instant }
        #expect(instants[1].timeIntervalSince(instants[0]) == 14 * 86_400 - 3_600, "an hour less between them in UTC")
        // Each is checked on its own day, at its own wall clock: all inside the school-run window.
        let checker = BarrierChecker(settings: .standard)
        for d in rule.occurrences {
            let m = Meeting(id: 1, kind: .partnershipBoard, title: "Board", date: d, start: ten, end: TimeOfDay(hour: 12, minute: 0)!, venue: "SAVS")
            #expect(checker.schoolRun(m).status == .pass)
        }
        #expect(rule.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270413T235959Z")
    }

    @Test func twentyNinthFebruaryIsAMeetingInALeapYearAndSkippedInOthers() {
        let weekly = SeriesRule(.weekly(interval: 1), first: day("2028-02-22"), until: day("2028-03-07"))
        #expect(weekly.occurrences == [day("2028-02-22"), day("2028-02-29"), day("2028-03-07")])
        // On the 29th every month: February 2027 has none, February 2028 has one (as RFC 5545 reads BYMONTHDAY=29).
        let monthly = SeriesRule(.monthlyOnDay(interval: 1), first: day("2027-01-29"), until: day("2028-03-31"))
        let days = monthly.occurrences
        #expect(!days.contains { $0.year == 2027 && $0.month == 2 })
        #expect(days.contains(day("2028-02-29")))
        #expect(days.count == 14)
        // The last Friday of the month lands on 25 Feb 2028 and on the 31st where there is one.
        let last = SeriesRule(.monthlyOnWeekday(interval: 1, ordinal: -1), first: day("2028-01-28"), until: day("2028-03-31"))
        #expect(last.occurrences == [day("2028-01-28"), day("2028-02-25"), day("2028-03-31")])
        #expect(last.rrule.hasPrefix("FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR"))
    }

    @Test func theNthWeekdayFollowsItsMonth() {
        let second = SeriesRule(.monthlyOnWeekday(interval: 2, ordinal: 2), first: day("2027-01-12"), until: day("2027-07-31"))
        #expect(second.occurrences == [day("2027-01-12"), day("2027-03-09"), day("2027-05-11"), day("2027-07-13")])
        #expect(second.words == "every 2 months on the 2nd Tuesday until 31/07/2027")
    }

    @Test func whatIsTypedIsReadAgainstTheFirstMeeting() throws {
        let tuesday = day("2027-01-12")  // the 2nd Tuesday of January
        #expect(try Recurrence.parse("", from: tuesday).get() == nil)
        #expect(try Recurrence.parse("does not repeat", from: tuesday).get() == nil)
        #expect(try Recurrence.parse("fortnightly", from: tuesday).get() == .weekly(interval: 2))
        #expect(try Recurrence.parse("every 3 weeks on Tuesday", from: tuesday).get() == .weekly(interval: 3))
        #expect(try Recurrence.parse("Every month on the 2nd Tuesday", from: tuesday).get() == .monthlyOnWeekday(interval: 1, ordinal: 2))
        #expect(try Recurrence.parse("every month on the 12th", from: tuesday).get() == .monthlyOnDay(interval: 1))
        // Every rule offered for a day reads back as itself.
        for offered in Recurrence.offered(from: day("2027-01-26")).dropFirst() {
            let r = try Recurrence.parse(offered, from: day("2027-01-26")).get()
            #expect(r?.words(from: day("2027-01-26")) == offered)
        }
        guard case .failure(let wrongDay) = Recurrence.parse("every month on the 3rd Tuesday", from: tuesday) else { Issue.record("accepted"); return }
        #expect(wrongDay.description.contains("is the 2nd Tuesday of the month, not the 3rd"))
        guard case .failure(let fifth) = Recurrence.parse("every month on the 5th Friday", from: day("2027-01-29")) else { Issue.record("accepted"); return }
        #expect(fifth.description.contains("choose \"the last Friday\""))
        guard case .failure(let often) = Recurrence.parse("every 30 weeks", from: tuesday) else { Issue.record("accepted"); return }
        #expect(often.description.contains("1 to 26 weeks"))
        guard case .failure(let daily) = Recurrence.parse("daily", from: tuesday) else { Issue.record("accepted"); return }
        #expect(daily.description.contains("every 2 weeks"))
    }

    @Test func aSeriesWithNoMeetingOrNoEndIsRefused() {
        let first = day("2027-03-16")
        let before = SeriesRule(.weekly(interval: 1), first: first, until: day("2027-03-01"))
        #expect(before.occurrences.isEmpty)
        #expect(before.problems.first?.contains("so it has no meeting") == true)
        let alone = SeriesRule(.monthlyOnDay(interval: 1), first: first, until: day("2027-04-15"))
        #expect(alone.problems.first?.contains("gives no meeting after the first") == true)
        // "Never ends" is an end so far off that it makes more than two years of weekly meetings.
        let endless = SeriesRule(.weekly(interval: 1), first: first, until: day("2099-12-31"))
        #expect(endless.occurrences.count == SeriesRule.maxOccurrences + 1, "counting stops just past the limit")
        #expect(endless.problems.first?.contains("more than 104 meetings") == true)
        #expect(SeriesRule(.weekly(interval: 1), first: first, until: day("2029-03-06")).problems.isEmpty, "exactly 104 is allowed")
    }

    @Test func aFirstMeetingMovedTakesItsOwnPlaceInTheMonth() {
        #expect(Recurrence.monthlyOnWeekday(interval: 1, ordinal: 2).anchored(to: day("2027-01-19")) == .monthlyOnWeekday(interval: 1, ordinal: 3))
        #expect(Recurrence.monthlyOnWeekday(interval: 1, ordinal: 4).anchored(to: day("2027-01-29")) == .monthlyOnWeekday(interval: 1, ordinal: -1))
        #expect(Recurrence.weekly(interval: 2).anchored(to: day("2027-01-20")) == .weekly(interval: 2))
        #expect(Recurrence(code: Recurrence.monthlyOnWeekday(interval: 3, ordinal: -1).code) == .monthlyOnWeekday(interval: 3, ordinal: -1))
    }
}
