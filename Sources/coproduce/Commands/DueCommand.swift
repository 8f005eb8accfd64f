import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce due`: what needs the person signed in (or, for the office, someone named), as
/// the Today screen shows it; exit status 1 when anything is overdue.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "What needs doing: the Today screen's list. Exit status 1 when anything is overdue.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "How many days ahead meetings are looked at (1 to 90).") var days = 14
    @Option(name: .customLong("for"), help: ArgumentHelp("Someone else's list, by their account's name (office staff and admins).",
                                                          valueName: "name"))
    var person: String?
    @Flag(help: "Print JSON: one object per line of the list.") var json = false

    func run() throws {
        guard (1...90).contains(days) else { throw ValidationError("--days must be from 1 to 90.") }
        let (db, signedIn) = try database.openSignedIn()
        var actor = signedIn
        if let person {
            guard signedIn.role == .admin || signedIn.role == .office else {
                Console.error("--for: only office staff and admins see someone else's list; leave --for out for your own.")
                throw ExitCode(1)
            }
            let accounts = try CommandSession.attempt { () throws(StoreError) in try db.accounts(as: signedIn) }
            let wanted = person.trimmingCharacters(in: .whitespaces)
            let matches = accounts.filter { $0.name.range(of: wanted, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            let exact = accounts.filter { $0.name.compare(wanted, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }
            guard let account = exact.first ?? (matches.count == 1 ? matches.first : nil) else {
                Console.error(matches.isEmpty ? "--for: no account is called \"\(wanted)\": `coproduce user list` shows them."
                                              : "--for: \"\(wanted)\" fits \(matches.map(\.name).joined(separator: ", ")): give more of the name.")
                throw ExitCode(1)
            }
            actor = Actor(userID: account.id, name: account.name, role: account.role, championID: account.championID)
        }
        let now = Clock.now()
        let items = try CommandSession.attempt { () throws(StoreError) in try db.due(as: actor, now: now, days: days) }
        if json {
            let rows: [[String: Any]] = items.map { item in
                var row: [String: Any] = ["kind": item.kind.rawValue, "status": item.status == .pass ? "info" : item.status.word,
                                          "overdue": item.overdue, "text": item.words]
                if let day = item.day { row["date"] = day.iso }
                switch item.target {
                case .meeting(let id): row["meeting"] = id
                case .register(let id): row["meeting"] = id
                case .area(let id): row["area"] = id
                case .staff, .marketing, .fund: break
                }
                return row
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else if items.isEmpty {
            print("Nothing needs \(actor.name) today.")
        } else {
            for item in items {
                let mark = item.overdue ? "✗ overdue" : item.status == .fail ? "✗ fail" : item.status == .warn ? "! soon" : "· "
                print("\(mark.padding(toLength: 10, withPad: " ", startingAt: 0))\(item.words)")
            }
            let overdue = items.filter(\.overdue).count
            print("\(Plural.count(items.count, "thing")) for \(actor.name), \(overdue) overdue.")
        }
        if items.contains(where: \.overdue) { throw ExitCode(1) }
    }
}
