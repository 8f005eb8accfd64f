import Coproduction

/// One row of a form as drawn: label, text, what to show while empty, focus and problem.
struct FormRow {
    var label: String
    var value: String
    var placeholder: String
    var focused: Bool
    var error: String?
    var choice: Bool = false
}

/// Draws forms: one row a field, the focused one marked with the cursor and bold, each
/// problem in words under its field, never by colour alone.
enum FormView {
    static func render(_ form: MeetingForm, state: AppState, in body: Rect, on screen: inout Screen) {
        let title: String
        switch form.target {
        case .new: title = form.kind == "pre-meeting" ? "New pre-meeting" : "New meeting"
        case .existing(let id, _): title = "Edit \(kindName(form.kind)) \(id)"
        }
        let rows = form.fields.map { f in
            FormRow(label: f.label, value: f == .kind ? kindName(form.kind) : form[f], placeholder: f.placeholder,
                    focused: form.focus == f, error: form.errors[f], choice: f == .kind)
        }
        draw(title: title, rows: rows, dirty: form.dirty, message: form.message, confirmingDiscard: form.confirmingDiscard,
             hint: form.kind == "board" && form.target != .new ? "Tab next field  Enter save  Ctrl-R add ready ideas  Esc close"
                                                             : "Tab next field  ←→ kind  Enter save  Esc close",
             state: state, in: body, on: &screen)
    }

    static func render(_ form: RecordForm, state: AppState, in body: Rect, on screen: inout Screen) {
        let rows = RecordForm.Field.allCases.map { f in
            FormRow(label: f.label, value: form[f], placeholder: f.placeholder, focused: form.focus == f, error: form.errors[f])
        }
        draw(title: "Record: \(form.title)", rows: rows, dirty: form.dirty, message: form.message,
             confirmingDiscard: form.confirmingDiscard, hint: "Tab next field  Enter save as held  Esc close",
             state: state, in: body, on: &screen)
    }

    static func render(_ form: StepForm, state: AppState, in body: Rect, on screen: inout Screen) {
        let rows = form.specs.map { spec in
            FormRow(label: spec.label, value: form.values[spec.id] ?? "", placeholder: spec.placeholder, focused: form.focus == spec.id,
                    error: form.errors[spec.id], choice: !spec.choices.isEmpty)
        }
        let hasChoice = form.specs.contains { !$0.choices.isEmpty }
        draw(title: form.title, rows: rows, dirty: form.dirty, message: form.message, confirmingDiscard: form.confirmingDiscard,
             hint: hasChoice ? "Tab next field  ←→ choose  Enter save  Esc close" : "Tab next field  Enter save  Esc close",
             state: state, in: body, on: &screen)
    }

    static func draw(title: String, rows: [FormRow], dirty: Bool, message: String, confirmingDiscard: Bool, hint: String,
                     state: AppState, in body: Rect, on screen: inout Screen) {
        let g = state.theme.glyphs
        let inner = Box(title: title, footer: dirty ? "changed" : "", focused: true).render(in: body, on: &screen, theme: state.theme)
        screen.fill(inner)
        let labelWidth = 16
        let valueWidth = max(10, inner.width - labelWidth - 4)
        var lines: [(Line, Bool)] = []
        for row in rows {
            var value: String
            var valueStyle = Style(underline: true)
            if row.choice {
                value = state.theme.asciiOnly ? "< \(row.value) >" : "◀ \(row.value) ▶"
            } else if row.value.isEmpty && !row.focused {
                value = row.placeholder
                valueStyle = Style(underline: true, dim: true)
            } else {
                value = row.value
                // Show the end of a long value, where typing happens.
                if DisplayWidth.of(value) > valueWidth - 1 {
                    value = g.ellipsis + String(value.suffix(max(1, valueWidth - 2)))
                }
                if row.focused { value += "▏" }
            }
            lines.append((Line([((row.focused ? g.cursor : " ") + " ", .bold),
                                (DisplayWidth.pad(row.label, to: labelWidth - 2), row.focused ? .bold : .plain),
                                (DisplayWidth.pad(value, to: valueWidth, ellipsis: g.ellipsis), valueStyle)]), row.focused))
            if let error = row.error {
                for text in DisplayWidth.wrap("\(g.fail) \(error)", width: valueWidth) {
                    lines.append((Line([(String(repeating: " ", count: labelWidth), .plain), (text, state.theme.status(.fail))]), false))
                }
            }
        }
        // Keep the focused field in view when problems make the form taller than the box.
        let height = inner.height - 2
        let focusLine = lines.firstIndex { $0.1 } ?? 0
        let first = max(0, min(focusLine - height / 2, lines.count - height))
        for (i, (line, _)) in lines.dropFirst(first).prefix(height).enumerated() {
            var x = inner.x + 1
            for (text, style) in line.spans { x += screen.put(text, x: x, y: inner.y + i, style: style, maxWidth: inner.maxX - x) }
        }
        let bottom = inner.maxY - 1
        if confirmingDiscard {
            screen.put("Throw away the changes? y throws them away, n keeps editing.", x: inner.x + 1, y: bottom,
                       style: state.theme.status(.warn), maxWidth: inner.width - 2)
        } else if !message.isEmpty {
            screen.put("\(g.fail) " + message, x: inner.x + 1, y: bottom, style: state.theme.status(.fail), maxWidth: inner.width - 2)
        } else {
            screen.put(hint, x: inner.x + 1, y: bottom, style: state.theme.secondary)
        }
    }

    static func kindName(_ code: String) -> String {
        switch code {
        case "board": return "Partnership Board"
        case "service-design": return "Service Design"
        case "task-and-finish": return "Task and Finish group"
        default: return "Pre-meeting"
        }
    }
}

/// A question over the screen: the reason for a cancellation, or yes/no before deleting.
enum PromptView {
    static func render(_ prompt: PromptState, state: AppState, in body: Rect, on screen: inout Screen) {
        let width = min(body.width - 4, 70)
        let question = DisplayWidth.wrap(prompt.question, width: width - 4)
        let errorLines = prompt.error.isEmpty ? [] : DisplayWidth.wrap("\(state.theme.glyphs.fail) \(prompt.error)", width: width - 4)
        let height = question.count + errorLines.count + (prompt.wantsText ? 6 : 4)
        let rect = body.centred(width: width, height: height)
        screen.fill(rect)
        let (title, hint) = prompt.titleAndHint
        let inner = Box(title: title, focused: true).render(in: rect, on: &screen, theme: state.theme)
        var y = inner.y
        for line in question {
            screen.put(line, x: inner.x + 1, y: y, style: .bold)
            y += 1
        }
        if prompt.wantsText {
            y += 1
            let shown = DisplayWidth.of(prompt.text) > inner.width - 5 ? String(prompt.text.suffix(inner.width - 6)) : prompt.text
            screen.put(DisplayWidth.pad(shown + "▏", to: inner.width - 2), x: inner.x + 1, y: y, style: Style(underline: true))
            y += 1
        }
        for line in errorLines {
            screen.put(line, x: inner.x + 1, y: y, style: state.theme.status(.fail))
            y += 1
        }
        screen.put(hint, x: inner.x + 1, y: inner.maxY - 1, style: state.theme.secondary)
    }
}
