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
public struct Window<Item: Sendable>: Sendable {
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
    /// The co-production report for the last twelve months.
    case report
    /// The Parent Engagement Fund for the current financial year.
    case fund
    /// Parent Approved Marketing: the materials.
    case marketing
    /// Vouchers and expenses for the current financial year.
    case rewards

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
    /// The co-production report.
    case report(CoproductionReport)
    /// The fund's year.
    case fund(FundOverview)
    /// The materials.
    case marketing([MaterialRow])
    /// The year's rewards.
    case rewards(RewardsScreen)

    /// How many rows can be chosen on a list screen.
    public var rowCount: Int {
        switch self {
        case .fund(let f): return f.proposals.count
        case .marketing(let m): return m.count
        case .rewards(let r): return r.rows.count
        case .register(let r): return r.rows.count
        default: return 0
        }
    }
}

/// The sign-in form: a name and a PIN or passphrase, which is never shown.
public struct SignInForm: Hashable, Sendable {
    /// The two fields.
    public enum Field: Hashable, Sendable { case name, secret }
    /// The name typed.
    public var name = ""
    /// The PIN or passphrase typed (shown as dots; cleared after every try).
    public var secret = ""
    /// The field keys go to.
    public var field: Field = .name
    /// Why the last try failed, or why the screen is locked.
    public var message = ""

    /// An empty form.
    public init() {}
}

/// An open detail screen.
public struct DetailState: Hashable, Sendable {
    /// What it shows.
    public var target: DetailTarget
    /// Lines scrolled past.
    public var scroll = 0
    /// The selected row, on screens with rows to act on (the register).
    public var selected = 0
    /// The data, once read (nil until the controller has read it, or if it is gone).
    public var content: DetailContent?

    /// Opens a detail screen on a target.
    public init(target: DetailTarget) { self.target = target }
}

/// Everything the screens show. `view(state, size)` draws it; `update` changes it.
public struct AppState: Sendable {
    /// The terminal size.
    public var size: Size
    /// The time now, UK wall clock.
    public var now: LocalDateTime
    /// Colours and glyphs.
    public var theme: Theme
    /// A line in the title bar, such as "Demo data" (empty for none).
    public var banner: String
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
    /// The open detail screen, if any.
    public var detail: DetailState?
    /// Whether the meetings pane lists past meetings (latest first) instead of upcoming ones.
    public var showPast = false
    /// Whether the help overlay is showing.
    public var helpVisible = false
    /// Lines of help scrolled past, when the help is taller than the screen.
    public var helpScroll = 0
    /// Whether keys are going into the focused pane's filter.
    public var editingFilter = false
    /// What just happened, shown in the status line.
    public var status = ""
    /// Set when the user has asked to quit.
    public var quitRequested = false
    /// Settings for the checks shown.
    public var checker = BarrierChecker()
    /// The meeting form, while it is open.
    public var form: MeetingForm?
    /// The form recording what happened at a meeting, while it is open.
    public var recordForm: RecordForm?
    /// The form for a fund, marketing or rewards step, while it is open.
    public var stepForm: StepForm?
    /// A question waiting for an answer (a cancellation's reason, a delete's yes or no).
    public var prompt: PromptState?
    /// Who is signed in; nil shows the sign-in screen and no data at all.
    public var session: Actor?
    /// The sign-in form, while nobody is signed in.
    public var signIn = SignInForm()

    /// Creates the state for a terminal size and a time.
    public init(size: Size, now: LocalDateTime, theme: Theme, banner: String = "") {
        self.size = size
        self.now = now
        self.theme = theme
        self.banner = banner
    }

    /// Today, UK time.
    public var today: LocalDate { now.date }

    /// A pane's position.
    public subscript(pane: PaneID) -> ListPosition {
        get { positions[pane.rawValue] }
        set { positions[pane.rawValue] = newValue }
    }

    /// A fresh state with nobody signed in and no data: what locking leaves behind.
    public func locked(keepingName: Bool, message: String) -> AppState {
        var fresh = AppState(size: size, now: now, theme: theme, banner: banner)
        fresh.checker = checker
        if keepingName, let name = session?.name { fresh.signIn.name = name; fresh.signIn.field = .secret }
        fresh.signIn.message = message
        return fresh
    }

    /// Whether the terminal is too small to draw the screens.
    public var tooSmall: Bool { size.width < Size.minimum.width || size.height < Size.minimum.height }
}
