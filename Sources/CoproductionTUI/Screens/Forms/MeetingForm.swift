import Coproduction
import CoproductionStore

/// The form to create or edit a meeting. Pure state: typing changes it, saving is an
/// effect the controller carries out. What was typed is never lost — not on a problem, not
/// on a stale save — until the form is saved or discarded.
public struct MeetingForm: Hashable, Sendable {
    /// The fields, in the order Tab visits them.
    public enum Field: Hashable, Sendable {
        case kind, group, prepares, title, date, start, end, repeats, until, venue, confirmed, invited, parents, creche, rung
        /// An agenda item's title, by row.
        case agendaTitle(Int)
        /// An agenda item's plain summary, by row.
        case agendaSummary(Int)

        /// The fields that are not rows of the agenda, in order.
        public static let plain: [Field] = [.kind, .group, .prepares, .title, .date, .start, .end, .repeats, .until, .venue,
                                            .confirmed, .invited, .parents, .creche, .rung]

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
            case .repeats: return "Repeats"
            case .until: return "Until"
            case .venue: return "Venue"
            case .confirmed: return "Confirmed"
            case .invited: return "Also invited"
            case .parents: return "Other parents"
            case .creche: return "Crèche room"
            case .rung: return "Ladder rung"
            case .agendaTitle(let i): return "Item \(i + 1)"
            case .agendaSummary: return "  summary"
            }
        }

        /// A hint shown in the field while it is empty.
        public var placeholder: String {
            switch self {
            case .kind: return ""
            case .group: return "the Task and Finish group's or committee's name"
            case .prepares: return "the meeting it prepares: type part of its title"
            case .title: return "for example Partnership Board"
            case .date: return "12/01/2027"
            case .start: return "10:00"
            case .end: return "12:00"
            case .repeats: return "does not repeat; or every 2 weeks, every month on the 2nd Tuesday…"
            case .until: return "the day of the series' last meeting"
            case .venue: return "where it is held (venues used before are offered)"
            case .confirmed: return "champions coming: type part of a name, Enter takes it"
            case .invited: return "champions invited, not yet confirmed"
            case .parents: return "0"
            case .creche: return "places for children; empty for no crèche"
            case .rung: return "informing, consultation, engagement, co-design, co-production"
            case .agendaTitle: return "the item's title (Ctrl-N adds an item)"
            case .agendaSummary: return "what it is about, in plain words"
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
    public static let kinds = ["board", "service-design", "task-and-finish", "committee", "pre-meeting"]

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
    /// The cursor in the focused field.
    public var caret = Caret()
    /// Whether Esc on a changed form is asking before throwing the changes away.
    public var confirmingDiscard = false
    /// Names read for the pickers (champions, venues, meetings).
    public var choices: [PickSource: [Choice]] = [:]
    /// The suggestion chosen under the focused field.
    public var highlight = 0
    /// The agenda's rows.
    public var rowCounts: [ItemList: Int] = [.agenda: 1]
    /// The crèche room as the form opened, so an unchanged room is not saved again.
    public let originalCreche: String
    /// The series the meeting edited belongs to, if it repeats.
    public var series: SeriesStanding?
    /// Whether Enter is asking which meetings of the series the change reaches.
    public var askingScope = false
    /// The meetings of the series the save reaches, once chosen.
    public var scope: SeriesScope?
    /// How it repeats, until when, and its day as the form opened: an unchanged rule is the
    /// series' own.
    public private(set) var originalRepeat = OpenedRule()

    /// How the series' rule read when the form opened.
    public struct OpenedRule: Hashable, Sendable {
        /// The Repeats field.
        public var repeats = ""
        /// The Until field.
        public var until = ""
        /// The Date field.
        public var date = ""
    }

    /// Creates a form, with its agenda's items as rows.
    public init(target: Target, kind: String, values: [Field: String], agenda: [AgendaItem] = []) {
        self.target = target
        self.kind = kind
        self.values = values
        self.originalCreche = target == .new ? "" : values[.creche] ?? ""
        self.originalRung = target == .new ? "" : values[.rung] ?? ""
        self.originalRepeat = OpenedRule(repeats: values[.repeats] ?? "", until: values[.until] ?? "", date: values[.date] ?? "")
        self.agenda = agenda
    }

    /// The rung as the form opened.
    public let originalRung: String

    /// The fields this kind of meeting has. A saved meeting keeps its kind and the meeting
    /// it prepares: to change those, cancel it and make a new one.
    public var fields: [Field] {
        let editing = target != .new
        let plain = Field.plain.filter { f in
            switch f {
            case .kind: return !editing
            case .group: return kind == "task-and-finish" || kind == "committee"
            case .prepares: return kind == "pre-meeting" && !editing
            case .repeats: return kind != "pre-meeting"
            case .until: return kind != "pre-meeting" && repeats
            default: return true
            }
        }
        return plain + (0..<(rowCounts[.agenda] ?? 0)).flatMap { [Field.agendaTitle($0), .agendaSummary($0)] }
    }

    /// The agenda as rows of title and summary; setting it replaces every row.
    public var agenda: [AgendaItem] {
        get {
            rows(of: .agenda).map { AgendaItem(title: $0[0].trimmingCharacters(in: .whitespaces), summary: $0[1].trimmingCharacters(in: .whitespaces)) }
        }
        set {
            setRows(newValue.isEmpty ? [ItemList.agenda.blank] : newValue.map { [$0.title, $0.summary] }, of: .agenda)
        }
    }

    /// The cell an agenda field is.
    public func position(of field: Field) -> ItemPosition? {
        switch field {
        case .agendaTitle(let r): return ItemPosition(.agenda, r, 0)
        case .agendaSummary(let r): return ItemPosition(.agenda, r, 1)
        default: return nil
        }
    }

    /// The agenda field at a cell.
    public func field(at position: ItemPosition) -> Field {
        position.column == 0 ? .agendaTitle(position.row) : .agendaSummary(position.row)
    }

    /// Champions are picked by name (several), venues offered from those used before, the
    /// meeting a pre-meeting prepares picked by title.
    public func picker(for field: Field) -> Picker? {
        switch field {
        case .confirmed, .invited: return Picker(choices[.champions] ?? [], multiple: true)
        case .venue: return Picker(choices[.venues] ?? [], allowsNew: true)
        case .prepares: return Picker(choices[.meetings] ?? [])
        case .rung: return Picker(Rung.allCases.map { Choice($0.rawValue) })
        case .repeats:
            // The rules offered follow the day typed: its weekday, its place in the month.
            guard case .success(let day) = UKInput.date(self[.date], today: reference) else { return nil }
            return Picker(Recurrence.offered(from: day).map { Choice($0) }, allowsNew: true)
        default: return nil
        }
    }

    /// Champions, venues, and (for a new meeting) the meetings a pre-meeting may prepare.
    public var wantedChoices: [PickSource] { target == .new ? [.champions, .venues, .meetings] : [.champions, .venues] }

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
        ]
        if let g = m.kind.groupName { values[.group] = g }
        if let series = d.series {
            values[.repeats] = series.rule.recurrence.words(from: series.rule.first)
            values[.until] = series.rule.until.uk
        }
        var form = MeetingForm(target: .existing(id: m.id, version: d.version), kind: m.kind.code, values: values, agenda: d.facts.agenda)
        form.series = d.series
        return form
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
            .prepares: MeetingForm.choiceName(m.title, m.date, m.start), .title: "Pre-meeting: \(m.title)", .date: day.uk, .start: begin.description,
            .end: end.description, .venue: m.venue, .parents: "0", .creche: d.facts.creche.map { String($0.roomCapacity) } ?? "12",
            .confirmed: d.championNames.indices.filter { d.championResponses[$0] == .confirmed }.map { d.championNames[$0] }
                .joined(separator: ", "),
        ])
        form.dirty = true
        return form
    }

    /// The day a date typed without its year is read from, for the rules offered: the day
    /// the form opened on (the runner reads the date again against today).
    var reference: LocalDate {
        if case .success(let d) = UKInput.date(originalRepeat.date, today: LocalDate(year: 2000, month: 1, day: 1)!) { return d }
        return LocalDate(year: 2000, month: 1, day: 1)!
    }

    /// Whether the Repeats field says the meeting repeats (so the series needs its end).
    public var repeats: Bool {
        let text = self[.repeats].trimmingCharacters(in: .whitespaces).lowercased()
        return !text.isEmpty && text != Recurrence.never
    }

    /// Whether how it repeats or its end was changed (the rule itself, not the day).
    public var ruleTextChanged: Bool {
        self[.repeats] != originalRepeat.repeats || self[.until] != originalRepeat.until
    }

    /// Whether Enter must first ask "this one, or this and later ones": a saved meeting of a
    /// series, unless the rule itself changed (that reaches this and later ones).
    public var needsScope: Bool {
        guard series != nil, case .existing = target, scope == nil else { return false }
        return !ruleTextChanged
    }

    /// The agenda items to save: rows with nothing typed in them are left out.
    public var agendaItems: [AgendaItem] { agenda.filter { !$0.title.isEmpty || !$0.summary.isEmpty } }

    /// Champion names typed in a field, split by commas.
    public func names(_ field: Field) -> [String] { Picker.names(in: self[field]) }

    /// How a meeting is named when it is picked: title, date and start, which tell apart two
    /// meetings of the same name.
    public static func choiceName(_ title: String, _ date: LocalDate, _ start: TimeOfDay) -> String { "\(title), \(date.uk) \(start)" }

    /// Changes the kind by `step`, keeping everything typed (new meetings only).
    public mutating func cycleKind(_ step: Int) {
        guard target == .new else { return }
        let i = Self.kinds.firstIndex(of: kind) ?? 0
        kind = Self.kinds[(i + step + Self.kinds.count) % Self.kinds.count]
        dirty = true
        if !fields.contains(focus) { focus = .kind }
    }
}

