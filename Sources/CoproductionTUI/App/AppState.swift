import Coproduction
import CoproductionStore

/// The three panes of the main screen.
public enum PaneID: Int, CaseIterable, Sendable {
    /// Upcoming meetings.
    case meetings
    /// Parent Champion areas.
    case areas
    /// Crèche headcounts.
    case creche

    /// The pane's title.
    public var title: String {
        switch self {
        case .meetings: return "Upcoming meetings"
        case .areas: return "Parent Champion areas"
        case .creche: return "Crèche headcounts"
        }
    }

    /// A word for the rows it lists, for messages.
    public var noun: String {
        switch self {
        case .meetings: return "meetings"
        case .areas: return "areas"
        case .creche: return "crèches"
        }
    }
}

/// The rows of a list that have been read from the database: a window starting at `offset`.
public struct Window<Item: Hashable & Sendable>: Hashable, Sendable {
    /// Index of the first item in the whole list.
    public var offset: Int
    /// The items read.
    public var items: [Item]

    /// An empty window.
    public init(offset: Int = 0, items: [Item] = []) {
        self.offset = offset
        self.items = items
    }

    /// The item at an index of the whole list, when it has been read.
    public func item(at index: Int) -> Item? {
        let i = index - offset
        return items.indices.contains(i) ? items[i] : nil
    }
}

/// Where a list is: its selection, its first visible row, its filter and its length.
public struct ListPosition: Hashable, Sendable {
    /// The selected row (0-based) in the whole filtered list.
    public var selected = 0
    /// The first visible row.
    public var top = 0
    /// The filter typed with `/`.
    public var filter = ""
    /// Rows in the whole filtered list (or the first ``filterCountLimit`` of them, when
    /// `moreThanTotal` is set).
    public var total = 0
    /// Whether the filtered list goes on past `total` (counting stopped there).
    public var moreThanTotal = false

    /// How far a filter's matches are counted while it is typed; the footer shows "1000+".
    public static let filterCountLimit = 1000

    /// Creates a position at the top of an empty list.
    public init() {}
}

/// What a detail screen shows.
public enum DetailTarget: Hashable, Sendable {
    /// A meeting.
    case meeting(Int64)
    /// An area and its champions.
    case area(Int64)
    /// A meeting's crèche.
    case creche(Int64)
    /// The audit trail (admins).
    case audit
    /// A crèche session's register.
    case register(Int64)
    /// The co-production report for a period (the last twelve months when opened).
    case report(ReportPeriod)
    /// The Parent Engagement Fund for the current financial year.
    case fund
    /// Parent Approved Marketing: the materials.
    case marketing
    /// Vouchers and expenses for the current financial year.
    case rewards
    /// Open and overdue actions from held meetings.
    case actions
    /// One list of the set-up section.
    case setup(SetupSection)
    /// A child's whole record, opened from the register.
    case child(Int64)
    /// What needs the person signed in: the first screen after sign-in.
    case today

    /// The screen that shows it: its keys and its words come from the action table's uses.
    public var screen: ScreenID {
        switch self {
        case .meeting: return .meeting
        case .area: return .area
        case .creche: return .creche
        case .audit: return .audit
        case .register: return .register
        case .report: return .report
        case .fund: return .fund
        case .marketing: return .marketing
        case .rewards: return .rewards
        case .actions: return .actions
        case .setup: return .setup
        case .child: return .child
        case .today: return .today
        }
    }

    /// Whether it is one of the programme's list screens, whose rows are chosen with ↑↓.
    public var isProgrammeList: Bool { self == .fund || self == .marketing || self == .rewards }
}

/// What the rewards screen shows.
public struct RewardsScreen: Hashable, Sendable {
    /// The financial year.
    public var year: FinancialYear
    /// Its rewards, newest first.
    public var rows: [RewardRow]
    /// Totals per parent.
    public var totals: [RewardTotalsRow]
    /// The amounts stated up front.
    public var policy: RewardPolicy
}

