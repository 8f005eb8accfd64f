import Coproduction

/// Everything a key can do, named for what it does; each screen says in its own words what
/// that means there (``ActionUse``). One table, ``ActionTable/all``, lists each action once
/// with its keys and where it works; the key map, the `?` help, the hint line, `coproduce
/// keys` and the README's key list are all made from it, so they never disagree.
public enum Action: String, CaseIterable, Sendable {
    case nextPane, previousPane, focusMeetings, focusAreas, focusCreche
    case moveUp, moveDown, pageUp, pageDown, first, last
    case filter, open, back, help, quit, forceQuit, redraw
    case lock, switchUser, plainMode
    case new, edit, preMeeting, cancel, delete, record, accept, apologies, undo, togglePast
    case register, signInChild, signOutChild, book
    case addIdea, nextStep, review
    case reports, fund, marketing, rewards, actions, audit, today, emailReminders
    case nextField, previousField, moveInText, moveByWord, save, rubOut, cutText, pullIdeas
    case addRow, removeRow, moveRowUp, moveRowDown, toggleDone
    case setup, firstRun, switchOnOff, resetPin, changePin, walkIn, addToRota, showNotes, incident, incidentFollowUp, uncollectedCall, collection, registrationNotice, papers, writePapers, declareInterest, arrange, acceptCheck, approveMinutes, addendum, reportPeriod, failingMeetings
    case yes, no
}

/// The screens keys are read on. A screen's keys are the table's uses for it.
public enum ScreenID: String, CaseIterable, Hashable, Sendable {
    case main, meeting, area, creche, register, audit, report, fund, marketing, rewards, actions, setup, child, today
    case meetingForm, recordForm, stepForm, textPrompt, question, help, signIn

    /// The screen's name in help and in the key list.
    public var name: String {
        switch self {
        case .main: return "Main screen"
        case .meeting: return "Meeting"
        case .area: return "Area"
        case .creche: return "Crèche"
        case .register: return "Crèche register"
        case .audit: return "Audit trail"
        case .report: return "Report"
        case .fund: return "Engagement Fund"
        case .marketing: return "Marketing"
        case .rewards: return "Rewards"
        case .actions: return "Actions"
        case .setup: return "Set-up"
        case .child: return "Child"
        case .today: return "Today"
        case .meetingForm: return "Meeting form"
        case .recordForm: return "Record form"
        case .stepForm: return "Fund, marketing, reward and set-up forms"
        case .textPrompt: return "Question with an answer to type"
        case .question: return "Yes or no question"
        case .help: return "Help"
        case .signIn: return "Sign-in and lock"
        }
    }

    /// Whether typed characters are text on this screen (so letters are never shortcuts).
    public var takesText: Bool {
        switch self {
        case .meetingForm, .recordForm, .stepForm, .textPrompt, .signIn: return true
        default: return false
        }
    }

    /// The screens that show a record or list over the main screen.
    public static let details: [ScreenID] = [.meeting, .area, .creche, .register, .audit, .report, .fund, .marketing, .rewards, .actions, .setup,
                                             .child, .today]
    /// The screens whose body scrolls as text.
    public static let scrolling: [ScreenID] = [.meeting, .area, .creche, .audit, .report, .child]
    /// The screens with rows to choose.
    public static let rowScreens: [ScreenID] = [.register, .fund, .marketing, .rewards, .actions, .setup, .today]
    /// The forms.
    public static let forms: [ScreenID] = [.meetingForm, .recordForm, .stepForm]
    /// Every screen where letters are shortcuts.
    public static var keyScreens: [ScreenID] { allCases.filter { !$0.takesText } }
}

/// Who may use a key: anyone signed in, the roles the store lets do a thing, or named roles.
public enum Permission: Hashable, Sendable {
    /// Anyone signed in.
    case anyone
    /// Roles the access policy gives at least this scope of this operation on this kind.
    case may(Operation, RecordKind, Scope)
    /// Only these roles (answering an invitation is a champion's own act).
    case only([Role])

    /// Whether a role has it.
    public func allows(_ role: Role) -> Bool {
        switch self {
        case .anyone: return true
        case .may(let operation, let kind, let needed):
            let has = AccessPolicy.scope(role, operation, kind)
            return has == .all || (needed == .own && has == .own)
        case .only(let roles): return roles.contains(role)
        }
    }

