import ArgumentParser
import CoproductionStore

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

    @Flag(help: "Write the demo data (six wards, champions, eight weeks of meetings, demo accounts with PIN 1234).")
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
        let db = try database.open(creating: true)
        if demo {
            do {
                try DemoData.write(into: db, today: Clock.now().date, size: demoSize, scale: demoScale)
            } catch {
                Console.error("\(db.path): \(error.description)")
                throw ExitCode(1)
            }
            print("Demo data (\(demoSize.rawValue)) written to \(db.path). Every command signs in as \(DemoData.adminName).")
            return
        }
        if try CommandSession.attempt({ () throws(StoreError) in try db.hasAccounts() }) {
            if admin != nil {
                Console.error("\(db.path) already has accounts. An admin adds more with `coproduce user add`.")
                throw ExitCode(1)
            }
            print("Database ready at \(db.path)")
            return
        }
        guard let name = admin ?? Prompt.line("Name of the first admin: "), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            Console.error("The first admin needs a name: give --admin NAME.")
            throw ExitCode(1)
        }
        guard let secret = Prompt.newSecret(name) else {
            Console.error("No passphrase was given: nothing was created.")
            throw ExitCode(1)
        }
        let actor = try CommandSession.attempt { () throws(StoreError) in try db.createFirstAdmin(name: name, secret: secret) }
        print("Database ready at \(db.path), with \(actor.name) as its first admin. Sign in with `coproduce login`.")
    }
}

extension DemoData.Size: ExpressibleByArgument {}
