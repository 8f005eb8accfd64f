import Coproduction
import Foundation
import Testing

/// The escalation for a child still in the crèche after the session's end, minute by minute.
@Suite struct UncollectedTests {
    let ends = LocalDateTime(iso: "2026-11-27T10:45")!
    func escalation(_ done: [UncollectedStepDone] = []) -> UncollectedEscalation {
        UncollectedEscalation(childName: "Amara Okafor", sessionEnds: ends, done: done, socialCareNumber: "01702 000000",
                              parent: "Grace Okafor", contacts: "Tunde Okafor, 07700 900123")
    }
    func at(_ time: String) -> LocalDateTime { LocalDateTime(iso: "2026-11-27T\(time)")! }

    @Test func eachStepFallsDueAtItsMinuteAfterTheEndAndFailsUntilDone() {
        let e = escalation()
        #expect(e.lines(now: ends).isEmpty, "at the end itself nothing is due")
        #expect(e.status(now: at("10:46")) == .warn)
        #expect(e.lines(now: at("10:59")).map(\.status) == [.warn, .warn, .warn], "one minute before +15")
        #expect(e.lines(now: at("11:00")).map(\.status) == [.fail, .warn, .warn], "+15 exactly: call the parent")
        #expect(e.lines(now: at("11:15")).map(\.status) == [.fail, .fail, .warn], "+30 exactly: the emergency contacts")
        #expect(e.lines(now: at("11:45")).map(\.status) == [.fail, .fail, .fail], "+60 exactly: children's social care")
        #expect(e.lines(now: at("11:45")).map { $0.due.time.description } == ["11:00", "11:15", "11:45"])
        #expect(e.lines(now: at("11:45"))[2].words.contains("01702 000000"))
        #expect(e.summary(now: at("11:16")).contains("Call the parent now (due 11:00)"), "the earliest call not made comes first")
        let called = escalation([UncollectedStepDone(step: .parent, at: at("11:01").instant, by: "Bev Hart")])
        #expect(called.summary(now: at("11:16")).contains("Call the emergency contacts now (due 11:15)"))
    }

    @Test func aStepMarkedDoneIsKeptWithWhoAndWhen() {
        let e = escalation([UncollectedStepDone(step: .parent, at: at("11:02").instant, by: "Kerry Walsh", note: "no answer")])
        let lines = e.lines(now: at("11:05"))
        #expect(lines[0].status == .pass && lines[0].words.contains("done 11:02 by Kerry Walsh: no answer"))
        #expect(e.status(now: at("11:05")) == .warn)
        #expect(e.next(now: at("11:05")) == .contacts)
        #expect(e.problem(marking: .parent, at: at("11:06").instant, now: at("11:06").instant)?.contains("was marked done at 11:02") == true)
    }

    @Test func aCallBeforeTheEndOrStillToComeIsRefused() {
        let e = escalation()
        #expect(e.problem(marking: .parent, at: at("10:40").instant, now: at("11:00").instant) != nil)
        #expect(e.problem(marking: .parent, at: at("11:30").instant, now: at("11:00").instant) != nil)
        #expect(e.problem(marking: .parent, at: at("10:58").instant, now: at("11:00").instant) == nil)
    }

    @Test func withoutANumberTheLineSaysWhereToSetIt() {
        var e = escalation()
        e.socialCareNumber = ""
        #expect(e.lines(now: at("11:50"))[2].words.contains("no number set"))
    }
}