    /// The roles that have it, by name, for the key list.
    public var roleNames: String {
        let roles = Role.allCases.filter(allows)
        return roles.count == Role.allCases.count ? "everyone" : roles.map(\.name).joined(separator: ", ")
    }
}

/// Where an action works and what it means there.
public struct ActionUse: Sendable {
    /// The screens it works on.
    public var screens: [ScreenID]
    /// What it does there, in plain words.
    public var help: String
    /// A word or two for the hint line, or nil to leave it out of the hint line.
    public var hint: String?
    /// Who may use it.
    public var permission: Permission
    /// What a role without the permission is told, when the store's words would not help.
    public var refusal: String?

    /// A use.
    public init(_ screens: [ScreenID], _ help: String, hint: String? = nil, _ permission: Permission = .anyone, refusal: String? = nil) {
        self.screens = screens
        self.help = help
        self.hint = hint
        self.permission = permission
        self.refusal = refusal
    }
}

/// One row of the action table.
public struct ActionSpec: Sendable {
    /// The action.
    public var action: Action
    /// The keys that do it.
    public var keys: [Key]
    /// How the keys are written in help.
    public var keyLabel: String
    /// Where it works, and what it means on each screen.
    public var uses: [ActionUse]
}

/// One key of the current screen, as help and the hint line show it.
public struct KeyHelp: Hashable, Sendable {
    /// The action.
    public var action: Action
    /// The keys, as written in help.
    public var keys: String
    /// The first key, for the hint line.
    public var firstKey: String
    /// What it does on this screen.
    public var help: String
    /// The hint line's word, if it is on the hint line.
    public var hint: String?
}

/// The table of actions.
public enum ActionTable {
    private static let lists: [ScreenID] = ScreenID.details
    private static let everywhere = ScreenID.allCases
    private static let keyScreens = ScreenID.keyScreens
    private static let meetingScreens: [ScreenID] = [.main, .meeting]
    private static let writeMeetings = Permission.may(.write, .meeting, .all)
    private static let registerStaff = Permission.only([.admin, .office, .crecheStaff])
    private static let setupOffice = Permission.only([.admin, .office])
    private static let staffSignInAndOut = AccessDenied(role: .champion, operation: .write, kind: .booking).description
    private static let answerForThemselves = "Champions answer for themselves: to change who is coming, edit the meeting (e)."

