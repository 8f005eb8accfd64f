import Coproduction
import CoproductionStore
import Foundation
import GRDB
import Testing

/// Children not collected through the store: who may mark a call, what is refused, and that
/// a call once recorded stays.
@Suite struct UncollectedWritesTests {
    /// The demo's pre-meeting (meeting 14, 09:45–10:45) with its children signed in.
    func demo() throws -> (AppDatabase, TemporaryFolder, RegisterRow) {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("uncollected.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let row = try #require(try db.register(as: testAdmin, meetingID: 14).first { if case .inCreche = $0.state { return true } else { return false } })
        return (db, folder, row)
    }
    func at(_ time: String) -> LocalDateTime { LocalDateTime(iso: "2026-11-27T\(time)")! }

    @Test func aChildStillInAfterTheEndIsListedWithTheCallDue() throws {
        let (db, folder, row) = try demo()
        _ = folder
        #expect(try db.uncollectedChildren(as: testAdmin, now: at("10:45")).isEmpty, "not before the end")
        try db.set(.childrensSocialCareNumber, to: "01702 000000", as: testAdmin, now: at("09:00").instant)
        let late = try db.uncollectedChildren(as: testAdmin, now: at("11:01"))
        let mine = try #require(late.first { $0.bookingID == row.bookingID })
        #expect(mine.escalation.status(now: at("11:01")) == .fail)
        #expect(mine.escalation.socialCareNumber == "01702 000000")
        try db.markUncollectedStep(as: testAdmin, bookingID: row.bookingID, step: .parent, at: at("11:01").instant, by: "Kerry Walsh",
                                   note: "on her way", now: at("11:02").instant)
        let after = try #require(try db.uncollectedChildren(as: testAdmin, now: at("11:05")).first { $0.bookingID == row.bookingID })
        #expect(after.escalation.status(now: at("11:05")) == .warn)
        #expect(try db.register(as: testAdmin, meetingID: 14).first { $0.bookingID == row.bookingID }?.calls.map(\.by) == ["Kerry Walsh"])
        // Kept as recorded.
        #expect(throws: (any Error).self) { try db.write { db in try db.execute(sql: "DELETE FROM uncollectedStep") } }
        #expect(throws: (any Error).self) { try db.write { db in try db.execute(sql: "UPDATE uncollectedStep SET byName = 'x'") } }
        // Signed out, the child leaves the list.
        try db.signOut(as: testAdmin, bookingID: row.bookingID, at: at("11:10").instant, collectedBy: row.child.parentName)
        #expect(try db.uncollectedChildren(as: testAdmin, now: at("11:20")).allSatisfy { $0.bookingID != row.bookingID })
    }

    @Test func badCallsAreRefusedBesideTheirFields() throws {
        let (db, folder, row) = try demo()
        _ = folder
        let early = #expect(throws: StoreError.self) {
            try db.markUncollectedStep(as: testAdmin, bookingID: row.bookingID, step: .parent, at: at("10:30").instant, by: "",
                                       now: at("11:00").instant)
        }
        guard case .fields(let issues)? = early else { Issue.record("expected field problems"); return }
        #expect(Set(issues.map(\.field)) == ["at", "by"])
        try db.markUncollectedStep(as: testAdmin, bookingID: row.bookingID, step: .parent, at: at("11:00").instant, by: "Bev Hart",
                                   now: at("11:00").instant)
        #expect(throws: StoreError.self) {
            try db.markUncollectedStep(as: testAdmin, bookingID: row.bookingID, step: .parent, at: at("11:03").instant, by: "Bev Hart",
                                       now: at("11:03").instant)
        }
    }

    @Test func onlyTheOfficeAndTheSessionsStaffSeeOrMarkThem() throws {
        let (db, folder, row) = try demo()
        _ = folder
        let champion = Actor(userID: 99, name: "Zoe Adams", role: .champion, championID: 1)
        #expect(try db.uncollectedChildren(as: champion, now: at("11:30")).isEmpty)
        #expect(throws: StoreError.self) {
            try db.markUncollectedStep(as: champion, bookingID: row.bookingID, step: .parent, at: at("11:00").instant, by: "Zoe",
                                       now: at("11:01").instant)
        }
        let stranger = Actor(userID: 12345, name: "Not On Rota", role: .crecheStaff)
        #expect(try db.uncollectedChildren(as: stranger, now: at("11:30")).isEmpty)
        #expect(throws: StoreError.self) {
            try db.markUncollectedStep(as: stranger, bookingID: row.bookingID, step: .parent, at: at("11:00").instant, by: "x",
                                       now: at("11:01").instant)
        }
    }
}
