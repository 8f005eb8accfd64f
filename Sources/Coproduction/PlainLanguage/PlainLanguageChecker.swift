/// A glossary entry: a word or phrase, and plainer words to use instead.
public struct GlossaryEntry: Hashable, Sendable, Codable {
    /// The jargon.
    public var term: String
    /// What to say instead.
    public var plain: String

    /// Creates an entry.
    public init(term: String, plain: String) {
        self.term = term
        self.plain = plain
    }
}

/// A glossary term found in a piece of text.
public struct JargonHit: Hashable, Sendable {
    /// The entry that matched.
    public var entry: GlossaryEntry
    /// The words as they appear in the text.
    public var found: String
}

/// Finds glossary terms in text: whole words only, longest first (so "service users" is one
/// hit, not also "service user"), ignoring case, except for acronyms such as `LA` or `KPI`,
/// which must be written in capitals to count.
public struct PlainLanguageChecker: Hashable, Sendable {
    private let entries: [GlossaryEntry]

    /// The glossary it checks against, longest terms first.
    public var glossary: [GlossaryEntry] { entries }

    /// Creates a checker for a glossary.
    public init(glossary: [GlossaryEntry]) {
        self.entries = glossary.sorted { $0.term.count > $1.term.count }
    }

    /// The checker for the glossary that ships with the app.
    public static let standard = PlainLanguageChecker(glossary: StandardGlossary.entries.map { GlossaryEntry(term: $0.term, plain: $0.plain) })

    /// Every hit in `text`, in the order they appear.
    public func hits(in text: String) -> [JargonHit] {
        let chars = Array(text)
        let lowered: [Character] = chars.map { c in
            let l = c.lowercased()
            return l.count == 1 ? Character(l) : c
        }
        var taken = Array(repeating: false, count: chars.count)
        var found: [(Int, JargonHit)] = []
        for entry in entries {
            let acronym = entry.term.count >= 2 && entry.term.allSatisfy { $0.isUppercase || !$0.isLetter } && entry.term.contains(where: \.isLetter)
            let needle = Array(acronym ? entry.term : entry.term.lowercased())
            let hay = acronym ? chars : lowered
            guard needle.count <= hay.count else { continue }
            var i = 0
            while i + needle.count <= hay.count {
                if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle,
                   i == 0 || !Self.isWordCharacter(hay[i - 1]),
                   i + needle.count == hay.count || !Self.isWordCharacter(hay[i + needle.count]),
                   !taken[i..<(i + needle.count)].contains(true) {
                    for k in i..<(i + needle.count) { taken[k] = true }
                    found.append((i, JargonHit(entry: entry, found: String(chars[i..<(i + needle.count)]))))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
