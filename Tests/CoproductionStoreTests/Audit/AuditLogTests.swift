import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

@Suite struct AuditLogTests {
    @Test func theTrailRefusesUpdatesAndDeletes() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("audit.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        #expect(try db.countAudit(as: admin) == 1)
        for sql in ["UPDATE audit SET userName = 'Someone else'", "DELETE FROM audit"] {
            do {
                try db.pool.write { try $0.execute(sql: sql) }
                Issue.record("\(sql) was allowed")
            } catch let error as DatabaseError {
                #expect(error.message?.contains("append-only") == true)
            }
        }
        #expect(try db.auditEntries(as: admin).first?.userName == "Alison")
    }

    @Test func changesKeepBeforeAndAfterAndMaskSecrets() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("audit.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let id = try db.addMeeting(as: admin, Meeting(id: 0, kind: .partnershipBoard, title: "Board", date: fixedToday,
                                                         start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 0)!,
                                                         venue: "Kursaal"))
        try db.updateMeeting(as: admin, id: id, expectedVersion: 1,
                             to: Meeting(id: 0, kind: .partnershipBoard, title: "Partnership Board", date: fixedToday,
                                            start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 0)!,
                                            venue: "Kursaal"))
        let entries = try db.auditEntries(as: admin)
        let update = try #require(entries.first)
        #expect(update.action == "update" && update.recordKind == "meeting" && update.recordID == id && update.userName == "Alison")
        #expect(update.changes == [FieldChange(field: "title", before: "Board", after: "Partnership Board")])
        try db.resetSecret(as: admin, name: "Alison", secret: "new-secret-1")
        let reset = try #require(try db.auditEntries(as: admin).first)
        #expect(reset.changes.allSatisfy { $0.before == AuditLog.mask && $0.after == AuditLog.mask })
        #expect(!String(decoding: try Data(contentsOf: URL(fileURLWithPath: db.path)), as: UTF8.self).contains("new-secret-1"))
    }
}
