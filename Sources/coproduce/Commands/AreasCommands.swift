import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension IdeaStatus: ExpressibleByArgument {}
extension FeedbackChannel: ExpressibleByArgument {}
extension Rung: ExpressibleByArgument {}
extension ChampionStatus: ExpressibleByArgument {}

/// Resolving names and areas typed on the command line.
enum Lookup {
    static func area(_ text: String, in db: AppDatabase, as actor: Actor, option: String = "--area") throws -> Int64 {
        let today = Clock.now().date
        let areas = try CommandSession.attempt { () throws(StoreError) in try db.areas(as: actor, today: today, offset: 0, limit: 100) }
        return try resolve(text, among: areas.map { Candidate(id: $0.area.id, name: $0.area.name, detail: "") }, what: "area", option: option)
    }

    static func champion(_ text: String, in db: AppDatabase, as actor: Actor, option: String) throws -> Int64 {
        try resolve(text, among: championCandidates(in: db, as: actor), what: "Parent Champion", option: option)
    }

    /// Every champion the actor may see, with their area to tell namesakes apart.
    static func championCandidates(in db: AppDatabase, as actor: Actor) throws -> [Candidate] {
        let today = Clock.now().date
        let all = try CommandSession.attempt { () throws(StoreError) in try db.champions(as: actor) }
        let areas = try CommandSession.attempt { () throws(StoreError) in try db.areas(as: actor, today: today, offset: 0, limit: 100) }
        let names = Dictionary(areas.map { ($0.area.id, $0.area.name) }, uniquingKeysWith: { a, _ in a })
        return all.map { Candidate(id: $0.id, name: $0.name, detail: names[$0.areaID] ?? "") }
    }

    static func day(_ text: String?, option: String) throws -> LocalDate {
        guard let text else { return Clock.now().date }
        return try parsed(UKInput.date(text, today: Clock.now().date), option: option)
    }

    static func money(_ text: String, option: String) throws -> Money {
        try parsed(Money.parse(text), option: option)
    }

    static func year(_ text: String?) throws -> FinancialYear {
        guard let text else { return FinancialYear(containing: Clock.now().date) }
        return try parsed(FinancialYear.parse(text), option: "--year")
    }

    /// The value typed for an option, or its problem printed as "--option: …" (exit 1).
    static func parsed<T>(_ result: Result<T, InputError>, option: String) throws -> T {
        switch result {
        case .success(let value): return value
        case .failure(let e): try MeetingsCommand.refuse(["\(option): \(e.description)"])
        }
    }

    static func json(_ rows: [[String: Any]]) throws {
        print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
    }
}

