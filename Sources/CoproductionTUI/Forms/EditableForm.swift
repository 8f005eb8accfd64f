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
