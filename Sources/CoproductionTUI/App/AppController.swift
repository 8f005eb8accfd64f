import Coproduction
import CoproductionStore

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

    /// Creates a controller and reads the first screen's rows.
    public init(database: AppDatabase, state: AppState) {
        self.database = database
        self.state = state
        self.lastDataVersion = try? database.dataVersion()
        sync()
    }

    /// Handles one event and reads what the new state shows.
    @discardableResult
    public func handle(_ event: Event) -> [Effect] {
        let effects = update(&state, event)
        sync()
        return effects
    }

    /// Moves the clock on (the title bar's time, and "upcoming" when the day changes).
    public func tick(now: LocalDateTime) {
        guard now != state.now else { return }
        state.now = now
        sync()
    }

    /// Re-reads everything when another process has committed a change. Cheap when nothing
    /// changed: one `PRAGMA data_version`. Returns true when the screen needs drawing.
    @discardableResult
    public func pollForChanges() -> Bool {
        guard let version = try? database.dataVersion(), version != lastDataVersion else { return false }
        lastDataVersion = version
        generation += 1
        sync()
        return true
    }

    /// The current frame.
    public func render() -> Screen { view(state, size: state.size) }

    /// Reads the counts and visible rows that changed, and the open detail.
    func sync() {
        do {
            for pane in PaneID.allCases { try syncList(pane) }
            try syncDetail()
        } catch {
            state.status = error.description
        }
    }

    private func syncList(_ pane: PaneID) throws(StoreError) {
        let listKey = ListKey(filter: state[pane].filter, today: state.today, generation: generation)
        if counted[pane.rawValue] != listKey {
            let total: Int
            switch pane {
            case .meetings: total = try database.countMeetings(from: state.today, filter: listKey.filter)
            case .areas: total = try database.countAreas(filter: listKey.filter)
            case .creche: total = try database.countMeetings(from: state.today, filter: listKey.filter, withCrecheOnly: true)
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
                from: state.today, filter: listKey.filter, offset: top, limit: rows, checker: state.checker))
        case .areas:
            state.areas = Window(offset: top, items: try database.areas(
                today: state.today, filter: listKey.filter, offset: top, limit: rows))
        case .creche:
            state.creches = Window(offset: top, items: try database.meetings(
                from: state.today, filter: listKey.filter, offset: top, limit: rows, withCrecheOnly: true, checker: state.checker))
        }
        windows[pane.rawValue] = windowKey
    }

    private func syncDetail() throws(StoreError) {
        guard let detail = state.detail else {
            loadedDetail = nil
            return
        }
        if let (target, gen) = loadedDetail, target == detail.target, gen == generation { return }
        var content: DetailContent?
        do {
            switch detail.target {
            case .meeting(let id): content = .meeting(try database.meetingDetail(id: id))
            case .area(let id): content = .area(try database.areaDetail(id: id, today: state.today))
            case .creche(let id): content = .creche(try database.meetingDetail(id: id))
            }
        } catch .notFound {
            content = nil
        }
        state.detail?.content = content
        loadedDetail = (detail.target, generation)
    }
}
