import Coproduction
@testable import CoproductionStore
import Testing

/// A streamed export hands its rows over a page at a time: the same rows in the same order
/// as the whole table, whatever the page size, and never more than a page at once.
@Suite struct StreamedExportTests {
    /// The small demo in a fresh database, and its admin.
    static func demo(_ folder: TemporaryFolder) throws -> (AppDatabase, Actor) {
        let db = try AppDatabase.open(path: folder.path("demo.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return (db, try #require(try db.demoActor()))
    }

    @Test(arguments: ExportKind.allCases) func pagesAddUpToTheWholeTableInOrder(kind: ExportKind) throws {
        let folder = TemporaryFolder()
        let (db, admin) = try Self.demo(folder)
        let whole = try db.exportTable(kind, as: admin)
        for size in [1, 7, 1000] {
            var rows: [[String]] = []
            var largest = 0
            let header = try db.exportRows(kind, as: admin, pageSize: size) { page in
                largest = max(largest, page.count)
                rows += page
            }
            #expect(header == whole.header)
            #expect(header == ExportKind.header(kind, includeSensitive: false))
            #expect(rows == whole.rows, "\(kind) in pages of \(size)")
            #expect(largest <= size)
        }
        #expect(!whole.rows.isEmpty)
    }

    @Test func aPageThatCannotBeWrittenStopsTheExportWithAMessage() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try Self.demo(folder)
        struct DiskFull: Error {}
        var pages = 0
        #expect(throws: StoreError.self) {
            try db.exportRows(.meetings, as: admin, pageSize: 5) { _ in
                pages += 1
                if pages == 2 { throw DiskFull() }
            }
        }
        #expect(pages == 2)
    }
}
