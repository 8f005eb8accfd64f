import ArgumentParser
import CoproductionStore

/// `coproduce backup --out FILE`: a copy of the whole database, safe while others use it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the whole database with SQLite's online backup, safe while others are using it (admins).")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The backup file to write.") var out: String

    func run() throws {
        try FileOutput.refuseUnusual(out)
        let (db, actor) = try database.openSignedIn()
        try CommandSession.attempt { () throws(StoreError) in try db.backup(as: actor, to: out) }
        print("Backed up to \(out), and the copy passed its integrity check.")
    }
}

/// `coproduce restore FILE`: replaces the database with a backup, after checking it.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup, after checking the backup is whole and not from a newer version (admins).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file.") var file: String
    @Flag(help: "Confirm: everything now in the database is replaced by the backup.") var yes = false

    func run() throws {
        guard yes else {
            Console.error("Restoring replaces everything in \(database.path) with \(file). Run again with --yes to go ahead.")
            throw ExitCode(1)
        }
        let (db, actor) = try database.openSignedIn()
        try CommandSession.attempt { () throws(StoreError) in try db.restore(as: actor, from: file) }
        print("Restored from \(file).")
    }
}