    /// Every action with its keys and uses, in the order help lists them.
    public static let all: [ActionSpec] = [
        ActionSpec(action: .nextPane, keys: [.tab], keyLabel: "Tab", uses: [
            ActionUse([.main], "Next pane", hint: "pane"), ActionUse([.setup], "Next set-up list", hint: "next list"),
        ]),
        ActionSpec(action: .previousPane, keys: [.backTab], keyLabel: "Shift-Tab", uses: [
            ActionUse([.main], "Previous pane"), ActionUse([.setup], "Previous set-up list"),
        ]),
        ActionSpec(action: .focusMeetings, keys: [.character("1")], keyLabel: "1", uses: [ActionUse([.main], "Upcoming meetings")]),
        ActionSpec(action: .focusAreas, keys: [.character("2")], keyLabel: "2", uses: [ActionUse([.main], "Parent Champion areas")]),
        ActionSpec(action: .focusCreche, keys: [.character("3")], keyLabel: "3", uses: [ActionUse([.main], "Crèche headcounts")]),
        ActionSpec(action: .moveUp, keys: [.up, .character("k")], keyLabel: "↑ k", uses: [
            ActionUse([.main] + ScreenID.rowScreens, "Move up"), ActionUse(ScreenID.scrolling + [.help], "Scroll up"),
        ]),
        ActionSpec(action: .moveDown, keys: [.down, .character("j")], keyLabel: "↓ j", uses: [
            ActionUse([.main], "Move down", hint: "move"), ActionUse(ScreenID.rowScreens, "Move down", hint: "choose"),
            ActionUse(ScreenID.scrolling + [.help], "Scroll down", hint: "scroll"),
        ]),
        ActionSpec(action: .pageUp, keys: [.pageUp, .control("u")], keyLabel: "PgUp Ctrl-U",
                   uses: [ActionUse([.main] + ScreenID.rowScreens + ScreenID.scrolling + [.help], "Page up")]),
        ActionSpec(action: .pageDown, keys: [.pageDown, .control("d")], keyLabel: "PgDn Ctrl-D",
                   uses: [ActionUse([.main] + ScreenID.rowScreens + ScreenID.scrolling + [.help], "Page down")]),
        ActionSpec(action: .first, keys: [.home, .character("g")], keyLabel: "Home g",
                   uses: [ActionUse([.main] + ScreenID.rowScreens + ScreenID.scrolling, "First row (top)")]),
        ActionSpec(action: .last, keys: [.end, .character("G")], keyLabel: "End G",
                   uses: [ActionUse([.main] + ScreenID.rowScreens + ScreenID.scrolling, "Last row (end)")]),
        ActionSpec(action: .togglePast, keys: [.character("P")], keyLabel: "P", uses: [ActionUse([.main], "Past or upcoming meetings")]),
        ActionSpec(action: .filter, keys: [.character("/")], keyLabel: "/", uses: [ActionUse([.main], "Filter as you type", hint: "filter")]),
        ActionSpec(action: .open, keys: [.enter], keyLabel: "Enter", uses: [
            ActionUse([.main], "Open the selected row", hint: "open"), ActionUse([.actions], "Open the action's meeting", hint: "open"),
            ActionUse([.today], "Open what the line is about", hint: "open"),
            ActionUse([.register], "The child's whole record", hint: "record", .may(.read, .child, .own)),
            ActionUse([.setup], "Change the chosen row", setupOffice),
        ]),
        ActionSpec(action: .save, keys: [.enter, .control("s")], keyLabel: "Enter Ctrl-S", uses: [
            ActionUse(ScreenID.forms, "Save (text box: Ctrl-S)", hint: "save"), ActionUse([.textPrompt], "Answer", hint: "answer"),
            ActionUse([.signIn], "Next field, then sign in", hint: "sign in"),
        ]),
        ActionSpec(action: .nextField, keys: [.tab, .down], keyLabel: "Tab ↓", uses: [
            ActionUse(ScreenID.forms, "Next field (↓: next line)", hint: "next field"),
            ActionUse([.signIn], "Next field", hint: "next field"),
        ]),
        ActionSpec(action: .previousField, keys: [.backTab, .up], keyLabel: "Shift-Tab ↑", uses: [ActionUse(ScreenID.forms + [.signIn], "Previous field")]),
        ActionSpec(action: .moveInText, keys: [.left, .right, .home, .end, .control("a"), .control("e"), .control("b"), .control("f")],
                   keyLabel: "← → Home End", uses: [
            ActionUse([.meetingForm, .stepForm], "Move in text; ← → a choice"),
            ActionUse([.recordForm, .textPrompt, .signIn], "Move in the text (^A ^E)"),
        ]),
        ActionSpec(action: .moveByWord, keys: [.alt("b"), .alt("f"), .controlLeft, .controlRight], keyLabel: "Alt-B Alt-F",
                   uses: [ActionUse(ScreenID.forms + [.textPrompt, .signIn], "A word left / right")]),
        ActionSpec(action: .rubOut, keys: [.backspace, .delete], keyLabel: "Bksp Del", uses: [
            ActionUse(ScreenID.forms + [.textPrompt, .signIn], "Rub out a letter"),
        ]),
        ActionSpec(action: .cutText, keys: [.control("w"), .control("k"), .control("u")], keyLabel: "^W ^K ^U", uses: [
            ActionUse(ScreenID.forms + [.textPrompt, .signIn], "Cut word, to end, to start"),
        ]),
        ActionSpec(action: .addRow, keys: [.control("n")], keyLabel: "Ctrl-N", uses: [
            ActionUse([.meetingForm, .recordForm], "New list row (item)"),
        ]),
        ActionSpec(action: .removeRow, keys: [.control("x")], keyLabel: "Ctrl-X", uses: [
            ActionUse([.meetingForm, .recordForm], "Remove the list row"),
        ]),
        ActionSpec(action: .moveRowUp, keys: [.controlUp, .function(7)], keyLabel: "Ctrl-↑ F7", uses: [
            ActionUse([.meetingForm, .recordForm], "Move the row up"),
        ]),
        ActionSpec(action: .moveRowDown, keys: [.controlDown, .function(8)], keyLabel: "Ctrl-↓ F8", uses: [
            ActionUse([.meetingForm, .recordForm], "Move the row down"),
        ]),
        ActionSpec(action: .toggleDone, keys: [.control("t")], keyLabel: "Ctrl-T", uses: [
            ActionUse([.recordForm], "Action done / not done"),
        ]),
        ActionSpec(action: .pullIdeas, keys: [.control("r")], keyLabel: "Ctrl-R", uses: [
            ActionUse([.meetingForm], "Put ready ideas on agenda", writeMeetings),
        ]),
        ActionSpec(action: .yes, keys: [.character("y"), .character("Y")], keyLabel: "y", uses: [ActionUse([.question], "Yes, go ahead", hint: "yes")]),
        ActionSpec(action: .no, keys: [.character("n"), .character("N")], keyLabel: "n", uses: [ActionUse([.question], "No, change nothing", hint: "no")]),
        ActionSpec(action: .back, keys: [.escape], keyLabel: "Esc", uses: [
            ActionUse(lists + [.help], "Back", hint: "back"), ActionUse([.main], "Clear the filter"),
            ActionUse(ScreenID.forms, "Close (asks first if changed)", hint: "close"),
            ActionUse([.textPrompt, .question], "Stop: change nothing", hint: "stop"),
            ActionUse([.signIn], "Clear both fields"),
        ]),
        ActionSpec(action: .quit, keys: [.character("q")], keyLabel: "q", uses: [
            ActionUse([.main], "Quit", hint: "quit"), ActionUse(lists + [.help], "Back (as Esc)"),
        ]),
        ActionSpec(action: .help, keys: [.character("?"), .function(1)], keyLabel: "? F1", uses: [
            ActionUse(everywhere.filter { $0 != .help }, "Show this help", hint: "help"), ActionUse([.help], "Close the help"),
        ]),
        ActionSpec(action: .new, keys: [.character("n")], keyLabel: "n", uses: [
            ActionUse([.main], "New meeting", hint: "new", writeMeetings),
            ActionUse([.fund], "New proposal", hint: "new", .may(.write, .fund, .own)),
            ActionUse([.marketing], "New material", hint: "new", .may(.write, .material, .own)),
            ActionUse([.rewards], "Record a voucher or expenses", hint: "new", .may(.write, .reward, .all)),
            ActionUse([.setup], "Add one to the list", hint: "add", setupOffice),
        ]),
        ActionSpec(action: .edit, keys: [.character("e")], keyLabel: "e", uses: [
            ActionUse([.main], "Edit the selected meeting", writeMeetings),
            ActionUse([.meeting], "Edit the meeting", hint: "edit", writeMeetings),
            ActionUse([.fund], "Set the year's budget", hint: "budget", .may(.write, .fund, .all)),
            ActionUse([.marketing], "New version of the material", hint: "new version", .may(.write, .material, .all)),
            ActionUse([.setup], "Change the chosen row", hint: "change", setupOffice),
        ]),
        ActionSpec(action: .preMeeting, keys: [.character("p")], keyLabel: "p", uses: [
            ActionUse([.main], "Add a pre-meeting for it", writeMeetings),
            ActionUse([.meeting], "Add a pre-meeting for it", hint: "pre-meeting", writeMeetings),
        ]),
        ActionSpec(action: .cancel, keys: [.character("c")], keyLabel: "c", uses: [
            ActionUse([.main], "Cancel it, giving a reason", writeMeetings),
            ActionUse([.meeting], "Cancel it, giving a reason", hint: "cancel", writeMeetings),
        ]),
        ActionSpec(action: .delete, keys: [.character("D")], keyLabel: "D", uses: [ActionUse(meetingScreens, "Delete it (asks first)", writeMeetings)]),
        ActionSpec(action: .record, keys: [.character("h")], keyLabel: "h", uses: [
            ActionUse([.main], "Record it as held", writeMeetings),
            ActionUse([.meeting], "Record it as held", hint: "record", writeMeetings),
        ]),
        ActionSpec(action: .accept, keys: [.character("a")], keyLabel: "a", uses: [
            ActionUse(meetingScreens, "Say you are coming", hint: "coming", .only([.champion]), refusal: answerForThemselves),
        ]),
        ActionSpec(action: .apologies, keys: [.character("x")], keyLabel: "x", uses: [
            ActionUse(meetingScreens, "Send apologies", hint: "apologies", .may(.write, .invitation, .own),
                      refusal: answerForThemselves),
        ]),
        ActionSpec(action: .undo, keys: [.character("u")], keyLabel: "u", uses: [
            ActionUse(meetingScreens, "Undo your last change", .may(.write, .invitation, .own)),
        ]),
        ActionSpec(action: .register, keys: [.character("r")], keyLabel: "r", uses: [
            ActionUse([.main], "Open the crèche register", .may(.read, .booking, .own)),
            ActionUse([.meeting, .creche], "Open the crèche register", hint: "register", .may(.read, .booking, .own)),
        ]),
        ActionSpec(action: .approveMinutes, keys: [.character("m")], keyLabel: "m", uses: [
            ActionUse([.meeting], "Approve the last meeting's minutes at this one", hint: "approve minutes", writeMeetings),
        ]),
        ActionSpec(action: .addendum, keys: [.character("+")], keyLabel: "+", uses: [
            ActionUse([.meeting], "Add a dated addendum to its approved minutes", hint: "addendum", writeMeetings),
        ]),
        ActionSpec(action: .arrange, keys: [.character("n")], keyLabel: "n", uses: [
            ActionUse([.meeting], "Arrange for an access need (interpreter booked, hearing loop)", hint: "arrange", writeMeetings),
        ]),
        ActionSpec(action: .reportPeriod, keys: [.character("p")], keyLabel: "p", uses: [
            ActionUse([.report], "Choose the period (financial year, 12 months, from–to)", hint: "period", .anyone),
        ]),
        ActionSpec(action: .failingMeetings, keys: [.character("f")], keyLabel: "f", uses: [
            ActionUse([.report], "List the meetings failing a check (again: the next)", hint: "failing", .anyone),
        ]),
        ActionSpec(action: .acceptCheck, keys: [.character("!")], keyLabel: "!", uses: [
            ActionUse([.meeting], "Accept a failing check, with why (or withdraw it)", hint: "accept check", writeMeetings),
        ]),
        ActionSpec(action: .declareInterest, keys: [.character("v")], keyLabel: "v", uses: [
            ActionUse([.meeting], "Record a declaration of interest at this meeting", hint: "interest", .may(.write, .interest, .own)),
        ]),
        ActionSpec(action: .papers, keys: [.character("d")], keyLabel: "d", uses: [
            ActionUse([.meeting], "Record the papers sent to parents", hint: "papers sent", writeMeetings),
        ]),
        ActionSpec(action: .writePapers, keys: [.character("w")], keyLabel: "w", uses: [
            ActionUse([.meeting], "Write the papers for parents (print-ready, and large print)", hint: "write papers", .may(.read, .meeting, .own)),
            ActionUse([.report], "Write the report to files (text and CSV)", hint: "write", .may(.read, .meeting, .own)),
        ]),
        ActionSpec(action: .registrationNotice, keys: [.character("d")], keyLabel: "d", uses: [
            ActionUse([.creche], "Record the date notice was sent to Ofsted", hint: "Ofsted notice", .may(.write, .creche, .all)),
        ]),
        ActionSpec(action: .signInChild, keys: [.character("i")], keyLabel: "i", uses: [
            ActionUse([.register], "Sign the child in", hint: "in", registerStaff, refusal: staffSignInAndOut),
        ]),
        ActionSpec(action: .signOutChild, keys: [.character("o")], keyLabel: "o", uses: [
            ActionUse([.register], "Sign the child out", hint: "out", registerStaff, refusal: staffSignInAndOut),
        ]),
        ActionSpec(action: .book, keys: [.character("b")], keyLabel: "b", uses: [
            ActionUse([.register], "Book a child in", hint: "book", .may(.write, .booking, .own)),
        ]),
        ActionSpec(action: .addIdea, keys: [.character("I")], keyLabel: "I", uses: [
            ActionUse([.main], "Log an idea for the area", .may(.write, .idea, .all)),
            ActionUse([.area], "Log a parent's idea", hint: "idea", .may(.write, .idea, .own)),
        ]),
        ActionSpec(action: .nextStep, keys: [.character("m")], keyLabel: "m", uses: [
            ActionUse([.main], "Move an area's idea on", .may(.write, .idea, .all)),
            ActionUse([.area], "Move an idea along", hint: "move idea", .may(.write, .idea, .own)),
            ActionUse([.fund], "Next step: decide, deliver, close", hint: "next step", .may(.write, .fund, .all)),
            ActionUse([.marketing], "Next step: send to parents", hint: "next step", .may(.write, .material, .all)),
        ]),
        ActionSpec(action: .review, keys: [.character("w")], keyLabel: "w", uses: [
            ActionUse([.fund], "Review the proposal", hint: "review", .may(.write, .fund, .own)),
            ActionUse([.marketing], "Answer for a parent: approve or ask for changes", hint: "review", .may(.write, .material, .own)),
        ]),
        ActionSpec(action: .walkIn, keys: [.character("w")], keyLabel: "w", uses: [
            ActionUse([.register], "Walk-in child: register, book", hint: "walk-in", registerStaff, refusal: staffSignInAndOut),
        ]),
        ActionSpec(action: .showNotes, keys: [.character("p")], keyLabel: "p", uses: [
            ActionUse([.register], "Show the notes again (your PIN)", hint: "show notes", registerStaff, refusal: staffSignInAndOut),
        ]),
        ActionSpec(action: .incident, keys: [.character("a")], keyLabel: "a", uses: [
            ActionUse([.register], "Record an accident or incident to the child", hint: "incident", registerStaff, refusal: staffSignInAndOut),
        ]),
        ActionSpec(action: .incidentFollowUp, keys: [.character("t")], keyLabel: "t", uses: [
            ActionUse([.register], "Add to the child's incident: parent told, Ofsted, addendum", hint: "follow up", registerStaff,
                      refusal: staffSignInAndOut),
        ]),
        ActionSpec(action: .uncollectedCall, keys: [.character("c")], keyLabel: "c", uses: [
            ActionUse([.register], "Child not collected: mark a call made", hint: "call made", registerStaff,
                      refusal: staffSignInAndOut),
        ]),
        ActionSpec(action: .collection, keys: [.character("l")], keyLabel: "l", uses: [
            ActionUse([.register], "Who may collect: password, today only, must not collect", hint: "collection", registerStaff,
                      refusal: staffSignInAndOut),
        ]),
        ActionSpec(action: .addToRota, keys: [.character("s")], keyLabel: "s", uses: [
            ActionUse([.register], "Put crèche staff on the rota", hint: "staff", .may(.write, .rota, .all)),
        ]),
        ActionSpec(action: .setup, keys: [.character("S")], keyLabel: "S", uses: [
            ActionUse([.main] + lists, "Set-up: areas, people", setupOffice,
                      refusal: "Only office staff and admins can use set-up: ask the office to add or change areas, people or settings."),
        ]),
        ActionSpec(action: .switchOnOff, keys: [.character("x")], keyLabel: "x", uses: [
            ActionUse([.setup], "Retire, disable or remove it", hint: "retire/disable", setupOffice),
        ]),
        ActionSpec(action: .resetPin, keys: [.character("p")], keyLabel: "p", uses: [
            ActionUse([.setup], "Set a new PIN (accounts)", hint: "new PIN", .only([.admin])),
        ]),
        ActionSpec(action: .firstRun, keys: [.character("W")], keyLabel: "W", uses: [
            ActionUse([.setup], "First-run set-up again", .may(.write, .setting, .all)),
        ]),
        ActionSpec(action: .reports, keys: [.character("R")], keyLabel: "R", uses: [
            ActionUse([.main] + lists, "Co-production report", .may(.read, .meeting, .all)),
        ]),
        ActionSpec(action: .fund, keys: [.character("F")], keyLabel: "F", uses: [
            ActionUse([.main] + lists, "Parent Engagement Fund", .may(.read, .fund, .all)),
        ]),
        ActionSpec(action: .marketing, keys: [.character("M")], keyLabel: "M", uses: [
            ActionUse([.main] + lists, "Parent Approved Marketing", .may(.read, .material, .all)),
        ]),
        ActionSpec(action: .rewards, keys: [.character("V")], keyLabel: "V", uses: [
            ActionUse([.main] + lists, "Rewards: vouchers, expenses", .may(.read, .reward, .own)),
        ]),
        ActionSpec(action: .today, keys: [.character("O")], keyLabel: "O", uses: [
            ActionUse([.main] + lists, "Today: what needs you"),
        ]),
        ActionSpec(action: .emailReminders, keys: [.character("E")], keyLabel: "E", uses: [
            ActionUse([.main, .today], "Your e-mail reminders", .only([.champion])),
        ]),
        ActionSpec(action: .actions, keys: [.character("T")], keyLabel: "T", uses: [
            ActionUse([.main] + lists, "Actions to do", .may(.read, .meeting, .all)),
        ]),
        ActionSpec(action: .audit, keys: [.character("A")], keyLabel: "A", uses: [
            ActionUse([.main] + lists, "Audit trail", .may(.read, .audit, .all), refusal: "Only admins can see the audit trail."),
        ]),
        ActionSpec(action: .redraw, keys: [.control("l")], keyLabel: "Ctrl-L", uses: [ActionUse(everywhere, "Redraw the screen")]),
        ActionSpec(action: .lock, keys: [.character("L")], keyLabel: "L", uses: [ActionUse(keyScreens, "Lock the screen now", hint: "lock")]),
        ActionSpec(action: .changePin, keys: [.character("K")], keyLabel: "K", uses: [ActionUse(keyScreens, "Change your own PIN")]),
        ActionSpec(action: .switchUser, keys: [.character("U")], keyLabel: "U", uses: [ActionUse(keyScreens, "Switch user")]),
        ActionSpec(action: .forceQuit, keys: [.control("c")], keyLabel: "Ctrl-C", uses: [ActionUse(everywhere, "Quit from anywhere")]),
        ActionSpec(action: .plainMode, keys: [.function(2)], keyLabel: "F2", uses: [
            ActionUse(everywhere, "Plain mode on or off"),
        ]),
    ]

