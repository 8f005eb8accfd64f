import Coproduction

/// One row of a form as drawn: label, text, what to show while empty, focus and problem.
struct FormRow {
    var label: String
    var value: String
    var placeholder: String
    var focused: Bool
    var error: String?
    var choice: Bool = false
    /// The cursor, on the focused field.
    var caret: Caret? = nil
    /// Whether it is a text box of several lines (minutes, notes, impact…).
    var box: Bool = false
    /// A heading drawn on its own line above the row (where a list starts).
    var heading: String? = nil
    /// The names offered under the focused field for what is typed.
    var suggestions: [Choice] = []
    /// The suggestion chosen.
    var highlight = 0
    /// A remark under the field that is not a problem ("not one of the app's people").
    var note: String? = nil
    /// The hint for the keys of the list the row belongs to, if it is a list row.
    var listHint: String? = nil
}

/// Draws forms: one row a field, the focused one marked with the cursor and bold, each
/// problem in words under its field, never by colour alone. The terminal cursor sits where
/// the next letter goes.
enum FormView {
    /// Columns of the label column.
    static let labelWidth = 16
    /// Lines a text box shows at once.
    static let boxLines = 4

    /// The width of a form's text at a terminal size (keys need it to move up and down the
    /// lines of a text box as drawn).
    static func valueWidth(_ size: Size) -> Int {
        max(10, MainLayout(size: size).body.width - 2 - labelWidth - 4)
    }