/// `coproduce champions list [--json]`.
struct ChampionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "champions", abstract: "Parent Champions and their training and checks.",
                                                    subcommands: [List.self, Add.self, Training.self, Checks.self, Status.self, Contact.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a Parent Champion to an area; prints the new id.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Their name.") var name: String
        @Option(help: "Their area (name or id).") var area: String
        @Option(help: "The day they completed their training, if they have.") var trained: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let areaID = try Lookup.area(area, in: db, as: actor)
            let day = try trained.map { try Lookup.day($0, option: "--trained") }
            print(try CommandSession.attempt { () throws(StoreError) in
                try db.addChampion(as: actor, name: name, areaID: areaID, trainedOn: day, now: Clock.date())
            })
        }
    }

    struct Training: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "training", abstract: "Record a champion's training and when their refresher is due.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The champion (name or id).") var champion: String
        @Option(help: "Completed on.") var on: String
        @Option(help: "The course.") var course: String
        @Option(help: "Refresher due.") var refresher: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.champion(champion, in: db, as: actor, option: "champion")
            let done = try Lookup.day(on, option: "--on")
            let due = try refresher.map { try Lookup.day($0, option: "--refresher") }
            try CommandSession.attempt { () throws(StoreError) in
                try db.recordTraining(as: actor, championID: id, completed: done, course: course, refresherDue: due, now: Clock.date())
            }
            print("Training recorded.")
        }
    }

    struct Checks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "checks", abstract: "Record contact details and a DBS check (office staff and admins).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The champion (name or id).") var champion: String
        @Option(help: "Phone.") var phone = ""
        @Option(help: "Email.") var email = ""
        @Option(help: "DBS certificate number.") var dbs = ""
        @Option(help: "DBS issued on.") var issued: String?
        @Option(help: "DBS renewal due.") var renewal: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.champion(champion, in: db, as: actor, option: "champion")
            let i = try issued.map { try Lookup.day($0, option: "--issued") }
            let r = try renewal.map { try Lookup.day($0, option: "--renewal") }
            try CommandSession.attempt { () throws(StoreError) in
                try db.recordPrivate(as: actor, championID: id, phone: phone, email: email, dbsNumber: dbs, dbsIssued: i, dbsRenewalDue: r,
                                     now: Clock.date())
            }
            print("Contact details and DBS check recorded.")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Mark a champion active, paused or left, with a reason and date.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The champion (name or id).") var champion: String
        @Argument(help: "active, paused or left.") var status: ChampionStatus
        @Option(help: "Why (needed for paused and left).") var reason = ""
        @Option(help: "Since (default today).") var since: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.champion(champion, in: db, as: actor, option: "champion")
            let day = try Lookup.day(since, option: "--since")
            try CommandSession.attempt { () throws(StoreError) in
                try db.setChampionStatus(as: actor, championID: id, status, reason: reason, since: day, now: Clock.date())
            }
            print("\(champion) is \(status.rawValue).")
        }
    }

    struct Contact: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contact",
            abstract: "Whether a champion has agreed to e-mail reminders, and the address: show it, or record their yes or no (with today's date).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The champion (name or id); a champion may give only their own.") var champion: String
        @Option(help: ArgumentHelp("yes: they agreed to e-mail reminders; no: send none.", valueName: "yes|no")) var emailReminders: String?
        @Option(help: "The address reminders go to.") var address: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.champion(champion, in: db, as: actor, option: "champion")
            var pref = try CommandSession.attempt { () throws(StoreError) in try db.contactPreference(as: actor, championID: id) }
            if emailReminders != nil || address != nil {
                if let answer = emailReminders?.lowercased() {
                    guard ["yes", "no"].contains(answer) else { try MeetingsCommand.refuse(["--email-reminders: say yes or no."]) }
                    pref.emailReminders = answer == "yes"
                }
                if let address { pref.address = address }
                let wanted = pref
                try FieldRefusal.attempt(["address": "--address"]) { () throws(StoreError) in
                    try db.setContactPreference(as: actor, championID: id, emailReminders: wanted.emailReminders, address: wanted.address,
                                                today: Clock.now().date, now: Clock.date())
                }
                pref = try CommandSession.attempt { () throws(StoreError) in try db.contactPreference(as: actor, championID: id) }
            }
            print(pref.emailReminders ? "E-mail reminders: yes, to \(pref.address) (agreed \(pref.agreedOn?.long ?? ""))."
                                      : "E-mail reminders: no\(pref.address.isEmpty ? "" : " (address kept: \(pref.address))"): none are sent.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List champions; refreshers and DBS renewals due within 30 days or overdue are flagged.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this area (name or id).") var area: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let areaID = try area.map { try Lookup.area($0, in: db, as: actor) }
            let today = Clock.now().date
            let records = try CommandSession.attempt { () throws(StoreError) in try db.championRecords(as: actor, areaID: areaID) }
            if json {
                try Lookup.json(records.map { r in
                    var row: [String: Any] = ["id": r.champion.id, "name": r.champion.name, "area": r.areaName, "status": r.status.rawValue,
                                              "flags": r.flags(today: today).map { "\($0.what) \($0.status == .fail ? "overdue" : "due") \($0.due.iso)" }]
                    if let t = r.champion.trainedOn { row["trainedOn"] = t.iso }
                    if let c = r.trainingCourse { row["course"] = c }
                    if let d = r.refresherDue { row["refresherDue"] = d.iso }
                    if let d = r.dbsRenewalDue { row["dbsRenewalDue"] = d.iso }
                    if let p = r.phone { row["phone"] = p }
                    if let e = r.email { row["email"] = e }
                    return row
                })
                return
            }
            for r in records {
                let flags = r.flags(today: today).map { $0.describe(glyphs: "✗", warn: "!") }.joined(separator: "; ")
                print("\(String(r.champion.id).padding(toLength: 5, withPad: " ", startingAt: 0))\(r.champion.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(r.areaName.padding(toLength: 14, withPad: " ", startingAt: 0)) \(r.status.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(flags)")
            }
        }
    }
}

