import Coproduction
import Foundation
import Testing

/// A venue's year against Ofsted's exemptions: the 14th and 15th days with a child over two
/// hours, the notice's 14 days, and the rule in force on the day.
@Suite struct RegistrationTests {
    let rule = RegistrationRule(effectiveFrom: LocalDate(iso: "2008-09-01")!)
    func days(_ n: Int, from start: String) -> [LocalDate] { (0..<n).map { LocalDate(iso: start)!.adding(days: $0 * 7) } }

    @Test func theFourteenthDayIsExemptWithNoticeAndTheFifteenthNeedsRegistration() {
        let fifteen = days(15, from: "2026-01-05")
        let year = VenueYear(venue: "Kursaal", year: 2026, longDays: fifteen, noticeSentOn: LocalDate(iso: "2025-12-01"))
        #expect(year.status(on: fifteen[13], rule).status == .pass)
        #expect(year.status(on: fifteen[13], rule).words.hasPrefix("exempt with notice: day 14 of the 14 allowed"))
        let day15 = year.status(on: fifteen[14], rule)
        #expect(day15.status == .fail && day15.words.contains("registration needed: this is day 15"))
        #expect(year.summary(rule).words.hasPrefix("registration needed"))
        let fourteen = VenueYear(venue: "Kursaal", year: 2026, longDays: Array(fifteen.prefix(14)), noticeSentOn: LocalDate(iso: "2025-12-01"))
        #expect(fourteen.summary(rule) == (.pass, "exempt with notice: 14 of 14 days used; notice sent on 1 Dec 2025"))
        #expect(fourteen.bookingWouldPass(on: LocalDate(iso: "2026-12-30")!, rule))
        #expect(!fourteen.bookingWouldPass(on: fifteen[3], rule), "a day already counted adds nothing")
    }

    @Test func theNoticeMustReachOfstedFourteenDaysBefore() {
        let first = LocalDate(iso: "2026-03-16")!
        let none = VenueYear(venue: "Milton", year: 2026, longDays: [first])
        #expect(none.noticeDue(rule) == LocalDate(iso: "2026-03-02"))
        #expect(none.status(on: first, rule).status == .fail)
        #expect(none.summary(rule).words.hasPrefix("exempt with notice: 1 of 14 days used; notice must reach Ofsted by 2 Mar 2026"))
        let onTime = VenueYear(venue: "Milton", year: 2026, longDays: [first], noticeSentOn: LocalDate(iso: "2026-03-02"))
        #expect(onTime.status(on: first, rule).status == .pass, "exactly 14 days before")
        let late = VenueYear(venue: "Milton", year: 2026, longDays: [first], noticeSentOn: LocalDate(iso: "2026-03-03"))
        #expect(late.status(on: first, rule).status == .fail, "13 days before")
    }

    @Test func aDayWithoutLongStaysSaysSo() {
        let year = VenueYear(venue: "Victoria", year: 2026, longDays: [])
        #expect(year.status(on: LocalDate(iso: "2026-05-05")!, rule) == (.pass, "no child over 2 hours"))
        #expect(year.summary(rule) == (.pass, "no child over 2 hours"))
    }

    @Test func theRuleInForceIsTheLatestStartedByTheDay() {
        let later = RegistrationRule(effectiveFrom: LocalDate(iso: "2030-01-01")!, daysWithNotice: 10)
        #expect(RegistrationRule.inForce(on: LocalDate(iso: "2029-12-31")!, among: [later, rule]) == rule)
        #expect(RegistrationRule.inForce(on: LocalDate(iso: "2030-01-01")!, among: [rule, later]) == later)
        #expect(RegistrationRule.inForce(on: LocalDate(iso: "2000-01-01")!, among: [later, rule]) == rule, "before them all: the oldest")
    }
}

/// The crèche check reads the registration standing: a long stay passes with notice on file
/// and fails without it.
@Suite struct RegistrationCheckTests {
    @Test func aLongStayWithNoticeOnFilePassesAndWithoutFails() {
        var meeting = Meeting(id: 1, kind: .serviceDesign, title: "Long", date: LocalDate(iso: "2027-02-08")!,
                              start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 30)!, venue: "Hall")
        meeting.otherParents = 1
        let plan = CrechePlan(booked: [.threeAndOver: 1], staffBooked: 2, roomCapacity: 10, firstAidBooked: true)
        let checker = BarrierChecker()
        let without = checker.creche(meeting, plan)
        #expect(without.status == .fail && without.reason.contains("not registered for over two hours"))
        let noticed = checker.creche(meeting, plan, registration: RegistrationStanding(status: .pass, words: "exempt with notice: 1 of 14 days used"))
        #expect(noticed.status != .fail)
        let missing = checker.creche(meeting, plan, registration: RegistrationStanding(status: .fail, words: "exempt with notice: none on file"))
        #expect(missing.status == .fail && missing.reason.contains("A child would stay over two hours: exempt with notice"))
    }
}
