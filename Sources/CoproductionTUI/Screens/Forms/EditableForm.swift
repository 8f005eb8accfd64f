/// What the form keys need from a form: fields of text, a focus that moves, and whether it
/// has been changed. The meeting form and the record form share one key handler, and the
/// field editing below, through it.
public protocol EditableForm: Sendable {
    /// The form's fields.
    associatedtype Field: Hashable & Sendable
    /// The fields Tab visits, in order.
    var fields: [Field] { get }
    /// The text of each field.
    var values: [Field: String] { get set }
    /// Problems, shown beside their fields.
    var errors: [Field: String] { get set }
    /// A problem with the whole form, or what a key did.
    var message: String { get set }
    /// The field keys go to.
    var focus: Field { get set }
    /// Whether the focused field takes typed text (a choice such as the kind does not).
    var focusTakesText: Bool { get }
    /// Whether anything was typed since the form opened.
    var dirty: Bool { get set }
    /// Whether Esc on a changed form is asking before throwing the changes away.
    var confirmingDiscard: Bool { get set }
    /// The cursor in the focused field.
    var caret: Caret { get set }
    /// ←/→ on a field chosen from a list (the meeting's kind, a decision).
    mutating func cycleChoice(_ step: Int)
    /// Whether a field is a text box of several lines (Enter starts a new line there).
    func isTextBox(_ field: Field) -> Bool
    /// Names read for the form's pickers, by where they come from.
    var choices: [PickSource: [Choice]] { get set }
    /// The suggestion ↑/↓ have chosen under the focused field.
    var highlight: Int { get set }
    /// The picker of a field that names records, if it does.
    func picker(for field: Field) -> Picker?
    /// Where the form's pickers read their names from.
    var wantedChoices: [PickSource] { get }
    /// How many rows each list of the form has.
    var rowCounts: [ItemList: Int] { get set }
    /// The list, row and column a field is, if it is one cell of a list.
    func position(of field: Field) -> ItemPosition?
    /// The field at a list's row and column.
    func field(at position: ItemPosition) -> Field
    /// What else follows from a name just taken from the suggestions (a child's parent who is
    /// a champion fills the champion field too).
    mutating func took(_ choice: Choice, in field: Field)
}

extension EditableForm {
    /// Most forms fill in nothing else.
    public mutating func took(_ choice: Choice, in field: Field) {}
}

/// A list in a form, one row per item.
public enum ItemList: String, Hashable, Sendable {
    /// A meeting's agenda: title and plain summary.
    case agenda
    /// A held meeting's decisions: one line each.
    case decisions
    /// A held meeting's actions: what, who, due date, done.
    case actions

    /// Cells in a row.
    public var columns: Int {
        switch self {
        case .agenda: return 2
        case .decisions: return 1
        case .actions: return 4
        }
    }

    /// How one item is named ("agenda item", "action").
    public var noun: String {
        switch self {
        case .agenda: return "agenda item"
        case .decisions: return "decision"
        case .actions: return "action"
        }
    }

    /// A new row's cells.
    var blank: [String] { self == .actions ? ["", "", "", ActionsColumn.notDone] : Array(repeating: "", count: columns) }
}

/// The words an action's done cell holds.
enum ActionsColumn {
    static let done = "done"
    static let notDone = "not done"
}

/// A cell of a list: which list, which row, which column (all from 0).
public struct ItemPosition: Hashable, Sendable {
    /// The list.
    public var list: ItemList
    /// The row.
    public var row: Int
    /// The column.
    public var column: Int

    /// A position.
    public init(_ list: ItemList, _ row: Int, _ column: Int) {
        self.list = list
        self.row = row
        self.column = column
    }
}

/// What a key does to the row the focus is in.
public enum RowEdit: Hashable, Sendable {
    /// A new row below (Ctrl-N).
    case add
    /// This row goes (Ctrl-X).
    case remove
    /// This row swaps with the one above or below (Ctrl-↑ Ctrl-↓).
    case up, down
    /// An action is marked done or not (Ctrl-T).
    case toggleDone
}

extension EditableForm {
    /// Most fields are one line.
    public func isTextBox(_ field: Field) -> Bool { false }
    /// Most fields are typed, not picked.
    public func picker(for field: Field) -> Picker? { nil }
    /// Forms without pickers read nothing.
    public var wantedChoices: [PickSource] { [] }
    /// Forms without lists.
    public func position(of field: Field) -> ItemPosition? { nil }
    /// Forms without lists have no cells.
    public func field(at position: ItemPosition) -> Field { focus }

    /// The suggestions under the focused field for what has been typed.
    var suggestions: [Choice] {
        guard focusTakesText, let picker = picker(for: focus) else { return [] }
        return picker.suggestions(for: self[focus], caret: caret)
    }

