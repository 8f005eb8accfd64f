import Coproduction
import CoproductionStore
import Foundation

/// Runs the screens over a database: feeds events to `update`, then reads exactly the rows
/// the new state shows (and no more), and notices other terminals' changes.
///
/// Terminal-agnostic: the ncurses backend and the tests drive it the same way.
public final class AppController {
    /// The state the screens are drawn from.
    public private(set) var state: AppState
    /// The database.
    public let database: AppDatabase

    private struct ListKey: Equatable {
        var filter: String
        var today: LocalDate
        var generation: Int
    }

    private struct WindowKey: Equatable {
        var list: ListKey
        var top: Int
        var rows: Int
    }

    private var counted: [ListKey?] = Array(repeating: nil, count: PaneID.allCases.count)
    private var windows: [WindowKey?] = Array(repeating: nil, count: PaneID.allCases.count)
    private var loadedDetail: (DetailTarget, Int)?
    private var generation = 0
    private var lastDataVersion: Int?
    private let clock: @Sendable () -> Date
    private var lastInput: Date
    /// Seconds without a key before the screen locks itself (a setting; default 5 minutes).
    public let autoLockAfter: TimeInterval

    /// Creates a controller and reads the first screen's rows. `clock` gives the time now
    /// (a fake one in tests); `session` signs someone in from the start (the demo).
    public init(database: AppDatabase, state: AppState, autoLockAfter: TimeInterval = 300,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.state = state
        self.clock = clock
        self.autoLockAfter = autoLockAfter
        self.lastInput = clock()
        self.lastDataVersion = try? database.dataVersion()
        if let checker = try? database.barrierChecker() { self.state.checker = checker }
        sync()
    }

    /// Handles one event and reads what the new state shows.
    @discardableResult
    public func handle(_ event: Event) -> [Effect] {
        lastInput = clock()
        let effects = update(&state, event)
        if effects.contains(.signIn) { signIn() }
        sync()
        return effects.filter { $0 != .signIn }
    }

    /// Moves the clock on (the title bar's time, and "upcoming" when the day changes), and
    /// locks the screen when nobody has pressed a key for ``autoLockAfter`` seconds: every
    /// piece of data is cleared and an unsaved form is dropped whole.
    public func tick(now: LocalDateTime) {
        if state.session != nil && clock().timeIntervalSince(lastInput) >= autoLockAfter {
            state = state.locked(keepingName: true, message: "Locked after \(Int(autoLockAfter / 60)) minutes without a key. Enter your PIN or passphrase to carry on.")
            forget()
        }
        guard now != state.now else { return }
        state.now = now
        sync()
    }

    private func signIn() {
        let form = state.signIn
        state.signIn.secret = ""
        do {
            let actor = try database.signIn(name: form.name.trimmingCharacters(in: .whitespaces), secret: form.secret, now: clock())
            state.session = actor
            state.signIn = SignInForm()
            state.status = "Signed in as \(actor.name) (\(actor.role.name))."
            forget()
        } catch {
            state.signIn.message = "\(error)"
        }
    }

    /// Drops every cached read, so nothing from before a lock or a new sign-in is kept.
    private func forget() {
        counted = Array(repeating: nil, count: PaneID.allCases.count)
        windows = Array(repeating: nil, count: PaneID.allCases.count)
        loadedDetail = nil
    }

    /// Re-reads everything when another process has committed a change. Cheap when nothing
    /// changed: one `PRAGMA data_version`. Returns true when the screen needs drawing.
    @discardableResult
    public func pollForChanges() -> Bool {
        guard let version = try? database.dataVersion(), version != lastDataVersion else { return false }
        lastDataVersion = version
        generation += 1
        if let checker = try? database.barrierChecker() { state.checker = checker }
        sync()
        return true
    }

    /// The current frame.
    public func render() -> Screen { view(state, size: state.size) }

    /// Reads the counts and visible rows that changed, and the open detail.
    func sync() {
        guard let actor = state.session else {
            state.meetings = Window()
            state.areas = Window()
            state.creches = Window()
            forget()
            return
        }
        do {
            for pane in PaneID.allCases { try syncList(pane, actor) }
            try syncDetail(actor)
        } catch {
            state.status = error.description
        }
    }

    private func syncList(_ pane: PaneID, _ actor: Actor) throws(StoreError) {
        let listKey = ListKey(filter: state[pane].filter, today: state.today, generation: generation)
        if counted[pane.rawValue] != listKey {
            let total: Int
            switch pane {
            case .meetings: total = try database.countMeetings(as: actor, from: state.today, filter: listKey.filter)
            case .areas: total = try database.countAreas(as: actor, filter: listKey.filter)
            case .creche: total = try database.countMeetings(as: actor, from: state.today, filter: listKey.filter, withCrecheOnly: true)
            }
            state[pane].total = total
            counted[pane.rawValue] = listKey
            scrollIntoView(&state, pane)
        }
        let rows = MainLayout(size: state.size).visibleRows(pane)
        let windowKey = WindowKey(list: listKey, top: state[pane].top, rows: rows)
        guard windows[pane.rawValue] != windowKey else { return }
        let top = windowKey.top
        switch pane {
        case .meetings:
            state.meetings = Window(offset: top, items: try database.meetings(
                as: actor, from: state.today, filter: listKey.filter, offset: top, limit: rows, checker: state.checker))
        case .areas:
            state.areas = Window(offset: top, items: try database.areas(
                as: actor, today: state.today, filter: listKey.filter, offset: top, limit: rows))
        case .creche:
            state.creches = Window(offset: top, items: try database.meetings(
                as: actor, from: state.today, filter: listKey.filter, offset: top, limit: rows, withCrecheOnly: true, checker: state.checker))
        }
        windows[pane.rawValue] = windowKey
    }

    private func syncDetail(_ actor: Actor) throws(StoreError) {
        guard let detail = state.detail else {
            loadedDetail = nil
            return
        }
        if let (target, gen) = loadedDetail, target == detail.target, gen == generation { return }
        var content: DetailContent?
        do {
            switch detail.target {
            case .meeting(let id): content = .meeting(try database.meetingDetail(as: actor, id: id))
            case .area(let id): content = .area(try database.areaDetail(as: actor, id: id, today: state.today))
            case .creche(let id): content = .creche(try database.meetingDetail(as: actor, id: id))
            case .audit:
                content = .audit(try database.auditEntries(as: actor, limit: 200), total: try database.countAudit(as: actor))
            }
        } catch .notFound {
            content = nil
        }
        state.detail?.content = content
        loadedDetail = (detail.target, generation)
    }
}