    private static let keyMaps: [ScreenID: [Key: Action]] = {
        var maps: [ScreenID: [Key: Action]] = [:]
        for screen in ScreenID.allCases {
            var map: [Key: Action] = [:]
            for spec in all where spec.uses.contains(where: { $0.screens.contains(screen) }) {
                for key in spec.keys where !(screen.takesText && key.isText) { map[key] = spec.action }
            }
            maps[screen] = map
        }
        return maps
    }()

    /// The action a key does on a screen, if any. On screens that take text, printable keys
    /// are text, never actions.
    public static func action(for key: Key, on screen: ScreenID) -> Action? { keyMaps[screen]?[key] }

    /// The spec of an action.
    public static func spec(_ action: Action) -> ActionSpec { all.first { $0.action == action }! }

    /// The use of an action on a screen, if it works there.
    public static func use(_ action: Action, on screen: ScreenID) -> ActionUse? {
        spec(action).uses.first { $0.screens.contains(screen) }
    }

    /// The keys of a screen for a role, in table order, with the screen's own words; keys the
    /// role would be refused are left out. (Worked out once: the hint line asks every frame.)
    public static func keys(on screen: ScreenID, role: Role?) -> [KeyHelp] {
        keysByScreen[screen]?[role] ?? []
    }

    private static let keysByScreen: [ScreenID: [Role?: [KeyHelp]]] = {
        var table: [ScreenID: [Role?: [KeyHelp]]] = [:]
        for screen in ScreenID.allCases {
            for role in [nil] + Role.allCases.map(Optional.some) { table[screen, default: [:]][role] = makeKeys(on: screen, role: role) }
        }
        return table
    }()

    private static func makeKeys(on screen: ScreenID, role: Role?) -> [KeyHelp] {
        all.compactMap { spec in
            guard let use = spec.uses.first(where: { $0.screens.contains(screen) }) else { return nil }
            if let role, !use.permission.allows(role) { return nil }
            if role == nil, use.permission != .anyone { return nil }
            let keys = spec.keys.filter { !(screen.takesText && $0.isText) }
            guard let first = keys.first else { return nil }
            // Where letters are text, a label naming a letter key gives way to the other keys.
            let label = screen.takesText && keys.count < spec.keys.count ? keys.map(\.label).joined(separator: " ") : spec.keyLabel
            return KeyHelp(action: spec.action, keys: label, firstKey: first.label, help: use.help, hint: use.hint)
        }
    }

    /// Actions that every screen shares; help lists them after the screen's own keys.
    public static let global: Set<Action> = [.help, .redraw, .lock, .switchUser, .forceQuit, .changePin, .plainMode]
}

extension Key {
    /// Whether the key is typed text on a screen that takes text.
    public var isText: Bool {
        if case .character = self { return true }
        return false
    }
}
