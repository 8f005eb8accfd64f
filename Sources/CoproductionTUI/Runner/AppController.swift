import Coproduction
import CoproductionStore
import Foundation

/// The runner: feeds messages to `update`, carries out the commands it returns (database
/// reads and writes) and sends their results back as messages, then reads exactly the rows
/// the new state shows. It keeps the list loader, its caches and the clock, and never writes
/// the state itself: every change goes through `update`.
///
/// Terminal-agnostic: the ncurses backend and the tests drive it the same way.
public final class AppController {
    /// The state the screens are drawn from (written only by `update`).
    public private(set) var state: AppState
    /// The database.
    public let database: AppDatabase
    /// Where `w` on a meeting writes its papers for parents: `~/coproduce-papers`, or
    /// `$COPRODUCE_PAPERS` (tests point it at a temporary folder).
    public var papersFolder: String = {
        let env = ProcessInfo.processInfo.environment
        return env["COPRODUCE_PAPERS"] ?? ((env["HOME"] ?? FileManager.default.temporaryDirectory.path) + "/coproduce-papers")
    }()
    /// Seconds without a key before the screen locks itself: the `auto-lock-minutes`
    /// setting, read at start and again whenever settings change (here or in another terminal).
    public var autoLockAfter: TimeInterval { TimeInterval(state.autoLockMinutes * 60) }
    let clock: @Sendable () -> Date
    private var lastInput: Date
    let loader: ListLoader
    /// A write waiting for another program to finish writing, and since when.
    private var waiting: (command: Command, since: Date)?
    /// Keys pressed while a write waits: carried out, in order, once it is done.
    private var heldKeys: [Message] = []

    /// Creates a runner and reads the first screen's rows. `clock` gives the time now (a
    /// fake one in tests).
    public init(database: AppDatabase, state: AppState, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.state = state
        self.clock = clock
        self.lastInput = clock()
        self.loader = ListLoader(database: database)
        readSettings()
        sync()
    }

    /// Handles one message (a key or a resize from the terminal), carries out what it asks,
    /// and reads what the new state shows. Returns the commands for the backend (a redraw).
    @discardableResult
    public func handle(_ message: Message) -> [Command] {
        switch message {
        case .key, .paste: lastInput = clock()
        default: break
        }
        if waiting != nil {
            switch message {
            case .key(.escape):
                waiting = nil
                heldKeys.removeAll()
                send(.status("Stopped: nothing was saved. What you typed is kept."))
                return []
            case .key, .paste:
                heldKeys.append(message)
                retryWaiting()
                return []
            default: break
            }
        }
        let backend = send(message)
        sync()
        return backend
    }

