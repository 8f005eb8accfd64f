import Coproduction
import CoproductionStore

/// A fund, marketing, rewards or set-up form on screen. Its state is ``StepForm``. A PIN
/// is drawn as one dot a character, never as typed.
enum StepFormPage {
    static func handle(_ action: Action?, _ key: Key, _ state: inout AppState) -> [Command]? {
        FormKeys.handle(action, key, &state, StepForm.self, save: { .saveStep($0) })
    }

    static func render(_ form: StepForm, _ state: AppState, in body: Rect, on screen: inout Screen) {
        let dot = state.theme.asciiOnly ? "*" : "•"
        let rows = form.specs.map { spec in
            let value = form.values[spec.id] ?? ""
            var row = FormRow(label: spec.label, value: spec.secret ? String(repeating: dot, count: value.count) : value,
                              placeholder: spec.placeholder, focused: form.focus == spec.id,
                              error: form.errors[spec.id], choice: !spec.choices.isEmpty, caret: form.focus == spec.id ? form.caret : nil,
                              box: form.isTextBox(spec.id))
            if form.focus == spec.id { (row.suggestions, row.highlight) = (form.suggestions, form.highlight) }
            return row
        }
        let hasChoice = form.specs.contains { !$0.choices.isEmpty }
        FormView.draw(title: form.title, rows: rows, dirty: form.dirty, message: form.message, confirmingDiscard: form.confirmingDiscard,
             hint: hasChoice ? "Tab next field  ←→ choose  Enter save  Esc close  F1 help" : "Tab next field  Enter save  Esc close  F1 help",
             state: state, in: body, on: &screen)
    }

}
