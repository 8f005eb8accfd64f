import Coproduction
import CoproductionStore

/// Reads what the screens show, and no more: each pane's count and visible rows, and the
/// detail pages on the stack. Keeps what it read until the data changes (this terminal's
/// writes, or another's, seen through `data_version`), so scrolling back or rubbing out a
/// filter letter reads only ids. Returns messages for `update`; never touches the state.
final class ListLoader {
    private let database: AppDatabase

    private struct ListKey: Equatable {
        var filter: String
        var past: Bool
        var today: LocalDate
        var generation: Int
    }

    private struct WindowKey: Equatable {
        var list: ListKey
        var top: Int
        var rows: Int
    }

    private var counted: [ListKey?] = Array(repeating: nil, count: PaneID.allCases.count)
    /// Counts already made, by pane and list (data changes start a new generation, so old
    /// ones are never reused): rubbing out a filter letter needs no new count.
    private var countCache: [String: (total: Int, more: Bool)] = [:]
    /// List rows already read, by meeting id, for one user, day and generation of the data.
    private var itemCache: [Int64: MeetingListItem] = [:]
    private var itemCacheKey = ""
    private var windows: [WindowKey?] = Array(repeating: nil, count: PaneID.allCases.count)
    private var loadedDetails: [DetailTarget: String] = [:]
    private var generation = 0
    private var alertsKey = ""
    private var lastDataVersion: Int?

    init(database: AppDatabase) {
        self.database = database
        self.lastDataVersion = try? database.dataVersion()
    }

    /// After this terminal's own write: re-read everything (data_version only moves for
    /// other connections' commits).
    func dataChanged() {
        generation += 1
        lastDataVersion = try? database.dataVersion()
    }

    /// Whether another process has committed a change since the last look; if so, everything
    /// is read again.
    func otherTerminalChanged() -> Bool {
        guard let version = try? database.dataVersion(), version != lastDataVersion else { return false }
        lastDataVersion = version
        generation += 1
        return true
    }

    /// Drops every cached read, so nothing from before a lock or a new sign-in is kept.
    func forget() {
        counted = Array(repeating: nil, count: PaneID.allCases.count)
        windows = Array(repeating: nil, count: PaneID.allCases.count)
        countCache.removeAll()
        itemCache.removeAll()
        loadedDetails.removeAll()
        alertsKey = ""
    }

    private func listKey(_ pane: PaneID, _ state: AppState) -> ListKey {
        ListKey(filter: state[pane].filter, past: pane == .meetings && state.showPast, today: state.today, generation: generation)
    }

    /// A pane's length, when the list it shows has changed.
    func count(_ pane: PaneID, _ state: AppState, _ actor: Actor) -> Message? {
        let key = listKey(pane, state)
        guard counted[pane.rawValue] != key else { return nil }
        let cacheKey = "\(actor.userID)|\(actor.role)|\(pane.rawValue)|\(key.filter)|\(key.past)|\(key.today.iso)|\(key.generation)"
        let counts: (total: Int, more: Bool)
        if let cached = countCache[cacheKey] {
            counts = cached
        } else {
            do { counts = try count(pane, key, state, actor) } catch { return .status(error.description) }
        }
        if countCache.count > 64 { countCache.removeAll() }
        countCache[cacheKey] = counts
        counted[pane.rawValue] = key
        return .listCounted(pane, total: counts.total, more: counts.more)
    }

    /// How many rows a pane's list has. A filter's matches are counted only so far: the count
    /// is made per key, and must not grow with the data.
    private func count(_ pane: PaneID, _ key: ListKey, _ state: AppState, _ actor: Actor) throws(StoreError) -> (total: Int, more: Bool) {
        let limit: Int? = key.filter.isEmpty ? nil : ListPosition.filterCountLimit + 1
        let total: Int
        switch pane {
        case .meetings: total = try database.countMeetings(as: actor, from: state.today, filter: key.filter,
                                                           invitedChampion: Self.invitedFilter(actor), past: key.past, atMost: limit)
        case .areas: total = try database.countAreas(as: actor, filter: key.filter)
        case .creche: total = try database.countMeetings(as: actor, from: state.today, filter: key.filter, withCrecheOnly: true,
                                                         staffedBy: Self.staffedFilter(actor), atMost: limit)
        }
        let more = limit != nil && total > ListPosition.filterCountLimit
        return (more ? ListPosition.filterCountLimit : total, more)
    }

