import Foundation

/// Folds text to ASCII for terminals whose locale cannot show UTF-8: `crèche` becomes
/// `creche`, `£` becomes `GBP`, box and status glyphs have their own ASCII forms in
/// ``Glyphs``.
public enum ASCIIFold {
    static let table: [Character: String] = [
        "£": "GBP", "€": "EUR", "–": "-", "—": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"",
        "…": "...", "•": "*", "·": ".", "✓": "+", "✗": "x", "×": "x", "→": "->", "←": "<-",
        "↑": "^", "↓": "v", "▶": ">", "▸": ">", "«": "<<", "»": ">>", "≥": ">=", "≤": "<=",
        "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
    ]

    /// The light box lines the terminal's own line-drawing set can show: kept as they are
    /// when the backend draws them through ncurses' alternate character set.
    public static let boxLines: Set<Character> = ["─", "│", "┌", "┐", "└", "┘"]

    /// The ASCII form of `text`; characters with no ASCII form become `?`. With
    /// `keepingLines`, light box lines stay for the terminal's line drawing.
    public static func fold(_ text: String, keepingLines: Bool = false) -> String {
        if text.allSatisfy(\.isASCII) { return text }
        var out = ""
        for ch in text {
            if ch.isASCII { out.append(ch); continue }
            if keepingLines && boxLines.contains(ch) { out.append(ch); continue }
            if let mapped = table[ch] { out += mapped; continue }
            let stripped = String(ch).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            out += stripped.allSatisfy(\.isASCII) && !stripped.isEmpty ? stripped : "?"
        }
        return out
    }

    /// A key's label in ASCII: arrows as words (`Up/Down move`, not `v move`, which reads
    /// like a key to press).
    public static func keyLabel(_ label: String) -> String {
        let words = label.replacingOccurrences(of: "↑↓", with: "Up/Down").replacingOccurrences(of: "←→", with: "Left/Right")
            .replacingOccurrences(of: "↑", with: "Up").replacingOccurrences(of: "↓", with: "Down")
            .replacingOccurrences(of: "←", with: "Left").replacingOccurrences(of: "→", with: "Right")
        return fold(words)
    }

    /// Only the symbols a console font lacks (general punctuation, arrows, shapes and
    /// dingbats, U+2000 to U+2BFF, other than the light box lines) as ASCII; letters and
    /// Latin-1 signs such as `£` stay.
    public static func foldSymbols(_ text: String) -> String {
        var out = ""
        for ch in text {
            guard let scalar = ch.unicodeScalars.first, (0x2000...0x2BFF).contains(scalar.value), !boxLines.contains(ch) else {
                out.append(ch)
                continue
            }
            out += table[ch] ?? "?"
        }
        return out
    }
}
