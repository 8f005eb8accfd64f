import Coproduction
import Testing

/// A failing check accepted for one meeting: shown as accepted with its reason, who and when;
/// met for the meeting's overall status; and never hiding a different check that fails.
@Suite struct AcceptedCheckTests {
    let checker = BarrierChecker()
    let saturday = LocalDate(iso: "2027-01-16")!

    /// A Saturday evening dads' group: fails the school run; with no champion, parent voice too.
    func facts(champions: [Int64] = [1]) -> MeetingFacts {
        let m = Meeting(id: 7, kind: .taskAndFinish(group: "Dads"), title: "Dads' group", date: saturday,
                        start: TimeOfDay(hour: 18, minute: 0)!, end: TimeOfDay(hour: 19, minute: 30)!, venue: "Shoebury Hub",
                        championIDs: champions)
        return MeetingFacts(meeting: m, creche: nil, preMeetingDates: [saturday.adding(days: -3)])
    }

    let accepted = AcceptedCheck(barrier: .schoolRun, reason: "chosen with the dads, who work weekdays", acceptedBy: "Olive Office",
                                 acceptedOn: LocalDate(iso: "2026-12-03")!)

    @Test func anAcceptedCheckShowsAsAcceptedWithItsReasonWhoAndWhen() {
        var f = facts()
        #expect(checker.check(f).first { $0.barrier == .schoolRun }?.status == .fail)
        f.accepted[.schoolRun] = accepted
        let result = checker.check(f).first { $0.barrier == .schoolRun }
        #expect(result?.status == .pass)
        #expect(result?.word == "accepted")
        #expect(result?.accepted == accepted)
        #expect(result?.reason.hasPrefix("accepted: chosen with the dads, who work weekdays (Olive Office, Thu 3 Dec 2026). The check says:") == true)
        #expect(result?.reason.contains("Saturday") == true, "what the check found is still shown")
    }

    @Test func itNeverHidesADifferentCheckThatFails() {
        var f = facts(champions: [])
        f.accepted[.schoolRun] = accepted
        let results = checker.check(f)
        #expect(results.first { $0.barrier == .parentVoice }?.status == .fail)
        #expect(results.first { $0.barrier == .parentVoice }?.accepted == nil)
        #expect(checker.overall(f) == .fail, "the meeting still fails, on parent voice")
        f.meeting.championIDs = [1]
        let failing = checker.check(f).filter { $0.status != .pass }.map(\.barrier)
        #expect(!failing.contains(.schoolRun))
        f.accepted = [:]
        #expect(checker.check(f).filter { $0.status != .pass }.map(\.barrier) == [.schoolRun] + failing,
                "withdrawn, the school run fails again beside the same others")
    }

    @Test func acceptingACheckThatPassesChangesNothing() {
        var f = facts()
        f.meeting.date = LocalDate(iso: "2027-01-12")!
        f.meeting.start = TimeOfDay(hour: 10, minute: 0)!
        f.meeting.end = TimeOfDay(hour: 12, minute: 0)!
        let before = checker.check(f)
        f.accepted[.schoolRun] = accepted
        #expect(checker.check(f) == before)
        #expect(checker.check(f).allSatisfy { $0.accepted == nil })
    }

    @Test func aReasonIsNeeded() {
        #expect(AcceptedCheck.problem(reason: " ") != nil)
        #expect(AcceptedCheck.problem(reason: "ok") != nil)
        #expect(AcceptedCheck.problem(reason: "evening chosen with parents") == nil)
        #expect(AcceptedCheck(barrier: .schoolRun, reason: "r", acceptedBy: "A", acceptedOn: saturday, wholeSeries: true).words
                .hasPrefix("accepted for the series: r"))
    }
}
