import Coproduction
import CoproductionStore

/// The "Upcoming meetings" pane: date, time, kind, title and the worst barrier check.
enum MeetingsPane {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let pane = PaneID.meetings
        let mine = state.session?.role == .champion
        let title = state.showPast ? (mine ? "My past meetings" : "Past meetings") : (mine ? "My meetings" : nil)
        let inner = ListFrame.box(state, pane, title: title, in: rect, on: &screen)
        let g = state.theme.glyphs
        let wide = rect.width >= 100
        if mine {
            // A parent's own view: whether they are coming and their child's place, in words.
            let columns: [Column] = [.fixed("Date", 10), .fixed("Time", 11), .flex("Meeting"), .fixed("You", 13), .fixed("Your child", wide ? 26 : 16)]
            let rows = ListFrame.visible(state, pane, window: state.meetings).map { item -> [TableCell] in
                let m = item.meeting
                return [TableCell(m.date.medium), TableCell("\(m.start)\(g.dash)\(m.end)"), TableCell(m.title),
                        TableCell(yourAnswer(item)), TableCell(yourChild(item))]
            }
            let sentences = ListFrame.visible(state, pane, window: state.meetings).map { item -> String in
                let answer = yourAnswer(item)
                return "\(sentence(item.meeting)) " + (answer.isEmpty ? "" : "You: \(answer). ") + "Your child: \(yourChild(item))."
            }
            ListFrame.table(state, pane, columns: columns, rows: rows, sentences: sentences, in: inner, on: &screen)
            return
        }
        var columns: [Column] = [.fixed("Date", 10), .fixed("Time", 11), .fixed("Kind", 6), .flex("Title")]
        if wide { columns.append(.fixed("Venue", 24)) }
        columns.append(.fixed("Checks", 20))
        let rows = ListFrame.visible(state, pane, window: state.meetings).map { item -> [TableCell] in
            let m = item.meeting
            var cells = [TableCell(m.date.medium), TableCell("\(m.start)\(g.dash)\(m.end)"), TableCell(m.kind.label),
                         TableCell(m.title)]
            if wide { cells.append(TableCell(m.venue)) }
            cells.append(TableCell(checkSummary(item, state), style: state.theme.status(item.status)))
            return cells
        }
        let sentences = ListFrame.visible(state, pane, window: state.meetings).map { item in
            "\(sentence(item.meeting)) \(checkSentence(item, state))"
        }
        ListFrame.table(state, pane, columns: columns, rows: rows, sentences: sentences, in: inner, on: &screen)
    }

    /// A meeting as it is read aloud: "Partnership Board, Tuesday 12 January 2027, 10:00 to
    /// 12:00, Kursaal Children's Centre."
    static func sentence(_ m: Meeting) -> String {
        let venue = m.venue.isEmpty ? "" : ", \(m.venue)"
        return "\(m.title), \(m.date.spoken), \(m.start) to \(m.end)\(venue)."
    }

    /// The checks as a sentence: "All checks pass.", "Fails: crèche.", "Held."
    static func checkSentence(_ item: MeetingListItem, _ state: AppState) -> String {
        if item.meeting.status == .cancelled { return "Cancelled." }
        if item.meeting.status == .held { return "Held." }
        if item.meeting.date < state.today { return "Past: what happened is still to record." }
        let results = state.checker.check(item.facts)
        let fails = results.filter { $0.status == .fail }.map { $0.barrier.name.lowercased() }
        let warns = results.filter { $0.status == .warn }.map { $0.barrier.name.lowercased() }
        if fails.isEmpty && warns.isEmpty { return "All checks pass." }
        var words: [String] = []
        if !fails.isEmpty { words.append("Fails: \(fails.joined(separator: ", ")).") }
        if !warns.isEmpty { words.append("Warns: \(warns.joined(separator: ", ")).") }
        return words.joined(separator: " ")
    }

    /// A champion's own answer, in words.
    static func yourAnswer(_ item: MeetingListItem) -> String {
        if item.meeting.status == .cancelled { return "cancelled" }
        switch item.myResponse {
        case .confirmed?: return item.meeting.status == .held ? "came" : "coming"
        case .apologies?: return "apologies"
        case .invited?: return "please answer"
        case nil: return ""
        }
    }

    /// A champion's children booked into the crèche, or that none is.
    static func yourChild(_ item: MeetingListItem) -> String {
        if !item.myChildren.isEmpty { return "\(item.myChildren.joined(separator: ", ")), booked" }
        return item.facts.creche == nil ? "no crèche" : "not booked"
    }

    /// `✓ ok`, or the glyph, the word and the first barrier that is not met.
    static func checkSummary(_ item: MeetingListItem, _ state: AppState) -> String {
        if item.meeting.status == .cancelled { return "\(state.theme.glyphs.dash) cancelled" }
        if item.meeting.status == .held { return "\(state.theme.glyphs.pass) held" }
        if item.meeting.date < state.today { return "\(state.theme.glyphs.warn) to record" }
        let g = state.theme.glyphs.glyph(item.status)
        guard item.status != .pass,
              let worst = state.checker.check(item.facts).first(where: { $0.status == item.status }) else {
            return "\(g) \(item.status.word)"
        }
        return "\(g) \(item.status.word): \(worst.barrier.name.lowercased())"
    }
}