/// What the register screen shows: the session, its crèche, and every booked child.
public struct RegisterScreen: Hashable, Sendable {
    /// The meeting the crèche is for.
    public var meeting: Meeting
    /// Its crèche plan, with the headcounts.
    public var plan: CrechePlan?
    /// Its staff.
    public var staff: [StaffMember]
    /// The booked children.
    public var rows: [RegisterRow]
    /// Accidents and incidents recorded in the session.
    public var incidents: [Incident] = []
    /// Children's social care's number, for a child not collected (the setting; empty if unset).
    public var socialCareNumber = ""

    /// The escalation for a child not collected, with the calls made so far.
    public func escalation(_ row: RegisterRow) -> UncollectedEscalation {
        UncollectedEscalation(childName: row.child.fullName, sessionEnds: LocalDateTime(date: meeting.date, time: meeting.end),
                              done: row.calls, socialCareNumber: socialCareNumber, parent: row.child.parentName,
                              contacts: row.child.emergencyContact ?? "")
    }
}

/// The data a detail screen shows, once read.
public enum DetailContent: Hashable, Sendable {
    /// A meeting.
    case meeting(MeetingDetail)
    /// An area.
    case area(AreaDetail)
    /// A crèche (the meeting it belongs to).
    case creche(MeetingDetail)
    /// The newest entries of the audit trail, and how many there are in all.
    case audit([AuditEntry], total: Int)
    /// A session's register.
    case register(RegisterScreen)
    /// The co-production report, with the check whose failing meetings are listed (if any).
    case report(CoproductionReport, expanded: Barrier?)
    /// The fund's year.
    case fund(FundOverview)
    /// The materials.
    case marketing([MaterialRow])
    /// The year's rewards.
    case rewards(RewardsScreen)
    /// Actions not yet done.
    case actions([OpenActionRow])
    /// A set-up list.
    case setup(SetupScreen)
    /// A child's record (notes and contact only for those allowed them).
    case child(Child)
    /// What needs the person signed in.
    case today([DueItem])

    /// How many rows can be chosen on a list screen.
    public var rowCount: Int {
        switch self {
        case .fund(let f): return f.proposals.count
        case .marketing(let m): return m.count
        case .rewards(let r): return r.rows.count
        case .register(let r): return r.rows.count
        case .actions(let rows): return rows.count
        case .setup(let s): return s.count
        case .today(let items): return items.count
        default: return 0
        }
    }

    /// The row that shows a record: a child on the register, a proposal in the fund, a
    /// material in marketing (so a record just saved can be chosen).
    public func row(ofRecord id: Int64) -> Int? {
        switch self {
        case .register(let r): return r.rows.firstIndex { $0.child.id == id }
        case .fund(let f): return f.proposals.firstIndex { $0.proposal.id == id }
        case .marketing(let m): return m.firstIndex { $0.material.id == id }
        default: return nil
        }
    }
}

/// An open detail screen: a record, a report, or a list of rows to act on.
public struct DetailState: Hashable, Sendable {
    /// What it shows.
    public var target: DetailTarget
    /// Lines scrolled past (screens that scroll as text; the view stops it at the end).
    public var scroll = 0
    /// The selected row, on screens with rows to act on.
    public var selected = 0
    /// The data, once read (nil until the runner has read it, or if it is gone).
    public var content: DetailContent?
    /// Whether the content has been read at least once (so "gone" is told from "reading").
    public var loaded = false
    /// A child whose row is selected when the content is next read (one just added).
    public var selectRecord: Int64?

    /// Opens a detail screen on a target.
    public init(target: DetailTarget) { self.target = target }
}

/// Something the crèche pane shows under its rows until it is dealt with.
public struct CrecheAlert: Hashable, Sendable {
    /// Warn or fail.
    public var status: CheckStatus
    /// What, in few words (the pane is narrow): the child and what is needed.
    public var words: String
    /// The session it belongs to.
    public var meetingID: Int64

    /// An alert.
    public init(status: CheckStatus, words: String, meetingID: Int64) {
        self.status = status
        self.words = words
        self.meetingID = meetingID
    }
}

