import Coproduction
import CoproductionStore

/// The form for what happened at a meeting: who came (a row for each champion on the
/// meeting), the minutes, and decisions and actions one row per item.
public struct RecordForm: EditableForm, Hashable, Sendable {
    /// The fields, in the order Tab visits them.
    public enum Field: Hashable, Sendable {
        /// Whether the champion on the meeting's row came.
        case attendance(Int)
        /// Champions not on the meeting who came anyway, picked by name.
        case alsoCame
        /// Other parents who came.
        case parents
        /// The minutes, a text box.
        case minutes
        /// A decision, by row.
        case decision(Int)
        /// An action's parts, by row.
        case actionWhat(Int), actionOwner(Int), actionDue(Int), actionDone(Int)

        /// The fields that are not rows of a list.
        static let plain: [Field] = [.alsoCame, .parents, .minutes]
    }

    /// What each champion's attendance row can say.
    public enum Mark {
        /// The words, in the order ←/→ and Space cycle through them.
        public static let all = ["came", "sent apologies", "absent", "not recorded"]

        /// The attendance the words stand for (nil for "not recorded").
        static func attendance(_ words: String) -> Attendance? {
            switch words {
            case "came": return .attended
            case "sent apologies": return .apologies
            case "absent": return .absent
            default: return nil
            }
        }

        /// The words for an attendance.
        static func words(_ a: Attendance?) -> String {
            switch a {
            case .attended?: return "came"
            case .apologies?: return "sent apologies"
            case .absent?: return "absent"
            default: return "not recorded"
            }
        }
    }

    /// The meeting and the version it was read at.
    public var meetingID: Int64
    /// The version read.
    public var version: Int
    /// The meeting's title, for the box.
    public var title: String
    /// The champions on the meeting, one attendance row each.
    public var people: [Choice]
    /// The text of each field.
    public var values: [Field: String]
    /// The field keys go to.
    public var focus: Field = .alsoCame
    /// Problems, shown beside their fields.
    public var errors: [Field: String] = [:]
    /// A problem with the whole form.
    public var message = ""
    /// Whether anything was typed since the form opened.
    public var dirty = false
    /// The cursor in the focused field.
    public var caret = Caret()
    /// Whether Esc on a changed form is asking before throwing the changes away.
    public var confirmingDiscard = false
    /// Names read for the pickers (champions).
    public var choices: [PickSource: [Choice]] = [:]
    /// The suggestion chosen under the focused field.
    public var highlight = 0
    /// How many decisions and actions there are rows for.
    public var rowCounts: [ItemList: Int] = [.decisions: 1, .actions: 1]

    /// A form on a meeting's champions and what was recorded.
    public init(meetingID: Int64, version: Int, title: String, people: [Choice], values: [Field: String],
                decisions: [String] = [], actions: [ActionItem] = []) {
        self.meetingID = meetingID
        self.version = version
        self.title = title
        self.people = people
        self.values = values
        self.focus = people.isEmpty ? .alsoCame : .attendance(0)
        setRows(decisions.isEmpty ? [ItemList.decisions.blank] : decisions.map { [$0] }, of: .decisions)
        setRows(actions.isEmpty ? [ItemList.actions.blank]
                                : actions.map { [$0.what, $0.owner, $0.due?.uk ?? "", $0.done ? ActionsColumn.done : ActionsColumn.notDone] },
                of: .actions)
    }

    /// Attendance and whether an action is done are chosen with ←/→ or Space, not typed.
    public var focusTakesText: Bool {
        switch focus {
        case .attendance, .actionDone: return false
        default: return true
        }
    }

    /// ←/→ (or Space) on a champion's attendance or an action's done.
    public mutating func cycleChoice(_ step: Int) {
        let choices: [String]
        switch focus {
        case .attendance: choices = Mark.all
        case .actionDone: choices = [ActionsColumn.notDone, ActionsColumn.done]
        default: return
        }
        let i = choices.firstIndex(of: self[focus]) ?? 0
        self[focus] = choices[(i + step + choices.count) % choices.count]
    }

    /// Every field in order: attendance rows, then the rest, then each decision and action.
    public var fields: [Field] {
        people.indices.map(Field.attendance) + Field.plain
            + (0..<(rowCounts[.decisions] ?? 0)).map(Field.decision)
            + (0..<(rowCounts[.actions] ?? 0)).flatMap { [Field.actionWhat($0), .actionOwner($0), .actionDue($0), .actionDone($0)] }
    }

    /// The minutes are a text box.
    public func isTextBox(_ field: Field) -> Bool { field == .minutes }

    /// The cell a decision or action field is.
    public func position(of field: Field) -> ItemPosition? {
        switch field {
        case .decision(let r): return ItemPosition(.decisions, r, 0)
        case .actionWhat(let r): return ItemPosition(.actions, r, 0)
        case .actionOwner(let r): return ItemPosition(.actions, r, 1)
        case .actionDue(let r): return ItemPosition(.actions, r, 2)
        case .actionDone(let r): return ItemPosition(.actions, r, 3)
        default: return nil
        }
    }

