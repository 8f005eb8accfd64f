import Coproduction
import CoproductionStore

/// The form to create or edit a meeting. Pure state: typing changes it, saving is an
/// effect the controller carries out. What was typed is never lost — not on a problem, not
/// on a stale save — until the form is saved or discarded.
public struct MeetingForm: Hashable, Sendable {
    /// The fields, in the order Tab visits them.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case kind, group, prepares, title, date, start, end, venue, confirmed, invited, parents, creche, rung, agenda

        /// The label shown.
        public var label: String {
            switch self {
            case .kind: return "Kind"
            case .group: return "Group"
            case .prepares: return "Prepares"
            case .title: return "Title"
            case .date: return "Date"
            case .start: return "Start"
            case .end: return "End"
            case .venue: return "Venue"
            case .confirmed: return "Confirmed"
            case .invited: return "Also invited"
            case .parents: return "Other parents"
            case .creche: return "Crèche room"
            case .rung: return "Ladder rung"
            case .agenda: return "Agenda"
            }
        }

        /// A hint shown in the field while it is empty.
        public var placeholder: String {
            switch self {
            case .kind: return ""
            case .group: return "the Task and Finish group's name"
            case .prepares: return "id of the meeting it prepares"
            case .title: return "for example Partnership Board"
            case .date: return "12/01/2027"
            case .start: return "10:00"
            case .end: return "12:00"
            case .venue: return "where it is held"
            case .confirmed: return "champions coming, by name: Zoe Adams, Priya Shah"
            case .invited: return "champions invited, not yet confirmed"
            case .parents: return "0"
            case .creche: return "places for children; empty for no crèche"
            case .rung: return "informing, consultation, engagement, co-design, co-production"
            case .agenda: return "Title: plain summary | Next item: summary"
            }
        }
    }

    /// New, or an edit of a saved meeting at a version.
    public enum Target: Hashable, Sendable {
        /// A new meeting.
        case new
        /// A saved meeting, as read at `version`.
        case existing(id: Int64, version: Int)
    }

    /// The kinds, in the order ←/→ cycles through them.
    public static let kinds = ["board", "service-design", "task-and-finish", "pre-meeting"]

    /// What is being edited.
    public var target: Target
    /// The kind's code (see ``kinds``).
    public var kind: String
    /// The text of each field.
    public var values: [Field: String]
    /// The field keys go to.
    public var focus: Field = .title
    /// Problems, shown beside their fields.
    public var errors: [Field: String] = [:]
    /// A problem with the whole form (a stale save, a refusal).
    public var message = ""
    /// Whether anything was typed since the form opened.
    public var dirty = false
    /// Whether Esc on a changed form is asking before throwing the changes away.
    /// The cursor in the focused field.
    public var caret = Caret()
    public var confirmingDiscard = false
    /// The crèche room as the form opened, so an unchanged room is not saved again.
    public let originalCreche: String

    /// Creates a form.
    public init(target: Target, kind: String, values: [Field: String]) {
        self.target = target
        self.kind = kind
        self.values = values
        self.originalCreche = target == .new ? "" : values[.creche] ?? ""
        self.originalRung = target == .new ? "" : values[.rung] ?? ""
    }

    /// The rung as the form opened.
    public let originalRung: String

    /// The fields this kind of meeting has. A saved meeting keeps its kind and the meeting
    /// it prepares: to change those, cancel it and make a new one.
    public var fields: [Field] {
        let editing = target != .new
        return Field.allCases.filter { f in
            switch f {
            case .kind: return !editing
            case .group: return kind == "task-and-finish"
            case .prepares: return kind == "pre-meeting" && !editing
            default: return true
            }
        }
    }

    /// A blank form for a new meeting on `day`, 10:00 to 12:00.
    public static func new(on day: LocalDate) -> MeetingForm {
        MeetingForm(target: .new, kind: "board",
                    values: [.date: day.uk, .start: "10:00", .end: "12:00", .parents: "0", .creche: "12"])
    }

    /// A form holding a saved meeting.
    public static func editing(_ d: MeetingDetail) -> MeetingForm {
        let m = d.facts.meeting
        let confirmed = d.championNames.indices.filter { d.championResponses[$0] == .confirmed }.map { d.championNames[$0] }
        let others = d.championNames.indices.filter { d.championResponses[$0] != .confirmed }.map { d.championNames[$0] }
        var values: [Field: String] = [
            .title: m.title, .date: m.date.uk, .start: m.start.description, .end: m.end.description, .venue: m.venue,
            .confirmed: confirmed.joined(separator: ", "), .invited: others.joined(separator: ", "),
            .parents: String(m.otherParents), .creche: d.facts.creche.map { String($0.roomCapacity) } ?? "",
            .rung: d.rung?.rawValue ?? "",
            .agenda: d.facts.agenda.map { $0.summary.isEmpty ? $0.title : "\($0.title): \($0.summary)" }.joined(separator: " | "),
        ]
        if let g = m.kind.groupName { values[.group] = g }
        if let p = m.kind.preparedMeetingID { values[.prepares] = String(p) }
        return MeetingForm(target: .existing(id: m.id, version: d.version), kind: m.kind.code, values: values)
    }

    /// A new pre-meeting for a meeting, at a sensible default time: the half hour before it on
    /// the same day when that is inside the school-run window, otherwise the working day
    /// before at the meeting's own start.
    public static func preMeeting(for d: MeetingDetail, settings: BarrierSettings) -> MeetingForm {
        let m = d.facts.meeting
        var day = m.date
        var start = TimeOfDay(minutes: m.start.minutes - 30)
        if start == nil || start! < settings.earliestStart {
            repeat { day = day.adding(days: -1) } while !day.weekday.isWeekday
            start = m.start
        }
        let begin = start ?? m.start
        let end = TimeOfDay(minutes: min(begin.minutes + 30, 1439))!
        var form = MeetingForm(target: .new, kind: "pre-meeting", values: [
            .prepares: String(m.id), .title: "Pre-meeting: \(m.title)", .date: day.uk, .start: begin.description,
            .end: end.description, .venue: m.venue, .parents: "0", .creche: d.facts.creche.map { String($0.roomCapacity) } ?? "12",
            .confirmed: d.championNames.indices.filter { d.championResponses[$0] == .confirmed }.map { d.championNames[$0] }
                .joined(separator: ", "),
        ])
        form.dirty = true
        return form
    }

    /// The agenda as typed: items split by `|`, each `Title: summary`.
    public var agendaItems: [AgendaItem] {
        self[.agenda].split(separator: "|").map { part in
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return AgendaItem(title: pieces.first ?? "", summary: pieces.count > 1 ? pieces[1] : "")
        }.filter { !$0.title.isEmpty || !$0.summary.isEmpty }
    }

    /// Champion names typed in a field, split by commas.
    public func names(_ field: Field) -> [String] {
        self[field].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Changes the kind by `step`, keeping everything typed (new meetings only).
    public mutating func cycleKind(_ step: Int) {
        guard target == .new else { return }
        let i = Self.kinds.firstIndex(of: kind) ?? 0
        kind = Self.kinds[(i + step + Self.kinds.count) % Self.kinds.count]
        dirty = true
        if !fields.contains(focus) { focus = .kind }
    }
}

