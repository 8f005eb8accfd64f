import Coproduction
import CoproductionStore

/// The main screen: three panes (upcoming meetings, areas, crèche headcounts), a filter per
/// pane, and the keys that act on the selected row.
enum MainPage {
    // MARK: Keys

    /// A key on the main screen; nil when it is not the main screen's (the root's globals).
    static func handle(_ action: Action?, _ state: inout AppState) -> [Command]? {
        guard let action else { return [] }
        switch action {
        case .nextPane: focus(&state, PaneID(rawValue: (state.focus.rawValue + 1) % PaneID.allCases.count)!)
        case .previousPane: focus(&state, PaneID(rawValue: (state.focus.rawValue + PaneID.allCases.count - 1) % PaneID.allCases.count)!)
        case .focusMeetings: focus(&state, .meetings)
        case .focusAreas: focus(&state, .areas)
        case .focusCreche: focus(&state, .creche)
        case .moveUp: move(&state, by: -1)
        case .moveDown: move(&state, by: 1)
        case .pageUp: move(&state, by: -page(state))
        case .pageDown: move(&state, by: page(state))
        case .first: move(&state, by: -state[state.focus].total)
        case .last: move(&state, by: state[state.focus].total)
        case .filter:
            state.main.editingFilter = true
            state.main.filterCaret = Caret(selectedAll: false)
            state.status = ""
        case .open: open(&state)
        case .back:
            if !state[state.focus].filter.isEmpty { setFilter(&state, "") }
        case .quit: state.quitRequested = true
        case .togglePast:
            state.main.showPast.toggle()
            state.main.focus = .meetings
            state[.meetings].selected = 0
            state[.meetings].top = 0
            state.status = state.showPast ? "Past meetings, latest first: h records what happened. P goes back to upcoming." : "Upcoming meetings."
        case .new:
            state.push(.meetingForm(MeetingForm.new(on: state.today.adding(days: 7))))
        case .edit, .preMeeting, .cancel, .delete, .record, .accept, .apologies:
            guard let id = selectedMeeting(state) else {
                state.status = "Select a meeting first (in the meetings pane, or open one)."
                return []
            }
            return MeetingPage.meetingAction(action, id, &state)
        case .undo: return MeetingPage.undo(&state)
        case .register:
            guard state.focus == .creche, let id = state.creches.item(at: state[.creche].selected)?.meeting.id else {
                state.status = "Open a crèche first (pane 3), then press r for its register."
                return []
            }
            state.push(.detail(DetailState(target: .register(id))))
        case .addIdea, .nextStep:
            guard state.focus == .areas, let area = state.areas.item(at: state[.areas].selected)?.area.id else {
                state.status = "Choose an area first (pane 2), then press \(action == .addIdea ? "I" : "m")."
                return []
            }
            AreaPage.ideaPrompt(action, areaID: area, &state)
        case .reports, .fund, .marketing, .rewards, .actions, .audit, .setup, .today:
            DetailPages.openList(action, &state)
        default:
            return nil
        }
        return []
    }

    /// The meeting the keys act on: the selected row of the meetings (or crèche) pane.
    static func selectedMeeting(_ state: AppState) -> Int64? {
        switch state.focus {
        case .meetings: return state.meetings.item(at: state[.meetings].selected)?.meeting.id
        case .creche: return state.creches.item(at: state[.creche].selected)?.meeting.id
        case .areas: return nil
        }
    }

    /// Keys while typing a filter: nil when the key is not the filter's, so it acts as usual
    /// (arrows still move the selection).
    static func filterKey(_ state: inout AppState, _ key: Key) -> [Command]? {
        switch key {
        case .enter:
            let filter = state[state.focus].filter
            state.main.editingFilter = false
            state.status = filter.isEmpty ? "" : "Filtered by “\(filter)”: Esc clears"
            return []
        case .escape:
            state.main.editingFilter = false
            setFilter(&state, "")
            return []
        default:
            // ↑ ↓ and the rest still act on the list; the line editor's keys edit the filter.
            guard let edit = LineEditor.edit(for: key) else { return nil }
            editFilter(&state, edit)
            return []
        }
    }

