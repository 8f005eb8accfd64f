import Coproduction
import CoproductionStore

/// The record form on screen: what happened at a held meeting. Its state is ``RecordForm``.
enum RecordFormPage {
    static func handle(_ action: Action?, _ key: Key, _ state: inout AppState) -> [Command]? {
        FormKeys.handle(action, key, &state, RecordForm.self, save: { .saveRecord($0) })
    }

    static func render(_ form: RecordForm, _ state: AppState, in body: Rect, on screen: inout Screen) {
        let rows = RecordForm.Field.allCases.map { f in
            FormRow(label: f.label, value: form[f], placeholder: f.placeholder, focused: form.focus == f, error: form.errors[f],
                    caret: form.focus == f ? form.caret : nil, box: form.isTextBox(f))
        }
        FormView.draw(title: "Record: \(form.title)", rows: rows, dirty: form.dirty, message: form.message,
             confirmingDiscard: form.confirmingDiscard, hint: "Tab next field  Enter save as held  Esc close  F1 help",
             state: state, in: body, on: &screen)
    }

}
