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
    case reports, fund, marketing, rewards, review
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
        ActionSpec(action: .newMeeting, keys: [.character("n")], keyLabel: "n", help: "New meeting (or proposal…)", section: "Meetings", hint: "new"),
        ActionSpec(action: .editMeeting, keys: [.character("e")], keyLabel: "e", help: "Edit (meeting, budget…)", section: "Meetings", hint: nil),
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
        ActionSpec(action: .moveIdea, keys: [.character("m")], keyLabel: "m", help: "Next step: idea, proposal…", section: "Areas", hint: nil),
        ActionSpec(action: .reports, keys: [.character("R")], keyLabel: "R", help: "Co-production report", section: "Programme", hint: nil),
        ActionSpec(action: .fund, keys: [.character("F")], keyLabel: "F", help: "Parent Engagement Fund", section: "Programme", hint: nil),
        ActionSpec(action: .marketing, keys: [.character("M")], keyLabel: "M", help: "Parent Approved Marketing", section: "Programme", hint: nil),
        ActionSpec(action: .rewards, keys: [.character("V")], keyLabel: "V", help: "Rewards: vouchers, expenses", section: "Programme", hint: nil),
        ActionSpec(action: .review, keys: [.character("w")], keyLabel: "w", help: "Review proposal/material", section: "Programme", hint: nil),
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

    /// Actions the help lists on one line, with the words for the pair; the others have a
    /// line each. (The README's key list keeps one row per action.)
    public static let helpPairs: [(actions: [Action], keys: String, help: String)] = [
        ([.nextPane, .previousPane], "Tab S-Tab", "Next / previous pane"),
        ([.focusMeetings, .focusAreas, .focusCreche], "1 2 3", "Meetings, areas, crèche"),
        ([.moveUp, .moveDown], "↑ ↓ k j", "Move up / down"),
        ([.pageUp, .pageDown], "PgUp PgDn", "Page up / down (^U ^D)"),
        ([.first, .last], "g G", "First / last (Home End)"),
        ([.accept, .apologies], "a x", "Coming / apologies"),
        ([.signInChild, .signOutChild], "i o", "Sign a child in / out"),
        ([.reports, .fund], "R F", "Report / Engagement Fund"),
        ([.marketing, .rewards], "M V", "Marketing / rewards"),
        ([.lock, .switchUser], "L U", "Lock / switch user"),
        ([.quit, .forceQuit], "q Ctrl-C", "Quit (Ctrl-C anywhere)"),
    ]

    /// The lines of the help, in order, with their section: a pair once, every other action
    /// on its own.
    public static var helpEntries: [(section: String, keys: String, help: String)] {
        var out: [(String, String, String)] = []
        for spec in all {
            if let pair = helpPairs.first(where: { $0.actions.contains(spec.action) }) {
                if pair.actions.first == spec.action { out.append((spec.section, pair.keys, pair.help)) }
            } else {
                out.append((spec.section, spec.keyLabel, spec.help))
            }
        }
        return out
    }

    /// The sections in the order they first appear.
    public static var sections: [String] {
        var seen: [String] = []
        for spec in all where !seen.contains(spec.section) { seen.append(spec.section) }
        return seen
    }
}