/// `coproduce ideas add|list|move`.
struct IdeasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ideas", abstract: "Parents' ideas, from the area to the Board and back.",
                                                    subcommands: [Add.self, List.self, Move.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Log an idea for an area; prints its id.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The area (name or id).") var area: String
        @Option(help: "The idea, in the parent's own words.") var text: String
        @Option(help: "The champion who raised it (name or id); leave out for \"a parent in the area\".") var by: String?
        @Option(help: "Raised on (default today).") var on: String?
        @Option(help: "Its rung: informing, consultation, engagement, co-design, co-production.") var rung: Rung?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let areaID = try Lookup.area(area, in: db, as: actor)
            let champion = try by.map { try Lookup.champion($0, in: db, as: actor, option: "--by") }
            let idea = Idea(areaID: areaID, raisedOn: try Lookup.day(on, option: "--on"), raisedBy: champion, text: text, rung: rung)
            print(try CommandSession.attempt { () throws(StoreError) in try db.addIdea(as: actor, idea, now: Clock.date()) })
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Parents' ideas, every area's (or one area's with --area), with who raised them; decided ones not fed back in time are flagged.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this area (name or id).") var area: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let today = Clock.now().date
            // Every area the person may read ideas of (a champion: their own), or the one asked for.
            var areas: [(id: Int64, name: String)]
            if let area {
                let id = try Lookup.area(area, in: db, as: actor)
                let name = try CommandSession.attempt { () throws(StoreError) in try db.areaDetail(as: actor, id: id, today: today) }.summary.area.name
                areas = [(id, name)]
            } else {
                areas = try CommandSession.attempt { () throws(StoreError) in try db.areas(as: actor, today: today, offset: 0, limit: 1000) }
                    .map { ($0.area.id, $0.area.name) }
            }
            var listed: [(area: String, idea: Idea)] = []
            for a in areas {
                let found: [Idea]
                if area != nil {
                    found = try CommandSession.attempt { () throws(StoreError) in try db.ideas(as: actor, areaID: a.id) }
                } else {
                    guard let mine = try? db.ideas(as: actor, areaID: a.id) else { continue }
                    found = mine
                }
                listed += found.map { (a.name, $0) }
            }
            let names = Dictionary(uniqueKeysWithValues: ((try? db.champions(as: actor)) ?? []).map { ($0.id, $0.name) })
            let days = Int(try CommandSession.attempt { () throws(StoreError) in try db.text(of: .ideaFeedbackDays) }) ?? 28
            func raisedBy(_ i: Idea, _ area: String) -> String { i.raisedBy.flatMap { names[$0] } ?? "a parent in \(area)" }
            if json {
                try Lookup.json(listed.map { a, i in
                    var row: [String: Any] = ["id": i.id, "area": a, "areaId": i.areaID, "raisedOn": i.raisedOn.iso, "text": i.text,
                                              "status": i.status.rawValue, "raisedBy": raisedBy(i, a),
                                              "feedbackOverdue": i.awaitingFeedbackTooLong(today: today, days: days)]
                    if let b = i.raisedBy { row["raisedById"] = b }
                    if let o = i.outcome { row["outcome"] = o }
                    if let r = i.rung { row["rung"] = r.rawValue }
                    if let a = i.agendaItemID { row["agendaItem"] = a }
                    return row
                })
                return
            }
            if listed.isEmpty { print(area == nil ? "No ideas yet." : "No ideas from \(areas[0].name) yet.") }
            for (a, i) in listed {
                let flag = i.awaitingFeedbackTooLong(today: today, days: days) ? "  ✗ NOT FED BACK after \(days) days" : ""
                print("\(String(i.id).padding(toLength: 5, withPad: " ", startingAt: 0))\(i.raisedOn.uk)  \(a.padding(toLength: 14, withPad: " ", startingAt: 0)) "
                      + "\(i.status.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(i.text) (raised by \(raisedBy(i, a)))\(flag)")
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move an idea one step: ready, decided (--outcome), fed-back (--by --channel), or closed (--reason). On an agenda: use the Board's agenda (coproduce ideas move ID on-agenda --meeting BOARD_ID pulls every ready idea in).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The idea: its id, or its words (enough of them to pick it out).") var idea: String
        @Argument(help: "ready, on-agenda, decided, fed-back or closed.") var to: IdeaStatus
        @Option(help: "For on-agenda: the Partnership Board meeting (id or title) whose agenda takes every ready idea.") var meeting: String?
        @Option(help: "For decided: what was decided.") var outcome: String?
        @Option(help: "For fed-back: the champion (name or id).") var by: String?
        @Option(help: "For fed-back: meeting, group-chat or newsletter.") var channel: FeedbackChannel?
        @Option(help: "For closed: why.") var reason: String?
        @Option(help: "When (default today).") var on: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            if to == .onAgenda {
                guard let meeting else { try MeetingsCommand.refuse(["--meeting: say which Partnership Board's agenda takes the idea."]) }
                let board = try Lookup.meeting(meeting, in: db, as: actor, option: "--meeting")
                let n = try CommandSession.attempt { () throws(StoreError) in try db.pullReadyIdeas(as: actor, meetingID: board, now: Clock.date()) }
                print("\(Plural.count(n, "ready idea")) put on the agenda of \(Lookup.meetingName(board, in: db, as: actor)).")
                return
            }
            let id = try Lookup.idea(idea, in: db, as: actor, option: "idea")
            let champion = try by.map { try Lookup.champion($0, in: db, as: actor, option: "--by") }
            let step = IdeaStep(to: to, on: try Lookup.day(on, option: "--on"), outcome: outcome, fedBackBy: champion, channel: channel, reason: reason)
            try CommandSession.attempt { () throws(StoreError) in try db.moveIdea(as: actor, id: id, step, now: Clock.date()) }
            print("Idea \(id) is now \(to.name).")
        }
    }
}

/// `coproduce areas add|rename|retire`.
struct AreasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "areas", abstract: "Add, rename and retire areas (history is kept).",
                                                    subcommands: [Add.self, Rename.self, Retire.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an area; prints its id.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The new area's name.") var name: String
        func run() throws {
            let (db, actor) = try database.openSignedIn()
            print(try CommandSession.attempt { () throws(StoreError) in try db.addArea(as: actor, name: name, now: Clock.date()) })
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename an area.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The area (name or id).") var area: String
        @Argument(help: "Its new name.") var name: String
        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.area(area, in: db, as: actor)
            try CommandSession.attempt { () throws(StoreError) in try db.renameArea(as: actor, id: id, to: name, now: Clock.date()) }
            print("Renamed to \(name).")
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retire",
                                                        abstract: "Retire an area, or bring it back with --undo; its history is kept.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The area (name or id).") var area: String
        @Flag(help: "Bring a retired area back.") var undo = false
        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.area(area, in: db, as: actor)
            try CommandSession.attempt { () throws(StoreError) in try db.setAreaRetired(as: actor, id: id, retired: !undo, now: Clock.date()) }
            print(undo ? "\(area) is open again." : "\(area) is retired: its history is kept.")
        }
    }
}
