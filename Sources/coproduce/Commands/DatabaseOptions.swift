import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// The `--db` option every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $COPRODUCE_DB, else $XDG_DATA_HOME/coproduce/coproduce.sqlite).",
                                            valueName: "path"))
    var db: String?

    /// The path in force.
    var path: String { DatabaseLocation.resolve(explicit: db) }

    /// Opens the database and signs the command in (see ``CommandSession``), or prints why
    /// not and exits with status 1.
    func openSignedIn() throws -> (AppDatabase, Actor) {
        let db = try open()
        // A demo database says so first, on standard error so the output stays parseable.
        if let demo = try? db.demoActor() {
            Console.error("Demo data: \(db.path) is a demo database; every command runs as \(demo.name). Real records go in a new file (coproduce init).")
        }
        return (db, try CommandSession.actor(for: db))
    }

    /// Opens the database, or prints why not and exits with status 1. Only `init` makes a
    /// new file (`creating`); every other command refuses a path with no database at it, so a
    /// mistyped path never leaves an empty database behind.
    func open(creating: Bool = false) throws -> AppDatabase {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            Console.error("--db was given no path: name the database file, or leave --db out for the usual place.")
            throw ExitCode(1)
        }
        if !creating && !FileManager.default.fileExists(atPath: path) {
            Console.error("There is no database at \(path). Make one with `coproduce init --db \(path)`, or check the path.")
            throw ExitCode(1)
        }
        let timeout = try Clock.busyTimeout
        do {
            let db = try AppDatabase.open(path: path, busyTimeout: timeout)
            if let warning = FilePermissions.warning(for: db.path) { Console.error(warning) }
            return db
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}

/// Messages for the user on standard error.
enum Console {
    /// Writes `coproduce: message` to standard error.
    static func error(_ message: String) {
        for line in message.split(separator: "\n", omittingEmptySubsequences: true) {
            FileHandle.standardError.write(Data("coproduce: \(TerminalText.visible(String(line)))\n".utf8))
        }
    }
}
