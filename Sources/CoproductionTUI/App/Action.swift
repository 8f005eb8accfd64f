/// Everything a key can do. One table, ``ActionTable/all``, lists each action once with its
/// keys and help text; the key map, the `?` help overlay, the hint line and the README's key
/// list are all made from it, so they never disagree.
public enum Action: String, CaseIterable, Sendable {
    case nextPane, previousPane, focusMeetings, focusAreas, focusCreche
    case moveUp, moveDown, pageUp, pageDown, first, last
    case filter, open, back, help, quit, forceQuit, redraw
    case lock, switchUser, audit
    case newMeeting, editMeeting, preMeeting, cancelMeeting, deleteMeeting
    case accept, apologies, undo, recordMeeting, togglePast
    case openRegister, signInChild, signOutChild, bookChild
    case addIdea, moveIdea
}

/// One row of the action table.
public struct ActionSpec: Sendable {
    /// The action.
    public var action: Action
    /// The keys that do it.
    public var keys: [Key]
    /// How the keys are written in help, when the list of keys would be too long.
    public var keyLabel: String
    /// What it does, in plain words.
    public var help: String
    /// The heading it is listed under in help.
    public var section: String
    /// A short word for the hint line, or nil to leave it out of the hint line.
    public var hint: String?
}

/// The table of actions.
public enum ActionTable {
    /// Every action with its keys and help, in the order help lists them.
    public static let all: [ActionSpec] = [
        ActionSpec(action: .nextPane, keys: [.tab], keyLabel: "Tab", help: "Next pane", section: "Panes", hint: "pane"),
        ActionSpec(action: .previousPane, keys: [.backTab], keyLabel: "Shift-Tab", help: "Previous pane", section: "Panes", hint: nil),
        ActionSpec(action: .focusMeetings, keys: [.character("1")], keyLabel: "1", help: "Upcoming meetings", section: "Panes", hint: nil),
        ActionSpec(action: .focusAreas, keys: [.character("2")], keyLabel: "2", help: "Parent Champion areas", section: "Panes", hint: nil),
        ActionSpec(action: .focusCreche, keys: [.character("3")], keyLabel: "3", help: "Crèche headcounts", section: "Panes", hint: nil),
        ActionSpec(action: .moveUp, keys: [.up, .character("k")], keyLabel: "↑ k", help: "Move up", section: "Lists", hint: nil),
        ActionSpec(action: .moveDown, keys: [.down, .character("j")], keyLabel: "↓ j", help: "Move down", section: "Lists", hint: "move"),
        ActionSpec(action: .pageUp, keys: [.pageUp, .control("u")], keyLabel: "PgUp Ctrl-U", help: "Page up", section: "Lists", hint: nil),
        ActionSpec(action: .pageDown, keys: [.pageDown, .control("d")], keyLabel: "PgDn Ctrl-D", help: "Page down", section: "Lists", hint: nil),
        ActionSpec(action: .first, keys: [.home, .character("g")], keyLabel: "Home g", help: "First row", section: "Lists", hint: nil),
        ActionSpec(action: .last, keys: [.end, .character("G")], keyLabel: "End G", help: "Last row", section: "Lists", hint: nil),
        ActionSpec(action: .togglePast, keys: [.character("P")], keyLabel: "P", help: "Past or upcoming meetings", section: "Lists", hint: nil),
        ActionSpec(action: .filter, keys: [.character("/")], keyLabel: "/", help: "Filter as you type", section: "Lists", hint: "filter"),
        ActionSpec(action: .open, keys: [.enter], keyLabel: "Enter", help: "Open the selected row", section: "Screens", hint: "open"),
        ActionSpec(action: .back, keys: [.escape], keyLabel: "Esc", help: "Back; clears a filter", section: "Screens", hint: "back"),
        ActionSpec(action: .help, keys: [.character("?"), .function(1)], keyLabel: "? F1", help: "Show or hide this help", section: "Screens", hint: "help"),
        ActionSpec(action: .redraw, keys: [.control("l")], keyLabel: "Ctrl-L", help: "Redraw the screen", section: "Screens", hint: nil),
        ActionSpec(action: .newMeeting, keys: [.character("n")], keyLabel: "n", help: "New meeting", section: "Meetings", hint: "new"),
        ActionSpec(action: .editMeeting, keys: [.character("e")], keyLabel: "e", help: "Edit the meeting", section: "Meetings", hint: nil),
        ActionSpec(action: .preMeeting, keys: [.character("p")], keyLabel: "p", help: "Add its pre-meeting", section: "Meetings", hint: nil),
        ActionSpec(action: .cancelMeeting, keys: [.character("c")], keyLabel: "c", help: "Cancel, giving a reason", section: "Meetings", hint: nil),
        ActionSpec(action: .deleteMeeting, keys: [.character("D")], keyLabel: "D", help: "Delete it", section: "Meetings", hint: nil),
        ActionSpec(action: .recordMeeting, keys: [.character("h")], keyLabel: "h", help: "Record it as held", section: "Meetings", hint: nil),
        ActionSpec(action: .accept, keys: [.character("a")], keyLabel: "a", help: "Coming (champions)", section: "Meetings", hint: nil),
        ActionSpec(action: .apologies, keys: [.character("x")], keyLabel: "x", help: "Apologies (champions)", section: "Meetings", hint: nil),
        ActionSpec(action: .undo, keys: [.character("u")], keyLabel: "u", help: "Undo the last change", section: "Meetings", hint: nil),
        ActionSpec(action: .openRegister, keys: [.character("r")], keyLabel: "r", help: "Crèche register", section: "Crèche", hint: nil),
        ActionSpec(action: .signInChild, keys: [.character("i")], keyLabel: "i", help: "Sign the child in", section: "Crèche", hint: nil),
        ActionSpec(action: .signOutChild, keys: [.character("o")], keyLabel: "o", help: "Sign the child out", section: "Crèche", hint: nil),
        ActionSpec(action: .bookChild, keys: [.character("b")], keyLabel: "b", help: "Book a child in", section: "Crèche", hint: nil),
        ActionSpec(action: .addIdea, keys: [.character("I")], keyLabel: "I", help: "Log a parent's idea", section: "Areas", hint: nil),
        ActionSpec(action: .moveIdea, keys: [.character("m")], keyLabel: "m", help: "Move an idea along", section: "Areas", hint: nil),
        ActionSpec(action: .audit, keys: [.character("A")], keyLabel: "A", help: "Audit trail (admins)", section: "Screens", hint: nil),
        ActionSpec(action: .lock, keys: [.character("L")], keyLabel: "L", help: "Lock the screen now", section: "Leaving", hint: "lock"),
        ActionSpec(action: .switchUser, keys: [.character("U")], keyLabel: "U", help: "Switch user", section: "Leaving", hint: nil),
        ActionSpec(action: .quit, keys: [.character("q")], keyLabel: "q", help: "Quit (main screen)", section: "Leaving", hint: "quit"),
        ActionSpec(action: .forceQuit, keys: [.control("c")], keyLabel: "Ctrl-C", help: "Quit from anywhere", section: "Leaving", hint: nil),
    ]

    /// The key map made from the table.
    public static let keyMap: [Key: Action] = {
        var map: [Key: Action] = [:]
        for spec in all { for key in spec.keys { map[key] = spec.action } }
        return map
    }()

    /// The action a key does, if any.
    public static func action(for key: Key) -> Action? { keyMap[key] }

    /// The spec of an action.
    public static func spec(_ action: Action) -> ActionSpec { all.first { $0.action == action }! }

    /// The sections in the order they first appear.
    public static var sections: [String] {
        var seen: [String] = []
        for spec in all where !seen.contains(spec.section) { seen.append(spec.section) }
        return seen
    }
}
