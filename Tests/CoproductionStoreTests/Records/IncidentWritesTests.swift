import Coproduction
import CoproductionStore
import Foundation
import GRDB
import Testing

/// Incidents through the store: who may record them, what is refused, and that nothing
/// recorded changes.
@Suite struct IncidentWritesTests {
    func demo() throws -> (AppDatabase, TemporaryFolder, Int64, Int64) {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("incident.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let meetingID: Int64 = 14
        let child = try #require(try db.register(as: testAdmin, meetingID: meetingID).first).child
        return (db, folder, meetingID, child.id)
    }

    @Test func anIncidentIsKeptAsWrittenAndOnlyAddedTo() throws {
        let (db, folder, meetingID, childID) = try demo()
        _ = folder
        let at = LocalDateTime(iso: "2026-11-27T10:15")!.instant
        let id = try db.recordIncident(as: testAdmin, Incident(meetingID: meetingID, childID: childID, childName: "", at: at, place: "soft play",
                                                               what: "bumped head", firstAidBy: "crèche demo", firstAidGiven: "cold compress"),
                                       now: at + 60)
        let saved = try db.incident(as: testAdmin, id: id)
        #expect(saved.firstAidBy == "Crèche Demo" && saved.childName == "Amara Okafor")
        #expect(throws: (any Error).self) {
            try db.write { db in try db.execute(sql: "UPDATE incident SET what = 'nothing' WHERE id = ?", arguments: [id]) }
        }
        #expect(throws: (any Error).self) { try db.write { db in try db.execute(sql: "DELETE FROM incident WHERE id = ?", arguments: [id]) } }
        try db.addFollowUps(as: testAdmin, incidentID: id, [IncidentFollowUp(kind: .addendum, at: at + 120, by: "", detail: "it was the left side")],
                            now: at + 120)
        #expect(try db.incident(as: testAdmin, id: id).followUps.map(\.kind) == [.addendum])
        // Subject access reports it to the parent.
        let sar = try db.subjectAccess(as: testAdmin, championID: nil, parentName: "Grace Okafor")
        #expect(sar.sections.first { $0.heading == "Accidents and incidents" }?.records.count == 1)
        // Until the parent has been told, the next day fails.
        let open = try db.incidentsNeedingAttention(as: testAdmin, now: LocalDateTime(iso: "2026-11-28T09:00")!)
        #expect(open.map { $0.needs.map(\.status) } == [[.fail]])
    }

    @Test func aFirstAiderNotOnTheRotaAndATimeOutsideTheSessionAreRefused() throws {
        let (db, folder, meetingID, childID) = try demo()
        _ = folder
        let at = LocalDateTime(iso: "2026-11-27T08:00")!.instant
        let error = #expect(throws: StoreError.self) {
            try db.recordIncident(as: testAdmin, Incident(meetingID: meetingID, childID: childID, childName: "", at: at, place: "hall",
                                                          what: "fell", firstAidBy: "Nobody Here"), now: at + 7200)
        }
        guard case .fields(let issues)? = error else {
            Issue.record("expected problems by field, got \(String(describing: error))")
            return
        }
        #expect(issues.map(\.field) == ["time", "first_aid_by"])
        #expect(try db.incidents(as: testAdmin, meetingID: meetingID).isEmpty, "nothing was saved")
    }

    @Test func aChampionMayNotRecordAndSeesOnlyTheirOwnChildrensIncidents() throws {
        let (db, folder, meetingID, childID) = try demo()
        _ = folder
        let at = LocalDateTime(iso: "2026-11-27T10:15")!.instant
        try db.recordIncident(as: testAdmin, Incident(meetingID: meetingID, childID: childID, childName: "", at: at, place: "hall", what: "fell"),
                              now: at + 60)
        let champion = Actor(userID: 99, name: "Zoe Adams", role: .champion, championID: 1)
        #expect(throws: StoreError.self) {
            try db.recordIncident(as: champion, Incident(meetingID: meetingID, childID: childID, childName: "", at: at, place: "hall", what: "x"))
        }
        let amaraIsZoes = try db.read { db in try Int64.fetchOne(db, sql: "SELECT parentChampionId FROM child WHERE id = ?", arguments: [childID]) } == 1
        #expect(try db.incidents(as: champion, meetingID: meetingID).count == (amaraIsZoes ? 1 : 0))
    }
}
