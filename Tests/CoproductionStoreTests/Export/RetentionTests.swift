import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

@Suite struct RetentionTests {
    @Test func childrenLastSeenLongAgoAreReportedAndPurgedWithTheirRegisters() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("r.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        func session(_ iso: String) throws -> Int64 {
            let id = try db.addMeeting(as: admin, Meeting(id: 0, kind: .serviceDesign, title: "Session \(iso)", date: LocalDate(iso: iso)!,
                                                          start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!, venue: "SAVS"))
            try db.arrangeCreche(as: admin, meetingID: id, roomCapacity: 10)
            return id
        }
        let old = try session("2022-06-01"), recent = try session("2026-11-20")
        let oldChild = try db.addChild(as: admin, Child(firstName: "Old", familyName: "Booking", dateOfBirth: LocalDate(iso: "2021-06-01")!,
                                                        parentName: "P"), today: LocalDate(iso: "2022-05-01")!)
        let newChild = try db.addChild(as: admin, Child(firstName: "New", familyName: "Booking", dateOfBirth: LocalDate(iso: "2025-06-01")!,
                                                        parentName: "Q"), today: fixedToday)
        let booking = try db.book(as: admin, childID: oldChild, meetingID: old)
        try db.signIn(as: admin, bookingID: booking, at: LocalDateTime(iso: "2022-06-01T10:00")!.instant)
        let recentBooking = try db.book(as: admin, childID: newChild, meetingID: recent)
        try db.signIn(as: admin, bookingID: recentBooking, at: LocalDateTime(iso: "2026-11-20T10:00")!.instant)
        let due = try db.retentionDue(as: admin, today: fixedToday)
        #expect(due.map(\.name) == ["Old Booking"])
        #expect(due.first?.registerEntries == 2)
        try db.addUser(as: admin, name: "Office", role: .office, secret: "abcdefgh")
        let office = try db.signIn(name: "Office", secret: "abcdefgh")
        #expect(throws: StoreError.self) { try db.purge(as: office, today: fixedToday) }
        #expect(try db.purge(as: admin, today: fixedToday) == 1)
        #expect(try db.children(as: admin).map(\.firstName) == ["New"])
        #expect(try db.retentionDue(as: admin, today: fixedToday).isEmpty)
        #expect(try db.auditEntries(as: admin).first?.action == "purge")
        // The recent child's register entry is still protected: the trigger is back.
        #expect(throws: DatabaseError.self) { try db.pool.write { try $0.execute(sql: "DELETE FROM registerEvent") } }
        try db.set(.retentionChildrenYears, to: "1", as: admin)
        #expect(try db.retentionDue(as: admin, today: LocalDate(iso: "2028-01-01")!).map(\.name) == ["New Booking"])
    }

    @Test func purgingAChildRedactsTheirEarlierAuditEntriesAndTheGuardsComeBack() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("r.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let meeting = try db.addMeeting(as: admin, Meeting(id: 0, kind: .serviceDesign, title: "Old session", date: LocalDate(iso: "2022-06-01")!,
                                                           start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!, venue: "SAVS"))
        try db.arrangeCreche(as: admin, meetingID: meeting, roomCapacity: 10)
        var child = Child(firstName: "Priya", familyName: "Shah", dateOfBirth: LocalDate(iso: "2021-06-01")!, parentName: "Asha Shah")
        child.emergencyContact = "Asha 07700 900123"
        child.notes = "Allergy: peanuts."
        let id = try db.addChild(as: admin, child, today: LocalDate(iso: "2022-05-01")!)
        let booking = try db.book(as: admin, childID: id, meetingID: meeting)
        try db.signIn(as: admin, bookingID: booking, at: LocalDateTime(iso: "2022-06-01T10:00")!.instant)
        func trail() throws -> String {
            try db.auditEntries(as: admin, limit: 1000).map { e in
                e.changes.map { "\($0.field)=\($0.before ?? "")>\($0.after ?? "")" }.joined(separator: ";")
            }.joined(separator: "\n")
        }
        // New entries never hold the emergency number or the notes.
        let before = try trail()
        #expect(before.contains("Priya Shah"))
        #expect(!before.contains("07700") && !before.contains("peanuts"))
        let entries = try db.countAudit(as: admin)
        let guards = "SELECT name || ':' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        let guardsBefore = try db.pool.read { try String.fetchAll($0, sql: guards) }

        #expect(try db.purge(as: admin, today: fixedToday) == 1)
        let after = try trail()
        #expect(!after.contains("Priya") && !after.contains("2021-06-01"))
        #expect(after.contains(AuditLog.redactedByRetention))
        // Who did what, and when, stays: no entry is lost, one is added.
        #expect(try db.countAudit(as: admin) == entries + 1)
        // Both guards are back, exactly as the schema makes them.
        #expect(throws: DatabaseError.self) { try db.pool.write { try $0.execute(sql: "UPDATE audit SET changes = '[]'") } }
        #expect(try db.pool.read { try String.fetchAll($0, sql: guards) } == guardsBefore)
        #expect(try db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM booking") } == 0)
    }
}
