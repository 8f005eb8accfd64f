import Foundation

/// The longest text accepted, in characters, for each kind of field. The store enforces them
/// on every table by trigger as well, so no way in (a form, a command, an import) can store
/// more; the README lists them.
public enum TextLimits {
    /// People's names.
    public static let name = 100
    /// Titles, group names, and short codes and dates.
    public static let title = 120
    /// Venues.
    public static let venue = 120
    /// Agenda summaries and reasons.
    public static let summary = 1000
    /// A marketing material's text.
    public static let material = 10_000
    /// A child's allergy, dietary and medical notes.
    public static let notes = 5_000
    /// A meeting's minutes.
    public static let minutes = 50_000

    /// "longer than 1,000 characters; shorten it."
    public static func tooLong(_ limit: Int) -> String {
        "longer than \(limit.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))) characters; shorten it."
    }
}

/// One thing wrong with a meeting as entered, tied to the field it belongs to, so a form
/// can show it beside that field and the command line can name the option.
public struct MeetingProblem: Hashable, Sendable {
    /// The fields a problem can belong to.
    public enum Field: Hashable, Sendable {
        case title, venue, end, parents, group, agenda, champion, prepares
    }

    /// Which field.
    public var field: Field
    /// How the field is named in the message, for example `title` or `agenda item 2`.
    public var label: String
    /// What is wrong and how to fix it.
    public var message: String
    /// For an agenda problem, the item (from 0) and its part (0 the title, 1 the summary).
    public var item: Int?
    /// The item's part.
    public var part: Int?

    /// Creates a problem.
    public init(_ field: Field, _ label: String, _ message: String, item: Int? = nil, part: Int? = nil) {
        self.field = field
        self.label = label
        self.message = message
        self.item = item
        self.part = part
    }

    /// `title: a meeting needs a title.`
    public var line: String { "\(label): \(message)" }
}

extension Meeting {
    /// Every problem with this meeting's fields (and an agenda); empty when it can be saved.
    public func problems(agenda: [AgendaItem]) -> [MeetingProblem] {
        var out: [MeetingProblem] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { out.append(.init(.title, "title", "a meeting needs a title.")) }
        if title.count > TextLimits.title { out.append(.init(.title, "title", "longer than \(TextLimits.title) characters; shorten it.")) }
        if venue.count > TextLimits.venue { out.append(.init(.venue, "venue", "longer than \(TextLimits.venue) characters; shorten it.")) }
        if end <= start { out.append(.init(.end, "end", "\(end) is not after the start (\(start)).")) }
        if otherParents < 0 || otherParents > 500 { out.append(.init(.parents, "parents", "other parents must be from 0 to 500.")) }
        if case .taskAndFinish(let group) = kind, group.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(.init(.group, "group", "a Task and Finish meeting needs its group's name."))
        }
        if case .committee(let name) = kind, name.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(.init(.group, "group", "a committee meeting needs the committee's name (Finance, Risk)."))
        }
        for (i, item) in agenda.enumerated() {
            let label = "agenda item \(i + 1)"
            if item.title.trimmingCharacters(in: .whitespaces).isEmpty { out.append(.init(.agenda, label, "it needs a title.", item: i, part: 0)) }
            if item.title.count > TextLimits.title {
                out.append(.init(.agenda, label, "the title is longer than \(TextLimits.title) characters.", item: i, part: 0))
            }
            if item.summary.count > TextLimits.summary {
                out.append(.init(.agenda, label, "the summary is longer than \(TextLimits.summary) characters.", item: i, part: 1))
            }
        }
        return out
    }
}
