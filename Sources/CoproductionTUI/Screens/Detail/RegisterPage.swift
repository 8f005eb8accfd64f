import Coproduction
import CoproductionStore
import Foundation

/// A crèche session's register: who is in, out or still to come, each child's two-hour timer,
/// safety notes always whole under their name; i signs a child in, o out, b books one.
enum RegisterPage: DetailPage {
    static let title = "Crèche register"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        guard case .register(let id) = target else { throw .notFound(what: "The register") }
        let d = try database.meetingDetail(as: actor, id: id)
        return .register(RegisterScreen(meeting: d.facts.meeting, plan: d.facts.creche, staff: try database.rota(as: actor, meetingID: id),
                                        rows: try database.register(as: actor, meetingID: id),
                                        incidents: try database.incidents(as: actor, meetingID: id),
                                        socialCareNumber: try database.text(of: .childrensSocialCareNumber)))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard case .register(let meetingID) = detail.target else { return nil }
        switch action {
        case .walkIn:
            state.push(.stepForm(SetupForms.walkIn(meetingID: meetingID, state: state)))
            return []
        case .open:
            guard case .register(let screen)? = detail.content, screen.rows.indices.contains(detail.selected) else { return [] }
            state.push(.detail(DetailState(target: .child(screen.rows[detail.selected].child.id))))
            return []
        case .showNotes:
            guard state.notesHidden, let who = state.session else {
                state.status = "The notes are showing."
                return []
            }
            state.push(.stepForm(SetupForms.showNotes(who.name)))
            return []
        case .incident, .incidentFollowUp:
            guard case .register(let screen)? = detail.content, screen.rows.indices.contains(detail.selected) else {
                state.status = "No child selected: choose the child first."
                return []
            }
            let child = screen.rows[detail.selected].child
            if action == .incident {
                state.push(.stepForm(IncidentForms.new(meetingID: meetingID, child: child, rota: screen.staff.map(\.name), state: state)))
                return []
            }
            let theirs = screen.incidents.filter { $0.childID == child.id }
            guard let latest = theirs.last(where: { !$0.needs(now: state.now, sessionEnds: state.now).isEmpty }) ?? theirs.last else {
                state.status = "No incident is recorded for \(child.firstName) in this session: a records one."
                return []
            }
            state.push(.stepForm(IncidentForms.followUp(latest)))
            return []
        case .uncollectedCall:
            guard case .register(let screen)? = detail.content, screen.rows.indices.contains(detail.selected) else {
                state.status = "No child selected: choose the child first."
                return []
            }
            let row = screen.rows[detail.selected]
            let escalation = screen.escalation(row)
            guard case .inCreche = row.state, state.now > escalation.sessionEnds else {
                state.status = "\(row.child.firstName) is not waiting to be collected: calls are marked after the session's end (\(screen.meeting.end)) for a child still signed in."
                return []
            }
            guard escalation.next(now: state.now) != nil else {
                state.status = "Every call is marked done for \(row.child.firstName): sign them out (o) when they are collected."
                return []
            }
            state.push(.stepForm(UncollectedForms.call(row, escalation: escalation, state: state)))
            return []
        case .collection:
            guard case .register(let screen)? = detail.content, screen.rows.indices.contains(detail.selected) else {
                state.status = "No child selected: choose the child first."
                return []
            }
            let child = screen.rows[detail.selected].child
            state.push(.prompt(PromptState(purpose: .collection(childID: child.id, child: child.fullName),
                                           question: "What do you want to record about who collects \(child.fullName)?",
                                           offered: CollectionForms.menu.map { Choice($0) })))
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
            func described(_ name: String, _ words: String) -> String {
                row.withPassword.contains { CollectionSafety.same($0, name) } ? words + ", password" : words
            }
            let offered = ([row.child.parentName] + row.child.collectors).map { Choice($0, detail: described($0, "on the list")) }
                + row.temporaryCollectors.map { Choice($0, detail: described($0, "today only")) }
            let barred = row.mustNotCollect.isEmpty ? "" : " MUST NOT COLLECT: \(row.mustNotCollect.joined(separator: ", "))."
            state.push(.prompt(PromptState(purpose: .signOut(bookingID: row.bookingID, child: row.child.firstName),
                                           question: "Who is collecting \(row.child.firstName)? Choose from their list, or type the name of someone else.\(barred)",
                                           offered: offered)))
            return []
        default:
            return nil
        }
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard case .register(let screen)? = detail.content else { return false }
        switch action {
        case .signInChild, .signOutChild, .open, .incident, .collection: return !screen.rows.isEmpty
        case .uncollectedCall:
            return state.now > LocalDateTime(date: screen.meeting.date, time: screen.meeting.end)
                && screen.rows.contains { if case .inCreche = $0.state { return true } else { return false } }
        case .incidentFollowUp: return !screen.incidents.isEmpty
        case .showNotes: return state.notesHidden
        default: return true
        }
    }

    static func render(_ detail: DetailState, _ state: AppState, in body: Rect, on screen: inout Screen) {
        guard case .register(let r)? = detail.content else { return }
        let height = body.height - (state.theme.plain ? 1 : 2)
        let (content, starts) = layout(r, selected: detail.selected, state: state, width: body.width - 4)
        var scrolled = 0
        if starts.indices.contains(detail.selected), starts[detail.selected] + 2 > height {
            scrolled = min(max(0, content.count - height), starts[detail.selected] + 2 - height)
        }
        let note = content.count > height ? "\(scrolled + 1)–\(min(content.count, scrolled + height)) of \(Plural.count(content.count, "line"))" : ""
        let inner = Box(title: title, footer: note, focused: true).render(in: body, on: &screen, theme: state.theme)
        var scroll = 0
        if starts.indices.contains(detail.selected) {
            // Keep the selected child, and the notes under their name, in view.
            let line = starts[detail.selected]
            if line + 2 > inner.height { scroll = min(max(0, content.count - inner.height), line + 2 - inner.height) }
            screen.cursor = Cursor(x: inner.x + 1, y: inner.y + line - scroll, visible: false)
        }
        DetailPages.draw(content.dropFirst(scroll).prefix(inner.height), in: inner, state: state, on: &screen)
        // A click on any line of a child's row chooses that child.
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : content.count
            let top = max(start - scroll, 0), bottom = min(end - scroll, inner.height)
            if bottom > top { screen.hit(Rect(x: inner.x, y: inner.y + top, width: inner.width, height: bottom - top), .detailRow(i)) }
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
        ]
        let staff = "Staff: " + (r.staff.isEmpty
            ? "none on the rota yet" + (AccessPolicy.scope(state.session?.role ?? .champion, .write, .rota) == .all ? ": s adds someone." : ".")
            : r.staff.map { "\($0.name) (level \($0.level)\($0.paediatricFirstAid ? ", first aid" : ""))" }.joined(separator: ", "))
        lines += DisplayWidth.wrap(staff, width: max(10, width)).map { Line($0) }
        for piece in DisplayWidth.wrap((r.plan?.underTwoHours ?? true)
                 ? "Two-hour rule: each child is timed from their first sign-in of the day here; ! at 1 h 45 min, \(g.fail) at 2 h. i signs in, o signs out, b books."
                 : "A registered crèche: children are not timed. i signs in, o signs out, b books.", width: max(10, width)) {
            lines.append(Line(piece, .dim))
        }
        lines += [
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
                // Timed from the first sign-in of the child's stay (a pre-meeting's crèche
                // straight before this one counts).
                where_ = "in since \(LocalDateTime(row.stayStartedAt ?? since).time)"
                notSignedOut = ended
                guard r.plan?.underTwoHours ?? true else { break }
                let elapsed = now.timeIntervalSince(row.stayStartedAt ?? since)
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
            // Safety text is never cut: each note wraps onto as many lines as it needs.
            var notes: [(String, Style)] = []
            if notSignedOut {
                // The escalation, step by step with its times; c marks a call made.
                let escalation = r.escalation(row)
                notes.append(("\(g.fail) NOT COLLECTED: the session ended at \(m.end). c marks each call made", state.theme.status(.fail)))
                for step in escalation.lines(now: state.now) {
                    notes.append(("\(g.glyph(step.status)) \(step.words)", step.status == .fail ? state.theme.status(.fail) : step.status == .pass ? .dim : .plain))
                }
            } else if !row.calls.isEmpty {
                for call in row.calls {
                    notes.append(("not collected at the end: \(call.step.rawValue) \(LocalDateTime(call.at).time) by \(call.by)\(call.note.isEmpty ? "" : ": \(call.note)")", .dim))
                }
            }
            if loud { notes.append(("\(g.fail) COLLECTED BY SOMEONE NOT ON THE LIST: \(row.collectionReason ?? "no reason")", state.theme.status(.fail))) }
            if let began = row.stayStartedAt, case .inCreche = row.state {
                notes.append(("timed from \(LocalDateTime(began).time), when they came in for the session before (one stay)", .dim))
            }
            let sessionEnds = LocalDateTime(date: m.date, time: m.end)
            for incident in r.incidents where incident.childID == row.child.id {
                let at = LocalDateTime(incident.at)
                let needs = incident.needs(now: state.now, sessionEnds: sessionEnds)
                let head = "incident \(at.time), \(incident.place)\(incident.serious ? ", serious" : "")"
                if let worst = needs.first {
                    notes.append(("\(g.glyph(worst.status)) \(head): \(needs.map { Self.shortNeed($0.words) }.joined(separator: "; ")) (t adds)",
                                  state.theme.status(worst.status)))
                } else {
                    notes.append(("\(head): parent told and acknowledged\(incident.serious ? "; Ofsted told" : "")", .dim))
                }
            }
            if !row.mustNotCollect.isEmpty {
                notes.append(("\(g.fail) must not collect: \(row.mustNotCollect.joined(separator: ", "))", state.theme.status(.fail)))
            }
            if !row.temporaryCollectors.isEmpty {
                notes.append(("collecting today only: \(row.temporaryCollectors.joined(separator: ", "))", .dim))
            }
            if row.child.hasNotes {
                if state.notesHidden {
                    notes.append(("\(g.warn) notes hidden while nobody was at the keys: p and your PIN show them", .dim))
                } else {
                    notes.append((row.child.notes.map { "\(g.warn) \($0)" } ?? "\(g.warn) allergy or medical notes: held by the crèche staff", .dim))
                }
            }
            for (text, style) in notes {
                for piece in DisplayWidth.wrap(text, width: max(10, width - 4)) { lines.append(Line("    " + piece, style)) }
            }
            if notes.isEmpty { lines.append(.blank) }
        }
        return (lines, rowStarts)
    }

    /// What an incident still needs, without the child's name and the time the row already gives.
    static func shortNeed(_ words: String) -> String {
        guard let colon = words.range(of: ": ") ?? words.range(of: " is serious") else { return words }
        return words[colon.lowerBound...].hasPrefix(": ") ? String(words[colon.upperBound...]) : "serious" + String(words[colon.upperBound...])
    }

    /// The register's alerts as the clock moves on: a child reaching 1 h 45 min and 2 h in a
    /// crèche that must stay under two hours, and a session's end passing with children still
    /// in. Each is given once (the screen flashes, and the bell rings unless `alert-bell` is
    /// no); the child's row says why.
    static func alerts(_ state: inout AppState) -> [Command] {
        let now = state.now.instant
        var fresh = false
        for entry in state.stack {
            guard case .detail(let d) = entry, case .register(let r)? = d.content else { continue }
            let ended = state.now > LocalDateTime(date: r.meeting.date, time: r.meeting.end)
            for row in r.rows {
                guard case .inCreche(let since) = row.state else { continue }
                var due: [String] = []
                if r.plan?.underTwoHours ?? true {
                    let elapsed = now.timeIntervalSince(row.stayStartedAt ?? since)
                    if elapsed >= TwoHourRule.warnAfter { due.append("1h45") }
                    if elapsed >= TwoHourRule.limit { due.append("2h") }
                }
                if ended {
                    due.append("end")
                    // Each call as it falls due (15, 30 and 60 minutes after the end).
                    due += r.escalation(row).lines(now: state.now).filter { $0.status == .fail }.map { "call \($0.step.argument)" }
                }
                for kind in due where state.alertsGiven.insert("\(row.bookingID):\(kind)").inserted { fresh = true }
            }
        }
        return fresh ? [.alert(bell: state.alertBell)] : []
    }

    /// Whether the register stays open when the lock time passes: a crèche worker's register
    /// (only their own sessions open) with a child signed in. Only the notes are hidden then.
    static func staysOpen(_ state: AppState) -> Bool {
        guard state.session?.role == .crecheStaff else { return false }
        return state.stack.contains { entry in
            guard case .detail(let d) = entry, case .register(let r)? = d.content else { return false }
            return r.rows.contains { if case .inCreche = $0.state { return true } else { return false } }
        }
    }

}
