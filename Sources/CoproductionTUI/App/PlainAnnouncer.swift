import Coproduction

/// The plain mode's status line: every change of what is on screen said as a sentence, so a
/// screen reader that reads the status line hears where the person is now. What a key
/// already said (a save, a refusal) is left as it is.
enum PlainAnnouncer {
    static func announce(from before: AppState, to state: inout AppState) {
        guard state.theme.plain, state.session != nil, state.status == before.status || state.status.isEmpty else { return }
        if let words = sentence(from: before, to: state) { state.status = words }
    }

    static func sentence(from before: AppState, to state: AppState) -> String? {
        if before.stack.count != state.stack.count || before.screen != state.screen {
            return opened(state)
        }
        if state.stack.isEmpty {
            let pane = state.focus
            if before.focus != pane { return paneWords(state, pane) }
            let p = state[pane], q = before[pane]
            if p.selected != q.selected, p.total > 0 { return "\(p.selected + 1) of \(p.total)." }
            if p.filter != q.filter { return p.filter.isEmpty ? "Filter cleared. \(paneWords(state, pane))" : "\(Plural.count(p.total, "match", "matches"))." }
            if p.total != q.total && !state.editingFilter { return paneWords(state, pane) }
            return nil
        }
        if let d = state.detail, let b = before.detail, d.target == b.target, state.stack.last.flatMap({ DetailState(entry: $0) }) != nil {
            let count = d.content?.rowCount ?? 0
            if d.selected != b.selected, count > 0 { return "\(d.selected + 1) of \(count)." }
            if d.content != nil && b.content == nil { return opened(state) }
        }
        return nil
    }

    /// Where the person is now, and how to hear the keys.
    static func opened(_ state: AppState) -> String {
        switch state.stack.last {
        case nil: return paneWords(state, state.focus)
        case .detail(let d)?:
            let rows = d.content?.rowCount ?? 0
            let count = ScreenID.rowScreens.contains(d.target.screen) && d.content != nil ? " \(Plural.count(rows, "row"))." : ""
            return "\(d.target.screen.name) screen.\(count) Press ? for its keys, Esc to go back."
        case .help?: return "Help. Arrow keys read on, Esc closes it."
        case .prompt(let p)?: return p.wantsText ? "A question: type the answer, then Enter. Esc goes back." : "A question: y for yes, n for no."
        case .meetingForm?, .recordForm?, .stepForm?: return "\(state.screen.name). Tab moves to the next field, Enter saves, Esc goes back."
        case .signIn?: return "Sign in: type your name, Enter, then your PIN."
        }
    }

    static func paneWords(_ state: AppState, _ pane: PaneID) -> String {
        let p = state[pane]
        let where_ = p.total > 0 ? " \(p.selected + 1) of \(p.total)." : " None to show."
        return "\(pane.title), list \(pane.rawValue + 1) of 3.\(where_) Tab or 1, 2, 3 change list."
    }
}
