import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

@Suite struct AppDatabaseTests {
    /// A write the app reports done survives a power cut: WAL with synchronous = FULL on the
    /// connection that writes.
    @Test func writesAreSyncedInFull() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("sync.sqlite"))
        let (mode, journal) = try db.write { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1, try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "")
        }
        #expect(mode == 2, "synchronous is \(mode), not FULL (2)")
        #expect(journal == "wal")
    }

    @Test func migratesAnEmptyFileToTheCurrentSchema() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("new/deeper/coproduce.sqlite"))
        #expect(try db.appliedMigrations() == Schema.migrator.migrations)
        let tables = try db.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
        }
        #expect(tables == ["acceptedCheck", "accessNeed", "actionItem", "agendaItem", "area", "audit", "booking", "champion", "championPrivate", "child", "cliSession",
                           "collectorPassword", "contactPreference", "crechePlan", "crecheRule", "crecheStaff", "decision", "fundBudget", "fundProposal", "fundReview",
                           "glossary", "idea", "ideaCount", "incident", "incidentFollowUp", "interest", "material", "materialReview", "meeting", "meetingArrangement", "meetingChampion", "meetingDayCount", "meetingSeries", "minutesAddendum",
                           "mustNotCollect", "otherParent", "paperSent", "registerEvent", "registrationNotice", "registrationRule", "reminderSent", "reward", "setting", "staffMember", "temporaryCollector", "uncollectedStep", "user", "venueFacility"])
        // Opening again migrates nothing and keeps the data.
        _ = try db.write { db in try RecordWrites.insertArea(db, name: "Kursaal", position: 0) }
        let again = try AppDatabase.open(path: db.path)
        #expect(try again.countAreas(as: testAdmin) == 1)
    }

    @Test func newFilesAndFoldersArePrivate() throws {
        let folder = TemporaryFolder()
        let path = folder.path("private/coproduce.sqlite")
        _ = try AppDatabase.open(path: path)
        let fm = FileManager.default
        let fileMode = try #require(try fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        let folderMode = try #require(try fm.attributesOfItem(atPath: folder.path("private"))[.posixPermissions] as? Int)
        #expect(fileMode & 0o777 == 0o600)
        #expect(folderMode & 0o777 == 0o700)
    }

    @Test func walAndForeignKeysAreOn() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("c.sqlite"))
        let (mode, fk) = try db.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(fk == 1)
        #expect(throws: StoreError.self) {
            try db.write { db in try RecordWrites.insertChampion(db, name: "Nobody", areaID: 999, trainedOn: nil, active: true) }
        }
    }

    @Test func refusesAFileThatIsNotSQLiteAndLeavesItAlone() throws {
        let folder = TemporaryFolder()
        let path = folder.path("notes.txt")
        let text = Data("Shopping list: nappies, wipes\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try AppDatabase.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let message = StoreError.notADatabase(path: path).description
        #expect(message.contains("not a coproduce database") && message.contains("--db"))
    }

    @Test func refusesADatabaseFromANewerVersionUntouched() throws {
        let folder = TemporaryFolder()
        let path = folder.path("future.sqlite")
        do {
            let db = try AppDatabase.open(path: path)
            try db.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerVersion(path: path)) { try AppDatabase.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(StoreError.newerVersion(path: path).description.contains("newer version of coproduce"))
    }

    @Test func aPathThatCannotBeMadeGivesAClearMessage() throws {
        let folder = TemporaryFolder()
        let blocker = folder.path("a-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        #expect(throws: StoreError.self) { try AppDatabase.open(path: blocker + "/db.sqlite") }
        do {
            _ = try AppDatabase.open(path: blocker + "/db.sqlite")
        } catch {
            #expect(error.description.contains("Cannot use the database"))
        }
        #expect(throws: StoreError.inaccessible(path: folder.path(""), reason: "it is a folder, not a file")) {
            try AppDatabase.open(path: folder.path(""))
        }
    }

    @Test func aWriterHoldingTheLockTooLongGivesBusyNotARawError() throws {
        let folder = TemporaryFolder()
        let path = folder.path("busy.sqlite")
        let db = try AppDatabase.open(path: path, busyTimeout: 0.2)
        // Another connection (as another process would) takes the write lock and keeps it.
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: config)
        try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE; INSERT INTO area (name) VALUES ('Held')") }
        #expect(throws: StoreError.busy(path: path, seconds: 0.2)) {
            _ = try db.write { db in try RecordWrites.insertArea(db, name: "Milton", position: 1) }
        }
        try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
        _ = try db.write { db in try RecordWrites.insertArea(db, name: "Milton", position: 1) }
        #expect(try db.countAreas(as: testAdmin) == 1)
        #expect(StoreError.busy(path: path, seconds: 5).description.contains("more than 5 seconds"))
    }

    @Test func dataVersionMovesWhenAnotherConnectionCommits() throws {
        let folder = TemporaryFolder()
        let path = folder.path("dv.sqlite")
        let mine = try AppDatabase.open(path: path)
        let theirs = try AppDatabase.open(path: path)
        let before = try mine.dataVersion()
        _ = try theirs.write { db in try RecordWrites.insertArea(db, name: "Victoria", position: 2) }
        #expect(try mine.dataVersion() != before)
    }

    @Test func locationFollowsFlagThenEnvironmentThenXDG() {
        #expect(DatabaseLocation.resolve(explicit: "/x/a.sqlite", environment: ["COPRODUCE_DB": "/y"]) == "/x/a.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["COPRODUCE_DB": "/y/b.sqlite"]) == "/y/b.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/data"]) == "/data/coproduce/coproduce.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/zoe"])
                == "/home/zoe/.local/share/coproduce/coproduce.sqlite")
    }
}
