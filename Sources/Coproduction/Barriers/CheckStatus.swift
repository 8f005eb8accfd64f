/// The outcome of one check: never shown by colour alone, always with a glyph and a word.
public enum CheckStatus: Int, Comparable, Sendable, CaseIterable {
    /// The meeting meets the rule.
    case pass
    /// Worth a look: the rule is not broken outright.
    case warn
    /// The rule is broken; the reason says what to change.
    case fail

    /// Orders by severity, so the worst of several is `max`.
    public static func < (lhs: CheckStatus, rhs: CheckStatus) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A one-word name: `ok`, `warn`, `fail`.
    public var word: String {
        switch self {
        case .pass: return "ok"
        case .warn: return "warn"
        case .fail: return "fail"
        }
    }
}
