import Coproduction

/// The `?` help: the keys of the screen it was opened on (for the signed-in role, with that
/// screen's own words, and the formats its fields take), then the keys every screen shares.
/// Made from the same action table as the key map, so it never offers a key that does
/// something else or that the role would be refused.
public enum HelpPage {
    /// One line of the help: keys and what they do, or a heading.
    public struct Entry: Hashable, Sendable {
        /// The keys (or the heading's words).
        public var key: String
        /// What they do (empty for a heading).
        public var help: String
        /// Whether it is a heading.
        public var heading: Bool
    }

    /// Keys help lists on one line, with the words for the pair.
    static let pairs: [(actions: [Action], keys: String, help: String)] = [
        ([.nextPane, .previousPane], "Tab S-Tab", "Next / previous pane"),
        ([.focusMeetings, .focusAreas, .focusCreche], "1 2 3", "Meetings, areas, crèche"),
        ([.moveUp, .moveDown], "↑ ↓ k j", "Move up / down"),
        ([.pageUp, .pageDown], "PgUp PgDn", "Page up / down (^U ^D)"),
        ([.first, .last], "g G", "First / last (Home End)"),
        ([.accept, .apologies], "a x", "Coming / apologies"),
        ([.signInChild, .signOutChild], "i o", "Sign a child in / out"),
        ([.reports, .fund], "R F", "Report / Engagement Fund"),
        ([.marketing, .rewards], "M V", "Marketing / rewards"),
        ([.actions, .audit], "T A", "Actions / audit trail"),
        ([.nextField, .previousField], "Tab S-Tab", "Next / previous field (↓ ↑)"),
        ([.moveRowUp, .moveRowDown], "Ctrl-↑ ↓", "Move the row (F7 F8)"),
        ([.yes, .no], "y n", "Yes / no"),
        ([.lock, .switchUser], "L U", "Lock / switch user"),
    ]

    /// What the fields of a form accept, for its help.
    static func formats(_ screen: ScreenID) -> [Entry] {
        switch screen {
        case .meetingForm:
            return [Entry(key: "Date", help: "12/01/2027, 12/1, 2027-01-12", heading: false),
                    Entry(key: "Times", help: "10:00, 10.30, 10am or 2:30pm", heading: false),
                    Entry(key: "Repeats", help: "every 2 weeks; Until: last day", heading: false),
                    Entry(key: "A series", help: "o this one, l this and later", heading: false),
                    Entry(key: "Champions", help: "part of a name, Enter takes", heading: false),
                    Entry(key: "Agenda", help: "a row per item, Ctrl-N adds", heading: false),
                    Entry(key: "Crèche", help: "places for children (1–60)", heading: false)]
        case .recordForm:
            return [Entry(key: "Who came", help: "←→ or Space on each name", heading: false),
                    Entry(key: "Decisions", help: "a row each, Ctrl-N adds", heading: false),
                    Entry(key: "Actions", help: "what, who, due, done", heading: false)]
        case .stepForm:
            return [Entry(key: "Amounts", help: "£1,000 or 12.50", heading: false),
                    Entry(key: "Dates", help: "12/01/2027, 12/1 or 2027-01-12", heading: false),
                    Entry(key: "Names", help: "part of a name, Enter takes", heading: false)]
        default:
            return []
        }
    }

    /// The help's lines for a screen and role: the screen's own keys, the formats its fields
    /// take, then the keys every screen shares.
    public static func entries(_ screen: ScreenID, role: Role?, keyMap: KeyMap = KeyMap()) -> [Entry] {
        let keys = keyMap.keys(on: screen, role: role)
        func lines(_ list: [KeyHelp]) -> [Entry] {
            var out: [Entry] = []
            let present = Set(list.map(\.action))
            for key in list {
                if let pair = pairs.first(where: { $0.actions.contains(key.action) }),
                   pair.actions.allSatisfy(present.contains), !screen.takesText || pair.actions != [.nextPane, .previousPane] {
                    if pair.actions.first == key.action {
                        out.append(Entry(key: pair.keys, help: ParentWords.fit(pair.help, for: role), heading: false))
                    }
                } else {
                    out.append(Entry(key: key.keys, help: ParentWords.fit(key.help, for: role), heading: false))
                }
            }
            return out
        }
        let own = lines(keys.filter { !ActionTable.global.contains($0.action) })
        let shared = lines(keys.filter { ActionTable.global.contains($0.action) && $0.action != .help })
        var out = [Entry(key: ParentWords.fit(screen.name, for: role), help: "", heading: true)] + own
        let formats = formats(screen)
        if !formats.isEmpty { out += [Entry(key: "What the fields take", help: "", heading: true)] + formats }
        if screen == .main, role != .champion {
            // The areas pane's marks, said once in words.
            out += [Entry(key: "Marks in pane 2", help: "", heading: true),
                    Entry(key: "2/3 ! ✗", help: "a check due soon, overdue", heading: false),
                    Entry(key: "1 !2", help: "1 open, 2 to tell back", heading: false),
                    Entry(key: "1 ✗2", help: "telling back is late", heading: false)]
        }
        out += [Entry(key: "Everywhere", help: "", heading: true)] + shared
        return out
    }