    static func draw(title: String, rows: [FormRow], dirty: Bool, message: String, confirmingDiscard: Bool, hint: String,
                     question: String? = nil, state: AppState, in body: Rect, on screen: inout Screen) {
        let g = state.theme.glyphs
        let inner = Box(title: ParentWords.fit(title, state), footer: dirty ? "changed" : "", focused: true).render(in: body, on: &screen, theme: state.theme)
        screen.fill(inner)
        let valueWidth = max(10, inner.width - labelWidth - 4)
        var lines: [(Line, Bool)] = []
        // Which row of the form each line belongs to, so a click chooses its field.
        var owners: [Int?] = []
        var cursorColumn: Int?
        var cursorLine = 0
        for (index, row) in rows.enumerated() {
            defer { while owners.count < lines.count { owners.append(index) } }
            if let heading = row.heading {
                lines.append((Line(DisplayWidth.pad(heading, to: labelWidth + valueWidth), state.theme.heading), false))
            }
            if row.box {
                // A text box: its lines wrapped at the field's width, scrolled to the cursor.
                let editor = LineEditor(row.value, caret: row.caret ?? Caret(cursor: 0, selectedAll: false))
                var shown = editor.lines(width: valueWidth - 1).map(\.text)
                var top = 0
                if row.focused {
                    let (line, column) = editor.position(width: valueWidth - 1)
                    top = max(0, line - boxLines + 1)
                    cursorColumn = labelWidth + column
                    cursorLine = line - top
                }
                let empty = row.value.isEmpty && !row.focused
                if empty { shown = [row.placeholder] }
                let window = Array(shown.dropFirst(top).prefix(boxLines))
                let more = shown.count > top + boxLines
                for i in 0..<boxLines {
                    var text = i < window.count ? window[i] : ""
                    if i == boxLines - 1 && more { text = DisplayWidth.truncate(text, to: valueWidth - 2, ellipsis: "") + " " + g.ellipsis }
                    let label = i == 0 ? ((row.focused ? g.cursor : " ") + " " + DisplayWidth.pad(row.label, to: labelWidth - 2)) : String(repeating: " ", count: labelWidth)
                    lines.append((Line([(label, row.focused && i == 0 ? .bold : .plain),
                                        (DisplayWidth.pad(text, to: valueWidth), Style(underline: true, dim: empty))]),
                                  row.focused && i == cursorLine))
                }
                if let error = row.error {
                    for text in DisplayWidth.wrap("\(g.fail) \(error)", width: valueWidth) {
                        lines.append((Line([(String(repeating: " ", count: labelWidth), .plain), (text, state.theme.status(.fail))]), false))
                    }
                }
                continue
            }
            var value: String
            var valueStyle = Style(underline: true)
            if row.choice {
                value = state.theme.asciiOnly ? "< \(row.value) >" : "◀ \(row.value) ▶"
            } else if row.value.isEmpty {
                // The hint shows in an empty field, dimmed, the cursor at its start when focused.
                value = row.placeholder
                valueStyle = Style(underline: true, dim: true)
                if row.focused { cursorColumn = labelWidth }
            } else if row.focused {
                // The part of the text round the cursor, scrolled sideways to keep it in view;
                // text selected on entering the field is shown in reverse.
                let editor = LineEditor(row.value, caret: row.caret ?? Caret())
                let (shown, column) = editor.visible(width: valueWidth)
                value = shown
                cursorColumn = labelWidth + column
                if editor.selectedAll { valueStyle = Style(reverse: true, underline: true) }
            } else {
                value = row.value
            }
            lines.append((Line([((row.focused ? g.cursor : " ") + " ", .bold),
                                (DisplayWidth.pad(row.label, to: labelWidth - 2), row.focused ? .bold : .plain),
                                (DisplayWidth.pad(value, to: valueWidth, ellipsis: g.ellipsis), valueStyle)]), row.focused))
            if let error = row.error {
                for text in DisplayWidth.wrap("\(g.fail) \(error)", width: valueWidth) {
                    lines.append((Line([(String(repeating: " ", count: labelWidth), .plain), (text, state.theme.status(.fail))]), false))
                }
            }
            if let note = row.note {
                lines.append((Line([(String(repeating: " ", count: labelWidth), .plain), (DisplayWidth.truncate(note, to: valueWidth), .dim)]), false))
            }
            if row.focused && !row.suggestions.isEmpty {
                // The suggestions sit under the field, so the focused field stays in view with them.
                for line in SuggestionList.lines(row.suggestions, highlight: row.highlight, width: valueWidth, state: state) {
                    lines.append((Line([(String(repeating: " ", count: labelWidth), .plain)] + line.spans), false))
                }
            }
        }
        // Keep the focused field in view when problems make the form taller than the box.
        let height = inner.height - 2
        let focusLine = lines.firstIndex { $0.1 } ?? 0
        let offered = rows.first { $0.focused }.map { min($0.suggestions.count, Picker.shown) } ?? 0
        // Centre the focused field, but keep its suggestions on screen under it.
        let first = max(0, min(max(focusLine - height / 2, focusLine + offered + 1 - height), lines.count - height))
        for (i, (line, focused)) in lines.dropFirst(first).prefix(height).enumerated() {
            if let owner = owners[first + i] { screen.hit(Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1), .field(owner)) }
            if focused {
                screen.cursor = Cursor(x: inner.x + 1 + (cursorColumn ?? 0), y: inner.y + i, visible: cursorColumn != nil)
            }
            var x = inner.x + 1
            for (text, style) in line.spans { x += screen.put(text, x: x, y: inner.y + i, style: style, maxWidth: inner.maxX - x) }
        }
        let bottom = inner.maxY - 1
        if let question {
            screen.put(question, x: inner.x + 1, y: bottom, style: state.theme.status(.warn), maxWidth: inner.width - 2)
        } else if confirmingDiscard {
            screen.put(state.quitWhenDiscarded ? "Quit and throw away the changes? y quits, n keeps editing (Ctrl-C again quits)."
                                               : "Throw away the changes? y throws them away, n keeps editing.", x: inner.x + 1, y: bottom,
                       style: state.theme.status(.warn), maxWidth: inner.width - 2)
        } else if !message.isEmpty {
            screen.put("\(g.fail) " + message, x: inner.x + 1, y: bottom, style: state.theme.status(.fail), maxWidth: inner.width - 2)
        } else if let focused = rows.first(where: { $0.focused }), !focused.suggestions.isEmpty {
            screen.put(focused.highlight < 0 ? "↓ choose one of these, or keep typing a new name  Enter save  Tab next field"
                                             : "Type to narrow  ↑↓ choose  Enter takes it  Tab next field  Esc close", x: inner.x + 1, y: bottom,
                       style: state.theme.secondary, maxWidth: inner.width - 2)
        } else if let listHint = rows.first(where: { $0.focused })?.listHint {
            screen.put(listHint, x: inner.x + 1, y: bottom, style: state.theme.secondary, maxWidth: inner.width - 2)
        } else if rows.contains(where: { $0.focused && $0.box }) {
            screen.put("Enter new line  ↑↓ lines  Ctrl-S save  Tab next field  Esc close  F1 help", x: inner.x + 1, y: bottom,
                       style: state.theme.secondary, maxWidth: inner.width - 2)
        } else {
            screen.put(hint, x: inner.x + 1, y: bottom, style: state.theme.secondary)
        }
    }

}
