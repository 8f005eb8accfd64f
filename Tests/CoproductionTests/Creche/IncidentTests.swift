import Coproduction
import Foundation
import Testing

/// What an incident still needs as the days pass: the parent told the same day, and a serious
/// one's notice to Ofsted within 14 days.
@Suite struct IncidentTests {
    let at = LocalDateTime(iso: "2026-11-27T10:15")!
    var ends: LocalDateTime { LocalDateTime(iso: "2026-11-27T10:45")! }
    func incident(serious: Bool = false) -> Incident {
        Incident(meetingID: 1, childID: 1, childName: "Amara Okafor", at: at.instant, place: "soft play", what: "bumped head", serious: serious)
    }

    @Test func aMissingAcknowledgementWarnsAtTheSessionsEndAndFailsTheNextDay() {
        let i = incident()
        #expect(i.needs(now: LocalDateTime(iso: "2026-11-27T10:30")!, sessionEnds: ends).isEmpty, "during the session")
        #expect(i.needs(now: ends, sessionEnds: ends).map(\.status) == [.warn])
        #expect(i.needs(now: LocalDateTime(iso: "2026-11-28T00:00")!, sessionEnds: ends).map(\.status) == [.fail])
        var told = i
        told.followUps = [IncidentFollowUp(kind: .parentTold, at: at.instant + 600, by: "Bev Hart", detail: "in person"),
                          IncidentFollowUp(kind: .acknowledged, at: at.instant + 900, by: "Grace Okafor", detail: "")]
        #expect(told.needs(now: LocalDateTime(iso: "2026-11-28T09:00")!, sessionEnds: ends).isEmpty)
    }

    @Test func aSeriousIncidentsNoticeIsDueOnDay14AndOverdueOnDay15() {
        var i = incident(serious: true)
        i.followUps = [IncidentFollowUp(kind: .parentTold, at: at.instant + 600, by: "Bev Hart", detail: ""),
                       IncidentFollowUp(kind: .acknowledged, at: at.instant + 900, by: "Grace Okafor", detail: "")]
        #expect(i.noticeDue == LocalDate(iso: "2026-12-11"))
        let day14 = i.needs(now: LocalDateTime(iso: "2026-12-11T17:00")!, sessionEnds: ends)
        #expect(day14.map(\.status) == [.warn] && day14[0].words.contains("by 11 Dec 2026"))
        let day15 = i.needs(now: LocalDateTime(iso: "2026-12-12T08:00")!, sessionEnds: ends)
        #expect(day15.map(\.status) == [.fail] && day15[0].words.contains("notice was due by 11 Dec 2026"))
        i.followUps.append(IncidentFollowUp(kind: .notified, at: LocalDateTime(iso: "2026-12-10T09:00")!.instant, by: "Office", detail: "REF-1"))
        #expect(i.needs(now: LocalDateTime(iso: "2026-12-12T08:00")!, sessionEnds: ends).isEmpty)
    }

    @Test func badInputIsRefusedBesideItsField() {
        var i = incident()
        i.at = LocalDateTime(iso: "2026-11-27T11:00")!.instant
        i.firstAidBy = "Nobody Here"
        let start = LocalDateTime(iso: "2026-11-27T09:45")!.instant
        let problems = i.problems(sessionStart: start, sessionEnd: ends.instant, rota: ["Bev Hart"], now: ends.instant + 3600)
        #expect(problems.map(\.field) == [.time, .firstAidBy])
        #expect(problems[1].message == "Nobody Here is not on this session's rota: choose someone who is (Bev Hart).")
        let early = IncidentFollowUp(kind: .acknowledged, at: at.instant - 60, by: "Grace Okafor", detail: "")
        #expect(early.problem(for: incident(), now: ends.instant)?.0 == .acknowledgedAt)
    }
}
