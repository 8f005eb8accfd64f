import Coproduction

/// One record a field can name: a champion, an area, a child, a meeting, an idea, a venue.
public struct Choice: Hashable, Sendable {
    /// Its name as the field holds it.
    public var name: String
    /// What tells it from others of the same name (an area, a date), shown beside it.
    public var detail: String
    /// Its id, where it is a record.
    public var id: Int64?

    /// A choice.
    public init(_ name: String, detail: String = "", id: Int64? = nil) {
        self.name = name
        self.detail = detail
        self.id = id
    }
}

/// Where a field's choices come from; the runner reads them when the form opens.
public enum PickSource: Hashable, Sendable {
    /// Parent Champions the person signed in may see.
    case champions
    /// The programme's areas.
    case areas
    /// Venues meetings have been held at.
    case venues
    /// Meetings from the last year and the coming months, by title and date.
    case meetings
    /// Children who may be booked into a meeting's crèche.
    case children(meetingID: Int64)
    /// An area's ideas still moving.
    case ideas(areaID: Int64)
    /// Crèche staff sign-in accounts (admins), to link someone in the staff register.
    case crecheAccounts
    /// The register of crèche staff, to put someone on a session's rota.
    case staffMembers
}

/// Type-ahead over names: what has been typed of a name picks from the records a field can
/// name, ignoring case and accents; ↑/↓ choose and Enter takes. A field that takes several
/// names holds them separated by commas, and the name being typed is the one at the cursor.
public struct Picker: Hashable, Sendable {
    /// What can be chosen.
    public var options: [Choice]
    /// Whether the field holds several names.
    public var multiple: Bool
    /// Whether a name that is none of the options may stay (an action's owner from outside).
    public var allowsNew: Bool
    /// Whether every option is offered before anything is typed (a short menu of answers).
    public var menu: Bool
    /// Most suggestions shown at once.
    public static let shown = 5

    /// A picker.
    public init(_ options: [Choice], multiple: Bool = false, allowsNew: Bool = false, menu: Bool = false) {
        self.options = options
        self.multiple = multiple
        self.allowsNew = allowsNew
        self.menu = menu
    }

    /// The part of `text` being typed: for a field of several names, the one round the
    /// cursor; otherwise all of it. Offsets are in graphemes.
    public func term(in text: String, cursor: Int) -> (range: Range<Int>, text: String) {
        let chars = Array(text)
        guard multiple else { return (0..<chars.count, text) }
        let at = min(max(0, cursor), chars.count)
        var start = at
        while start > 0 && chars[start - 1] != "," { start -= 1 }
        var end = at
        while end < chars.count && chars[end] != "," { end += 1 }
        return (start..<end, String(chars[start..<end]))
    }

    /// The names already taken in a field of several, other than the one being typed.
    private func others(in text: String, except range: Range<Int>) -> Set<String> {
        let chars = Array(text)
        let rest = String(chars[..<range.lowerBound]) + "," + String(chars[range.upperBound...])
        return Set(rest.split(separator: ",").map { NameMatch.fold(String($0)) }.filter { !$0.isEmpty })
    }

    /// What to offer for the text as typed: nothing while the name is empty or already one
    /// of the options exactly; otherwise the options it matches, best first.
    public func suggestions(for text: String, caret: Caret) -> [Choice] {
        if caret.selectedAll && !text.isEmpty { return [] }
        let (range, typed) = term(in: text, cursor: caret.cursor)
        let key = NameMatch.fold(typed)
        if key.isEmpty && menu { return options }
        guard !key.isEmpty else { return [] }
        let taken = multiple ? others(in: text, except: range) : []
        let open = options.filter { !taken.contains(NameMatch.fold($0.name)) }
        if open.contains(where: { NameMatch.fold($0.name) == key }) && open.filter({ NameMatch.fold($0.name) == key }).count == 1 {
            return []
        }
        return NameMatch.matches(typed, in: open.map(\.name)).map { open[$0] }
    }

    /// The text after taking `choice` for the name being typed, and the cursor after it (in
    /// a field of several, after a comma and space ready for the next name).
    public func take(_ choice: Choice, in text: String, caret: Caret) -> (String, Caret) {
        let chars = Array(text)
        let (range, _) = term(in: text, cursor: caret.selectedAll ? chars.count : caret.cursor)
        guard multiple else { return (choice.name, Caret(cursor: choice.name.count, selectedAll: false)) }
        let before = String(chars[..<range.lowerBound])
        let after = String(chars[range.upperBound...]).drop { $0 == "," || $0 == " " }
        let lead = before.isEmpty ? "" : (before.hasSuffix(" ") ? "" : " ")
        let head = before + lead + choice.name + ", "
        return (head + after, Caret(cursor: head.count, selectedAll: false))
    }

    /// The names in a field of several, in order, without blanks.
    public static func names(in text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Why a typed name stands for no record, or for more than one.
public struct PickProblem: Error, Hashable, Sendable {
    /// What is wrong and how to put it right.
    public var words: String
}

extension Picker {
    /// The record a typed name stands for among `options`: the one whose name it is (case
    /// and accents aside), or the only one whose name contains it. `what` names the kind of
    /// record in the message ("Parent Champion").
    public static func pick(_ typed: String, among options: [Choice], what: String) -> Result<Choice, PickProblem> {
        let name = typed.trimmingCharacters(in: .whitespaces)
        switch NameMatch.pick(name, in: options.map(\.name)) {
        case .one(let i): return .success(options[i])
        case .none: return .failure(PickProblem(words: "No \(what) is called “\(name)”: type part of the name and choose from the list."))
        case .several(let found):
            let some = found.prefix(3).map { options[$0].name + (options[$0].detail.isEmpty ? "" : " (\(options[$0].detail))") }
            return .failure(PickProblem(words: "“\(name)” could be \(some.joined(separator: ", ")): type more of the name and choose from the list."))
        }
    }
}
