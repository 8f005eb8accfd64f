import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

/// Every text column has a longest length the store enforces itself, whatever wrote it.
@Suite struct TextLimitsTests {
    static func demo() throws -> (TemporaryFolder, AppDatabase) {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("t.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return (folder, db)
    }

    /// Each text column of each table, but the store's own.
    static func textColumns(_ db: AppDatabase) throws -> [(table: String, column: String)] {
        try db.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
                """).flatMap { table in
                try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE upper(type) = 'TEXT'", arguments: [table])
                    .filter { !Schema.unlimitedText.contains("\(table).\($0)") }.map { (table, $0) }
            }
        }
    }

    @Test func everyTextColumnHasALimitOnInsertAndUpdate() throws {
        let (folder, db) = try Self.demo()
        _ = folder
        let triggers = try db.read { try String.fetchAll($0, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_text_limits_%'") }
        var missing: [String] = []
        for (table, column) in try Self.textColumns(db) {
            let guarded = triggers.filter { $0.contains("ON \(table)\n") && $0.contains("length(NEW.\(column)) >") }.count
            if guarded != 2 { missing.append("\(table).\(column)") }
        }
        #expect(missing == [], "text columns without a limit on insert and on update (add them in a migration)")
    }

    @Test func textOneCharacterTooLongIsRefusedInEveryTableThatHasARow() throws {
        let (folder, db) = try Self.demo()
        _ = folder
        var tried = 0
        // The audit trail and the register refuse every change anyway.
        for (table, column) in try Self.textColumns(db) where table != "audit" && table != "registerEvent" {
            let limit = Schema.textLimit(table: table, column: column)
            let rows = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            guard rows > 0 else { continue }
            tried += 1
            #expect(throws: StoreError.fields([FieldIssue(field: column, message: TextLimits.tooLong(limit) + " Nothing was saved.")])) {
                try db.write { db in
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ?", arguments: [String(repeating: "a", count: limit + 1)])
                }
            }
        }
        #expect(tried > 30, "the demo has rows in most tables: \(tried) columns tried")
    }

    @Test func aChildsNotesAndNamesHaveTheirLimitsBeforeTheStore() {
        var child = Child(firstName: String(repeating: "a", count: TextLimits.name + 1), familyName: "Reid",
                          dateOfBirth: LocalDate(iso: "2024-03-01")!, parentName: "Kim Reid")
        child.notes = String(repeating: "n", count: TextLimits.notes + 1)
        let problems = child.problems(today: fixedToday)
        #expect(problems.map(\.field) == [.firstName, .notes])
        #expect(problems.first?.message == "longer than 100 characters; shorten it.")
        #expect(problems.last?.message == "longer than 5,000 characters; shorten it.")
    }
}
