import ArgumentParser
import CoproductionStore

/// `coproduce backup --out FILE`: a copy of the whole database, safe while others use it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the whole database with SQLite's online backup, safe while others are using it (admins).")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The backup file to write.") var out: String

    func run() throws {
        let db = try database.open()
        let actor = try CommandSession.actor(for: db)
        try CommandSession.attempt { () throws(StoreError) in try db.backup(as: actor, to: out) }
        print("Backed up to \(out).")
    }
}
