import Coproduction
@testable import CoproductionStore
import Foundation
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

    /// The CSV lines a file is written from are the whole table's rows, each field made safe,
    /// in order, whatever the page size (the meetings' lines are made two pages at a time).
    @Test(arguments: ExportKind.allCases) func csvLinesInPagesAreTheWholeTableMadeSafe(kind: ExportKind) throws {
        let folder = TemporaryFolder()
        let (db, admin) = try Self.demo(folder)
        let whole = try db.exportTable(kind, as: admin)
        var expected: [UInt8] = []
        for row in whole.rows { CSVText.appendSafe(row, to: &expected) }
        for size in [1, 7, 1000] {
            var written = Data(), rows = 0, largest = 0
            try db.exportCSV(kind, as: admin, pageSize: size) { count, lines in
                rows += count
                largest = max(largest, count)
                written += lines
            }
            #expect(Array(written) == expected, "\(kind) in pages of \(size)")
            #expect(rows == whole.rows.count && largest <= size)
        }
    }

    /// A write that fails part way (a full disk) stops the walk with what went wrong, after
    /// the pages written before it and with no page still being read; the same database then
    /// walks again from the start.
    @Test func aFailedWriteStopsTheWalkAndNothingIsLeftReading() throws {
        struct DiskFull: Error, LocalizedError { var errorDescription: String? { "the disk is full" } }
        let folder = TemporaryFolder()
        let (db, admin) = try Self.demo(folder)
        var pages = 0
        #expect(throws: StoreError.invalid("Stopped: the disk is full.")) {
            try db.exportCSV(.meetings, as: admin, pageSize: 3) { _, _ in
                pages += 1
                if pages == 3 { throw DiskFull() }
            }
        }
        #expect(pages == 3)
        var rows = 0
        try db.exportCSV(.meetings, as: admin, pageSize: 3) { count, _ in rows += count }
        #expect(rows == (try db.exportTable(.meetings, as: admin)).rows.count)
    }

    /// A meeting's overall status (which stops at the first failing check) is the worst of
    /// all its checks, for every meeting of the demo, with and without checks accepted.
    @Test func theOverallStatusIsTheWorstOfEveryCheck() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try Self.demo(folder)
        let checker = try db.barrierChecker()
        func agree() throws -> [CheckStatus: Int] {
            var seen: [CheckStatus: Int] = [:]
            try db.forEachMeetingPage(as: admin, from: LocalDate(year: 2000, month: 1, day: 1)!, pageSize: 50, checker: checker) { page in
                for item in page {
                    let worst = checker.check(item.facts).map(\.status).max() ?? .pass
                    #expect(checker.overall(item.facts) == worst, "meeting \(item.meeting.id)")
                    #expect(item.status == worst)
                    seen[worst, default: 0] += 1
                }
            }
            return seen
        }
        let before = try agree()
        #expect(before.count == 3, "the demo has meetings that pass, warn and fail: \(before)")
        // Every failing check of every failing meeting accepted: the statuses still agree.
        try db.forEachMeetingPage(as: admin, from: LocalDate(year: 2000, month: 1, day: 1)!) { page in
            for item in page {
                for result in checker.check(item.facts) where result.status == .fail {
                    try db.acceptCheck(as: admin, meetingID: item.meeting.id, barrier: result.barrier, reason: "Agreed with the parents")
                }
            }
        }
        let after = try agree()
        #expect(after[.fail] == nil, "every failure accepted: \(after)")
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

    /// The batch commands read a page of meetings' facts at once; each meeting's facts are the
    /// ones it has read alone (no clash, crèche count or champion leaks from one meeting of a
    /// page to another), and the pages cover every meeting once, in list order.
    @Test func aPageOfMeetingsHasTheFactsEachHasAlone() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try Self.demo(folder)
        let from = LocalDate(year: 1900, month: 1, day: 1)!
        var paged: [MeetingListItem] = []
        try db.forEachMeetingPage(as: admin, from: from, pageSize: 3) { page in
            #expect(page.count <= 3)
            paged += page
        }
        let total = try db.countMeetings(as: admin, from: from)
        #expect(paged.count == total)
        #expect(paged.map(\.meeting.id) == (try db.meetings(as: admin, from: from, offset: 0, limit: total)).map(\.meeting.id))
        for item in paged {
            let alone = try #require(try db.meetings(as: admin, ids: [item.meeting.id]).first)
            #expect(item == alone, "meeting \(item.meeting.id)")
            #expect(try db.meetingDetail(as: admin, id: item.meeting.id).facts == item.facts)
        }
        #expect(paged.contains { !$0.facts.clashes.isEmpty }, "the demo has clashes to compare")
        #expect(paged.contains { ($0.facts.creche?.totalChildren ?? 0) > 0 }, "and booked crèches")
        var bounded: [MeetingListItem] = []
        let first = paged[paged.count / 3].meeting.date, last = paged[paged.count / 2].meeting.date
        try db.forEachMeetingPage(as: admin, from: first, to: last, pageSize: 2) { bounded += $0 }
        #expect(bounded == paged.filter { $0.meeting.date >= first && $0.meeting.date <= last })
    }

    /// A calendar written a page of events at a time is the whole calendar, whatever the page.
    @Test func calendarPagesAddUpToTheWholeCalendar() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try Self.demo(folder)
        let from = LocalDate(year: 2000, month: 1, day: 1)!, to = LocalDate(year: 2100, month: 1, day: 1)!
        let whole = try db.calendarEvents(as: admin, from: from, to: to)
        #expect(whole.contains { $0.recurrenceRule != nil }, "the demo has a series")
        for size in [1, 4] {
            var events: [CalendarEvent] = []
            try db.forEachCalendarPage(as: admin, from: from, to: to, pageSize: size) { events += $0 }
            #expect(events == whole, "pages of \(size)")
        }
        let stamp = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(ICalendarWriter.header() + whole.map { ICalendarWriter.event($0, stamp: stamp) }.joined() + ICalendarWriter.footer
                == ICalendarWriter.calendar(whole, stamp: stamp))
    }

    /// The hand-over (`export all`) reads every table in pages: the same tables and rows.
    @Test func everyTableInPagesIsEveryTable() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try Self.demo(folder)
        let whole = try db.exportAllTables(as: admin)
        var tables: [(name: String, header: [String], rows: [[String]])] = []
        try db.forEachTablePage(as: admin, pageSize: 5, table: { tables.append(($0, $1, [])) }, page: { rows in
            #expect(rows.count <= 5)
            tables[tables.count - 1].rows += rows
        })
        #expect(tables.map(\.name) == whole.map(\.name))
        for (paged, all) in zip(tables, whole) {
            #expect(paged.header == all.table.header)
            #expect(paged.rows == all.table.rows, "\(paged.name)")
        }
        #expect(whole.contains { $0.name == "meeting" && $0.table.rows.count > 10 })
        let accounts = try #require(whole.first { $0.name == "user" })
        #expect(accounts.table.header.contains("name") && !accounts.table.header.contains("secretHash") && !accounts.table.header.contains("salt"))
    }
}
