import ArgumentParser
import Coproduction
import CoproductionStore
import CSV
import Foundation

extension ExportKind: ExpressibleByArgument {}

/// `coproduce export ics`: the meetings as a calendar Outlook and other calendars import.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write data out for other programs.",
                                                    subcommands: [ICS.self, CSVTable.self])

    struct CSVTable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "A table as CSV (RFC 4180, UTF-8): meetings, attendance, creche or ideas. Private fields only with --include-sensitive.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "meetings, attendance, creche or ideas.") var table: ExportKind
        @Option(help: "Write to this file (default: standard output).") var out: String?
        @Flag(help: "Start with the byte order mark Excel needs to read UTF-8.") var excel = false
        @Flag(help: "Include children's notes and emergency contacts (office and crèche staff, admins).") var includeSensitive = false

        func run() throws {
            let db = try database.open()
            let actor = try CommandSession.actor(for: db)
            let data = try CommandSession.attempt { () throws(StoreError) in
                try db.exportTable(table, as: actor, includeSensitive: includeSensitive)
            }
            let csv = try CSVWriter(stream: .toMemory(), newline: .crlf)
            try csv.write(row: data.header)
            for row in data.rows { try csv.write(row: row) }
            csv.stream.close()
            var bytes = excel ? Data([0xEF, 0xBB, 0xBF]) : Data()
            bytes += csv.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
            bytes += Data("\r\n".utf8)
            guard let out else {
                FileHandle.standardOutput.write(bytes)
                return
            }
            try FileOutput.write(bytes, to: out)
            print("\(data.rows.count) row\(data.rows.count == 1 ? "" : "s") written to \(out).")
        }
    }

    struct ICS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "An RFC 5545 calendar of meetings (Outlook-ready); re-importing it updates events rather than duplicating them.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Write to this file (default: standard output).") var out: String?
        @Option(help: "From this day (default: 30 days ago).") var from: String?
        @Option(help: "To this day (default: a year ahead).") var to: String?

        func run() throws {
            let today = Clock.now().date
            let start = from == nil ? today.adding(days: -30) : try Lookup.day(from, option: "--from")
            let end = to == nil ? today.adding(days: 365) : try Lookup.day(to, option: "--to")
            if end < start { try MeetingsCommand.refuse(["--to: \(end.uk) is before --from \(start.uk)."]) }
            let db = try database.open()
            let actor = try CommandSession.actor(for: db)
            let events = try CommandSession.attempt { () throws(StoreError) in try db.calendarEvents(as: actor, from: start, to: end) }
            let text = ICalendarWriter.calendar(events, stamp: Clock.date())
            guard let out else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            try FileOutput.write(Data(text.utf8), to: out)
            print("\(events.count) meeting\(events.count == 1 ? "" : "s") written to \(out).")
        }
    }
}