    /// The rows of a list, cell by cell.
    func rows(of list: ItemList) -> [[String]] {
        (0..<(rowCounts[list] ?? 0)).map { r in (0..<list.columns).map { c in values[field(at: ItemPosition(list, r, c))] ?? "" } }
    }

    /// Puts a list's rows back, clearing the problems of every row (they are shown again on
    /// the next save, numbered as the rows now stand).
    mutating func setRows(_ rows: [[String]], of list: ItemList) {
        for r in 0..<max(rowCounts[list] ?? 0, rows.count) {
            for c in 0..<list.columns {
                let f = field(at: ItemPosition(list, r, c))
                values[f] = nil
                errors[f] = nil
            }
        }
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty { values[field(at: ItemPosition(list, r, c))] = text }
        }
        rowCounts[list] = rows.count
    }

    /// Adds, removes, moves or ticks the row the focus is in; the focus follows the row.
    /// Returns what happened, for the form's message line, or nil outside a list.
    mutating func editRows(_ edit: RowEdit) -> String? {
        guard let at = position(of: focus) else { return nil }
        let list = at.list
        var rows = rows(of: list)
        var row = at.row
        var column = at.column
        let noun = list.noun.prefix(1).uppercased() + list.noun.dropFirst()
        var words: String
        switch edit {
        case .add:
            rows.insert(list.blank, at: row + 1)
            row += 1
            column = 0
            words = "\(noun) \(row + 1) added."
        case .remove:
            rows.remove(at: row)
            words = "\(noun) \(row + 1) removed."
            if rows.isEmpty { rows = [list.blank] }
            row = min(row, rows.count - 1)
        case .up, .down:
            let other = edit == .up ? row - 1 : row + 1
            guard rows.indices.contains(other) else { return edit == .up ? "Already the first \(list.noun)." : "Already the last \(list.noun)." }
            rows.swapAt(row, other)
            row = other
            words = "\(noun) moved to \(row + 1)."
        case .toggleDone:
            guard list == .actions else { return "Only actions are marked done." }
            let done = rows[row][3] == ActionsColumn.done
            rows[row][3] = done ? ActionsColumn.notDone : ActionsColumn.done
            words = "Action \(row + 1) marked \(done ? "not done" : "done")."
        }
        setRows(rows, of: list)
        dirty = true
        focus = field(at: ItemPosition(list, row, column))
        caret = Caret(cursor: self[focus].count, selectedAll: false)
        highlight = firstHighlight
        return words
    }

    /// Takes the highlighted suggestion into the focused field.
    mutating func takeSuggestion() {
        let offered = suggestions
        guard let picker = picker(for: focus), !offered.isEmpty, highlight >= 0 else { return }
        let choice = offered[min(highlight, offered.count - 1)]
        let (text, newCaret) = picker.take(choice, in: self[focus], caret: caret)
        self[focus] = text
        caret = newCaret
        highlight = firstHighlight
        took(choice, in: focus)
    }

    /// A field's text; setting it marks the form changed and clears that field's problem.
    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set {
            values[field] = newValue
            dirty = true
            errors[field] = nil
        }
    }

    /// Moves the focus by `step` fields, wrapping; the field entered has its text selected.
    public mutating func move(_ step: Int) {
        let list = fields
        guard !list.isEmpty else { return }
        let i = list.firstIndex(of: focus) ?? 0
        focus = list[(i + step + list.count) % list.count]
        caret = Caret()
        highlight = firstHighlight
    }

    /// Where the choice starts under a field: on the first suggestion, or, for a field that
    /// takes new names too (a venue, an owner), on none until ↓ is pressed, so Enter still
    /// saves what was typed.
    var firstHighlight: Int { picker(for: focus)?.allowsNew == true ? -1 : 0 }

    /// Applies an edit to the focused field where its cursor is.
    mutating func edit(_ edit: LineEditor.Edit) {
        var text = self[focus]
        if LineEditor.apply(edit, to: &text, caret: &caret) { self[focus] = text }
        highlight = firstHighlight
    }
}

extension MeetingForm: EditableForm {
    /// The kind is chosen with ←/→, not typed.
    public var focusTakesText: Bool { focus != .kind }

    /// ←/→ on the kind field changes the kind.
    public mutating func cycleChoice(_ step: Int) {
        if focus == .kind { cycleKind(step) }
    }
}

extension EditableForm {
    /// Shows problems beside their fields, with a line for the whole form, and moves the
    /// focus to the first field with a problem. Everything typed stays.
    mutating func show(_ problems: [Field: String], _ words: String) {
        errors = problems
        message = words.isEmpty ? (problems.count == 1 ? "One thing to fix before saving." : "\(problems.count) things to fix before saving.")
                                : words
        if let first = fields.first(where: { problems[$0] != nil }), first != focus {
            focus = first
            caret = Caret()
        }
    }
}

