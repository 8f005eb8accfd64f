import Coproduction
import CoproductionStore
import Foundation

/// A crèche session's register: who is in, out or still to come, each child's two-hour timer,
/// safety notes always whole under their name; i signs a child in, o out, b books one.
enum RegisterPage: DetailPage {
    static let title = "Crèche register"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, today: LocalDate) throws(StoreError) -> DetailContent {
        guard case .register(let id) = target else { throw .notFound(what: "The register") }
        let d = try database.meetingDetail(as: actor, id: id)
        return .register(RegisterScreen(meeting: d.facts.meeting, plan: d.facts.creche, staff: try database.rota(as: actor, meetingID: id),
                                        rows: try database.register(as: actor, meetingID: id)))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard case .register(let meetingID) = detail.target else { return nil }
        switch action {
        case .walkIn:
            state.push(.stepForm(SetupForms.walkIn(meetingID: meetingID, state: state)))
            return []
        case .addToRota:
            state.push(.prompt(PromptState(purpose: .addToRota(meetingID: meetingID),
                                           question: "Who from the register of crèche staff works this session? Type part of their name. (S adds people to the register.)")))
            return []
        case .book:
            state.push(.prompt(PromptState(purpose: .bookChild(meetingID: meetingID),
                                           question: "Book which child into this crèche? Type part of their name and choose from the list.")))
            return []
        case .signInChild, .signOutChild:
            guard case .register(let screen)? = detail.content, screen.rows.indices.contains(detail.selected) else {
                state.status = "No child selected."
                return []
            }
            let row = screen.rows[detail.selected]
            if action == .signInChild { return [.signInChild(bookingID: row.bookingID, firstName: row.child.firstName)] }
            guard case .inCreche = row.state else {
                state.status = "\(row.child.firstName) is not in the crèche, so cannot be signed out."
                return []
            }
            let list = [row.child.parentName] + row.child.collectors
            state.push(.prompt(PromptState(purpose: .signOut(bookingID: row.bookingID, child: row.child.firstName),
                                           question: "Who is collecting \(row.child.firstName)? Choose from their list, or type the name of someone else.",
                                           offered: list.map { Choice($0, detail: "on the list") })))
            return []
        default:
            return nil
        }
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard case .register(let screen)? = detail.content else { return false }
        switch action {
        case .signInChild, .signOutChild: return !screen.rows.isEmpty
        default: return true
        }
    }

    static func render(_ detail: DetailState, _ state: AppState, in body: Rect, on screen: inout Screen) {
        guard case .register(let r)? = detail.content else { return }
        let inner = Box(title: title, footer: "", focused: true).render(in: body, on: &screen, theme: state.theme)
        let (content, starts) = layout(r, selected: detail.selected, state: state, width: inner.width - 2)
        var scroll = 0
        if starts.indices.contains(detail.selected) {
            // Keep the selected child, and the notes under their name, in view.
            let line = starts[detail.selected]
            if line + 2 > inner.height { scroll = min(max(0, content.count - inner.height), line + 2 - inner.height) }
            screen.cursor = Cursor(x: inner.x + 1, y: inner.y + line - scroll, visible: false)
        }
        DetailPages.draw(content.dropFirst(scroll).prefix(inner.height), in: inner, state: state, on: &screen)
        if content.count > inner.height {
            let note = " \(scroll + 1)–\(min(content.count, scroll + inner.height)) of \(content.count) lines "
            screen.put(note, x: body.maxX - 2 - DisplayWidth.of(note), y: body.maxY - 1, style: state.theme.focusedBorder)
        }
    }

    /// The register's lines, and the line each child's row starts on (so the view keeps the
    /// selected child in sight).
    static func layout(_ r: RegisterScreen, selected: Int, state: AppState, width: Int) -> (lines: [Line], rowStarts: [Int]) {
        let g = state.theme.glyphs
        let m = r.meeting
        let now = state.now.instant
        let ended = state.now > LocalDateTime(date: m.date, time: m.end)
        var inNow = 0, out = 0, due = 0
        for row in r.rows {
            switch row.state {
            case .inCreche: inNow += 1
            case .signedOut: out += 1
            case .notArrived: due += 1
            }
        }
        var lines: [Line] = [
            Line("Crèche for \(m.title)", .bold),
            Line("\(m.date.long), \(m.start)\(g.dash)\(m.end) \(g.dot) \(m.venue)"),
            Line([("In the crèche now: \(inNow)", .bold), ("   signed out: \(out)   not arrived yet: \(due)", .plain)]),
            Line("Staff: " + (r.staff.isEmpty
                ? "none on the rota yet" + (AccessPolicy.scope(state.session?.role ?? .champion, .write, .rota) == .all ? ": s adds someone." : ".")
                : r.staff.map {
                "\($0.name) (level \($0.level)\($0.paediatricFirstAid ? ", first aid" : ""))" }.joined(separator: ", "))),
            Line((r.plan?.underTwoHours ?? true)
                 ? "Two-hour rule: each child is timed; ! at 1 h 45 min, \(g.fail) at 2 h. i signs in, o signs out, b books."
                 : "A registered crèche: children are not timed. i signs in, o signs out, b books.", .dim),
            .blank,
            Line(DisplayWidth.pad("  Child", to: 22) + DisplayWidth.pad("Age", to: 11) + DisplayWidth.pad("Where", to: 22) + "Time", state.theme.heading),
            .blank,
        ]
        if r.rows.isEmpty { lines.append(Line("  No children booked yet: b books a child.", .dim)) }
        var rowStarts: [Int] = []
        for (i, row) in r.rows.enumerated() {
            rowStarts.append(lines.count)
            let where_: String
            var timer = ""
            var timerStyle = Style.plain
            var loud = false
            var notSignedOut = false
            switch row.state {
            case .notArrived:
                where_ = "not arrived"
            case .inCreche(let since):
                where_ = "in since \(LocalDateTime(since).time)"
                notSignedOut = ended
                guard r.plan?.underTwoHours ?? true else { break }
                let elapsed = now.timeIntervalSince(since)
                let status = TwoHourRule.status(after: elapsed)
                timer = "\(TwoHourRule.format(elapsed)) \(g.glyph(status)) \(status == .pass ? "ok" : status == .warn ? "near 2 h" : "over 2 h")"
                timerStyle = state.theme.status(status)
            case .signedOut(let at, let who):
                where_ = "out \(LocalDateTime(at).time), \(who)"
                loud = row.collectedByStranger
            }
            let mark = i == selected ? g.cursor + " " : "  "
            let base: Style = i == selected ? Style(reverse: true) : .plain
            lines.append(Line([(mark + DisplayWidth.pad(row.child.fullName, to: 20), i == selected ? Style(bold: true, reverse: true) : .bold),
                               (DisplayWidth.pad(row.band.name, to: 11), base),
                               (DisplayWidth.pad(where_, to: 22), loud ? state.theme.status(.fail) : base),
                               (timer, timerStyle)]))
            var second: [String] = []
            if notSignedOut { second.append("\(g.fail) NOT SIGNED OUT: the session ended at \(m.end)") }
            if loud { second.append("\(g.fail) COLLECTED BY SOMEONE NOT ON THE LIST: \(row.collectionReason ?? "no reason")") }
            if row.child.hasNotes { second.append(row.child.notes.map { "\(g.warn) \($0)" } ?? "\(g.warn) allergy or medical notes: held by the crèche staff") }
            lines.append(Line("    " + DisplayWidth.truncate(second.joined(separator: "  "), to: max(10, width - 4), ellipsis: g.ellipsis),
                              loud || notSignedOut ? state.theme.status(.fail) : .dim))
        }
        return (lines, rowStarts)
    }

}
