import Coproduction
import CoproductionStore

/// The meeting form on screen: its keys (Ctrl-R pulls parents' ready ideas onto a saved
/// Board's agenda) and how it is drawn. The form's state is ``MeetingForm``.
enum MeetingFormPage {
    static func handle(_ action: Action?, _ key: Key, _ state: inout AppState) -> [Command]? {
        if action == .pullIdeas, let form = state.top(MeetingForm.self), !form.confirmingDiscard {
            guard case .existing = form.target, form.kind == "board" else {
                state.updateTop { (top: inout MeetingForm) in
                    top.message = "Ideas are pulled onto a saved Partnership Board's agenda: save the meeting, then edit it and press Ctrl-R."
                }
                return []
            }
            return [.pullIdeas(form)]
        }
        if let form = state.top(MeetingForm.self), form.askingScope {
            // "This one, or this and later ones?" takes o, l, or Esc back to the form.
            var answered = form
            answered.askingScope = false
            switch key {
            case .character("o"), .character("O"): answered.scope = .thisOne
            case .character("l"), .character("L"): answered.scope = .thisAndLater
            case .escape, .character("n"):
                state.updateTop { (top: inout MeetingForm) in
                    top.askingScope = false
                    top.message = "Nothing saved yet: Enter saves when you are ready."
                }
                return []
            default: return []
            }
            state.updateTop { (top: inout MeetingForm) in top.askingScope = false }
            return [.saveMeeting(answered)]
        }
        if action == .save, let form = state.top(MeetingForm.self), !form.confirmingDiscard, form.needsScope, let series = form.series {
            state.updateTop { (top: inout MeetingForm) in
                top.askingScope = true
                top.message = ""
            }
            state.status = "Meeting \(series.position) of \(series.count) in a series, \(series.rule.words)."
            return []
        }
        return FormKeys.handle(action, key, &state, MeetingForm.self, save: { .saveMeeting($0) })
    }

    static func render(_ form: MeetingForm, _ state: AppState, in body: Rect, on screen: inout Screen) {
        let title: String
        switch form.target {
        case .new: title = form.kind == "pre-meeting" ? "New pre-meeting" : "New meeting"
        case .existing(let id, _): title = "Edit \(kindName(form.kind)) \(id)"
        }
        let rows = form.fields.map { f in
            var row = FormRow(label: f.label, value: f == .kind ? kindName(form.kind) : form[f], placeholder: f.placeholder,
                              focused: form.focus == f, error: form.errors[f], choice: f == .kind,
                              caret: form.focus == f ? form.caret : nil)
            if form.focus == f { (row.suggestions, row.highlight) = (form.suggestions, form.highlight) }
            if form.position(of: f) != nil {
                if f == .agendaTitle(0) { row.heading = "Agenda" }
                row.listHint = "Ctrl-N new item  Ctrl-X remove  Ctrl-↑↓ move  Enter save  F1 help"
            }
            return row
        }
        FormView.draw(title: title, rows: rows, dirty: form.dirty, message: form.message, confirmingDiscard: form.confirmingDiscard,
             hint: form.kind == "board" && form.target != .new ? "Tab next field  Enter save  Ctrl-R add ready ideas  Esc close  F1 help"
                                                             : "Tab next field  ←→ kind  Enter save  Esc close  F1 help",
             question: form.askingScope ? "Change which? o this one only  l this and later ones  Esc back to the form" : nil,
             state: state, in: body, on: &screen)
    }

    static func kindName(_ code: String) -> String {
        switch code {
        case "board": return "Partnership Board"
        case "service-design": return "Service Design"
        case "task-and-finish": return "Task and Finish group"
        case "committee": return "Committee"
        default: return "Pre-meeting"
        }
    }
}