    // MARK: Keys

    static func handle(_ action: Action?, _ state: inout AppState) -> [Command]? {
        guard let help = state.top(HelpScreen.self) else { return nil }
        let limit = maxScroll(help, state)
        switch action {
        case .help?, .back?, .quit?: state.pop()
        case .moveDown?, .pageDown?: state.updateTop { (h: inout HelpScreen) in h.scroll = min(h.scroll + (action == .pageDown ? 10 : 1), limit) }
        case .moveUp?, .pageUp?: state.updateTop { (h: inout HelpScreen) in h.scroll = max(0, h.scroll - (action == .pageUp ? 10 : 1)) }
        case nil: break
        default: return nil  // lock and switch user work over the help too
        }
        return []
    }

    // MARK: View

    /// The two columns the help is laid out in for a body (the right one empty when one
    /// column fits).
    static func columns(_ entries: [Entry], body: Rect) -> (left: [Entry], right: [Entry]) {
        // Two columns only when the lines are short enough to sit side by side whole;
        // otherwise one column that scrolls.
        guard entries.count + 2 > body.height, 2 * naturalWidth(entries) + 6 <= body.width else { return (entries, []) }
        // Two columns, split evenly; a section that runs on into the right-hand column has
        // its heading repeated there.
        let half = (entries.count + 1) / 2
        var left = Array(entries[..<half])
        var right = Array(entries[half...])
        if let first = right.first, !first.heading, let heading = left.last(where: { $0.heading }) {
            right.insert(Entry(key: heading.key + " (continued)", help: "", heading: true), at: 0)
        }
        if left.last?.heading == true { right.insert(left.removeLast(), at: 0) }
        return (left, right)
    }

    /// The columns a column of help needs to show every line whole: the widest keys, a gap,
    /// the widest words (or the widest heading).
    static func naturalWidth(_ entries: [Entry]) -> Int {
        let keys = entries.filter { !$0.heading }
        let keyWidth = keys.map { DisplayWidth.of($0.key) }.max() ?? 8
        return max(keyWidth + 2 + (keys.map { DisplayWidth.of($0.help) }.max() ?? 20),
                   entries.filter(\.heading).map { DisplayWidth.of($0.key) }.max() ?? 0)
    }

    /// How far the help can scroll (0 when it all fits).
    static func maxScroll(_ help: HelpScreen, _ state: AppState) -> Int {
        let body = MainLayout(size: state.size).body
        let (left, right) = columns(entries(help.about, role: state.session?.role, keyMap: state.keyMap), body: body)
        return max(0, max(left.count, right.count) - (body.height - 2))
    }

    static func render(_ help: HelpScreen, _ state: AppState, in body: Rect, on screen: inout Screen) {
        let entries = entries(help.about, role: state.session?.role, keyMap: state.keyMap)
        let (left, right) = columns(entries, body: body)
        let split = !right.isEmpty
        let keys = entries.filter { !$0.heading }
        let keyWidth = keys.map { DisplayWidth.of($0.key) }.max() ?? 8
        let natural = naturalWidth(entries)
        let columnWidth = min((body.width - 6) / (split ? 2 : 1), natural)
        let width = min(body.width, (split ? 2 * columnWidth + 2 : columnWidth) + 4)
        let height = min(body.height, max(left.count, right.count) + 2)
        let rect = body.centred(width: width, height: height)
        let limit = maxScroll(help, state)
        let scroll = min(help.scroll, limit)
        screen.fill(rect)
        let footer = scroll < limit ? "↓ more  ? or Esc closes" : "? or Esc closes"
        let inner = Box(title: "Help: keys", footer: footer, focused: true).render(in: rect, on: &screen, theme: state.theme)
        screen.cursor = Cursor(x: inner.x + 1, y: inner.y, visible: false)
        for (column, list) in [left, right].enumerated() {
            let x = inner.x + 1 + column * (columnWidth + 2)
            for (i, entry) in list.dropFirst(scroll).prefix(inner.height).enumerated() {
                if entry.heading {
                    screen.put(entry.key, x: x, y: inner.y + i, style: state.theme.heading, maxWidth: columnWidth)
                } else {
                    screen.put(DisplayWidth.pad(entry.key, to: keyWidth), x: x, y: inner.y + i, style: state.theme.key)
                    screen.put(entry.help, x: x + keyWidth + 2, y: inner.y + i, maxWidth: columnWidth - keyWidth - 2)
                }
            }
        }
    }
}