    /// The field at a decision's or action's cell.
    public func field(at p: ItemPosition) -> Field {
        switch (p.list, p.column) {
        case (.decisions, _): return .decision(p.row)
        case (_, 0): return .actionWhat(p.row)
        case (_, 1): return .actionOwner(p.row)
        case (_, 2): return .actionDue(p.row)
        default: return .actionDone(p.row)
        }
    }

    /// Champions who came from outside the meeting are picked by name; an action's owner is
    /// picked from the champions or typed (someone who is not one of the app's people).
    public func picker(for field: Field) -> Picker? {
        switch field {
        case .alsoCame: return Picker((choices[.champions] ?? []).filter { c in !people.contains { $0.id == c.id } }, multiple: true)
        case .actionOwner: return Picker(choices[.champions] ?? [], allowsNew: true)
        default: return nil
        }
    }

    /// The champions, for the pickers.
    public var wantedChoices: [PickSource] { [.champions] }

    /// The decisions to save: rows left empty are dropped.
    public var decisions: [String] {
        rows(of: .decisions).map { $0[0].trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The action rows with anything typed in them, each with its row number (from 0) so a
    /// problem lands beside it.
    public var actionRows: [(row: Int, cells: [String])] {
        rows(of: .actions).enumerated().map { (row: $0.offset, cells: $0.element.map { $0.trimmingCharacters(in: .whitespaces) }) }
            .filter { !$0.cells[0].isEmpty || !$0.cells[1].isEmpty || !$0.cells[2].isEmpty }
    }

    /// A form for a meeting: what was recorded before, or who was confirmed and who sent
    /// apologies as a starting point.
    public static func recording(_ d: MeetingDetail) -> RecordForm {
        let people = d.championNames.indices.map { i in Choice(d.championNames[i], id: i < d.championIDs.count ? d.championIDs[i] : nil) }
        var values: [Field: String] = [:]
        for (i, person) in people.enumerated() {
            if let r = d.record {
                values[.attendance(i)] = Mark.words(person.id.flatMap { r.attendance[$0] })
            } else {
                values[.attendance(i)] = Mark.words(d.championResponses[i] == .confirmed ? .attended
                                                    : d.championResponses[i] == .apologies ? .apologies : nil)
            }
        }
        guard let r = d.record else {
            values[.parents] = String(d.facts.meeting.otherParents)
            return RecordForm(meetingID: d.facts.meeting.id, version: d.version, title: d.facts.meeting.title, people: people, values: values)
        }
        values[.parents] = String(r.otherParentsAttended)
        values[.minutes] = r.minutes
        return RecordForm(meetingID: d.facts.meeting.id, version: d.version, title: d.facts.meeting.title, people: people,
                          values: values, decisions: r.decisions, actions: r.actions)
    }

    /// Names typed in a field, split by commas.
    public func names(_ field: Field) -> [String] { Picker.names(in: self[field]) }
}

extension RecordForm {
    /// The label shown beside a field: a champion's name on their attendance row.
    public func label(_ field: Field) -> String {
        switch field {
        case .attendance(let i): return people.indices.contains(i) ? people[i].name : "Champion"
        case .alsoCame: return "Also came"
        case .parents: return "Other parents"
        case .minutes: return "Minutes"
        case .decision(let i): return "Decision \(i + 1)"
        case .actionWhat(let i): return "Action \(i + 1)"
        case .actionOwner: return "  who"
        case .actionDue: return "  due by"
        case .actionDone: return "  done?"
        }
    }

    /// What a field shows while it is empty.
    public func placeholder(_ field: Field) -> String {
        switch field {
        case .attendance, .actionDone: return ""
        case .alsoCame: return "champions not invited who came: type part of a name"
        case .parents: return "how many other parents came"
        case .minutes: return "what was talked about, in plain words"
        case .decision: return "what was decided (Ctrl-N adds another)"
        case .actionWhat: return "what is to be done (Ctrl-N adds another)"
        case .actionOwner: return "who does it: a champion, or anyone's name"
        case .actionDue: return "12/01/2027, or empty"
        }
    }

    /// The form field a record problem is shown beside: a decision's or action's own row
    /// where the problem names one.
    func field(for problem: FieldProblem<MeetingRecord.Field>) -> Field {
        switch problem.field {
        case .attended: return people.isEmpty ? .alsoCame : .attendance(0)
        case .parents: return .parents
        case .minutes: return .minutes
        case .decisions: return .decision(problem.item ?? 0)
        case .actions: return field(at: ItemPosition(.actions, problem.item ?? 0, problem.part ?? 0))
        }
    }
}
