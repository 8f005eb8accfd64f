/// One thing wrong with a record as entered, tied to the field it is about (a field code such
/// as ``FundField/amount``), so a form can show it beside that field and the command line can
/// name it. The fund, marketing and rewards each have their own field codes.
public struct FieldProblem<Field: RawRepresentable & Hashable & Sendable>: Hashable, Sendable, CustomStringConvertible
    where Field.RawValue == String {
    /// The field.
    public var field: Field
    /// What is wrong and how to put it right.
    public var message: String

    /// Creates a problem.
    public init(_ field: Field, _ message: String) {
        self.field = field
        self.message = message
    }

    /// "amount: …", as the command line prints it.
    public var description: String { "\(field.rawValue): \(message)" }
}
