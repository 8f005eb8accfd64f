import Coproduction
import CoproductionStore

/// Actions agreed at held meetings and not yet done, overdue first, with who owns each, when
/// it is due and the meeting it came from; Enter opens that meeting.
enum ActionsPage: RowsPage {
    static let title = "Actions from meetings"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        .actions(try database.openActionRows(as: actor, limit: 500))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard action == .open else { return nil }
        guard case .actions(let rows)? = detail.content, rows.indices.contains(detail.selected) else {
            state.status = "No action chosen: nothing is waiting to be done."
            return []
        }
        state.push(.detail(DetailState(target: .meeting(rows[detail.selected].meetingID))))
        return []
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard action == .open else { return true }
        return (detail.content?.rowCount ?? 0) > 0
    }

    static func parts(_ content: DetailContent, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        guard case .actions(let rows) = content else { return ([], [], []) }
        let g = state.theme.glyphs
        let overdue = rows.filter { $0.action.isOverdue(on: state.today) }.count
        var header = [Line([("\(rows.count) open", .bold), (overdue == 0 ? ", none overdue." : ", ", .plain),
                            (overdue == 0 ? "" : "\(g.fail) \(overdue) overdue", state.theme.status(.fail))])]
        if rows.isEmpty { header.append(Line("Nothing to do: every action from held meetings is done.", state.theme.secondary)) }
        let list = rows.map { row -> Line in
            let late = row.action.isOverdue(on: state.today)
            let mark = late ? "\(g.fail) overdue" : "\(g.warn) open"
            return Line([(DisplayWidth.pad(mark, to: 10), late ? state.theme.status(.fail) : .plain),
                         (DisplayWidth.pad(row.action.due?.medium ?? "no date", to: 12), .plain),
                         (DisplayWidth.pad(row.action.owner, to: 16, ellipsis: g.ellipsis), .bold), (row.action.what, .plain)])
        }
        var details: [Line] = []
        if rows.indices.contains(selected) {
            let row = rows[selected]
            details += Line.field("Action", row.action.what, width: width)
            details += Line.field("Owner", row.action.owner, width: width)
            details += Line.field("Due", row.action.due.map { $0.long + (row.action.isOverdue(on: state.today) ? " (overdue)" : "") } ?? "no date set",
                                  width: width)
            details += Line.field("From", "\(row.meetingTitle), \(row.meetingDate.long). Enter opens it.", width: width)
        }
        return (header, list, details)
    }
}
