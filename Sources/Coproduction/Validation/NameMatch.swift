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

    /// What a name typed in full stands for, once the typing is done (a form saved, a command
    /// run): the record whose whole name it is, else the one record it is part of.
    public enum Pick: Hashable, Sendable {
        /// This one (an index into the names).
        case one(Int)
        /// No name matches.
        case none
        /// Several do, whole names if any are whole, else those it is part of, best first.
        case several([Int])
    }

    /// The one record `typed` stands for among `names`, or why there is not one. The full-screen
    /// app's pickers and the command line's name options both decide with this.
    public static func pick(_ typed: String, in names: [String]) -> Pick {
        let found = matches(typed, in: names)
        let key = fold(typed)
        let whole = found.filter { fold(names[$0]) == key }
        let candidates = whole.isEmpty ? found : whole
        switch candidates.count {
        case 0: return .none
        case 1: return .one(candidates[0])
        default: return .several(candidates)
        }
    }
}
