import Coproduction
import CoproductionStore

/// What every screen over the main screen provides, in its own file: the data it reads, its
/// own keys, which of its keys do something now, and how it is drawn. Its keys and their
/// words come from the action table's uses for its ``ScreenID``.
protocol DetailPage {
    /// The box title.
    static var title: String { get }
    /// Reads what it shows (the runner calls this).
    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent
    /// Whether what it shows changes with the clock as well as the data, so it is read again
    /// each minute (Today: a child not collected by 11:00).
    static var followsTheClock: Bool { get }
    /// Its own keys; nil when the key is not its own (moving, back and the globals are shared).
    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]?
    /// Whether a key it offers does something now (the hint line leaves out the others).
    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool
    /// Draws it in the body.
    static func render(_ detail: DetailState, _ state: AppState, in body: Rect, on screen: inout Screen)
    /// Lines the body has at a width, on pages that scroll as text (empty on pages of rows).
    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line]
}

extension DetailPage {
    static var followsTheClock: Bool { false }
    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? { nil }
    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool { true }
    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line] { [] }

    /// Draws the lines in a box, scrolled, with where the view is when they do not all fit.
    static func render(_ detail: DetailState, _ state: AppState, in body: Rect, on screen: inout Screen) {
        // Where the view is goes in the box's own edge (the plain mode says it in the title),
        // never over a line of the page.
        let height = body.height - (state.theme.plain ? 1 : 2)
        let content = lines(detail, state, width: body.width - 4)
        let scroll = min(detail.scroll, max(0, content.count - height))
        let note = content.count > height ? "\(scroll + 1)–\(min(content.count, scroll + height)) of \(Plural.count(content.count, "line"))" : ""
        let inner = Box(title: ParentWords.fit(title, state), footer: note, focused: true).render(in: body, on: &screen, theme: state.theme)
        DetailPages.draw(content.dropFirst(scroll).prefix(inner.height), in: inner, state: state, on: &screen)
        screen.cursor = Cursor(x: inner.x + 1, y: inner.y, visible: false)
    }
}

/// What the detail pages share: which page shows a target, the keys every one of them
/// takes (back, scrolling or choosing a row, opening another list), and drawing lines.
enum DetailPages {
    /// The page for a target.
    static func page(_ target: DetailTarget) -> any DetailPage.Type {
        switch target {
        case .meeting: return MeetingPage.self
        case .area: return AreaPage.self
        case .creche: return CrechePage.self
        case .audit: return AuditPage.self
        case .register: return RegisterPage.self
        case .report: return ReportPage.self
        case .fund: return FundPage.self
        case .marketing: return MarketingPage.self
        case .rewards: return RewardsPage.self
        case .actions: return ActionsPage.self
        case .setup: return SetupPage.self
        case .child: return ChildPage.self
        case .today: return TodayPage.self
        }
    }

    /// A key on a detail page: the page's own first, then the shared ones; nil for the root.
    static func handle(_ action: Action?, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard let action else { return [] }
        let page = page(detail.target)
        if let commands = page.handle(action, detail, &state) { return commands }
        var d = detail
        switch action {
        case .back, .quit:
            state.pop()
            return []
        case .reports, .fund, .marketing, .rewards, .actions, .audit, .setup, .today:
            openList(action, &state)
            return []
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            if ScreenID.rowScreens.contains(detail.target.screen) {
                let last = max(0, (detail.content?.rowCount ?? 0) - 1)
                switch action {
                case .moveUp: d.selected -= 1
                case .moveDown: d.selected += 1
                case .pageUp: d.selected -= 10
                case .pageDown: d.selected += 10
                case .first: d.selected = 0
                default: d.selected = last
                }
                d.selected = max(0, min(d.selected, last))
            } else {
                let inner = MainLayout(size: state.size).body.inset(by: 1)
                let count = page.lines(detail, state, width: inner.width - 2).count
                let pageRows = max(1, inner.height - 2)
                switch action {
                case .moveUp: d.scroll -= 1
                case .moveDown: d.scroll += 1
                case .pageUp: d.scroll -= pageRows
                case .pageDown: d.scroll += pageRows
                case .first: d.scroll = 0
                default: d.scroll = count
                }
                d.scroll = max(0, min(d.scroll, count - inner.height))
            }
            state.updateTop { (top: inout DetailState) in top = d }
            return []
        default:
            return nil
        }
    }

    private static let lists: [Action: DetailTarget] = [.reports: .report(.lastTwelveMonths), .fund: .fund, .marketing: .marketing, .rewards: .rewards,
                                                        .actions: .actions, .audit: .audit, .setup: .setup(.areas), .today: .today]

    /// Opens the report, the fund, marketing, rewards, actions or the audit trail, in place of
    /// the detail page on top (the root has checked the role may see it).
    static func openList(_ action: Action, _ state: inout AppState) {
        guard let target = lists[action] else { return }
        if case .detail? = state.stack.last { state.pop() }
        state.push(.detail(DetailState(target: target)))
        state.status = ""
    }

    /// The keys a page offers now, for the hint line.
    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        page(detail.target).available(action, detail, state)
    }

    /// Draws the page on top of the stack.
    static func render(_ detail: DetailState, _ state: AppState, in body: Rect, on screen: inout Screen) {
        let page = page(detail.target)
        guard detail.content != nil else {
            let inner = Box(title: page.title, footer: "", focused: true).render(in: body, on: &screen, theme: state.theme)
            let words = detail.loaded ? "This record is no longer there: it may have been deleted in another terminal. Esc goes back."
                                      : "Reading…"
            for (i, line) in DisplayWidth.wrap(words, width: inner.width - 2).enumerated() {
                screen.put(line, x: inner.x + 1, y: inner.y + i)
            }
            return
        }
        page.render(detail, state, in: body, on: &screen)
    }

    /// Draws lines of spans from the top of a rectangle, cutting what does not fit.
    static func draw<S: Sequence>(_ lines: S, in inner: Rect, state: AppState, on screen: inout Screen) where S.Element == Line {
        for (i, line) in lines.enumerated() {
            var x = inner.x + 1
            for (text, style) in line.spans {
                let room = inner.maxX - 1 - x
                guard room > 0 else { break }
                x += screen.put(DisplayWidth.truncate(text, to: room, ellipsis: state.theme.glyphs.ellipsis),
                                x: x, y: inner.y + i, style: style)
            }
        }
    }
}

/// A line of a detail screen: spans of styled text.
struct Line {
    var spans: [(String, Style)]
    init(_ spans: [(String, Style)]) { self.spans = spans }
    init(_ text: String, _ style: Style = .plain) { self.spans = [(text, style)] }
    static let blank = Line("")

    /// A label and its value, wrapped under the value's column.
    static func field(_ label: String, _ value: String, width: Int, labelWidth: Int = 12) -> [Line] {
        let wrapped = DisplayWidth.wrap(value, width: max(10, width - labelWidth))
        return wrapped.enumerated().map { i, text in
            Line([(DisplayWidth.pad(i == 0 ? label : "", to: labelWidth), .bold), (text, .plain)])
        }
    }

    /// A heading.
    static func heading(_ text: String, _ state: AppState) -> Line { Line(text, state.theme.heading) }
}
