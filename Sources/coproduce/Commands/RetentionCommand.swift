import Coproduction
import ArgumentParser
import CoproductionStore

/// `coproduce retention report|purge`.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "What is due for deletion under the retention settings, and deleting it (admins).",
        subcommands: [Report.self, Purge.self], defaultSubcommand: Report.self)

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "List what is due: children and their registers (retention-children-years after the last attendance), former champions' contact details and DBS (retention-champion-years after leaving), vouchers and expenses (retention-reward-years after their financial year).")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            // Each record printed as it is read: memory stays flat however many are due.
            var count = 0
            try CommandSession.attempt { () throws(StoreError) in
                try db.forEachRetentionDue(as: actor, today: Clock.now().date) { item in
                    count += 1
                    switch RetentionKind(rawValue: item.kind) {
                    case .child?:
                        print("child \(item.id)  \(item.name)  last attended \(item.lastUsed?.long ?? "never")  (\(item.registerEntries) bookings and register entries)")
                    case .championDetails?:
                        print("champion details \(item.id)  \(item.name)  left \(item.lastUsed?.long ?? "")  (phone, email, DBS)")
                    case .incident?:
                        print("incident \(item.id)  \(item.name)  recorded \(item.lastUsed?.long ?? "")")
                    default:
                        print("reward \(item.id)  \(item.name)  \(item.lastUsed?.long ?? "")")
                    }
                }
            }
            if count == 0 { print("Nothing is due for deletion.") }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "purge", abstract: "Delete what the report lists, leaving an audit entry (admins).")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Confirm the deletion.") var yes = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            guard yes else {
                let due = try CommandSession.attempt { () throws(StoreError) in try db.retentionDue(as: actor, today: Clock.now().date) }
                let counts = RetentionKind.allCases.map { k in "\(due.filter { $0.kind == k.rawValue }.count) \(k.rawValue)" }.joined(separator: ", ")
                Console.error("\(Plural.count(due.count, "record")) would be deleted for good (\(counts)). Run again with --yes to delete them.")
                throw ExitCode(1)
            }
            let n = try CommandSession.attempt { () throws(StoreError) in try db.purge(as: actor, today: Clock.now().date, now: Clock.date()) }
            print("Deleted \(n) records (children with their bookings and registers, former champions' details, old rewards). The audit trail records the purge.")
        }
    }
}
