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
    /// ←/→ on a field chosen from a list (the meeting's kind, a decision).
    mutating func cycleChoice(_ step: Int)
}

extension EditableForm {
    /// A field's text; setting it marks the form changed and clears that field's problem.
    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set {
            values[field] = newValue
            dirty = true
            errors[field] = nil
        }
    }

    /// Moves the focus by `step` fields, wrapping.
    public mutating func move(_ step: Int) {
        let list = fields
        guard !list.isEmpty else { return }
        let i = list.firstIndex(of: focus) ?? 0
        focus = list[(i + step + list.count) % list.count]
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
        if let first = fields.first(where: { problems[$0] != nil }) { focus = first }
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
            case .character("n"), .character("N"), .escape:
                form.confirmingDiscard = false
                state.updateTop { (top: inout Form) in top = form }
            default: break
            }
            return []
        }
        var commands: [Command] = []
        switch action {
        case .choose? where !form.focusTakesText:
            form.cycleChoice(key == .left ? -1 : 1)
        case .nextField?: form.move(1)
        case .previousField?: form.move(-1)
        case .save?: commands = [save(form)]
        case .back?:
            if form.dirty { form.confirmingDiscard = true } else {
                state.pop()
                return []
            }
        case .rubOut?:
            if form.focusTakesText, !form[form.focus].isEmpty { form[form.focus].removeLast() }
        case .clearField?:
            if form.focusTakesText { form[form.focus] = "" }
        case nil:
            guard case .character(let c) = key else { return [] }
            if form.focusTakesText { form[form.focus].append(c) }
            else if c == " " { form.cycleChoice(1) }
        default:
            return nil
        }
        state.updateTop { (top: inout Form) in top = form }
        return commands
    }
}
