import Foundation

/// How a typed name is matched to people and records, in the app and on the command line:
/// case and accents ignored (`zoe` finds Zoë), a whole name before part of one.
public enum NameMatch {
    /// Text as names are compared: no case, no accents, no spaces at either end.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_GB"))
            .trimmingCharacters(in: .whitespaces)
    }

    /// The indices of `names` that `typed` stands for: those equal to it, or when none is,
    /// those containing it; a name whose words start with it comes before one that merely
    /// contains it. Empty text matches nothing.
    public static func matches(_ typed: String, in names: [String]) -> [Int] {
        let key = fold(typed)
        guard !key.isEmpty else { return [] }
        let folded = names.map(fold)
        let whole = folded.indices.filter { folded[$0] == key }
        if !whole.isEmpty { return whole }
        let starts = folded.indices.filter { i in folded[i].hasPrefix(key) || folded[i].contains(" " + key) }
        let inside = folded.indices.filter { i in !starts.contains(i) && folded[i].contains(key) }
        return starts + inside
    }
}
