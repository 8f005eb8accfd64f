import Coproduction
import CoproductionStore
import Foundation

/// A line of a detail screen: spans of styled text.
struct Line {
    var spans: [(String, Style)]
    init(_ spans: [(String, Style)]) { self.spans = spans }
    init(_ text: String, _ style: Style = .plain) { self.spans = [(text, style)] }
    static let blank = Line("")
}

/// The detail screens: a meeting, an area, a crèche. Content is made as lines first, so it
/// can scroll, then drawn in a box.
enum DetailView {
    static func render(_ detail: DetailState, state: AppState, in body: Rect, on screen: inout Screen) {
        let title: String
        switch detail.target {
        case .meeting: title = "Meeting"
        case .area: title = "Area"
        case .creche: title = "Crèche"
        case .audit: title = "Audit trail"
        case .register: title = "Crèche register"
        case .report: title = "Co-production report"
        case .fund: title = "Parent Engagement Fund"
        case .marketing: title = "Parent Approved Marketing"
        case .rewards: title = "Rewards for involvement"
        }
        let inner = Box(title: title, footer: "", focused: true).render(in: body, on: &screen, theme: state.theme)
        let content = lines(detail, state: state, width: inner.width - 2)
        let maxScroll = max(0, content.count - inner.height)
        var scroll = min(detail.scroll, maxScroll)
        if case .register(let screen)? = detail.content, !screen.rows.isEmpty {
            // Keep the selected child in view.
            let line = registerHeaderLines + detail.selected * 2
            if line >= scroll + inner.height { scroll = min(maxScroll, line - inner.height + 2) }
            if line < scroll { scroll = line }
        }
        for (i, line) in content.dropFirst(scroll).prefix(inner.height).enumerated() {
            var x = inner.x + 1
            for (text, style) in line.spans {
                let room = inner.maxX - 1 - x
                guard room > 0 else { break }
                x += screen.put(DisplayWidth.truncate(text, to: room, ellipsis: state.theme.glyphs.ellipsis),
                                x: x, y: inner.y + i, style: style)
            }
        }
        if content.count > inner.height {
            let note = " \(scroll + 1)–\(min(content.count, scroll + inner.height)) of \(content.count) lines "
            screen.put(note, x: body.maxX - 2 - DisplayWidth.of(note), y: body.maxY - 1, style: state.theme.focusedBorder)
        }
    }

    /// Lines of content a detail screen has at a width (shared with `update` to stop
    /// scrolling at the end).
    static func lines(_ detail: DetailState, state: AppState, width: Int) -> [Line] {
        guard let content = detail.content else {
            return [Line("This record is no longer there: it may have been deleted in another terminal. Esc goes back.")]
        }
        switch content {
        case .meeting(let m): return meetingLines(m, state: state, width: width)
        case .area(let a): return areaLines(a, state: state, width: width)
        case .creche(let m): return crecheLines(m, state: state, width: width)
        case .audit(let entries, let total): return auditLines(entries, total: total, state: state, width: width)
        case .register(let screen): return registerLines(screen, selected: detail.selected, state: state, width: width)
        case .report(let report): return ReportView.lines(report, state: state, width: width)
        case .fund, .marketing, .rewards: return []
        }
    }

    static func field(_ label: String, _ value: String, width: Int, labelWidth: Int = 12) -> [Line] {
        let wrapped = DisplayWidth.wrap(value, width: max(10, width - labelWidth))
        return wrapped.enumerated().map { i, text in
            Line([(DisplayWidth.pad(i == 0 ? label : "", to: labelWidth), .bold), (text, .plain)])
        }
    }

    static func heading(_ text: String, _ state: AppState) -> Line { Line(text, state.theme.heading) }