/// The main screen's own state: the three panes, their rows, and the filter being typed.
public struct MainScreen: Hashable, Sendable {
    /// The pane with the focus.
    public var focus: PaneID = .meetings
    /// Each pane's position, indexed by ``PaneID``'s raw value.
    public var positions: [ListPosition] = Array(repeating: ListPosition(), count: PaneID.allCases.count)
    /// The rows read for the meetings pane.
    public var meetings = Window<MeetingListItem>()
    /// The rows read for the areas pane.
    public var areas = Window<AreaSummary>()
    /// The rows read for the crèche pane.
    public var creches = Window<MeetingListItem>()
    /// What the crèche pane shows under its rows, worst first: incidents to follow up and
    /// children not collected (none for champions).
    public var crecheAlerts: [CrecheAlert] = []
    /// Whether the meetings pane lists past meetings (latest first) instead of upcoming ones.
    public var showPast = false
    /// Whether keys are going into the focused pane's filter.
    public var editingFilter = false
    /// The cursor in the filter being typed.
    public var filterCaret = Caret(selectedAll: false)

    /// An empty main screen.
    public init() {}

    /// A pane's position.
    public subscript(pane: PaneID) -> ListPosition {
        get { positions[pane.rawValue] }
        set { positions[pane.rawValue] = newValue }
    }
}

/// The `?` help over a screen: which screen's keys it lists, and how far it is scrolled.
public struct HelpScreen: Hashable, Sendable {
    /// The screen whose keys are listed first.
    public var about: ScreenID
    /// Lines scrolled past, when the help is taller than the screen.
    public var scroll = 0
}

/// One screen on the stack. The top one gets the keys; the ones under it are drawn beneath
/// a prompt or the help.
public enum ScreenState: Hashable, Sendable {
    /// Nobody is signed in: the sign-in (or lock) screen, which shows no data at all.
    case signIn(SignInForm)
    /// A record, a report or a list of rows.
    case detail(DetailState)
    /// The meeting form.
    case meetingForm(MeetingForm)
    /// The form recording what happened at a meeting.
    case recordForm(RecordForm)
    /// A form for a fund, marketing or rewards step.
    case stepForm(StepForm)
    /// A question waiting for an answer.
    case prompt(PromptState)
    /// The help.
    case help(HelpScreen)

    /// The screen whose keys apply.
    public var id: ScreenID {
        switch self {
        case .signIn: return .signIn
        case .detail(let d): return d.target.screen
        case .meetingForm: return .meetingForm
        case .recordForm: return .recordForm
        case .stepForm: return .stepForm
        case .prompt(let p): return p.wantsText ? .textPrompt : .question
        case .help: return .help
        }
    }

    /// Whether it is a form with changes not saved.
    public var isChangedForm: Bool {
        switch self {
        case .meetingForm(let f): return f.dirty
        case .recordForm(let f): return f.dirty
        case .stepForm(let f): return f.dirty
        default: return false
        }
    }

    /// Whether the screens under it still show (a prompt or the help is drawn over them).
    public var isOverlay: Bool {
        switch self {
        case .prompt, .help: return true
        default: return false
        }
    }
}

/// This terminal's last change, and how to take it back. Each keeps the version this
/// terminal's change left, so an undo never overwrites a change someone else made since:
/// that is refused like a stale save.
public enum UndoChange: Hashable, Sendable {
    /// A new meeting: undoing deletes it.
    case created(id: Int64, version: Int, title: String)
    /// An edit: undoing puts the meeting and agenda back.
    case edited(id: Int64, version: Int, before: Meeting, agenda: [AgendaItem], title: String)
    /// A cancellation: undoing reinstates it.
    case cancelled(id: Int64, version: Int, title: String)
    /// A champion's answer: undoing gives the old answer again.
    case responded(meetingID: Int64, championID: Int64, old: Response, title: String)
}