    /// Sends a message to `update`, then carries out its commands and sends their results,
    /// until nothing more is asked. Returns the commands that are the backend's.
    @discardableResult
    private func send(_ message: Message) -> [Command] {
        var queue = [message]
        var backend: [Command] = []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for command in update(&state, next) {
                if command.isBackend { backend.append(command) } else { queue += perform(command) }
            }
        }
        return backend
    }

    /// Carries out one command; its results come back as messages.
    private func perform(_ command: Command) -> [Message] {
        if command == .forget {
            loader.forget()
            return []
        }
        if command.writes, !database.canWriteWithoutWaiting() {
            // Another program is writing: wait on the clock, not in SQLite, so the screen
            // stays live and what was typed stays in the form.
            waiting = (command, clock())
            return [.status(waitingWords(command, seconds: 0))]
        }
        if case .signIn(let name, let secret) = command {
            do {
                let actor = try database.signIn(name: name, secret: secret, now: clock())
                loader.forget()
                // Today comes first, unless a lock is being undone (what was open comes back)
                // or the first-run set-up is offered.
                let first = firstRun(for: actor)
                let resuming = state.resumeFor == actor.userID && !state.resume.isEmpty
                let plain = (try? database.prefersPlain(userID: actor.userID)) ?? false
                return [.signedIn(actor), .plainPreference(plain)] + (first.isEmpty && !resuming ? [.present(.detail(DetailState(target: .today)))] : first)
            } catch {
                return [.signInRefused("\(error)")]
            }
        }
        guard let actor = state.session else { return [] }
        if case .writePapers(let id) = command { return writePapers(id, as: actor) }
        if case .writeReport(let report, let expanded, let forParents) = command {
            return writeReport(report, expanded: expanded, forParents: forParents)
        }
        if case .savePlainMode(let on) = command {
            do {
                try database.setPlainMode(as: actor, on: on, now: clock())
                return []
            } catch {
                return [.status("The plain mode is on for now, but could not be kept for your account: \(error)")]
            }
        }
        let results = perform(command, as: actor)
        if results.contains(where: { if case .saved = $0 { return true } else { return false } }) { loader.dataChanged() }
        return results
    }

    /// Moves the clock on (the title bar's time, and "upcoming" when the day changes), and
    /// locks the screen when nobody has pressed a key for ``autoLockAfter`` seconds: every
    /// piece of data is cleared and an unsaved form is dropped whole.
    @discardableResult
    public func tick(now: LocalDateTime) -> [Command] {
        retryWaiting()
        if state.session != nil {
            let left = Int((autoLockAfter - clock().timeIntervalSince(lastInput)).rounded(.up))
            if left <= 0 {
                send(.idle(minutes: Int(autoLockAfter / 60)))
            } else if left <= min(60, Int(autoLockAfter / 2)) && state.lockCountdown != left {
                send(.lockCountdown(left))
            }
        }
        guard now != state.now else { return [] }
        let backend = send(.clock(now))
        sync()
        return backend
    }

    /// What the status line says while a write waits for another program.
    private func waitingWords(_ command: Command, seconds: Int) -> String {
        let time = seconds > 0 ? " (\(seconds) s)" : ""
        if case .signIn = command { return "Signing in… another program is writing to the database\(time). Esc stops." }
        return "Saving… another program is writing\(time). Esc stops; what you typed is kept."
    }

    /// Carries out the waiting write when the database is free, gives up with a message
    /// after the busy timeout (what was typed stays), or says how long it has waited.
    private func retryWaiting() {
        guard let pending = waiting else { return }
        let waited = clock().timeIntervalSince(pending.since)
        if database.canWriteWithoutWaiting() {
            waiting = nil
            for result in perform(pending.command) { send(result) }
        } else if waited >= database.busyTimeout {
            waiting = nil
            let seconds = Int(database.busyTimeout.rounded())
            let busy = "another program has been writing to the database for more than \(seconds) s"
            if case .signIn = pending.command {
                send(.signInRefused("Not signed in: \(busy). Try again in a moment."))
            } else {
                send(.status("Not saved: \(busy). What you typed is kept: try again in a moment."))
            }
        } else {
            send(.status(waitingWords(pending.command, seconds: Int(waited))))
            return
        }
        sync()
        let keys = heldKeys
        heldKeys.removeAll()
        for key in keys { handle(key) }
    }

    /// Re-reads everything when another process has committed a change. Cheap when nothing
    /// changed: one `PRAGMA data_version`. Returns true when the screen needs drawing.
    @discardableResult
    public func pollForChanges() -> Bool {
        guard loader.otherTerminalChanged() else { return false }
        readSettings()
        sync()
        return true
    }

    /// Reads the settings the screens use: the checks', the programme's name and the
    /// auto-lock time.
    private func readSettings() {
        if let settings = try? settingsRead() { send(settings) }
    }

    /// The settings the screens use, as the message that gives them to the state.
    func settingsRead() throws(StoreError) -> Message {
        .settingsRead(try database.barrierChecker(), programmeName: try database.text(of: .programmeName),
                      autoLockMinutes: try database.autoLockMinutes(), alertBell: try database.text(of: .alertBell) != "no")
    }

    /// The current frame.
    public func render() -> Screen { view(state, size: state.size) }

    /// Reads the counts and visible rows that changed, and the open detail pages, and sends
    /// them to `update`.
    func sync() {
        guard let actor = state.session else {
            loader.forget()
            return
        }
        if let alerts = loader.crecheAlerts(state, actor) { send(alerts) }
        for pane in PaneID.allCases {
            if let counted = loader.count(pane, state, actor) { send(counted) }
            if let read = loader.window(pane, state, actor) { send(read) }
        }
        for detail in state.stack.compactMap({ DetailState(entry: $0) }) {
            if let read = loader.detail(detail, state, actor) { send(read) }
        }
    }
}
