import Coproduction

/// Pasted text: only ever text, never keys. It goes into the field being typed in, with
/// control characters and escape sequences dropped; a single-line field gets its line
/// breaks as spaces and is cut to its limit; a paste with no field open is ignored. Nothing
/// is saved, no shortcut runs and nothing locks, whatever the text holds.
enum Paste {
    /// The longest text a single-line field takes from a paste.
    static let lineLimit = TextLimits.summary

    /// Cleans pasted text: escape sequences and control characters go; line breaks (any of
    /// CR, LF, CRLF) become "\n"; tabs become spaces. Returns the text and whether anything
    /// was dropped.
    static func clean(_ raw: String) -> (text: String, dropped: Bool) {
        var out = ""
        var dropped = false
        var scalars = Array(raw.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars)[...]
        while let s = scalars.popFirst() {
            switch s.value {
            case 0x1B:
                // ESC [ … final byte, or ESC and one character.
                dropped = true
                if scalars.first == "[" {
                    scalars.removeFirst()
                    while let c = scalars.popFirst(), !(0x40...0x7E).contains(c.value) {}
                } else if !scalars.isEmpty {
                    scalars.removeFirst()
                }
            case 0x0A, 0x0D: out.unicodeScalars.append("\n")
            case 0x09: out.unicodeScalars.append(" ")
            case 0x00...0x1F, 0x7F, 0x80...0x9F:
                dropped = true
            default:
                out.unicodeScalars.append(s)
            }
        }
        return (out, dropped)
    }

    /// Puts a paste where the user is typing, or says why it went nowhere.
    static func into(_ state: inout AppState, _ raw: String) {
        let (text, dropped) = clean(raw)
        var notes: [String] = []
        if dropped { notes.append("control characters were left out") }
        func line(_ limit: Int) -> String {
            var single = text
            if text.contains("\n") {
                single = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }.joined(separator: " ")
                notes.append("line breaks became spaces")
            }
            if single.count > limit {
                single = String(single.prefix(limit))
                notes.append("cut to \(limit) characters")
            }
            return single
        }
        /// Text for a text box: line breaks kept, cut to what the box still takes.
        func box(_ room: Int) -> String {
            let room = max(0, room)
            guard text.count > room else { return text }
            notes.append("cut to the \(room) characters the box still takes")
            return String(text.prefix(room))
        }
        func report(_ what: String) {
            state.status = notes.isEmpty ? "Pasted \(what)." : "Pasted \(what): " + notes.joined(separator: "; ") + "."
        }
        if state.stack.isEmpty && state.main.editingFilter {
            MainPage.editFilter(&state, .insert(line(TextLimits.title)))
            report("into the filter")
            return
        }
        switch state.stack.last {
        case .meetingForm(var form)? where form.focusTakesText && !form.confirmingDiscard:
            form.edit(.insert(line(limit(form.focus))))
            state.stack[state.stack.count - 1] = .meetingForm(form)
            report("into \(form.focus.label)")
        case .recordForm(var form)? where form.focusTakesText && !form.confirmingDiscard:
            form.edit(.insert(form.isTextBox(form.focus) ? box(MeetingRecord.minutesLimit - form[form.focus].count) : line(lineLimit)))
            state.stack[state.stack.count - 1] = .recordForm(form)
            report("into \(form.label(form.focus).trimmingCharacters(in: .whitespaces))")
        case .stepForm(var form)? where form.focusTakesText && !form.confirmingDiscard:
            let limit = form.focus == "text" ? TextLimits.material : TextLimits.summary
            form.edit(.insert(form.isTextBox(form.focus) ? box(limit - form[form.focus].count) : line(lineLimit)))
            state.stack[state.stack.count - 1] = .stepForm(form)
            report("into \(form.focusedSpec?.label ?? "the field")")
        case .prompt(var prompt)? where prompt.wantsText:
            prompt.edit(.insert(line(lineLimit)))
            state.stack[state.stack.count - 1] = .prompt(prompt)
            report("into the answer")
        case .signIn(var form)?:
            form.edit(.insert(line(TextLimits.title)))
            form.message = ""
            state.stack[state.stack.count - 1] = .signIn(form)
        default:
            state.status = "Pasted text was ignored: open a form or a field, then paste."
        }
    }

    /// The longest text a meeting form field takes.
    static func limit(_ field: MeetingForm.Field) -> Int {
        switch field {
        case .title, .group, .venue: return TextLimits.title
        default: return lineLimit
        }
    }
}
