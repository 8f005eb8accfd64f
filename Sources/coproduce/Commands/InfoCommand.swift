import Coproduction
import ArgumentParser
import CoproductionStore

/// `coproduce info`: where the database is and what its schema is.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show where the database is, its schema version and (once signed in) how many records it holds.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        do {
            let migrations = try db.appliedMigrations()
            print("Database:  \(db.path)")
            print("Schema:    \(Plural.count(migrations.count, "migration")) (latest: \(migrations.last ?? "none"))")
            // How many records it holds says something about the programme: only once signed in.
            guard CommandSession.quietActor(for: db) != nil else {
                print("Records:   sign in (coproduce login) to see how many records it holds.")
                return
            }
            for (name, count) in try db.recordCounts() { print("\(name + ":")\(String(repeating: " ", count: max(1, 11 - name.count)))\(count)") }
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
