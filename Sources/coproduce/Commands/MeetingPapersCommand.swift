import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension MeetingsCommand {
    /// `coproduce meetings papers MEETING`: who has had a meeting's papers, and recording more.
    struct Papers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "papers",
            abstract: "A meeting's papers: list who has had them and when they are due, or record them sent (--to NAME repeated, or --all, with --format).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: ArgumentHelp("An invited champion the papers went to (repeat for more).", valueName: "name")) var to: [String] = []
        @Flag(help: "Every invited parent not yet sent them.") var all = false
        @Option(help: "e-mail, print or large-print.") var format: String?
        @Option(help: "The day they went: 01/12/2026 (default today).") var on: String?

        func run() throws {
            let today = Clock.now().date
            let (db, actor) = try database.openSignedIn()
            let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            let detail = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: meetingID) }
            if to.isEmpty && !all {
                let settings = try CommandSession.attempt { () throws(StoreError) in try db.barrierChecker() }.settings
                let due = PapersRule.deadline(for: detail.facts.meeting.date, workingDays: settings.papersDays)
                print("Papers for \(detail.facts.meeting.title) are due by \(due.inWords) (\(settings.papersDays) working days before).")
                for (i, name) in detail.championNames.enumerated() {
                    let sent = detail.facts.papers.first { $0.championID == detail.championIDs[i] }
                    print("  \(name): " + (sent.map { "\($0.format.rawValue), \($0.sentOn.inWords)" } ?? "not sent"))
                }
                return
            }
            guard let formatText = format, let chosen = PaperFormat(rawValue: formatText.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "e mail", with: "e-mail")) else {
                try MeetingsCommand.refuse(["--format: say how they went: e-mail, print or large-print."])
            }
            let day = try on.map { try Lookup.day($0, option: "--on") } ?? today
            var ids: [Int64] = []
            if all {
                ids = detail.championIDs.filter { id in !detail.facts.papers.contains { $0.championID == id } }
                if ids.isEmpty && to.isEmpty {
                    try MeetingsCommand.refuse(["--all: everyone invited has had the papers; name one with --to to record them sent again."])
                }
            }
            for name in to {
                ids.append(try Lookup.champion(name, in: db, as: actor, option: "--to"))
            }
            try FieldRefusal.attempt(["to": "--to", "on": "--on"]) { () throws(StoreError) in
                try db.recordPapersSent(as: actor, meetingID: meetingID, championIDs: ids, format: chosen, sentOn: day, today: today, now: Clock.date())
            }
            print("Papers recorded for \(Lookup.meetingName(meetingID, in: db, as: actor)): \(Plural.count(ids.count, "parent")) by \(chosen.rawValue) on \(day.inWords).")
        }
    }
}
