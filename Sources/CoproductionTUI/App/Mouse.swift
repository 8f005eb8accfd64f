/// Clicks and the wheel. A click chooses what the view drew under it (the screen records
/// that as it draws, so the two always agree): a pane, a row or a form's field; a click on
/// the row already chosen opens it, as Enter does. The wheel moves through lists and long
/// screens three rows at a time. Nothing happens while the mouse is off (the `mouse`
/// setting of the configuration file), nor on the sign-in screen.
enum MouseInput {
    /// Rows the wheel moves at a time.
    static let wheelStep = 3

    static func handle(_ event: MouseEvent, _ state: inout AppState, key: (inout AppState, Key) -> [Command]) -> [Command] {
        guard state.mouseEnabled, state.session != nil, !state.tooSmall else { return [] }
        let drawn = view(state, size: state.size)
        let target = drawn.target(x: event.x, y: event.y)
        switch event.kind {
        case .wheelUp, .wheelDown:
            guard !state.screen.takesText || state.screen == .signIn else { return [] }
            if state.stack.isEmpty, case .pane(let pane, _)? = target, pane != state.focus { state.main.focus = pane }
            var commands: [Command] = []
            for _ in 0..<wheelStep { commands += key(&state, event.kind == .wheelUp ? .up : .down) }
            return commands
        case .click:
            switch target {
            case .pane(let pane, let row)?:
                guard state.stack.isEmpty else { return [] }
                let wasFocused = state.focus == pane
                state.main.focus = pane
                state.main.editingFilter = false
                guard let row else { return [] }
                if wasFocused && state[pane].selected == row { return key(&state, .enter) }
                state[pane].selected = row
                MainPage.keepInView(&state, pane)
                return []
            case .detailRow(let row)?:
                guard let detail = state.stack.last.flatMap({ DetailState(entry: $0) }) else { return [] }
                if detail.selected == row { return key(&state, .enter) }
                state.updateTop { (d: inout DetailState) in d.selected = row }
                return []
            case .field(let row)?:
                return focusField(row, &state, drawn, key: key)
            case nil:
                return []
            }
        }
    }

    /// Moves a form's focus to the field drawn on row `row` of the form, with Tab and
    /// Shift-Tab as someone at the keys would (so each form's own rules for leaving a field
    /// apply), stopping when the terminal cursor is on that field.
    private static func focusField(_ row: Int, _ state: inout AppState, _ drawn: Screen,
                                   key: (inout AppState, Key) -> [Command]) -> [Command] {
        var screen = drawn
        var commands: [Command] = []
        for _ in 0..<80 {
            let areas = screen.hits.filter { $0.target == .field(row) }.map(\.rect)
            guard let cursor = screen.cursor, let first = areas.first else { return commands }
            if areas.contains(where: { $0.contains(x: $0.x, y: cursor.y) }) { return commands }
            let before = state
            commands += key(&state, cursor.y < first.y ? .tab : .backTab)
            if state == before || !ScreenID.forms.contains(state.screen) { return commands }
            screen = view(state, size: state.size)
        }
        return commands
    }
}
