/// One thing wrong with a record as entered, tied to the field it is about (a field code such
/// as ``FundField/amount``), so a form can show it beside that field and the command line can
/// name it. The fund, marketing and rewards each have their own field codes.
public struct FieldProblem<Field: RawRepresentable & Hashable & Sendable>: Hashable, Sendable, CustomStringConvertible
    where Field.RawValue == String {
    /// The field.
    public var field: Field
    /// What is wrong and how to put it right.
    public var message: String
    /// For a field that is a list (decisions, actions), the item it is about, from 0.
    public var item: Int?
    /// For an item of several parts (an action's what and owner), the part, from 0.
    public var part: Int?

    /// Creates a problem.
    public init(_ field: Field, _ message: String, item: Int? = nil, part: Int? = nil) {
        self.field = field
        self.message = message
        self.item = item
        self.part = part
    }

    /// "amount: …", as the command line prints it.
    public var description: String { "\(field.rawValue): \(message)" }
}