/// Everything the screens show. `view(state, size)` draws it; `update` is the only writer.
public struct AppState: Hashable, Sendable {
    /// The terminal size.
    public var size: Size
    /// The time now, UK wall clock.
    public var now: LocalDateTime
    /// Colours and glyphs.
    public var theme: Theme
    /// A line in the title bar, such as "Demo data" (empty for none).
    public var banner: String
    /// Who is signed in; nil shows the sign-in screen and no data at all.
    public var session: Actor? {
        didSet {
            // Signing in leaves the sign-in screen; signing out shows it and nothing else.
            if session != nil, case .signIn? = stack.first { stack = [] }
            if session == nil, stack.first?.id != .signIn { stack = [.signIn(SignInForm())] }
        }
    }
    /// The main screen's panes (under every other screen while someone is signed in).
    public var main = MainScreen()
    /// The screens over the main screen, the top one last. Empty shows the main screen; while
    /// nobody is signed in it holds only the sign-in screen.
    public var stack: [ScreenState] = [.signIn(SignInForm())]
    /// What just happened, shown in the status line.
    public var status = ""
    /// Set when the user has asked to quit.
    public var quitRequested = false
    /// Set when Ctrl-C met a changed form: throwing the changes away (y) then quits.
    public var quitWhenDiscarded = false
    /// Settings for the checks shown.
    public var checker = BarrierChecker()
    /// The programme's name, for the title bar (empty: just "Coproduce").
    public var programmeName = ""
    /// Minutes without a key before the screen locks itself (the `auto-lock-minutes` setting).
    public var autoLockMinutes = 5
    /// Seconds left before the screen locks, shown in the last minute (nil otherwise).
    public var lockCountdown: Int?
    /// The screens that were open when an office or crèche session locked, reopened when the
    /// same person signs in again (targets only: their data is read afresh).
    public var resume: [DetailTarget] = []
    /// Whose screens ``resume`` holds.
    public var resumeFor: Int64?
    /// Whether the register hides the children's notes: set when the lock time passes while
    /// a crèche worker's register has children in, cleared when the worker gives their PIN.
    public var notesHidden = false
    /// The register alerts already given (each child's 1 h 45 and 2 h, and the session's end),
    /// so each flashes and rings once.
    public var alertsGiven: Set<String> = []
    /// Whether an alert rings the terminal's bell as well as flashing (the `alert-bell` setting).
    public var alertBell = true
    /// This terminal's last change, for `u`.
    public var undo: UndoChange?
    /// The keys chosen in the configuration file over the action table's.
    public var keyMap = KeyMap()
    /// Whether clicks and the wheel do anything (the `mouse` setting; the backend asks the
    /// terminal for mouse events only when it is on).
    public var mouseEnabled = false
    /// Whether the plain mode was asked for at start (`--plain`), so it stays on whoever signs
    /// in; otherwise each account's own setting turns it on and off.
    public var plainAtStart = false
    /// Whether the terminal cursor stays visible on list selections too (for screen
    /// magnifiers that follow it); it is always visible in text fields.
    public var cursorAlwaysVisible = false

    /// Creates the state for a terminal size and a time, with nobody signed in.
    public init(size: Size, now: LocalDateTime, theme: Theme, banner: String = "") {
        self.size = size
        self.now = now
        self.theme = theme
        self.banner = banner
    }

    /// Today, UK time.
    public var today: LocalDate { now.date }

    /// The screen that gets the keys.
    public var screen: ScreenID { stack.last?.id ?? .main }

    /// A fresh state with nobody signed in and no data: what locking leaves behind. With
    /// `keepingName`, the sign-in screen offers the same person's name again and the screens
    /// that were open come back when they sign in (forms are dropped; nothing typed is kept).
    public func locked(keepingName: Bool, message: String) -> AppState {
        var fresh = AppState(size: size, now: now, theme: theme, banner: banner)
        fresh.checker = checker
        fresh.programmeName = programmeName
        fresh.autoLockMinutes = autoLockMinutes
        fresh.alertBell = alertBell
        fresh.cursorAlwaysVisible = cursorAlwaysVisible
        fresh.mouseEnabled = mouseEnabled
        fresh.plainAtStart = plainAtStart
        fresh.keyMap = keyMap
        var form = SignInForm()
        if keepingName, let who = session {
            form.name = who.name
            form.field = .secret
            form.lockedFor = who.name
            fresh.resume = stack.compactMap { if case .detail(let d) = $0 { return d.target } else { return nil } }
            fresh.resumeFor = who.userID
            fresh.main.focus = main.focus
        }
        form.message = message
        fresh.stack = [.signIn(form)]
        return fresh
    }

