/// A cell as it may go into a spreadsheet: text that begins like a formula (`=`, `+`, `-`, `@`,
/// tab, carriage return) is prefixed with an apostrophe, as OWASP advises, so Excel and
/// LibreOffice show it as text and never run it. A plain number stays a number.
public enum SpreadsheetCell {
    /// The cell, safe to open in a spreadsheet.
    public static func safe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        if isPlainNumber(text) { return text }
        return "'" + text
    }

    /// `-3`, `+12.50`: a number the app writes, not a formula.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.dropFirst()
        guard !digits.isEmpty else { return false }
        if let dot = digits.firstIndex(of: ".") {
            let fraction = digits[digits.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else { return false }
            digits = digits[..<dot]
        }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