    /// Edits the filter being typed where its cursor is; the list follows at once.
    static func editFilter(_ state: inout AppState, _ edit: LineEditor.Edit) {
        var filter = state[state.focus].filter
        if LineEditor.apply(edit, to: &filter, caret: &state.main.filterCaret) { setFilter(&state, filter) }
    }

    private static func setFilter(_ state: inout AppState, _ filter: String) {
        var position = state[state.focus]
        position.filter = filter
        position.selected = 0
        position.top = 0
        state[state.focus] = position
        state.status = filter.isEmpty ? "Filter cleared" : ""
    }

    private static func focus(_ state: inout AppState, _ pane: PaneID) {
        state.main.focus = pane
        state.main.editingFilter = false
    }

    private static func page(_ state: AppState) -> Int {
        max(1, state.paneRows(state.focus) - 1)
    }

    private static func move(_ state: inout AppState, by delta: Int) {
        var position = state[state.focus]
        guard position.total > 0 else { return }
        position.selected = min(max(0, position.selected + delta), position.total - 1)
        state[state.focus] = position
        keepInView(&state, state.focus)
    }

    /// Keeps every pane's selection on screen (after a resize).
    static func keepInView(_ state: inout AppState) {
        for pane in PaneID.allCases { keepInView(&state, pane) }
    }

    /// Keeps a pane's selection on screen and the list scrolled no further than its end.
    static func keepInView(_ state: inout AppState, _ pane: PaneID) {
        let visible = state.paneRows(pane)
        var p = state[pane]
        p.selected = min(max(0, p.selected), max(0, p.total - 1))
        if p.selected < p.top { p.top = p.selected }
        if p.selected >= p.top + visible { p.top = p.selected - visible + 1 }
        p.top = max(0, min(p.top, max(0, p.total - visible)))
        state[pane] = p
    }

    private static func open(_ state: inout AppState) {
        let index = state[state.focus].selected
        let target: DetailTarget?
        switch state.focus {
        case .meetings: target = state.meetings.item(at: index).map { .meeting($0.meeting.id) }
        case .areas: target = state.areas.item(at: index).map { .area($0.area.id) }
        case .creche: target = state.creches.item(at: index).map { .creche($0.meeting.id) }
        }
        guard let target else {
            state.status = "Nothing to open: no \(state.focus.noun) listed"
            return
        }
        state.push(.detail(DetailState(target: target)))
        state.status = ""
    }

    // MARK: Hints

    /// Whether an offered key does something for the selection now.
    static func available(_ action: Action, _ state: AppState) -> Bool {
        switch action {
        case .undo: return state.undo != nil
        case .register: return state.focus == .creche
        case .addIdea, .nextStep: return state.focus == .areas
        case .edit, .preMeeting, .cancel, .delete, .record, .accept, .apologies:
            return state.focus != .areas && selectedMeeting(state) != nil
        case .back: return !state[state.focus].filter.isEmpty
        default: return true
        }
    }

    // MARK: View

    /// Draws the three panes.
    /// Draws the three panes (in the plain mode, only the one with the focus: 1, 2 and 3
    /// change which). Each pane puts the terminal cursor on its selection when it has the focus.
    static func render(_ state: AppState, layout: MainLayout, on screen: inout Screen) {
        if !layout.plain || state.focus == .meetings { MeetingsPane.render(state, in: layout.rect(.meetings), on: &screen) }
        if !layout.plain || state.focus == .areas { AreasPane.render(state, in: layout.rect(.areas), on: &screen) }
        if !layout.plain || state.focus == .creche { CrechePane.render(state, in: layout.rect(.creche), on: &screen) }
    }
}
