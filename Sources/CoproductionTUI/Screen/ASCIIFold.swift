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

    /// The ASCII form of `text`; characters with no ASCII form become `?`.
    public static func fold(_ text: String) -> String {
        if text.allSatisfy(\.isASCII) { return text }
        var out = ""
        for ch in text {
            if ch.isASCII { out.append(ch); continue }
            if let mapped = table[ch] { out += mapped; continue }
            let stripped = String(ch).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            out += stripped.allSatisfy(\.isASCII) && !stripped.isEmpty ? stripped : "?"
        }
        return out
    }
}
