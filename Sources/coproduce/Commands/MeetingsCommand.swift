import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce meetings add|edit|list`: meetings from the command line.
struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings", abstract: "Add, change and list meetings.",
        subcommands: [Add.self, Edit.self, List.self])

    /// The kinds as typed on the command line.
    enum KindCode: String, ExpressibleByArgument, CaseIterable {
        case board, serviceDesign = "service-design", taskAndFinish = "task-and-finish", preMeeting = "pre-meeting"
    }

    static func parse<T>(_ result: Result<T, InputError>, _ option: String) throws -> T {
        switch result {
        case .success(let value): return value
        case .failure(let error): throw ValidationError("\(option): \(error.description)")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a meeting and print its id.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "board, service-design, task-and-finish (with --group) or pre-meeting (with --for).") var kind: KindCode
        @Option(help: "The title.") var title: String
        @Option(help: "The day: 12/01/2027 or 2027-01-12.") var date: String
        @Option(help: "Start, UK time: 10:00.") var start: String
        @Option(help: "End, UK time: 12:00.") var end: String
        @Option(help: "Where it is held.") var venue = ""
        @Option(help: "The Task and Finish group's name.") var group: String?
        @Option(name: .customLong("for"), help: ArgumentHelp("For a pre-meeting: the meeting it prepares.", valueName: "id"))
        var prepares: Int64?
        @Option(help: ArgumentHelp("A Parent Champion attending (repeat for more).", valueName: "id")) var champion: [Int64] = []
        @Option(help: "Other parents expected.") var parents = 0

        func run() throws {
            let today = Clock.now().date
            let day = try MeetingsCommand.parse(UKInput.date(date, today: today), "--date")
            let from = try MeetingsCommand.parse(UKInput.time(start), "--start")
            let to = try MeetingsCommand.parse(UKInput.time(end), "--end")
            guard to > from else { throw ValidationError("--end (\(to)) must be after --start (\(from)).") }
            guard let kind = MeetingKind(code: self.kind.rawValue, groupName: group, preparedMeetingID: prepares) else {
                throw ValidationError(self.kind == .taskAndFinish ? "A task-and-finish meeting needs --group NAME."
                                                                  : "A pre-meeting needs --for ID, the meeting it prepares.")
            }
            let db = try database.open()
            let actor = try CommandSession.actor(for: db)
            let id = try CommandSession.attempt { () throws(StoreError) in
                try db.addMeeting(as: actor, Meeting(id: 0, kind: kind, title: title, date: day, start: from, end: to, venue: venue,
                                                       championIDs: champion, otherParents: parents), now: Clock.date())
            }
            print(id)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a meeting. With --if-version, refuses when someone else saved it since you read that version.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting's id.") var id: Int64
        @Option(help: "New title.") var title: String?
        @Option(help: "New day.") var date: String?
        @Option(help: "New start.") var start: String?
        @Option(help: "New end.") var end: String?
        @Option(help: "New venue.") var venue: String?
        @Option(help: "Other parents expected.") var parents: Int?
        @Option(help: ArgumentHelp("Save only if the meeting is still at this version (from `meetings list --json`).",
                                   valueName: "n"))
        var ifVersion: Int?

        func run() throws {
            let db = try database.open()
            let actor = try CommandSession.actor(for: db)
            let detail = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: id) }
            let m = detail.facts.meeting
            let today = Clock.now().date
            let day = try date.map { try MeetingsCommand.parse(UKInput.date($0, today: today), "--date") } ?? m.date
            let from = try start.map { try MeetingsCommand.parse(UKInput.time($0), "--start") } ?? m.start
            let to = try end.map { try MeetingsCommand.parse(UKInput.time($0), "--end") } ?? m.end
            guard to > from else { throw ValidationError("The end (\(to)) must be after the start (\(from)).") }
            let changed = Meeting(id: 0, kind: m.kind, title: title ?? m.title, date: day, start: from, end: to,
                                     venue: venue ?? m.venue, championIDs: m.championIDs, otherParents: parents ?? m.otherParents)
            try CommandSession.attempt { () throws(StoreError) in
                try db.updateMeeting(as: actor, id: id, expectedVersion: ifVersion ?? detail.version, to: changed, now: Clock.date())
            }
            print("Saved meeting \(id).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List meetings from a day on (default today).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "From this day: 12/01/2027 or 2027-01-12.") var from: String?
        @Option(help: "At most this many.") var limit = 500
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let today = Clock.now().date
            let day = try from.map { try MeetingsCommand.parse(UKInput.date($0, today: today), "--from") } ?? today
            let db = try database.open()
            let actor = try CommandSession.actor(for: db)
            let items = try CommandSession.attempt { () throws(StoreError) in
                try db.meetings(as: actor, from: day, offset: 0, limit: max(1, limit))
            }
            if json {
                let rows: [[String: Any]] = try items.map { item in
                    let m = item.meeting
                    let version = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: m.id).version }
                    return ["id": m.id, "kind": m.kind.code, "title": m.title, "date": m.date.iso, "start": m.start.description,
                            "end": m.end.description, "venue": m.venue, "champions": m.championIDs,
                            "otherParents": m.otherParents, "status": item.status.word, "version": version]
                }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            for item in items {
                let m = item.meeting
                print("\(String(m.id).padding(toLength: 6, withPad: " ", startingAt: 0))\(m.date.medium) \(m.start)–\(m.end)  \(m.kind.label.padding(toLength: 7, withPad: " ", startingAt: 0))\(m.title)  [\(item.status.word)]")
            }
        }
    }
}