/// The keys every form shares: typing, moving between fields, choices, saving, and Esc
/// asking before it throws changes away.
enum FormKeys {
    /// A key on the form on top. `save` is what Enter or Ctrl-S asks for.
    static func handle<Form: EditableForm & StackEntry>(_ action: Action?, _ key: Key, _ state: inout AppState, _ type: Form.Type,
                                                       save: (Form) -> Command) -> [Command]? {
        guard var form = state.top(Form.self) else { return nil }
        if form.confirmingDiscard {
            switch key {
            case .character("y"), .character("Y"):
                state.pop()
                state.status = "Changes thrown away."
                if state.quitWhenDiscarded { state.quitRequested = true }
            case .character("n"), .character("N"), .escape:
                form.confirmingDiscard = false
                state.quitWhenDiscarded = false
                state.updateTop { (top: inout Form) in top = form }
            default: break
            }
            return []
        }
        // Under a field that names records, ↑/↓ choose among the names matching what is
        // typed and Enter takes the one chosen.
        let offered = form.suggestions
        if !offered.isEmpty, key == .up || key == .down || (key == .enter && form.highlight >= 0) {
            if key == .enter { form.takeSuggestion() } else {
                form.highlight = min(max(form.firstHighlight, form.highlight + (key == .up ? -1 : 1)), min(offered.count, Picker.shown) - 1)
            }
            state.updateTop { (top: inout Form) in top = form }
            return []
        }
        if let edit = RowEdit(action), !form.confirmingDiscard {
            form.message = form.editRows(edit) ?? "That key works on a list's rows: agenda items, decisions, actions."
            state.updateTop { (top: inout Form) in top = form }
            return []
        }
        // In a text box Enter starts a new line and ↑ ↓ move between its lines (leaving it at
        // its first and last); Ctrl-S saves, Tab leaves.
        if form.focusTakesText && form.isTextBox(form.focus) {
            let width = FormView.valueWidth(state.size) - 1
            switch key {
            case .enter:
                form.edit(.insert("\n"))
                state.updateTop { (top: inout Form) in top = form }
                return []
            case .up, .down:
                var editor = LineEditor(form[form.focus], caret: form.caret)
                if editor.moveLine(key == .up ? -1 : 1, width: width) {
                    form.caret = editor.caret
                    state.updateTop { (top: inout Form) in top = form }
                    return []
                }
            default: break
            }
        }
        var commands: [Command] = []
        switch action {
        case .save? where key == .enter && form.focusTakesText && form.isTextBox(form.focus):
            break
        case .moveInText? where !form.focusTakesText:
            if key == .left || key == .right { form.cycleChoice(key == .left ? -1 : 1) }
        case .nextField?: form.move(1)
        case .previousField?: form.move(-1)
        case .save?: commands = [save(form)]
        case .back?:
            if form.dirty { form.confirmingDiscard = true } else {
                state.pop()
                return []
            }
        case .moveInText?, .moveByWord?, .rubOut?, .cutText?, nil:
            if !form.focusTakesText {
                if key == .character(" ") { form.cycleChoice(1) }
            } else if let edit = LineEditor.edit(for: key) {
                form.edit(edit)
                // What the last key did gives way to the typing (problems stay beside their fields).
                form.message = ""
            } else {
                return []
            }
        default:
            return nil
        }
        state.updateTop { (top: inout Form) in top = form }
        return commands
    }
}

extension RowEdit {
    /// The row edit an action asks for, if it is one.
    init?(_ action: Action?) {
        switch action {
        case .addRow?: self = .add
        case .removeRow?: self = .remove
        case .moveRowUp?: self = .up
        case .moveRowDown?: self = .down
        case .toggleDone?: self = .toggleDone
        default: return nil
        }
    }
}

extension AppState {
    /// Asks the form on top whether to throw its changes away.
    mutating func confirmDiscard() {
        updateTop { (f: inout MeetingForm) in f.confirmingDiscard = true }
        updateTop { (f: inout RecordForm) in f.confirmingDiscard = true }
        updateTop { (f: inout StepForm) in f.confirmingDiscard = true }
    }
}

extension AppState {
    /// Whether keys go into a text box of several lines (so Enter starts a new line).
    var inTextBox: Bool {
        switch stack.last {
        case .recordForm(let f)?: return f.isTextBox(f.focus)
        case .stepForm(let f)?: return f.focusTakesText && f.isTextBox(f.focus)
        case .meetingForm(let f)?: return f.isTextBox(f.focus)
        default: return false
        }
    }
}
