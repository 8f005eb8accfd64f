import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce interests declare|list|end`: the register of interests.
struct InterestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interests",
        abstract: "The register of interests: each person's declarations with their dates, those declared at a meeting, and those in a fund proposal (whose holder may not review it).",
        subcommands: [Declare.self, List.self, End.self], defaultSubcommand: List.self)

    struct Declare: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "declare", abstract: "Declare an interest for a champion (--champion) or a member of staff (--user); prints its id.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("The Parent Champion whose interest it is.", valueName: "name")) var champion: String?
        @Option(help: ArgumentHelp("The member of staff (their account name) whose interest it is.", valueName: "name")) var user: String?
        @Option(help: "What the interest is.") var what: String
        @Option(help: "When it began: 01/12/2026 (default today).") var from: String?
        @Option(help: "When it ended, if it has.") var until: String?
        @Option(help: ArgumentHelp("The meeting it was declared at.", valueName: "meeting")) var meeting: String?
        @Option(help: ArgumentHelp("The fund proposal it is in (its holder may not review it).", valueName: "id")) var proposal: String?

        func run() throws {
            let today = Clock.now().date
            let (db, actor) = try database.openSignedIn()
            var interest = Interest(what: what, from: try from.map { try Lookup.day($0, option: "--from") } ?? today,
                                    until: try until.map { try Lookup.day($0, option: "--until") })
            interest.championID = try champion.map { try Lookup.champion($0, in: db, as: actor, option: "--champion") }
            if let user {
                let accounts = try CommandSession.attempt { () throws(StoreError) in try db.accounts(as: actor) }
                guard let match = accounts.first(where: { $0.name.caseInsensitiveCompare(user) == .orderedSame }) else {
                    try MeetingsCommand.refuse(["--user: there is no account called \(user) (coproduce user list shows them)."])
                }
                interest.userID = match.id
            }
            if champion == nil && user == nil && actor.role == .champion { interest.championID = actor.championID }
            interest.meetingID = try meeting.map { try Lookup.meeting($0, in: db, as: actor, option: "--meeting") }
            interest.proposalID = try proposal.map { try Lookup.proposal($0, in: db, as: actor, option: "--proposal") }
            let id = try FieldRefusal.attempt(["person": "--champion or --user", "what": "--what", "until": "--until"]) {
                () throws(StoreError) in try db.declareInterest(as: actor, interest, now: Clock.date())
            }
            print(id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the register of interests (a champion sees their own), or those declared at one meeting.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("Only those declared at this meeting.", valueName: "meeting")) var meeting: String?
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let meetingID = try meeting.map { try Lookup.meeting($0, in: db, as: actor, option: "--meeting") }
            let rows = try CommandSession.attempt { () throws(StoreError) in try db.interests(as: actor, meetingID: meetingID) }
            if json {
                let out = rows.map { i -> [String: Any] in
                    ["id": i.id, "person": i.person, "what": i.what, "from": i.from.iso, "until": i.until?.iso ?? NSNull(),
                     "meeting": i.meetingID ?? NSNull(), "proposal": i.proposalID ?? NSNull()]
                }
                print(String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                return
            }
            if rows.isEmpty { print("No interests declared.") }
            for i in rows {
                let when = "since \(i.from.inWords)" + (i.until.map { ", ended \($0.inWords)" } ?? "")
                let touches = (i.proposalID.map { "; in fund proposal \($0)" } ?? "") + (i.meetingID.map { "; declared at meeting \($0)" } ?? "")
                print("\(i.id)  \(i.person): \(i.what) (\(when)\(touches))")
            }
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "end", abstract: "Record the day a declared interest ended.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The declaration's id (interests list shows them).") var id: Int64
        @Option(help: "The day it ended: 01/12/2026 (default today).") var on: String?

        func run() throws {
            let day = try on.map { try Lookup.day($0, option: "--on") } ?? Clock.now().date
            let (db, actor) = try database.openSignedIn()
            try FieldRefusal.attempt(["until": "--on"]) { () throws(StoreError) in
                try db.endInterest(as: actor, id: id, on: day, now: Clock.date())
            }
            print("Declaration \(id) ended on \(day.inWords).")
        }
    }
}
