import Coproduction
import CoproductionStore

/// Today: what needs the person signed in, overdue first (the store picks what their role
/// may see); Enter opens the record a line is about. The first screen after sign-in; O
/// brings it back.
enum TodayPage: RowsPage {
    static let title = "Today: what needs you"
    static let followsTheClock = true

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        .today(try database.due(as: actor, now: now))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard action == .open else { return nil }
        guard case .today(let items)? = detail.content, items.indices.contains(detail.selected) else {
            state.status = "Nothing to open: nothing needs you today."
            return []
        }
        let target: DetailTarget
        switch items[detail.selected].target {
        case .meeting(let id): target = .meeting(id)
        case .area(let id): target = .area(id)
        case .register(let id): target = .register(id)
        case .staff: target = .setup(.staff)
        case .marketing: target = .marketing
        case .fund: target = .fund
        }
        state.push(.detail(DetailState(target: target)))
        return []
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard action == .open else { return true }
        return (detail.content?.rowCount ?? 0) > 0
    }

    static func parts(_ content: DetailContent, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        guard case .today(let items) = content else { return ([], [], []) }
        let g = state.theme.glyphs
        let overdue = items.filter(\.overdue).count
        let who = state.session?.name ?? ""
        var header = [Line([("\(state.today.long)", .bold), (who.isEmpty ? "" : ", for \(who): ", .plain),
                            ("\(Plural.count(items.count, "thing"))", .bold),
                            (overdue == 0 ? ", none overdue." : ", ", .plain),
                            (overdue == 0 ? "" : "\(g.fail) \(overdue) overdue", state.theme.status(.fail))])]
        if items.isEmpty { header.append(Line("Nothing needs you today. O brings this back; Esc goes to the main screen.", state.theme.secondary)) }
        let list = items.map { item -> Line in
            let (mark, style): (String, Style) = item.overdue ? ("\(g.fail) overdue", state.theme.status(.fail))
                : item.status == .fail ? ("\(g.fail) fails", state.theme.status(.fail))
                : item.status == .warn ? ("\(g.warn) soon", state.theme.status(.warn)) : ("\(g.dot) yours", .plain)
            return Line([(DisplayWidth.pad(mark, to: 10), style), (DisplayWidth.pad(item.day?.short ?? "", to: 7), .plain), (item.words, .plain)])
        }
        var details: [Line] = []
        if items.indices.contains(selected) {
            let item = items[selected]
            details += Line.field(label(item.kind), item.words, width: width)
            details += Line.field("Enter", opens(item.target), width: width)
        }
        return (header, list, details)
    }

    static func label(_ kind: DueItem.Kind) -> String {
        switch kind {
        case .meeting: return "Meeting"
        case .notRecorded: return "Not recorded"
        case .action: return "Action"
        case .idea: return "Idea"
        case .training: return "Training"
        case .incident: return "Incident"
        case .uncollected: return "Collection"
        case .session: return "Session"
        case .review: return "To review"
        }
    }

    static func opens(_ target: DueItem.Target) -> String {
        switch target {
        case .meeting: return "opens the meeting."
        case .area: return "opens the area."
        case .register: return "opens the crèche register."
        case .staff: return "opens the register of crèche staff."
        case .marketing: return "opens Parent Approved Marketing."
        case .fund: return "opens the Parent Engagement Fund."
        }
    }
}
