import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce export ics`: the meetings as a calendar Outlook and other calendars import.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write data out for other programs.",
                                                    subcommands: [ICS.self])

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
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                Console.error("Cannot write \(out): \(error.localizedDescription). Nothing was written.")
                throw ExitCode(1)
            }
            print("\(events.count) meeting\(events.count == 1 ? "" : "s") written to \(out).")
        }
    }
}
