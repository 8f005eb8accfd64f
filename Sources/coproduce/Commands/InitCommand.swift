import ArgumentParser
import CoproductionStore

/// `coproduce init`: creates the database, optionally with demo data.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database (with --demo, fill it with demo data).")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Write the demo data: the six wards, champions, eight weeks of meetings with crèches.")
    var demo = false

    @Option(help: ArgumentHelp("How much demo data: small (to try the app) or large (10,000 meetings, for benchmarks).",
                               valueName: "size"))
    var demoSize: DemoData.Size = .small

    func run() throws {
        let db = try database.open()
        guard demo else {
            print("Database ready at \(db.path)")
            return
        }
        do {
            try DemoData.write(into: db, today: Clock.now().date, size: demoSize)
        } catch {
            Console.error("\(error.description) (\(db.path) already has meetings in it; choose a new path with --db)")
            throw ExitCode(1)
        }
        print("Demo data (\(demoSize.rawValue)) written to \(db.path)")
    }
}

extension DemoData.Size: ExpressibleByArgument {}
