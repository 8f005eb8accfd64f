import Coproduction
import Foundation
import PropertyBased
import Testing

/// Papers out in time: the deadline counted in working days, and the check warning as it
/// nears and failing once it has passed with papers unsent.
@Suite struct PapersTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func theDeadlineCountsWorkingDaysOnly() {
        #expect(PapersRule.deadline(for: day("2026-12-14"), workingDays: 5) == day("2026-12-07"), "a Monday meeting: the Monday before")
        #expect(PapersRule.deadline(for: day("2026-12-07"), workingDays: 1) == day("2026-12-04"), "the weekend is skipped: the Friday")
        #expect(PapersRule.deadline(for: day("2026-12-09"), workingDays: 2) == day("2026-12-07"), "due on the Monday after a weekend")
        #expect(PapersRule.workingDays(from: day("2026-12-04"), to: day("2026-12-07")) == 1)
    }

    /// Working days are counted in whole weeks at once (the check runs for every meeting of a
    /// batch export); the count is the one a walk through the days gives, for any two days.
    @Test func workingDaysAgreeWithCountingDayByDay() async {
        await propertyCheck(input: Gen.int(in: -400...400), Gen.int(in: 0...800)) { start, length in
            let from = day("2026-12-07").adding(days: start), to = from.adding(days: length - 400)
            var walked = 0
            var d = from
            while d < to {
                d = d.adding(days: 1)
                if d.weekday.isWeekday { walked += 1 }
            }
            #expect(PapersRule.workingDays(from: from, to: to) == walked)
        }
    }

    @Test func theCheckWarnsAsTheDeadlineNearsAndFailsOnceItHasPassed() {
        // A Board on Wednesday 9 December: with 2 working days, papers are due on Monday 7th.
        let m = Meeting(id: 1, kind: .partnershipBoard, title: "Board", date: day("2026-12-09"), start: TimeOfDay(hour: 10, minute: 0)!,
                        end: TimeOfDay(hour: 12, minute: 0)!, venue: "Kursaal", championIDs: [1, 2])
        var settings = BarrierSettings.standard
        settings.papersDays = 2
        var checker = BarrierChecker(settings: settings)
        checker.today = day("2026-12-03")
        #expect(checker.papers(m, []).status == .pass, "Thursday: two working days to go")
        checker.today = day("2026-12-04")
        let friday = checker.papers(m, [])
        #expect(friday.status == .warn && friday.reason.contains("due by 7 Dec 2026: send them to 2 of 2 parents invited"))
        checker.today = day("2026-12-07")
        #expect(checker.papers(m, [PaperSent(championID: 1, format: .email, sentOn: day("2026-12-07"))]).status == .warn, "due today, one to go")
        checker.today = day("2026-12-08")
        let late = checker.papers(m, [PaperSent(championID: 1, format: .email, sentOn: day("2026-12-07"))])
        #expect(late.status == .fail && late.reason.contains("not sent to 1 of 2 parents invited"))
        let all = [PaperSent(championID: 1, format: .email, sentOn: day("2026-12-07")), PaperSent(championID: 2, format: .largePrint, sentOn: day("2026-12-04"))]
        #expect(checker.papers(m, all).status == .pass)
        let afterDue = [PaperSent(championID: 1, format: .email, sentOn: day("2026-12-07")), PaperSent(championID: 2, format: .print, sentOn: day("2026-12-08"))]
        #expect(checker.papers(m, afterDue).status == .warn, "all went, one of them late")
    }
}