    /// The lock for whoever is signed in: a Parent Champion on the shared machine is signed
    /// out, so the screen shows no name; office and crèche staff get their own name back with
    /// "Not you?".
    public func lockedForRole(_ why: String) -> AppState {
        guard let who = session else { return self }
        if who.role == .champion {
            return locked(keepingName: false, message: "\(why) You are signed out, so the next person cannot see your things. "
                                                        + "Anything not saved was not kept.")
        }
        return locked(keepingName: true, message: "\(why) Not \(who.name)? Press Esc to sign in as someone else.")
    }

    /// Whether the terminal is too small to draw the screens.
    public var tooSmall: Bool { size.width < Size.minimum.width || size.height < Size.minimum.height }

    // MARK: Reading the stack (for views, the runner and tests)

    /// The topmost open detail screen, if any.
    public var detail: DetailState? {
        for screen in stack.reversed() { if case .detail(let d) = screen { return d } }
        return nil
    }
    /// The meeting form, when it is open.
    public var form: MeetingForm? {
        for screen in stack.reversed() { if case .meetingForm(let f) = screen { return f } }
        return nil
    }
    /// The record form, when it is open.
    public var recordForm: RecordForm? {
        for screen in stack.reversed() { if case .recordForm(let f) = screen { return f } }
        return nil
    }
    /// The step form, when it is open.
    public var stepForm: StepForm? {
        for screen in stack.reversed() { if case .stepForm(let f) = screen { return f } }
        return nil
    }
    /// The question on top, if one is asked.
    public var prompt: PromptState? {
        if case .prompt(let p)? = stack.last { return p }
        return nil
    }
    /// Whether the help is showing.
    public var helpVisible: Bool {
        if case .help? = stack.last { return true }
        return false
    }
    /// The sign-in form, while nobody is signed in.
    public var signIn: SignInForm {
        if case .signIn(let f)? = stack.first { return f }
        return SignInForm()
    }

    // The main screen's parts, by their old names.

    /// Lines the crèche pane gives its alerts, under its rows (at most two, and never all of it).
    public var crecheAlertLines: Int {
        guard !main.crecheAlerts.isEmpty else { return 0 }
        return min(main.crecheAlerts.count, 2, layout.visibleRows(.creche) - 1)
    }

    /// Where the main screen's parts are, for this size and mode.
    public var layout: MainLayout { MainLayout(size: size, plain: theme.plain, focus: main.focus) }

    /// Rows of data a pane shows at once: its box's, less the crèche pane's alert lines.
    public func paneRows(_ pane: PaneID) -> Int {
        let rows = layout.visibleRows(pane)
        return pane == .creche ? max(1, rows - crecheAlertLines) : rows
    }

    /// The pane with the focus.
    public var focus: PaneID {
        get { main.focus }
        set { main.focus = newValue }
    }
    /// Whether keys are going into the focused pane's filter.
    public var editingFilter: Bool {
        get { main.editingFilter }
        set { main.editingFilter = newValue }
    }
    /// Whether the meetings pane lists past meetings.
    public var showPast: Bool { main.showPast }
    /// The rows read for the meetings pane.
    public var meetings: Window<MeetingListItem> { main.meetings }
    /// The rows read for the areas pane.
    public var areas: Window<AreaSummary> { main.areas }
    /// The rows read for the crèche pane.
    public var creches: Window<MeetingListItem> { main.creches }
    /// A pane's position.
    public subscript(pane: PaneID) -> ListPosition {
        get { main[pane] }
        set { main[pane] = newValue }
    }
}
