import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension ExportKind: ExpressibleByArgument {}

/// `coproduce export ics`: the meetings as a calendar Outlook and other calendars import.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write data out for other programs.",
                                                    subcommands: [ICS.self, CSVTable.self, All.self])

    /// A table as CSV bytes (RFC 4180, CRLF).
    static func csv(_ table: ExportTable, bom: Bool = false) throws -> Data {
        try csv(header: table.header, rows: table.rows, bom: bom)
    }

    /// Rows as CSV bytes (RFC 4180, CRLF): control characters shown as placeholders, and a cell
    /// that begins like a formula kept as text.
    static func csv(header: [String], rows: [[String]], bom: Bool = false) throws -> Data {
        var bytes = bom ? Data([0xEF, 0xBB, 0xBF]) : Data()
        bytes += try csvLines([header.map(TerminalText.visible)], safe: false)
        bytes += try csvLines(rows)
        return bytes
    }

    /// Rows as CSV lines, each ending in CRLF: a page of a streamed export. Cells are made
    /// safe for a terminal and a spreadsheet unless `safe` is false (the header's own words).
    static func csvLines(_ rows: [[String]], safe: Bool = true) throws -> Data {
        var bytes: [UInt8] = []
        for row in rows {
            if safe { CSVText.appendSafe(row, to: &bytes) } else { CSVText.append(row, to: &bytes) }
        }
        return Data(bytes)
    }

    struct All: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "all",
            abstract: "Everything for a hand-over: a CSV per table plus the calendar, into a new folder (admins).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The folder to create.") var out: String

        /// Streams: each table is read a page at a time into its file, and the calendar a page
        /// of events at a time, so memory stays flat however large the database.
        func run() throws {
            let (db, actor) = try database.openSignedIn()
            guard !FileManager.default.fileExists(atPath: out) else {
                try MeetingsCommand.refuse(["\(out) already exists: choose a new folder, so nothing is overwritten."])
            }
            // Everything goes into a temporary folder first, renamed into place only when whole.
            let partial = out + ".partial-\(UUID().uuidString)"
            var tables = 0
            do {
                try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                chmod(partial, 0o700)  // whatever the umask
                var file: FileOutput.PrivateFile?
                try CommandSession.attempt { () throws(StoreError) in
                    try db.forEachTablePage(as: actor, table: { name, header in
                        try file?.finish()
                        let next = try FileOutput.PrivateFile(path: (partial as NSString).appendingPathComponent("\(name).csv"))
                        file = next
                        tables += 1
                        try next.write(try ExportCommand.csvLines([header.map(TerminalText.visible)], safe: false))
                    }, page: { rows in try file?.write(try ExportCommand.csvLines(rows)) })
                }
                try file?.finish()
                let calendar = try FileOutput.PrivateFile(path: (partial as NSString).appendingPathComponent("meetings.ics"))
                let stamp = Clock.date()
                try calendar.write(Data(ICalendarWriter.header().utf8))
                try CommandSession.attempt { () throws(StoreError) in
                    try db.forEachCalendarPage(as: actor, from: LocalDate(year: 1900, month: 1, day: 1)!, to: LocalDate(year: 9999, month: 12, day: 31)!) { events in
                        try calendar.write(Data(events.map { ICalendarWriter.event($0, stamp: stamp) }.joined().utf8))
                    }
                }
                try calendar.write(Data(ICalendarWriter.footer.utf8))
                try calendar.finish()
                try FileManager.default.moveItem(atPath: partial, toPath: out)
            } catch let exit as ExitCode {
                try? FileManager.default.removeItem(atPath: partial)
                throw exit
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                Console.error("Cannot write \(out): \(error.localizedDescription). Nothing was left behind.")
                throw ExitCode(1)
            }
            print("\(Plural.count(tables, "table")) and the calendar written to \(out).")
        }
    }

    struct CSVTable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "A table as CSV (RFC 4180, UTF-8): meetings, attendance, creche or ideas. Private fields only with --include-sensitive.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "meetings, attendance, creche or ideas.") var table: ExportKind
        @Option(help: "Write to this file (default: standard output).") var out: String?
        @Flag(help: "Start with the byte order mark Excel needs to read UTF-8.") var excel = false
        @Flag(help: "Include children's notes and emergency contacts (office and crèche staff, admins).") var includeSensitive = false

        /// Streams: each page of rows is written as soon as it is read (to the file, or to
        /// standard output), so memory stays flat however large the table.
        func run() throws {
            let (db, actor) = try database.openSignedIn()
            var count = 0
            func export(_ write: (Data) throws -> Void) throws {
                _ = try CommandSession.attempt { () throws(StoreError) in
                    try db.exportCSV(table, as: actor, includeSensitive: includeSensitive) { rows, lines in
                        count += rows
                        try write(lines)
                    }
                }
            }
            let header = try ExportCommand.csvLines([ExportKind.header(table, includeSensitive: includeSensitive)], safe: false)
            let start = (excel ? Data([0xEF, 0xBB, 0xBF]) : Data()) + header
            guard let out else {
                try writeToStandardOutput(start)
                try export { try writeToStandardOutput($0) }
                return
            }
            try FileOutput.refuseUnusual(out)
            do {
                try FileOutput.streamPrivately(to: out) { write in
                    try write(start)
                    try export(write)
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                Console.error("Cannot write \(out): \(error.localizedDescription). Nothing was written.")
                throw ExitCode(1)
            }
            print("\(Plural.count(count, "row")) written to \(out).")
        }
    }

    /// A champion (by name or id) or, for office staff and admins, a crèche worker's account
    /// (by name), whose own calendar to write.
    static func calendarPerson(_ text: String, in db: AppDatabase, as actor: Actor) throws -> CalendarPerson {
        let champions = try Lookup.championCandidates(in: db, as: actor)
        if case .success(let id) = Lookup.resolution(text, among: champions, what: "Parent Champion", option: "--for") { return .champion(id) }
        if actor.role == .admin || actor.role == .office {
            let staff = try CommandSession.attempt { () throws(StoreError) in try db.accounts(as: actor) }
                .filter { $0.role == .crecheStaff }.map { Candidate(id: $0.id, name: $0.name, detail: "crèche staff") }
            if case .success(let id) = Lookup.resolution(text, among: staff, what: "crèche worker", option: "--for") { return .staffUser(id) }
        }
        if actor.role == .crecheStaff && text.compare(actor.name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame {
            return .staffUser(actor.userID)
        }
        try MeetingsCommand.refuse(["--for: no Parent Champion or crèche worker is called \"\(text)\": give their name as Set-up lists it, or a champion's id."])
    }

    struct ICS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "An RFC 5545 calendar of meetings (Outlook-ready); re-importing it updates events rather than duplicating them.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Write to this file (default: standard output).") var out: String?
        @Option(help: "From this day (default: 30 days ago).") var from: String?
        @Option(help: "To this day (default: a year ahead).") var to: String?
        @Option(name: .customLong("for"), help: ArgumentHelp(
            "One person's own calendar: a Parent Champion's meetings and pre-meetings (with their child's crèche place), or a crèche worker's sessions.",
            valueName: "name"))
        var person: String?

        func run() throws {
            let (start, end) = try Lookup.calendarWindow(from: from, to: to)
            let (db, actor) = try database.openSignedIn()
            let whose = try person.map { try ExportCommand.calendarPerson($0, in: db, as: actor) }
            // A page of events at a time, each written as soon as it is read: memory stays flat
            // however many meetings the calendar holds.
            let stamp = Clock.date()
            var (single, series) = (0, 0)
            func calendar(_ write: (Data) throws -> Void) throws {
                try write(Data(ICalendarWriter.header().utf8))
                try CommandSession.attempt { () throws(StoreError) in
                    try db.forEachCalendarPage(as: actor, from: start, to: end, for: whose) { events in
                        series += events.filter { $0.recurrenceRule != nil }.count
                        single += events.filter { $0.recurrenceRule == nil && $0.recurrenceID == nil }.count
                        try write(Data(events.map { ICalendarWriter.event($0, stamp: stamp) }.joined().utf8))
                    }
                }
                try write(Data(ICalendarWriter.footer.utf8))
            }
            guard let out else {
                try calendar { try writeToStandardOutput($0) }
                return
            }
            try FileOutput.refuseUnusual(out)
            do {
                try FileOutput.streamPrivately(to: out) { write in try calendar(write) }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                Console.error("Cannot write \(out): \(error.localizedDescription). Nothing was written.")
                throw ExitCode(1)
            }
            print("\(Plural.count(single, "meeting"))" + (series == 0 ? "" : " and \(series) series") + " written to \(out).")
        }
    }
}
