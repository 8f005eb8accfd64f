import ArgumentParser
import Coproduction
import CoproductionStore
import CoproductionTUI
import Foundation

/// The default command: the full-screen app.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the full-screen app (what coproduce does with no command).")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Open on a fresh demo database in a temporary folder; your own database is not touched.")
    var demo = false

    @Flag(help: "The plain mode for screen readers and braille displays: no lines, one list at a time, every row a sentence.")
    var plain = false

    func run() throws {
        var demoFolder: URL?
        let db: AppDatabase
        if demo {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coproduce-demo-\(UUID().uuidString)")
            demoFolder = folder
            NcursesTerminal.removeOnExit(folder: folder.path)
            do {
                db = try AppDatabase.open(path: folder.appendingPathComponent("demo.sqlite").path)
                try DemoData.write(into: db, today: Clock.now().date)
            } catch {
                try? FileManager.default.removeItem(at: folder)
                Console.error(error.description)
                throw ExitCode(1)
            }
        } else {
            db = try database.open()
        }
        defer { if let demoFolder { try? FileManager.default.removeItem(at: demoFolder) } }
        let demoActor = try? db.demoActor()
        if demoActor == nil, !((try? db.hasAccounts()) ?? false) {
            Console.error("\(db.path) has no accounts yet. Run `coproduce init` to create its first admin.")
            throw ExitCode(1)
        }
        let warning = FilePermissions.warning(for: db.path)
        let cursorAlways = ProcessInfo.processInfo.environment["COPRODUCE_CURSOR"] == "always"
            || (try? db.text(of: .cursorAlwaysVisible)) == "yes"
        // The person's own configuration file: checked now, its problems said before the
        // screen opens and again on the status line; what is wrong runs with the defaults.
        let environment = ProcessInfo.processInfo.environment
        var configuration = UserConfiguration()
        var configWarning: String?
        if let path = UserConfiguration.path(environment: environment) {
            let (read, problems) = UserConfiguration.load(path: path)
            configuration = read
            for problem in problems { Console.error("\(path): \(problem)") }
            if let first = problems.first {
                let more = problems.count > 1 ? " (and \(problems.count - 1) more: coproduce config lists them)" : ""
                configWarning = "Your configuration file has a problem, so a default is used: \(first)\(more)"
            }
        }
        if plain { configuration.plain = true }
        let options = configuration
        let status = MainActor.assumeIsolated {
            MainLoop.run(database: db, banner: demoActor != nil ? "Demo data" : "", session: demoActor,
                         warning: warning ?? configWarning, cursorAlwaysVisible: cursorAlways, configuration: options)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Draws frames and feeds keys to the controller until the user quits.
@MainActor
enum MainLoop {
    /// Runs the app; returns the exit status.
    static func run(database: AppDatabase, banner: String, session: Actor?, warning: String?,
                    cursorAlwaysVisible: Bool, configuration: UserConfiguration) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(colour: environment["NO_COLOR"] == nil, mouse: configuration.mouse)
        } catch {
            Console.error(error.description)
            return 2
        }
        let theme = Theme.forTerminal(environment: environment, utf8: terminal.utf8, term: terminal.term,
                                      hasLineDrawing: terminal.hasLineDrawing, plain: configuration.plain, palette: configuration.palette)
        terminal.drawsTerminalLines = theme.lines == .terminal
        var state = AppState(size: terminal.size, now: Clock.now(), theme: theme, banner: banner)
        state.plainAtStart = configuration.plain
        state.mouseEnabled = configuration.mouse
        state.keyMap = configuration.keyMap
        state.session = session
        if let session, !configuration.plain, (try? database.prefersPlain(userID: session.userID)) == true { state.theme.plain = true }
        state.cursorAlwaysVisible = cursorAlwaysVisible
        if let session { state.status = "Signed in as \(session.name) (demo database)." }
        if let warning { state.status = warning }
        let controller = AppController(database: database, state: state, clock: { Clock.date() })
        var last: Screen?
        // COPRODUCE_FRAME_TIMES=FILE: for the benchmark, each key's time from reading it to
        // the frame handed to the terminal (update + view + present), written at exit.
        let timesPath = environment["COPRODUCE_FRAME_TIMES"]
        var times: [String] = []
        var keyStarted: (label: String, at: UInt64)?
        while !controller.state.quitRequested {
            let frame = controller.render()
            if frame != last {
                terminal.present(frame)
                last = frame
            }
            if let (label, at) = keyStarted {
                times.append("\(label)\t\(Double(DispatchTime.now().uptimeNanoseconds - at) / 1_000_000)")
                keyStarted = nil
            }
            if let event = terminal.nextEvent(milliseconds: 250) {
                if timesPath != nil, case .key(let key) = event { keyStarted = (key.label, DispatchTime.now().uptimeNanoseconds) }
                for command in controller.handle(event) {
                    switch command {
                    case .redraw:
                        terminal.redrawAll()
                        last = nil
                    case .alert(let bell): terminal.alert(bell: bell)
                    default: break
                    }
                }
            } else {
                for case .alert(let bell) in controller.tick(now: Clock.now()) { terminal.alert(bell: bell) }
                controller.pollForChanges()
            }
        }
        terminal.shutdown()
        if let timesPath { try? Data((times.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: timesPath)) }
        return 0
    }
}
