import Coproduction

/// A question over the screen: the reason for a cancellation, or yes/no before deleting.
enum PromptPage {
    /// A key on the question: typing the answer, Enter to answer, y or n, Esc to stop.
    static func handle(_ action: Action?, _ key: Key, _ state: inout AppState) -> [Command]? {
        guard var prompt = state.top(PromptState.self) else { return nil }
        // ↑/↓ choose among the names offered for what is typed; Enter takes the one chosen
        // and answers with it.
        let offered = prompt.suggestions
        if !offered.isEmpty, key == .up || key == .down {
            prompt.highlight = min(max(0, prompt.highlight + (key == .up ? -1 : 1)), min(offered.count, Picker.shown) - 1)
            state.updateTop { (top: inout PromptState) in top = prompt }
            return []
        }
        if !offered.isEmpty, key == .enter, prompt.takeSuggestion() {
            state.updateTop { (top: inout PromptState) in top = prompt }
            return [.answer(prompt)]
        }
        switch action {
        case .back?, .no?:
            state.pop()
            state.status = "Nothing was changed."
            return []
        case .yes?: return [.answer(prompt)]
        case .save? where prompt.wantsText: return [.answer(prompt)]
        case .moveInText?, .moveByWord?, .rubOut?, .cutText?, nil:
            guard prompt.wantsText, let edit = LineEditor.edit(for: key) else { return [] }
            prompt.edit(edit)
        default:
            return nil
        }
        prompt.error = ""
        state.updateTop { (top: inout PromptState) in top = prompt }
        return []
    }

    static func render(_ prompt: PromptState, _ state: AppState, in body: Rect, on screen: inout Screen) {
        let width = min(body.width - 4, 70)
        let question = DisplayWidth.wrap(prompt.question, width: width - 4)
        let errorLines = prompt.error.isEmpty ? [] : DisplayWidth.wrap("\(state.theme.glyphs.fail) \(prompt.error)", width: width - 4)
        let offered = prompt.suggestions
        let listed = min(offered.count, Picker.shown) + (offered.count > Picker.shown ? 1 : 0)
        let height = question.count + errorLines.count + listed + (prompt.wantsText ? 6 : 4)
        let rect = body.centred(width: width, height: height)
        screen.fill(rect)
        let (title, hint) = prompt.titleAndHint
        let inner = Box(title: ParentWords.fit(title, state), focused: true).render(in: rect, on: &screen, theme: state.theme)
        var y = inner.y
        if !prompt.wantsText { screen.cursor = Cursor(x: inner.x + 1, y: y, visible: false) }
        for line in question {
            screen.put(line, x: inner.x + 1, y: y, style: .bold)
            y += 1
        }
        if prompt.wantsText {
            y += 1
            // A password is drawn as dots, one per character typed, so nobody behind sees it.
            let text = prompt.secret ? String(repeating: state.theme.asciiOnly ? "*" : "•", count: prompt.text.count) : prompt.text
            let (shown, column) = LineEditor(text, caret: prompt.caret).visible(width: inner.width - 2)
            screen.put(DisplayWidth.pad(shown, to: inner.width - 2), x: inner.x + 1, y: y, style: Style(underline: true))
            screen.cursor = Cursor(x: inner.x + 1 + column, y: y, visible: true)
            y += 1
            y = SuggestionList.draw(offered, highlight: prompt.highlight, x: inner.x + 1, y: y, width: inner.width - 2,
                                    state: state, on: &screen)
        }
        for line in errorLines {
            screen.put(line, x: inner.x + 1, y: y, style: state.theme.status(.fail))
            y += 1
        }
        screen.put(hint, x: inner.x + 1, y: inner.maxY - 1, style: state.theme.secondary)
    }
}