    /// A pane's visible rows, when the window it shows has moved or its list has changed.
    func window(_ pane: PaneID, _ state: AppState, _ actor: Actor) -> Message? {
        let key = listKey(pane, state)
        let rows = state.paneRows(pane)
        let windowKey = WindowKey(list: key, top: state[pane].top, rows: rows)
        guard windows[pane.rawValue] != windowKey else { return nil }
        let top = windowKey.top
        let message: Message
        do {
            switch pane {
            case .meetings:
                let ids = try database.meetingIDs(as: actor, from: state.today, filter: key.filter, offset: top, limit: rows,
                                                  invitedChampion: Self.invitedFilter(actor), past: key.past,
                                                  total: state[.meetings].moreThanTotal ? nil : state[.meetings].total)
                message = .meetingsRead(.meetings, Window(offset: top, items: try items(ids, actor, key, state.checker)))
            case .areas:
                message = .areasRead(Window(offset: top, items: try database.areas(as: actor, today: state.today, filter: key.filter,
                                                                                    offset: top, limit: rows)))
            case .creche:
                let ids = try database.meetingIDs(as: actor, from: state.today, filter: key.filter, offset: top, limit: rows,
                                                  withCrecheOnly: true, staffedBy: Self.staffedFilter(actor),
                                                  total: state[.creche].moreThanTotal ? nil : state[.creche].total)
                message = .meetingsRead(.creche, Window(offset: top, items: try items(ids, actor, key, state.checker)))
            }
        } catch {
            return .status(error.description)
        }
        windows[pane.rawValue] = windowKey
        return message
    }

    /// The list rows for these ids: those read since the data last changed come from memory,
    /// the rest from the database.
    private func items(_ ids: [Int64], _ actor: Actor, _ key: ListKey, _ checker: BarrierChecker) throws(StoreError) -> [MeetingListItem] {
        let cacheKey = "\(actor.userID)|\(key.today.iso)|\(key.generation)"
        if itemCacheKey != cacheKey || itemCache.count > 2_000 {
            itemCache.removeAll()
            itemCacheKey = cacheKey
        }
        let missing = ids.filter { itemCache[$0] == nil }
        for item in try database.meetings(as: actor, ids: missing, checker: checker) { itemCache[item.meeting.id] = item }
        return ids.compactMap { itemCache[$0] }
    }

    /// The crèche pane's alerts, when the data or the minute has changed: incidents that need
    /// the parent told, their acknowledgement or Ofsted's notice, and children not collected.
    func crecheAlerts(_ state: AppState, _ actor: Actor) -> Message? {
        let key = "\(actor.userID)|\(generation)|\(state.now.date.iso) \(state.now.time)"
        guard alertsKey != key else { return nil }
        alertsKey = key
        guard actor.role != .champion else { return .crecheAlertsRead([]) }
        var alerts: [CrecheAlert] = []
        do {
            for child in try database.uncollectedChildren(as: actor, now: state.now) {
                let e = child.escalation
                let late = e.lines(now: state.now).filter { $0.status == .fail }.last
                alerts.append(CrecheAlert(status: e.status(now: state.now),
                                          words: "\(e.childName) not collected: " + (late.map { "\($0.step.rawValue) now" } ?? "since \(e.sessionEnds.time)"),
                                          meetingID: child.meetingID))
            }
            for item in try database.incidentsNeedingAttention(as: actor, now: state.now) {
                let i = item.incident
                let worst = item.needs.map(\.status).max() ?? .warn
                let need: String
                if i.serious && i.first(.notified) == nil {
                    need = state.today > i.noticeDue ? "Ofsted notice overdue" : "tell Ofsted by \(i.noticeDue.short.trimmingCharacters(in: .whitespaces))"
                } else {
                    need = i.first(.parentTold) == nil ? "parent not told" : "no parent's acknowledgement"
                }
                alerts.append(CrecheAlert(status: worst, words: "\(i.childName), incident \(LocalDateTime(i.at).date.short.trimmingCharacters(in: .whitespaces)): \(need)",
                                          meetingID: i.meetingID))
            }
        } catch {
            return .status(error.description)
        }
        return .crecheAlertsRead(alerts.sorted { $0.status > $1.status })
    }

    /// A Parent Champion's meetings pane lists the meetings they are invited to.
    static func invitedFilter(_ actor: Actor) -> Int64? {
        actor.role == .champion ? actor.championID : nil
    }

    /// Crèche staff's crèche pane lists the sessions they work: the registers they may open.
    static func staffedFilter(_ actor: Actor) -> Int64? {
        actor.role == .crecheStaff ? actor.userID : nil
    }

    /// A detail page's data, when the page has none yet or it was read before the data last
    /// changed.
    func detail(_ detail: DetailState, _ state: AppState, _ actor: Actor) -> Message? {
        let target = detail.target
        let page = DetailPages.page(target)
        // Read again when the data changes, and each minute for a page that follows the clock.
        let key = page.followsTheClock ? "\(generation) \(state.now)" : "\(generation)"
        guard !detail.loaded || loadedDetails[target] != key else { return nil }
        loadedDetails[target] = key
        do {
            return .detailRead(target, try page.load(target, database, actor, now: state.now))
        } catch .notFound {
            return .detailRead(target, nil)
        } catch .denied(let denied) {
            loadedDetails[target] = nil
            return .detailRefused(target, denied.description)
        } catch {
            return .status(error.description)
        }
    }
}
