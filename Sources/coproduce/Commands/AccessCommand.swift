import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce access need|show|venue|arrange`: people's access needs, what venues offer, and
/// what is arranged for a meeting, as the Access check reads them.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Access needs: record a champion's (step-free, hearing-loop, large-print, interpreter --language, quiet-room, breastfeeding), what a venue offers, and what is arranged for a meeting.",
        subcommands: [Need.self, Show.self, Venue.self, Arrange.self])

    static func need(_ word: String, option: String) throws -> AccessNeed {
        guard let need = AccessNeed(word: word) else {
            try MeetingsCommand.refuse(["\(option): “\(word)” is not an access need: use step-free, hearing-loop, large-print, interpreter, quiet-room or breastfeeding."])
        }
        return need
    }

    struct Need: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "need", abstract: "Record a Parent Champion's access need (office staff and admins; a champion their own).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("The Parent Champion.", valueName: "name")) var champion: String
        @Option(help: "The need.") var need: String
        @Option(help: "The language, for an interpreter.") var language = ""

        func run() throws {
            let chosen = try AccessCommand.need(need, option: "--need")
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.champion(champion, in: db, as: actor, option: "--champion")
            try FieldRefusal.attempt(["language": "--language"]) { () throws(StoreError) in
                try db.addAccessNeed(as: actor, championID: id, need: chosen, language: language, now: Clock.date())
            }
            print("Recorded for \(champion): \(chosen == .interpreter ? "an interpreter (\(language))" : chosen.rawValue).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a champion's access needs (for those who may see them).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("The Parent Champion.", valueName: "name")) var champion: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.champion(champion, in: db, as: actor, option: "--champion")
            let needs = try CommandSession.attempt { () throws(StoreError) in try db.accessNeeds(as: actor, championID: id) }
            print(needs.isEmpty ? "\(champion): no access needs recorded." : "\(champion): " + needs.map(\.words).joined(separator: ", "))
        }
    }

    struct Venue: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "venue", abstract: "Set what a venue offers (replacing what it offered), or show it with no --offers.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The venue, as the meetings spell it.") var venue: String
        @Option(help: "What it offers, commas between: step-free, hearing-loop, large-print, quiet-room, breastfeeding.") var offers: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            guard let offers else {
                let now = try CommandSession.attempt { () throws(StoreError) in try db.venueFacilities(venue: venue) }
                print(now.isEmpty ? "\(venue) offers nothing recorded." : "\(venue) offers " + now.map(\.rawValue).sorted().joined(separator: ", ") + ".")
                return
            }
            let set = Set(try offers.split(separator: ",").map { try AccessCommand.need($0.trimmingCharacters(in: .whitespaces), option: "--offers") })
            try FieldRefusal.attempt(["offers": "--offers", "venue": "venue"]) { () throws(StoreError) in
                try db.setVenueFacilities(as: actor, venue: venue, offers: set, now: Clock.date())
            }
            print("\(venue) offers " + set.map(\.rawValue).sorted().joined(separator: ", ") + ".")
        }
    }

    struct Arrange: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "arrange", abstract: "Record something arranged for a meeting to meet a need (\"interpreter booked: Polish\").")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: "The need it meets.") var need: String
        @Option(help: "The language, for an interpreter.") var language = ""
        @Option(help: "What was arranged.") var note = ""

        func run() throws {
            let chosen = try AccessCommand.need(need, option: "--need")
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            try FieldRefusal.attempt(["language": "--language"]) { () throws(StoreError) in
                try db.arrange(as: actor, meetingID: id, Arrangement(need: chosen, language: language, note: note), now: Clock.date())
            }
            print("Arranged for \(Lookup.meetingName(id, in: db, as: actor)): \(chosen.rawValue)\(language.isEmpty ? "" : " (\(language))").")
        }
    }
}
