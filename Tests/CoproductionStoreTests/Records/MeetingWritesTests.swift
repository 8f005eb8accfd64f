import Coproduction
import CoproductionStore
import GRDB
import Foundation
import Testing

@Suite struct MeetingWritesTests {
    @Test func aSaveFromStaleDataIsRefusedAndNamesWhoChangedIt() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("stale.sqlite"))
        let alison = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        try db.addUser(as: alison, name: "Bea", role: .office, secret: "abcdefgh")
        let bea = try db.signIn(name: "Bea", secret: "abcdefgh")
        let meeting = Meeting(id: 0, kind: .serviceDesign, title: "Design", date: fixedToday, start: TimeOfDay(hour: 10, minute: 0)!,
                                 end: TimeOfDay(hour: 11, minute: 0)!, venue: "SAVS")
        let id = try db.addMeeting(as: alison, meeting)
        // Both open version 1; Bea saves first.
        var beas = meeting
        beas.venue = "Centre Place"
        let savedAt = LocalDateTime(iso: "2026-11-27T11:42")!
        try db.updateMeeting(as: bea, id: id, expectedVersion: 1, to: beas, now: savedAt.instant)
        var alisons = meeting
        alisons.title = "Design (moved)"
        #expect(throws: StoreError.stale(by: "Bea", at: "11:42")) {
            try db.updateMeeting(as: alison, id: id, expectedVersion: 1, to: alisons)
        }
        #expect(StoreError.stale(by: "Bea", at: "11:42").description.contains("changed by Bea at 11:42"))
        let now = try db.meetingDetail(as: alison, id: id)
        #expect(now.facts.meeting.venue == "Centre Place" && now.facts.meeting.title == "Design" && now.version == 2)
        try db.updateMeeting(as: alison, id: id, expectedVersion: 2, to: alisons)
        #expect(try db.meetingDetail(as: alison, id: id).version == 3)
    }
}

@Suite struct CrechePlanWritesTests {
    @Test func changingACrechePlanCountsItsVersionUpAndIsAudited() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("c.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let id = try db.addMeeting(as: admin, Meeting(id: 0, kind: .serviceDesign, title: "Design", date: fixedToday,
                                                         start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!,
                                                         venue: "SAVS", otherParents: 2))
        try db.setCrechePlan(as: admin, meetingID: id, CrechePlan(booked: [.two: 3], staffBooked: 2, roomCapacity: 10))
        try db.setCrechePlan(as: admin, meetingID: id, CrechePlan(booked: [.two: 6], staffBooked: 2, roomCapacity: 10))
        let version = try db.read { db in try Int.fetchOne(db, sql: "SELECT version FROM crechePlan WHERE meetingId = ?", arguments: [id]) }
        #expect(version == 2)
        let entry = try #require(try db.auditEntries(as: admin).first)
        #expect(entry.action == "update" && entry.recordKind == "creche")
        #expect(entry.changes == [FieldChange(field: "two", before: "3", after: "6")])
    }
}
