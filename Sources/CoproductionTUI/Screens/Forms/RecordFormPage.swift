import Coproduction
import CoproductionStore

/// The record form on screen: what happened at a held meeting. Its state is ``RecordForm``.
enum RecordFormPage {
    static func handle(_ action: Action?, _ key: Key, _ state: inout AppState) -> [Command]? {
        FormKeys.handle(action, key, &state, RecordForm.self, save: { .saveRecord($0) })
    }

    static func render(_ form: RecordForm, _ state: AppState, in body: Rect, on screen: inout Screen) {
        let rowKeys = "Ctrl-N new row  Ctrl-X remove  Ctrl-↑↓ move"
        let rows = form.fields.map { f in
            var row = FormRow(label: form.label(f), value: form[f], placeholder: form.placeholder(f), focused: form.focus == f,
                              error: form.errors[f], caret: form.focus == f ? form.caret : nil, box: form.isTextBox(f))
            switch f {
            case .attendance(let i):
                row.choice = true
                if i == 0 { row.heading = "Who came (←→ or Space changes each)" }
            case .decision(let i):
                if i == 0 { row.heading = "Decisions" }
                row.listHint = "\(rowKeys)  Enter save  F1 help"
            case .actionWhat(let i), .actionOwner(let i), .actionDue(let i), .actionDone(let i):
                if i == 0, case .actionWhat = f { row.heading = "Actions" }
                if case .actionDone = f { row.choice = true }
                // An owner who is none of the champions (as saving will read it) is said to be so.
                if case .actionOwner = f, let picker = form.picker(for: f), !picker.options.isEmpty,
                   !form[f].trimmingCharacters(in: .whitespaces).isEmpty,
                   case .failure = Picker.pick(form[f], among: picker.options, what: "") {
                    row.note = "not one of the app's people: kept as typed"
                }
                row.listHint = "\(rowKeys)  Ctrl-T done  Enter save"
            default: break
            }
            if form.focus == f { (row.suggestions, row.highlight) = (form.suggestions, form.highlight) }
            return row
        }
        FormView.draw(title: "Record: \(form.title)", rows: rows, dirty: form.dirty, message: form.message,
             confirmingDiscard: form.confirmingDiscard, hint: "Tab next field  Enter save as held  Esc close  F1 help",
             state: state, in: body, on: &screen)
    }
}