    static func meetingLines(_ d: MeetingDetail, state: AppState, width: Int) -> [Line] {
        let m = d.facts.meeting
        let g = state.theme.glyphs
        var out: [Line] = [Line(m.title, .bold), .blank]
        if m.status == .cancelled {
            out += field("CANCELLED", m.cancelReason ?? "no reason recorded", width: width)
            out.append(.blank)
        }
        var kind = m.kind.name
        if let group = m.kind.groupName { kind += " group: \(group)" }
        out += field("Kind", kind, width: width)
        if let p = d.prepares { out += field("Prepares", "\(p.title), \(p.date.long) \(p.start)", width: width) }
        out += field("When", "\(m.date.long), \(m.start)\(g.dash)\(m.end)", width: width)
        out += field("Venue", m.venue.isEmpty ? "not set" : m.venue, width: width)
        let champions = m.confirmedChampionIDs.count
        out += field("Parents", "\(champions) Parent Champion\(champions == 1 ? "" : "s") confirmed, \(m.otherParents) other parent\(m.otherParents == 1 ? "" : "s") expected", width: width)
        let names = d.championNames.indices.map { i in
            "\(d.championNames[i]) (\(d.championAreas[i]), \(i < d.championResponses.count ? d.championResponses[i].word : "invited"))"
        }
        out += field("Champions", names.isEmpty ? "none invited" : names.joined(separator: ", "), width: width)
        if !d.preMeetings.isEmpty {
            out += field("Pre-meeting", d.preMeetings.map { "\($0.date.long) \($0.start)\(g.dash)\($0.end)" }.joined(separator: "; "), width: width)
        }
        out += [.blank, heading("Agenda", state)]
        if d.facts.agenda.isEmpty { out.append(Line("No agenda items yet.", .dim)) }
        for (i, item) in d.facts.agenda.enumerated() {
            out.append(Line("\(i + 1). \(item.title)", .bold))
            for line in DisplayWidth.wrap(item.summary, width: max(10, width - 3)) where !item.summary.isEmpty {
                out.append(Line("   " + line))
            }
        }
        if let r = d.record {
            out += [.blank, heading("What happened (held)", state)]
            func who(_ a: Attendance) -> String {
                let names = d.championNames.indices.filter { $0 < d.championIDs.count && r.attendance[d.championIDs[$0]] == a }
                    .map { d.championNames[$0] }
                return names.isEmpty ? "none" : names.joined(separator: ", ")
            }
            out += field("Came", who(.attended) + "; \(r.otherParentsAttended) other parent\(r.otherParentsAttended == 1 ? "" : "s")", width: width)
            out += field("Apologies", who(.apologies), width: width)
            out += field("Absent", who(.absent), width: width)
            if !r.minutes.isEmpty { out += field("Minutes", r.minutes, width: width) }
            for (i, decision) in r.decisions.enumerated() { out += field(i == 0 ? "Decisions" : "", "\(i + 1). \(decision)", width: width) }
            for (i, a) in r.actions.enumerated() {
                let state2: String
                if a.done { state2 = "\(g.pass) done" } else if a.isOverdue(on: state.today) { state2 = "\(g.fail) OVERDUE" } else { state2 = "\(g.warn) open" }
                let due = a.due.map { " by \($0.long)" } ?? ""
                let text = "\(a.what) — \(a.owner)\(due)"
                let wrapped = DisplayWidth.wrap(text, width: max(10, width - 24))
                for (j, line) in wrapped.enumerated() {
                    out.append(Line([(DisplayWidth.pad(i == 0 && j == 0 ? "Actions" : "", to: 12), .bold),
                                     (DisplayWidth.pad(j == 0 ? state2 : "", to: 11),
                                      a.isOverdue(on: state.today) ? state.theme.status(.fail) : .plain), (line, .plain)]))
                }
            }
        }
        out += [.blank, heading("Barrier checks", state)]
        if m.status == .cancelled { out.append(Line("None: the meeting is cancelled.", .dim)) }
        for result in state.checker.check(d.facts) {
            let label = "\(g.glyph(result.status)) \(result.status.word)"
            let prefix = DisplayWidth.pad(label, to: 7) + " " + DisplayWidth.pad(result.barrier.name, to: 13) + " "
            let wrapped = DisplayWidth.wrap(result.reason, width: max(10, width - DisplayWidth.of(prefix)))
            for (i, text) in wrapped.enumerated() {
                if i == 0 {
                    out.append(Line([(DisplayWidth.pad(label, to: 7) + " ", state.theme.status(result.status)),
                                     (DisplayWidth.pad(result.barrier.name, to: 13) + " ", .bold), (text, .plain)]))
                } else {
                    out.append(Line(String(repeating: " ", count: DisplayWidth.of(prefix)) + text))
                }
            }
        }
        out += [.blank]
        out += crecheSection(d.facts.creche, state: state, width: width)
        return out
    }

