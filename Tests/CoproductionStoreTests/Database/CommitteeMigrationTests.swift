import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

/// v20 rebuilds the meeting table to allow committees: a database made before it keeps every
/// meeting, its links and its triggers.
@Suite struct CommitteeMigrationTests {
    @Test func aDatabaseFromBeforeCommitteesKeepsItsMeetingsAndTakesACommittee() throws {
        let folder = TemporaryFolder()
        let path = folder.path("v19.sqlite")
        let queue = try DatabaseQueue(path: path)
        let v19 = try #require(Schema.migrator.migrations.first { $0.hasPrefix("v19") })
        try Schema.migrator.migrate(queue, upTo: v19)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO meeting (id, kind, groupName, preparesId, title, date, startMinute, endMinute, venue) VALUES
                (1, 'board', NULL, NULL, 'Partnership Board', '2026-12-08', 600, 720, 'Kursaal'),
                (2, 'pre-meeting', NULL, 1, 'Pre-meeting', '2026-12-04', 585, 645, 'Kursaal');
                INSERT INTO area (id, name) VALUES (1, 'Kursaal');
                INSERT INTO champion (id, name, areaId) VALUES (1, 'Zoe Adams', 1);
                INSERT INTO meetingChampion (meetingId, championId) VALUES (1, 1);
                """)
        }
        try queue.close()
        let db = try AppDatabase.open(path: path)
        #expect(try db.appliedMigrations() == Schema.migrator.migrations)
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting") == 2)
            #expect(try Int64.fetchOne(db, sql: "SELECT preparesId FROM meeting WHERE id = 2") == 1)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchOne(db, sql: "SELECT searchText FROM meeting WHERE id = 1")?.contains("Partnership Board") == true)
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'meeting' AND type IN ('index', 'trigger')")
            #expect(names.contains("meeting_when") && names.contains("meeting_text_limits_insert"))
        }
        let admin = Actor(userID: 0, name: "Test Admin", role: .admin)
        let id = try db.addMeeting(as: admin, Meeting(id: 0, kind: .committee(name: "Finance"), title: "Finance committee",
                                                      date: LocalDate(iso: "2026-12-11")!, start: TimeOfDay(hour: 10, minute: 0)!,
                                                      end: TimeOfDay(hour: 11, minute: 0)!, venue: "Kursaal"))
        #expect(try db.meetingDetail(as: admin, id: id).facts.meeting.kind == .committee(name: "Finance"))
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT searchText FROM meeting WHERE id = ?", arguments: [id]) }?
            .contains("Committee") == true)
        // A meeting deleted takes its champions' answers and its pre-meeting with it: the
        // cascades survived the rebuild.
        try db.write { db in try db.execute(sql: "DELETE FROM meeting WHERE id = 1") }
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meetingChampion") } == 0)
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting WHERE id = 2") } == 0)
        #expect(throws: (any Error).self, "a committee still needs its name") {
            try db.write { db in
                try db.execute(sql: "INSERT INTO meeting (kind, title, date, startMinute, endMinute) VALUES ('committee', 'x', '2026-12-01', 600, 660)")
            }
        }
    }
}
