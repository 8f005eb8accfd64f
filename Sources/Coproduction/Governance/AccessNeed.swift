import Foundation

/// Something a person needs to take part in a meeting.
public enum AccessNeed: String, CaseIterable, Hashable, Sendable {
    /// Step-free access to the room.
    case stepFree = "step-free access"
    /// A hearing loop.
    case hearingLoop = "hearing loop"
    /// Papers and slides in large print.
    case largePrint = "large print"
    /// An interpreter, in a language.
    case interpreter
    /// A quiet room to step out to.
    case quietRoom = "quiet room"
    /// Somewhere to breastfeed.
    case breastfeeding = "breastfeeding space"

    /// Whether a venue can offer it by itself (an interpreter is always booked for the meeting).
    public var venueCanOffer: Bool { self != .interpreter }

    /// The need as typed on the command line ("step-free", "interpreter").
    public init?(word: String) {
        func plain(_ s: String) -> String { s.lowercased().replacingOccurrences(of: "-", with: " ") }
        let w = plain(word).trimmingCharacters(in: .whitespaces)
        guard !w.isEmpty, let match = Self.allCases.first(where: { plain($0.rawValue) == w || plain($0.rawValue).hasPrefix(w) }) else { return nil }
        self = match
    }
}

/// One person's need, as the check reads it: who (nil when the reader may not see whose), the
/// need and, for an interpreter, the language.
public struct PersonNeed: Hashable, Sendable {
    /// The person's name, or nil when it is private from the reader.
    public var person: String?
    /// The need.
    public var need: AccessNeed
    /// The language, for an interpreter.
    public var language: String

    /// A person's need.
    public init(person: String?, need: AccessNeed, language: String = "") {
        self.person = person
        self.need = need
        self.language = language
    }

    /// "an interpreter (Polish)", "step-free access".
    public var words: String { need == .interpreter ? "an interpreter (\(language.isEmpty ? "language not given" : language))" : need.rawValue }
}

/// Something arranged for one meeting to meet a need ("interpreter booked: Polish").
public struct Arrangement: Hashable, Sendable {
    /// The need it meets.
    public var need: AccessNeed
    /// The language, for an interpreter.
    public var language: String
    /// What was arranged.
    public var note: String

    /// An arrangement.
    public init(need: AccessNeed, language: String = "", note: String = "") {
        self.need = need
        self.language = language
        self.note = note
    }

    /// Whether it meets `need`: the same need and, for an interpreter, the same language.
    public func meets(_ need: PersonNeed) -> Bool {
        self.need == need.need && (need.need != .interpreter || language.caseInsensitiveCompare(need.language) == .orderedSame)
    }
}

/// What the Access check reads for a meeting: the confirmed people's needs, what its venue
/// offers and what is arranged for it.
public struct AccessFacts: Hashable, Sendable {
    /// The confirmed people's needs.
    public var needs: [PersonNeed]
    /// What the venue offers.
    public var venueOffers: Set<AccessNeed>
    /// What is arranged for this meeting.
    public var arrangements: [Arrangement]

    /// The facts.
    public init(needs: [PersonNeed] = [], venueOffers: Set<AccessNeed> = [], arrangements: [Arrangement] = []) {
        self.needs = needs
        self.venueOffers = venueOffers
        self.arrangements = arrangements
    }

    /// The needs met neither by the venue nor by an arrangement.
    public var unmet: [PersonNeed] {
        needs.filter { n in !(n.need.venueCanOffer && venueOffers.contains(n.need)) && !arrangements.contains { $0.meets(n) } }
    }
}
