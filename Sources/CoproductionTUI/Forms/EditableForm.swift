/// What the form keys need from a form: fields of text, a focus that moves, and whether it
/// has been changed. The meeting form and the record form share one key handler through it.
public protocol EditableForm: Sendable {
    /// The form's fields.
    associatedtype Field: Hashable & Sendable
    /// The field keys go to.
    var focus: Field { get }
    /// A field's text.
    subscript(field: Field) -> String { get set }
    /// Moves the focus by `step` fields, wrapping.
    mutating func move(_ step: Int)
    /// Whether the focused field takes typed text (a choice such as the kind does not).
    var focusTakesText: Bool { get }
    /// Whether anything was typed since the form opened.
    var dirty: Bool { get }
    /// Whether Esc on a changed form is asking before throwing the changes away.
    var confirmingDiscard: Bool { get set }
}

extension MeetingForm: EditableForm {
    /// The kind is chosen with ←/→, not typed.
    public var focusTakesText: Bool { focus != .kind }
}
