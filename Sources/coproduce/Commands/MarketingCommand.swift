import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce marketing`: Parent Approved Marketing from a script.
struct MarketingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marketing", abstract: "Parent Approved Marketing: materials, parents' answers, versions.",
        subcommands: [List.self, Add.self, Send.self, Review.self, Revise.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every material with its status, answers and jargon found.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let rows = try CommandSession.attempt { () throws(StoreError) in try db.materials(as: actor) }
            if json {
                try Lookup.json(rows.map { r in
                    var o: [String: Any] = ["id": r.material.id, "title": r.material.title, "kind": r.material.kind.rawValue,
                                            "service": r.material.service, "version": r.material.version, "status": r.status.rawValue,
                                            "reviews": r.currentReviews.map { ["parent": $0.parent, "area": $0.area, "verdict": $0.review.verdict.rawValue,
                                                                               "comment": $0.review.comment, "on": $0.on.iso] },
                                            "jargon": r.jargon.map { ["found": $0.found, "plain": $0.entry.plain] }]
                    if let s = r.shortfall { o["stillNeeded"] = s }
                    if let by = r.submittedByName { o["submittedBy"] = by }
                    return o
                })
                return
            }
            if rows.isEmpty { print("No materials yet: coproduce marketing add.") }
            for r in rows {
                print("\(String(r.material.id).padding(toLength: 5, withPad: " ", startingAt: 0))\(r.status.name.padding(toLength: 18, withPad: " ", startingAt: 0)) v\(r.material.version) \(r.material.kind.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(r.material.title)")
                for review in r.currentReviews {
                    print("       \(review.parent) (\(review.area)): \(review.review.verdict == .approve ? "approves" : "asks for changes")\(review.review.comment.isEmpty ? "" : " — \(review.review.comment)")")
                }
                if !r.jargon.isEmpty { print("       jargon: " + r.jargon.map { "\($0.found) → \($0.entry.plain)" }.joined(separator: "; ")) }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a draft material; prints its id.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Its title.") var title: String
        @Option(help: "leaflet, poster, social-post or web-page.") var kind: MaterialKind
        @Option(help: "The service it is for.") var service: String
        @Option(help: "Its text or a summary (or --text-file).") var text: String?
        @Option(help: "A file holding its text.") var textFile: String?
        @Option(help: "The Parent Champion who put it forward (name or id), if a parent did.") var by: String?

        func run() throws {
            let body = try MarketingCommand.body(text, textFile)
            let (db, actor) = try database.openSignedIn()
            let champion = try by.map { try Lookup.champion($0, in: db, as: actor, option: "--by") }
            let m = Material(title: title, kind: kind, service: service, text: body, submittedBy: champion)
            print(try CommandSession.attempt { () throws(StoreError) in try db.addMaterial(as: actor, m, now: Clock.date()) })
        }
    }

    static func body(_ text: String?, _ file: String?) throws -> String {
        if let file {
            guard let data = FileManager.default.contents(atPath: file), let s = String(data: data, encoding: .utf8) else {
                try MeetingsCommand.refuse(["--text-file: cannot read \(file) as UTF-8 text."])
            }
            return s
        }
        return text ?? ""
    }

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send", abstract: "Send a material's current version to parents.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The material: its id or its title.") var material: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.material(material, in: db, as: actor, option: "material")
            try CommandSession.attempt { () throws(StoreError) in try db.sendToParents(as: actor, id: id, now: Clock.date()) }
            print("Material \(id) is with parents.")
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "review", abstract: "Record a parent's answer on the current version; prints the status after.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The material: its id or its title.") var material: String
        @Argument(help: "approve or changes.") var verdict: Verdict
        @Option(help: "The Parent Champion answering (name or id; a champion signed in answers for themselves).") var parent: String?
        @Option(help: "What should change (needed with changes).") var comment: String = ""

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.material(material, in: db, as: actor, option: "material")
            let champion = try parent.map { try Lookup.champion($0, in: db, as: actor, option: "--parent") }
            let status = try CommandSession.attempt { () throws(StoreError) in
                try db.reviewMaterial(as: actor, id: id, championID: champion, verdict: verdict, comment: comment,
                                      on: Clock.now().date, now: Clock.date())
            }
            print("Material \(id) is \(status.name).")
        }
    }

    struct Revise: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revise", abstract: "A new version of a material's text; parents' earlier answers stop counting.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The material: its id or its title.") var material: String
        @Option(help: "The new text (or --text-file).") var text: String?
        @Option(help: "A file holding the new text.") var textFile: String?
        @Option(help: "A new title.") var title: String?

        func run() throws {
            let body = try MarketingCommand.body(text, textFile)
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.material(material, in: db, as: actor, option: "material")
            try CommandSession.attempt { () throws(StoreError) in try db.reviseMaterial(as: actor, id: id, title: title, text: body, now: Clock.date()) }
            print("Material \(id) has a new version, back to draft.")
        }
    }
}