    static func crecheSection(_ plan: CrechePlan?, state: AppState, width: Int) -> [Line] {
        var out = [heading("Crèche", state)]
        guard let plan else { return out + [Line("No crèche arranged.")] }
        let ratios = state.checker.settings.ratios
        let rule = StaffingRule(ratios: ratios)
        out.append(Line(DisplayWidth.pad("Age band", to: 12) + DisplayWidth.pad("Children", to: 10, alignRight: true)
                        + DisplayWidth.pad("Ratio", to: 8, alignRight: true) + DisplayWidth.pad("Staff", to: 8, alignRight: true), .bold))
        for band in AgeBand.allCases {
            let level6 = band == .threeAndOver && plan.level6WithOlderGroup
            let per = ratios.childrenPerStaff(band, level6WithGroup: level6)
            out.append(Line(DisplayWidth.pad(band.name, to: 12) + DisplayWidth.pad("\(plan.count(band))", to: 10, alignRight: true)
                            + DisplayWidth.pad("1:\(per)", to: 8, alignRight: true)
                            + DisplayWidth.pad("\(rule.staffFor(band, count: plan.count(band), level6WithGroup: level6))", to: 8, alignRight: true)))
        }
        let required = plan.staffRequired(ratios)
        out += field("Children", "\(plan.totalChildren) booked; the room takes \(plan.roomCapacity)", width: width)
        out += field("Staff", "\(plan.staffBooked) booked, \(required) required (each band staffed on its own, at least \(ratios.minimumStaff) when any child is booked)", width: width)
        let (status, word) = CrechePane.staffing(plan, ratios)
        out.append(Line([(DisplayWidth.pad("Status", to: 12), .bold),
                         ("\(state.theme.glyphs.glyph(status)) \(word)", state.theme.status(status))]))
        return out
    }

    static func crecheLines(_ d: MeetingDetail, state: AppState, width: Int) -> [Line] {
        let m = d.facts.meeting
        var out: [Line] = [Line("Crèche for \(m.title)", .bold), .blank]
        out += field("When", "\(m.date.long), \(m.start)\(state.theme.glyphs.dash)\(m.end)", width: width)
        out += field("Venue", m.venue, width: width)
        out += field("Parents", "\(m.parentsAttending) coming", width: width)
        out.append(.blank)
        out += crecheSection(d.facts.creche, state: state, width: width)
        out.append(.blank)
        let check = state.checker.creche(m, d.facts.creche)
        out += field("Check", "\(state.theme.glyphs.glyph(check.status)) \(check.status.word): \(check.reason)", width: width)
        return out
    }

    /// Lines above the first child on the register screen.
    static let registerHeaderLines = 8

    static func registerLines(_ r: RegisterScreen, selected: Int, state: AppState, width: Int) -> [Line] {
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
            Line("Staff: " + (r.staff.isEmpty ? "none on the rota yet" : r.staff.map {
                "\($0.name) (level \($0.level)\($0.paediatricFirstAid ? ", first aid" : ""))" }.joined(separator: ", "))),
            Line((r.plan?.underTwoHours ?? true)
                 ? "Two-hour rule: each child is timed; ! at 1 h 45 min, \(g.fail) at 2 h. i signs in, o signs out, b books."
                 : "A registered crèche: children are not timed. i signs in, o signs out, b books.", .dim),
            .blank,
            Line(DisplayWidth.pad("  Child", to: 22) + DisplayWidth.pad("Age", to: 11) + DisplayWidth.pad("Where", to: 22) + "Time", state.theme.heading),
            .blank,
        ]
        if r.rows.isEmpty { lines.append(Line("  No children booked yet: b books a child.", .dim)) }
        for (i, row) in r.rows.enumerated() {
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
        return lines
    }

    static func auditLines(_ entries: [AuditEntry], total: Int, state: AppState, width: Int) -> [Line] {
        var out = [Line("Who did what, newest first. The trail is append-only: nothing in it can be changed.", .bold),
                   Line(entries.count < total ? "Showing the newest \(entries.count) of \(total); `coproduce audit --json` gives all."
                                              : "\(total) entr\(total == 1 ? "y" : "ies").", state.theme.secondary), .blank]
        for e in entries {
            let when = LocalDateTime(e.at)
            let record = e.recordID.map { "\(e.recordKind) \($0)" } ?? e.recordKind
            out.append(Line([("\(when.date.medium) \(when.time)  ", .plain), (DisplayWidth.pad(e.userName, to: 16) + " ", .bold),
                             ("\(e.action) \(record)", .plain)]))
            for c in e.changes {
                let text = "\(c.field): \(c.before ?? "—") → \(c.after ?? "—")"
                for line in DisplayWidth.wrap(text, width: max(10, width - 8)) { out.append(Line("        " + line, .dim)) }
            }
        }
        return out
    }

