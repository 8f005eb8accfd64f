import ArgumentParser
import CoproductionStore
import Foundation

/// `coproduce init`: creates the database and its first admin, or a demo database.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database and its first admin (with --demo, a demo database instead).",
        discussion: """
            Asks for the first admin's name and passphrase (the passphrase is not echoed). For \
            scripts: --admin NAME, with the passphrase on standard input.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The first admin's name; the passphrase is read from standard input.", valueName: "name"))
    var admin: String?

    @Flag(help: "Write the demo data (six areas, champions, eight weeks of meetings, demo accounts with PIN 1234).")
    var demo = false

    @Option(help: ArgumentHelp("How much demo data: small (to try the app) or large (10,000 meetings, for benchmarks).",
                               valueName: "size"))
    var demoSize: DemoData.Size = .small

    @Option(help: "With --demo-size large: how many times the benchmark's data (1 to 10).")
    var demoScale: Int = 1

    func run() throws {
        guard (1...10).contains(demoScale) else {
            Console.error("--demo-scale must be from 1 to 10; “\(demoScale)” is not.")
            throw ExitCode(1)
        }
        let path = database.path
        let existed = FileManager.default.fileExists(atPath: path)
        if demo {
            let db = try database.open(creating: true)
            do {
                try DemoData.write(into: db, today: Clock.now().date, size: demoSize, scale: demoScale)
            } catch {
                Console.error("\(db.path): \(error.description)")
                throw ExitCode(1)
            }
            print("Demo data (\(demoSize.rawValue)) written to \(db.path). Every command signs in as \(DemoData.adminName).")
            print(Self.howToOpen(db.path, demo: true))
            return
        }
        if existed {
            let db = try database.open()
            if try CommandSession.attempt({ () throws(StoreError) in try db.hasAccounts() }) {
                if admin != nil {
                    Console.error("\(db.path) already has accounts. An admin adds more with `coproduce user add`.")
                    throw ExitCode(1)
                }
                print("Database ready at \(db.path); it already has accounts.")
                print(Self.howToOpen(db.path, demo: false))
                return
            }
        }
        // Everything is asked before anything is made: an attempt that stops leaves no file.
        guard let name = admin ?? Prompt.line("Name of the first admin: "), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            Console.error("The first admin needs a name: give --admin NAME, or type it when asked. Nothing was created.")
            throw ExitCode(1)
        }
        guard let secret = Prompt.newSecret(name) else {
            Console.error("No PIN or passphrase was set: nothing was created.")
            throw ExitCode(1)
        }
        let db = try database.open(creating: true)
        do {
            let actor = try db.createFirstAdmin(name: name, secret: secret)
            print("Database ready at \(db.path), with \(actor.name) as its first admin (commands sign in with `coproduce login`).")
            print(Self.howToOpen(db.path, demo: false))
        } catch {
            // A refused first admin (a name too long, say) takes the new file with it.
            if !existed { Self.remove(db.path) }
            Console.error(error.description + (existed ? "" : " Nothing was created."))
            throw ExitCode(1)
        }
    }

    /// The last line: how to open the app on this database.
    static func howToOpen(_ path: String, demo: Bool) -> String {
        if path == DatabaseLocation.resolve(explicit: nil) {
            return "Open the app with: coproduce" + (demo ? "" : " (then sign in with the name and PIN just set)")
        }
        return "Open the app with: coproduce --db '\(path)'   (or export COPRODUCE_DB='\(path)' once, then just: coproduce)"
    }

    /// Removes a database file made by this command, with its companions.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", ".lock", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

extension DemoData.Size: ExpressibleByArgument {}
