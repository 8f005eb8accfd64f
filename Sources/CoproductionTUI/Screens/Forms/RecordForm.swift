import Coproduction
import CoproductionStore

/// The form for what happened at a meeting: who came, the minutes, decisions and actions.
public struct RecordForm: EditableForm, Hashable, Sendable {
    /// The fields, in the order Tab visits them.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case attended, apologies, absent, parents, minutes, decisions, actions

        /// The label shown.
        public var label: String {
            switch self {
            case .attended: return "Came"
            case .apologies: return "Apologies"
            case .absent: return "Absent"
            case .parents: return "Other parents"
            case .minutes: return "Minutes"
            case .decisions: return "Decisions"
            case .actions: return "Actions"
            }
        }

        /// A hint shown in the field while it is empty.
        public var placeholder: String {
            switch self {
            case .attended, .apologies, .absent: return "champions, by name: Zoe Adams, Priya Shah"
            case .parents: return "how many other parents came"
            case .minutes: return "what was talked about, in plain words"
            case .decisions: return "one decision | another decision"
            case .actions: return "what; who; due 12/01/2027 | what; who; due; done"
            }
        }
    }

    /// The meeting and the version it was read at.
    public var meetingID: Int64
    /// The version read.
    public var version: Int
    /// The meeting's title, for the box.
    public var title: String
    /// The text of each field.
    public var values: [Field: String]
    /// The field keys go to.
    public var focus: Field = .attended
    /// Problems, shown beside their fields.
    public var errors: [Field: String] = [:]
    /// A problem with the whole form.
    public var message = ""
    /// Whether anything was typed since the form opened.
    public var dirty = false
    /// Whether Esc on a changed form is asking before throwing the changes away.
    /// The cursor in the focused field.
    public var caret = Caret()
    public var confirmingDiscard = false

    /// Every field takes text.
    public var focusTakesText: Bool { true }

    /// No field is a choice.
    public func cycleChoice(_ step: Int) {}

    /// All the fields, in order.
    public var fields: [Field] { Field.allCases }

    /// The minutes are a text box.
    public func isTextBox(_ field: Field) -> Bool { field == .minutes }

    /// A form for a meeting: what was recorded before, or who was confirmed and who sent
    /// apologies as a starting point.
    public static func recording(_ d: MeetingDetail) -> RecordForm {
        let names = d.championNames
        var values: [Field: String] = [:]
        if let r = d.record {
            func who(_ a: Attendance) -> String {
                names.indices.filter { i in i < d.championIDs.count && r.attendance[d.championIDs[i]] == a }.map { names[$0] }
                    .joined(separator: ", ")
            }
            values = [.attended: who(.attended), .apologies: who(.apologies), .absent: who(.absent),
                      .parents: String(r.otherParentsAttended), .minutes: r.minutes,
                      .decisions: r.decisions.joined(separator: " | "),
                      .actions: r.actions.map { "\($0.what); \($0.owner); \($0.due?.uk ?? "")\($0.done ? "; done" : "")" }
                        .joined(separator: " | ")]
        } else {
            values = [.attended: names.indices.filter { d.championResponses[$0] == .confirmed }.map { names[$0] }.joined(separator: ", "),
                      .apologies: names.indices.filter { d.championResponses[$0] == .apologies }.map { names[$0] }.joined(separator: ", "),
                      .parents: String(d.facts.meeting.otherParents)]
        }
        return RecordForm(meetingID: d.facts.meeting.id, version: d.version, title: d.facts.meeting.title, values: values)
    }

    /// Names typed in a field, split by commas.
    public func names(_ field: Field) -> [String] {
        self[field].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Items typed in a field, split by `|`.
    public func items(_ field: Field) -> [String] {
        self[field].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension RecordForm.Field {
    /// The form field a record problem is shown beside.
    init(_ field: MeetingRecord.Field) {
        switch field {
        case .attended: self = .attended
        case .parents: self = .parents
        case .minutes: self = .minutes
        case .decisions: self = .decisions
        case .actions: self = .actions
        }
    }
}