    static func areaLines(_ a: AreaDetail, state: AppState, width: Int) -> [Line] {
        let g = state.theme.glyphs
        let today = state.today
        var out: [Line] = [Line(a.summary.area.name + (a.summary.area.retired ? " (retired)" : ""), .bold), .blank]
        out += field("Champions", "\(a.summary.activeChampions) active of \(a.summary.champions)", width: width)
        out += field("Ideas", "\(a.summary.ideasOpen) open, \(a.summary.awaitingFeedback) decided and waiting to be told to parents", width: width)
        out += [.blank, heading("Parent Champions", state)]
        if a.records.isEmpty { out.append(Line("No champions yet.")) }
        for r in a.records {
            let trained = r.champion.trainedOn.map { "trained \($0.short) \($0.year)" } ?? "training not recorded"
            var status = r.status.rawValue
            if r.status != .active, let why = r.statusReason { status += ": \(why)" }
            out.append(Line([(DisplayWidth.pad(r.champion.name, to: 18), .plain), (DisplayWidth.pad(status, to: 14), r.status == .active ? .plain : .dim),
                             (trained, .plain)]))
            for flag in r.flags(today: today) {
                out.append(Line("    " + flag.describe(glyphs: g.fail, warn: g.warn), state.theme.status(flag.status)))
            }
            if let phone = r.phone, !phone.isEmpty { out.append(Line("    \(phone)  \(r.email ?? "")  DBS \(r.dbsNumber ?? "")", .dim)) }
        }
        out += [.blank, heading("Ideas from parents (I adds one, m moves one along)", state)]
        if a.ideas.isEmpty { out.append(Line("No ideas logged yet.", .dim)) }
        for idea in a.ideas {
            let who = idea.raisedBy.flatMap { a.championNames[$0] } ?? "a parent in \(a.summary.area.name)"
            let late = idea.awaitingFeedbackTooLong(today: today, days: a.feedbackDays)
            out.append(Line([("#\(idea.id) ", .bold), (DisplayWidth.pad(idea.status.name, to: 20), late ? state.theme.status(.fail) : .plain),
                             ("\(idea.raisedOn.short) \(idea.raisedOn.year), \(who)", .dim)]))
            for line in DisplayWidth.wrap("“\(idea.text)”", width: max(10, width - 4)) { out.append(Line("    " + line)) }
            if late { out.append(Line("    \(g.fail) Decided \(idea.decidedOn?.long ?? ""): not fed back after \(a.feedbackDays) days", state.theme.status(.fail))) }
        }
        let answered = a.ideas.filter { $0.status == .decided || $0.status == .fedBack }
        out += [.blank, heading("You said, we did", state)]
        if answered.isEmpty { out.append(Line("Nothing decided yet.", .dim)) }
        for idea in answered {
            for (i, line) in DisplayWidth.wrap("You said: “\(idea.text)” We did: \(idea.outcome ?? "")", width: max(10, width - 2)).enumerated() {
                out.append(Line((i == 0 ? "" : "  ") + line))
            }
        }
        out += [.blank, heading("Ladder of co-production", state)]
        let most = max(1, a.ladder.values.max() ?? 1)
        for rung in Rung.allCases.reversed() {
            let n = a.ladder[rung] ?? 0
            let bar = String(repeating: state.theme.asciiOnly ? "#" : "█", count: n * 20 / most)
            out.append(Line([(DisplayWidth.pad(rung.name, to: 15), .plain), (DisplayWidth.pad(bar, to: 21), .bold), ("\(n)", .plain)]))
        }
        out += [.blank, heading("Meetings a champion from \(a.summary.area.name) is going to", state)]
        if a.upcoming.isEmpty { out.append(Line("None booked.")) }
        for m in a.upcoming {
            out.append(Line("\(m.date.medium)  \(m.start)\(g.dash)\(m.end)  \(DisplayWidth.pad(m.kind.label, to: 6)) \(m.title)"))
        }
        return out
    }
}
