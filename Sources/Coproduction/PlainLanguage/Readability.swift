import Foundation

/// How hard a piece of English is to read, as a reading age: the Flesch–Kincaid grade level
/// plus five (a US school grade is about five years younger than the age of a child in it).
///
/// Why this measure: it is made from the two things that make a text hard for a parent
/// reading in a second language or with little schooling, long sentences and long words;
/// it gives an age, which is how GOV.UK states its target (a reading age of 9) and how the
/// programme's own writers think; and it is open and simple enough to explain on screen.
/// The Flesch reading ease is worked out too, for those who know that scale. Neither knows
/// what a word means: the glossary of jargon does that job beside it.
public struct Readability: Hashable, Sendable {
    /// Sentences counted.
    public var sentences: Int
    /// Words counted.
    public var words: Int
    /// Syllables counted (estimated from the spelling).
    public var syllables: Int
    /// The reading age in years (Flesch–Kincaid grade + 5), at least 5.
    public var readingAge: Int
    /// The Flesch reading ease: 100 is very easy, below 50 hard.
    public var readingEase: Double
    /// The longest sentences, longest first (those over ``longSentence`` words).
    public var longSentences: [String]
    /// Words of three syllables or more that are not names nor in everyday use, in the order
    /// they first come.
    public var hardWords: [String]

    /// A sentence longer than this many words is named as long (GOV.UK asks for no more
    /// than 25; parents' papers aim lower).
    public static let longSentence = 20
    /// The reading age GOV.UK writes for, and the default target.
    public static let defaultTarget = 9

    /// Measures a text. Sentences end at `.`, `!`, `?`, `;`, a colon or a line break.
    public init(_ text: String) {
        let pieces = Self.sentences(in: text)
        var words = 0, syllables = 0
        var hard: [String] = []
        var seen = Set<String>()
        for sentence in pieces {
            let list = Self.words(in: sentence)
            words += list.count
            for (i, word) in list.enumerated() {
                let count = Self.syllables(in: word)
                syllables += count
                let lower = word.lowercased()
                // Names (a capital not at the start of a sentence) and everyday long words are not hard.
                let isName = i > 0 && word.first?.isUppercase == true
                if count >= 3, !isName, !Self.everyday.contains(lower), seen.insert(lower).inserted { hard.append(lower) }
            }
        }
        self.sentences = pieces.count
        self.words = words
        self.syllables = syllables
        let s = Double(max(1, pieces.count)), w = Double(max(1, words))
        let grade = 0.39 * (w / s) + 11.8 * (Double(syllables) / w) - 15.59
        self.readingAge = max(5, Int((grade + 5).rounded()))
        self.readingEase = 206.835 - 1.015 * (w / s) - 84.6 * (Double(syllables) / w)
        self.longSentences = pieces.map { ($0, Self.words(in: $0).count) }.filter { $0.1 > Self.longSentence }
            .sorted { $0.1 > $1.1 }.map(\.0)
        self.hardWords = hard
    }

    /// Whether there is enough text to measure (a heading of three words says little).
    public var measurable: Bool { words >= 12 }

    /// Whether it meets a target reading age (short texts always do).
    public func meets(_ target: Int) -> Bool { !measurable || readingAge <= target }

    /// The result in words, naming the longest sentences and the hard words:
    /// "Reading age 13 (aim for 9). Long sentence: “…” (31 words). Hard words: commissioning, infrastructure."
    public func summary(target: Int, naming: Int = 2) -> String {
        guard measurable else { return "Too short to give a reading age (\(Plural.count(words, "word")))." }
        var parts = ["Reading age \(readingAge) (aim for \(target) or under)."]
        for sentence in longSentences.prefix(naming) {
            let count = Self.words(in: sentence).count
            let shown = sentence.count > 70 ? String(sentence.prefix(67)) + "…" : sentence
            parts.append("Long sentence: “\(shown)” (\(count) words).")
        }
        if !hardWords.isEmpty { parts.append("Hard words: \(hardWords.prefix(6).joined(separator: ", ")).") }
        return parts.joined(separator: " ")
    }

    /// The sentences of a text.
    static func sentences(in text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            let ends = ".!?;\n".contains(ch) || (ch == ":" && (i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\n"))
            // A full stop inside a number (£26.40) or an abbreviation such as "e.g." does not end a sentence.
            let inNumber = ch == "." && i + 1 < chars.count && chars[i + 1].isNumber
            if ends && !inNumber {
                if ch != "\n" { current.append(ch) }
                let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !words(in: t).isEmpty { out.append(t) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !words(in: t).isEmpty { out.append(t) }
        return out
    }

    /// The words of a sentence: runs of letters (with inner apostrophes and hyphens); numbers
    /// count as words of one syllable.
    static func words(in sentence: String) -> [String] {
        sentence.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'’-")) }
            .filter { !$0.isEmpty }
    }

    /// Syllables in an English word, from its spelling: groups of vowels, less a silent e at
    /// the end (not "-le", as in "little") and a silent "-es" or "-ed". At least one.
    public static func syllables(in word: String) -> Int {
        let w = word.lowercased().folding(options: .diacriticInsensitive, locale: nil).filter { $0.isLetter }
        guard !w.isEmpty else { return 1 }
        if w.count <= 3 { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousVowel = false
        for ch in w {
            let v = vowels.contains(ch)
            if v && !previousVowel { count += 1 }
            previousVowel = v
        }
        let letters = Array(w)
        if w.hasSuffix("e") && !w.hasSuffix("le") && !w.hasSuffix("ee") && count > 1 { count -= 1 }
        if w.hasSuffix("es") || w.hasSuffix("ed"), count > 1, letters.count > 3,
           !["t", "d", "s", "z", "x", "c", "g"].contains(letters[letters.count - 3]), !vowels.contains(letters[letters.count - 3]) {
            count -= 1
        }
        return max(1, count)
    }

    /// Long words everybody uses, not counted as hard.
    static let everyday: Set<String> = [
        "anything", "everyone", "everybody", "everything", "family", "families", "another", "important", "together",
        "tomorrow", "yesterday", "already", "area", "areas", "idea", "ideas", "library", "company", "children", "animal",
        "every", "nursery", "January", "February", "Saturday", "holiday", "holidays", "video", "radio", "parenting",
        "understand", "remember", "different", "however", "whatever", "whenever", "someone", "somebody", "interesting",
        "telephone", "computer", "community", "activity", "activities", "usually", "really", "money", "meeting", "meetings",
        "champion", "champions", "creche", "crèche", "crèches", "creches", "visiting", "eleven", "seventeen", "seventy",
        "September", "October", "November", "December", "business", "medicine", "hospital", "nobody", "everywhere",
    ].reduce(into: Set<String>()) { $0.insert($1.lowercased()) }
}