/// What the three list panes share: the box with its position note, the visible rows, and
/// the table with its selection.
enum ListFrame {
    static func box(_ state: AppState, _ pane: PaneID, title custom: String? = nil, in rect: Rect, on screen: inout Screen) -> Rect {
        let p = state[pane]
        var title = "\(pane.rawValue + 1) \(custom ?? pane.title)"
        if !p.filter.isEmpty { title += " (filter: \(p.filter))" }
        let footer = p.total == 0 ? "0/0" : "\(p.selected + 1)/\(p.total)\(p.moreThanTotal ? "+" : "")"
        screen.hit(rect, .pane(pane, row: nil))
        return Box(title: title, footer: footer, focused: state.focus == pane && state.detail == nil)
            .render(in: rect, on: &screen, theme: state.theme)
    }

    static func visible<T>(_ state: AppState, _ pane: PaneID, window: Window<T>) -> [T] {
        let p = state[pane]
        let rows = state.paneRows(pane)
        return (p.top..<min(p.total, p.top + rows)).compactMap { window.item(at: $0) }
    }

    /// What an empty pane says to do next, with the key, to a role that can do it.
    static func emptyWords(_ state: AppState, _ pane: PaneID) -> String {
        let office = state.session?.role == .admin || state.session?.role == .office
        switch pane {
        case .meetings:
            return office ? (state.showPast ? "No past meetings. P shows those to come." : "No meetings yet: press n to add one.")
                          : "No meetings to show."
        case .areas:
            return office ? "No areas yet. Press S to set up your areas." : "No areas to show yet: the office sets them up."
        case .creche:
            return office ? "No crèches yet: a meeting's crèche is its Crèche room (n or e)." : "No crèches to show."
        }
    }

    static func table(_ state: AppState, _ pane: PaneID, columns: [Column], rows: [[TableCell]], sentences: [String]? = nil,
                      in rect: Rect, on screen: inout Screen) {
        let p = state[pane]
        let mine = pane == .meetings && state.session?.role == .champion
        let myCreches = pane == .creche && state.session?.role == .crecheStaff
        let empty = !p.filter.isEmpty ? "No \(pane.noun) match “\(p.filter)”. Esc clears the filter."
            : mine ? "You are not invited to any meetings yet."
            : myCreches ? "You are not on the rota for any crèche yet." : emptyWords(state, pane)
        var table = Table(columns: columns, rows: rows, selected: p.total == 0 ? nil : p.selected - p.top,
                          focused: state.focus == pane, emptyMessage: empty)
        table.sentences = sentences
        table.targets = rows.indices.map { .pane(pane, row: p.top + $0) }
        let selectedY = table.render(in: rect, on: &screen, theme: state.theme)
        // The terminal cursor on the selection, so screen readers and magnifiers follow it.
        if state.focus == pane, !state.main.editingFilter, p.total > 0 {
            screen.cursor = Cursor(x: rect.x, y: selectedY ?? rect.y + 1 + p.selected - p.top, visible: false)
        }
    }
}
