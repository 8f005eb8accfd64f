import ArgumentParser
import CoproductionStore

/// `coproduce retention report|purge`.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "What is due for deletion under the retention settings, and deleting it (admins).",
        subcommands: [Report.self, Purge.self], defaultSubcommand: Report.self)

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List children (with their crèche bookings and registers) last seen longer ago than retention-children-years.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let due = try CommandSession.attempt { () throws(StoreError) in try db.retentionDue(as: actor, today: Clock.now().date) }
            if due.isEmpty { print("Nothing is due for deletion.") }
            for item in due {
                print("\(item.kind) \(item.id)  \(item.name)  last attended \(item.lastUsed?.long ?? "never")  (\(item.registerEntries) bookings and register entries)")
            }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete what the report lists, leaving an audit entry (admins).")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Confirm the deletion.") var yes = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            guard yes else {
                let due = try CommandSession.attempt { () throws(StoreError) in try db.retentionDue(as: actor, today: Clock.now().date) }
                Console.error("\(due.count) children and their registers would be deleted for good. Run again with --yes to delete them.")
                throw ExitCode(1)
            }
            let n = try CommandSession.attempt { () throws(StoreError) in try db.purge(as: actor, today: Clock.now().date, now: Clock.date()) }
            print("Deleted \(n) children with their bookings and registers. The audit trail records the purge.")
        }
    }
}
