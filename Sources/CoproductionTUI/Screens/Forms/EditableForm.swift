/// What the form keys need from a form: fields of text, a focus that moves, and whether it
/// has been changed. The meeting form and the record form share one key handler, and the
/// field editing below, through it.
public protocol EditableForm: Sendable {
    /// The form's fields.
    associatedtype Field: Hashable & Sendable
    /// The fields Tab visits, in order.
    var fields: [Field] { get }
    /// The text of each field.
    var values: [Field: String] { get set }
    /// Problems, shown beside their fields.
    var errors: [Field: String] { get set }
    /// A problem with the whole form, or what a key did.
    var message: String { get set }
    /// The field keys go to.
    var focus: Field { get set }
    /// Whether the focused field takes typed text (a choice such as the kind does not).
    var focusTakesText: Bool { get }
    /// Whether anything was typed since the form opened.
    var dirty: Bool { get set }
    /// Whether Esc on a changed form is asking before throwing the changes away.
    var confirmingDiscard: Bool { get set }
    /// The cursor in the focused field.
    var caret: Caret { get set }
    /// ←/→ on a field chosen from a list (the meeting's kind, a decision).
    mutating func cycleChoice(_ step: Int)
    /// Whether a field is a text box of several lines (Enter starts a new line there).
    func isTextBox(_ field: Field) -> Bool
}

extension EditableForm {
    /// Most fields are one line.
    public func isTextBox(_ field: Field) -> Bool { false }

    /// A field's text; setting it marks the form changed and clears that field's problem.
    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set {
            values[field] = newValue
            dirty = true
            errors[field] = nil
        }
    }

    /// Moves the focus by `step` fields, wrapping; the field entered has its text selected.
    public mutating func move(_ step: Int) {
        let list = fields
        guard !list.isEmpty else { return }
        let i = list.firstIndex(of: focus) ?? 0
        focus = list[(i + step + list.count) % list.count]
        caret = Caret()
    }

    /// Applies an edit to the focused field where its cursor is.
    mutating func edit(_ edit: LineEditor.Edit) {
        var text = self[focus]
        if LineEditor.apply(edit, to: &text, caret: &caret) { self[focus] = text }
    }
}

extension MeetingForm: EditableForm {
    /// The kind is chosen with ←/→, not typed.
    public var focusTakesText: Bool { focus != .kind }

    /// ←/→ on the kind field changes the kind.
    public mutating func cycleChoice(_ step: Int) {
        if focus == .kind { cycleKind(step) }
    }
}

extension EditableForm {
    /// Shows problems beside their fields, with a line for the whole form, and moves the
    /// focus to the first field with a problem. Everything typed stays.
    mutating func show(_ problems: [Field: String], _ words: String) {
        errors = problems
        message = words.isEmpty ? (problems.count == 1 ? "One thing to fix before saving." : "\(problems.count) things to fix before saving.")
                                : words
        if let first = fields.first(where: { problems[$0] != nil }), first != focus {
            focus = first
            caret = Caret()
        }
    }
}

/// The keys every form shares: typing, moving between fields, choices, saving, and Esc
/// asking before it throws changes away.
enum FormKeys {
    /// A key on the form on top. `save` is what Enter or Ctrl-S asks for.
    static func handle<Form: EditableForm & StackEntry>(_ action: Action?, _ key: Key, _ state: inout AppState, _ type: Form.Type,
                                                       save: (Form) -> Command) -> [Command]? {
        guard var form = state.top(Form.self) else { return nil }
        if form.confirmingDiscard {
            switch key {
            case .character("y"), .character("Y"):
                state.pop()
                state.status = "Changes thrown away."
                if state.quitWhenDiscarded { state.quitRequested = true }
            case .character("n"), .character("N"), .escape:
                form.confirmingDiscard = false
                state.quitWhenDiscarded = false
                state.updateTop { (top: inout Form) in top = form }
            default: break
            }
            return []
        }
        // In a text box Enter starts a new line and ↑ ↓ move between its lines (leaving it at
        // its first and last); Ctrl-S saves, Tab leaves.
        if form.focusTakesText && form.isTextBox(form.focus) {
            let width = FormView.valueWidth(state.size) - 1
            switch key {
            case .enter:
                form.edit(.insert("\n"))
                state.updateTop { (top: inout Form) in top = form }
                return []
            case .up, .down:
                var editor = LineEditor(form[form.focus], caret: form.caret)
                if editor.moveLine(key == .up ? -1 : 1, width: width) {
                    form.caret = editor.caret
                    state.updateTop { (top: inout Form) in top = form }
                    return []
                }
            default: break
            }
        }
        var commands: [Command] = []
        switch action {
        case .save? where key == .enter && form.focusTakesText && form.isTextBox(form.focus):
            break
        case .moveInText? where !form.focusTakesText:
            if key == .left || key == .right { form.cycleChoice(key == .left ? -1 : 1) }
        case .nextField?: form.move(1)
        case .previousField?: form.move(-1)
        case .save?: commands = [save(form)]
        case .back?:
            if form.dirty { form.confirmingDiscard = true } else {
                state.pop()
                return []
            }
        case .moveInText?, .moveByWord?, .rubOut?, .cutText?, nil:
            if !form.focusTakesText {
                if key == .character(" ") { form.cycleChoice(1) }
            } else if let edit = LineEditor.edit(for: key) {
                form.edit(edit)
            } else {
                return []
            }
        default:
            return nil
        }
        state.updateTop { (top: inout Form) in top = form }
        return commands
    }
}

extension AppState {
    /// Asks the form on top whether to throw its changes away.
    mutating func confirmDiscard() {
        updateTop { (f: inout MeetingForm) in f.confirmingDiscard = true }
        updateTop { (f: inout RecordForm) in f.confirmingDiscard = true }
        updateTop { (f: inout StepForm) in f.confirmingDiscard = true }
    }
}

extension AppState {
    /// Whether keys go into a text box of several lines (so Enter starts a new line).
    var inTextBox: Bool {
        switch stack.last {
        case .recordForm(let f)?: return f.isTextBox(f.focus)
        case .stepForm(let f)?: return f.focusTakesText && f.isTextBox(f.focus)
        case .meetingForm(let f)?: return f.isTextBox(f.focus)
        default: return false
        }
    }
}
