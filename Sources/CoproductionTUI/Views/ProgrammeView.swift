import Coproduction
import CoproductionStore

/// The Reports screen's lines: every chart of the co-production report as horizontal bars
/// sized to the screen, each value written beside its bar (never by the bar alone).
enum ReportView {
    static func lines(_ report: CoproductionReport, state: AppState, width: Int) -> [Line] {
        var out: [Line] = [
            Line("Co-production report, \(LocalDate(iso: report.from)?.long ?? report.from) to \(LocalDate(iso: report.to)?.long ?? report.to)", .bold),
            Line("The last twelve months. `coproduce report --from --to` gives any period.", state.theme.secondary),
        ]
        let charts = report.charts
        let labelWidth = min(20, charts.flatMap(\.bars).map { DisplayWidth.of($0.label) }.max() ?? 10)
        let barWidth = max(10, width - labelWidth - 10)
        let full = state.theme.asciiOnly ? "#" : "█"
        for chart in charts {
            out.append(.blank)
            out.append(DetailView.heading(chart.title, state))
            for bar in chart.bars {
                let cells = chart.cells(bar, width: barWidth)
                out.append(Line([("  " + DisplayWidth.pad(bar.label, to: labelWidth, ellipsis: state.theme.glyphs.ellipsis) + " ", .plain),
                                 (String(repeating: full, count: cells), state.theme.key),
                                 (" " + bar.text, .bold)]))
            }
        }
        return out
    }
}

/// The fund, marketing and rewards screens: a summary at the top, the rows to choose from,
/// and the chosen row's details under a rule at the bottom.
enum ProgrammeView {
    static func render(_ detail: DetailState, state: AppState, in body: Rect, on screen: inout Screen) {
        let title: String
        switch detail.target {
        case .fund: title = "Parent Engagement Fund"
        case .marketing: title = "Parent Approved Marketing"
        default: title = "Rewards for involvement"
        }
        let inner = Box(title: title, footer: "", focused: true).render(in: body, on: &screen, theme: state.theme)
        guard let content = detail.content else {
            screen.put("Reading…", x: inner.x + 1, y: inner.y)
            return
        }
        let width = inner.width - 2
        let (header, rows, details) = parts(content, selected: detail.selected, state: state, width: width)
        let detailHeight = min(details.count, max(3, inner.height / 2 - 1))
        let listHeight = inner.height - header.count - (detailHeight > 0 ? detailHeight + 1 : 0)
        var y = inner.y
        func draw(_ line: Line, _ style: Style? = nil) {
            var x = inner.x + 1
            if let style { screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            for (text, spanStyle) in line.spans {
                let room = inner.maxX - 1 - x
                guard room > 0 else { break }
                x += screen.put(DisplayWidth.truncate(text, to: room, ellipsis: state.theme.glyphs.ellipsis), x: x, y: y,
                                style: style.map { Style(foreground: $0.foreground, bold: spanStyle.bold, reverse: true) } ?? spanStyle)
            }
            y += 1
        }
        for line in header { draw(line) }
        let top = rows.isEmpty ? 0 : max(0, min(detail.selected - listHeight + 1, rows.count - listHeight, detail.selected))
        let shown = rows.isEmpty ? [] : Array(rows.indices.dropFirst(max(0, top)).prefix(max(0, listHeight)))
        for i in shown {
            let selected = i == detail.selected
            var line = rows[i]
            line.spans.insert(((selected ? state.theme.glyphs.cursor : " ") + " ", .bold), at: 0)
            draw(line, selected ? Style(reverse: true) : nil)
        }
        if rows.count > listHeight, listHeight > 0 {
            let note = " \(top + 1)–\(min(rows.count, top + listHeight)) of \(rows.count) "
            screen.put(note, x: inner.maxX - 1 - DisplayWidth.of(note), y: inner.y + header.count + listHeight - 1, style: state.theme.secondary)
        }
        guard detailHeight > 0 else { return }
        y = inner.maxY - detailHeight - 1
        screen.put(String(repeating: state.theme.glyphs.h, count: inner.width), x: inner.x, y: y, style: state.theme.secondary)
        y += 1
        for line in details.prefix(detailHeight) { draw(line) }
    }

    /// The summary, the rows and the chosen row's details for a screen's content.
    static func parts(_ content: DetailContent, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        switch content {
        case .fund(let f): return fund(f, selected: selected, state: state, width: width)
        case .marketing(let m): return marketing(m, selected: selected, state: state, width: width)
        case .rewards(let r): return rewards(r, selected: selected, state: state, width: width)
        default: return ([], [], [])
        }
    }

    static func statusMark(_ status: ProposalStatus, _ g: Glyphs) -> String {
        switch status {
        case .submitted, .underReview: return g.warn
        case .approved, .delivered, .closed: return g.pass
        case .declined: return g.fail
        }
    }

    static func fund(_ f: FundOverview, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        let g = state.theme.glyphs
        var header: [Line] = []
        if f.budgetSet {
            header.append(Line([("\(f.budget.year) budget ", .bold), ("\(f.budget.total)", .plain), ("  committed ", .bold),
                                ("\(f.budget.committed)", .plain), ("  remaining ", .bold), ("\(f.budget.remaining)", .plain)]))
        } else {
            header.append(Line("\(g.warn) No budget set for \(f.budget.year): e sets it.", state.theme.status(.warn)))
        }
        let counts = ProposalStatus.allCases.compactMap { s in f.byStatus[s].map { "\($0) \(s.name)" } }
        for text in DisplayWidth.wrap("Proposals: " + (counts.isEmpty ? "none yet (n sends one in)" : counts.joined(separator: " · ")), width: width) {
            header.append(Line(text, state.theme.secondary))
        }
        let spread = f.byArea.filter { $0.committed.pence > 0 }
        if !spread.isEmpty {
            for text in DisplayWidth.wrap("Committed by area: " + spread.map { "\($0.area) \($0.committed)" }.joined(separator: " · "), width: width) {
                header.append(Line(text, state.theme.secondary))
            }
        }
        let rows = f.proposals.map { r in
            Line([(DisplayWidth.pad("#\(r.proposal.id)", to: 5), .plain),
                  (DisplayWidth.pad("\(statusMark(r.proposal.status, g)) \(r.proposal.status.name)", to: 15), .plain),
                  (DisplayWidth.pad((r.proposal.approved ?? r.proposal.requested).description, to: 10, alignRight: true) + "  ", .plain),
                  (DisplayWidth.pad(r.areaName, to: 14), .plain), (r.proposal.title, .bold)])
        }
        var details: [Line] = []
        if f.proposals.indices.contains(selected) {
            let r = f.proposals[selected], p = r.proposal
            details += DetailView.field("Applicant", "\(r.applicantName) (\(r.areaName)), \(p.submittedOn.uk), asks \(p.requested)", width: width)
            details += DetailView.field("Purpose", p.purpose, width: width)
            for review in r.reviews {
                details += DetailView.field("Review", "\(review.reviewer): \(review.recommendation.rawValue). \(review.comment)", width: width)
            }
            if let reason = p.decisionReason {
                let amount = p.approved.map { " \($0)" } ?? ""
                let meeting = p.decidedAtMeetingID.map { " at meeting \($0)" } ?? ""
                details += DetailView.field("Decision", "\(p.status == .declined ? "declined" : "approved\(amount)")\(meeting) on \(p.decidedOn?.uk ?? ""): \(reason)", width: width)
            }
            if let on = p.deliveredOn { details += DetailView.field("Delivered", "\(on.uk). \(p.deliveryNote ?? "")", width: width) }
            if let impact = p.impact { details += DetailView.field("Impact", impact, width: width) }
            details.append(Line(next(p.status), state.theme.secondary))
        }
        return (header, rows, details)
    }

    static func next(_ status: ProposalStatus) -> String {
        switch status {
        case .submitted, .underReview: return "w adds a panel review; m records the decision (with a reason)."
        case .approved: return "m records that it was delivered."
        case .delivered: return "m closes it with its impact statement."
        case .declined, .closed: return "Finished."
        }
    }

    static func materialMark(_ status: MaterialStatus, _ g: Glyphs) -> String {
        switch status {
        case .draft: return g.dot
        case .withParents: return g.warn
        case .changesRequested: return g.fail
        case .parentApproved: return g.pass
        }
    }

    static func marketing(_ rows: [MaterialRow], selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        let g = state.theme.glyphs
        var counts: [MaterialStatus: Int] = [:]
        for r in rows { counts[r.status, default: 0] += 1 }
        let header = [Line("Materials: " + (rows.isEmpty ? "none yet (n adds one)"
                                            : MaterialStatus.allCases.compactMap { s in counts[s].map { "\($0) \(s.name)" } }.joined(separator: " · ")),
                           state.theme.secondary)]
        let list = rows.map { r in
            Line([(DisplayWidth.pad("#\(r.material.id)", to: 5), .plain),
                  (DisplayWidth.pad("\(materialMark(r.status, g)) \(r.status.name)", to: 20), .plain),
                  (DisplayWidth.pad("v\(r.material.version) \(r.material.kind.name)", to: 15), .plain), (r.material.title, .bold)])
        }
        var details: [Line] = []
        if rows.indices.contains(selected) {
            let r = rows[selected], m = r.material
            details += DetailView.field("For", "\(m.service)\(r.submittedByName.map { ", put forward by \($0)" } ?? "")", width: width)
            details += DetailView.field("Text", m.text, width: width)
            if r.jargon.isEmpty {
                details.append(Line("\(g.pass) Plain language: no jargon found.", state.theme.status(.pass)))
            } else {
                let hits = r.jargon.map { "“\($0.found)” → \($0.entry.plain)" }.joined(separator: "; ")
                details += DetailView.field("\(g.warn) Jargon", hits, width: width)
            }
            let current = r.currentReviews
            if current.isEmpty {
                details.append(Line(m.sentToParents ? "No answers from parents on v\(m.version) yet." : "A draft: m sends it to parents.",
                                    state.theme.secondary))
            }
            for review in current {
                let verdict = review.review.verdict == .approve ? "\(g.pass) approves" : "\(g.fail) asks for changes"
                details += DetailView.field(review.parent, "(\(review.area)) \(verdict)\(review.review.comment.isEmpty ? "" : ": \(review.review.comment)")",
                                            width: width, labelWidth: 16)
            }
            if m.sentToParents, let short = r.shortfall, r.status != .changesRequested {
                details.append(Line("Needs \(short) to be parent approved.", state.theme.secondary))
            }
        }
        return (header, list, details)
    }

    static func rewards(_ r: RewardsScreen, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        let given = r.rows.filter { !$0.reward.declined }.reduce(Money.zero) { $0 + $1.reward.amount }
        let stated = RewardReason.allCases.compactMap { reason in r.policy.amount(for: reason).map { "\(reason.name) \($0)" } }
        var header = [Line([("\(r.year): ", .bold), ("\(given) given to \(Set(r.rows.filter { !$0.reward.declined }.map(\.reward.championID)).count) parents", .plain)]),
                      Line("Stated up front: " + stated.joined(separator: " · "), state.theme.secondary)]
        if r.rows.isEmpty { header.append(Line("No vouchers or expenses yet this year: n records one.", state.theme.secondary)) }
        let list = r.rows.map { row in
            Line([(DisplayWidth.pad(row.reward.date.uk, to: 12), .plain), (DisplayWidth.pad(row.parent, to: 18, ellipsis: state.theme.glyphs.ellipsis), .bold),
                  (DisplayWidth.pad(row.reward.amount.description, to: 9, alignRight: true) + "  ", .plain),
                  (DisplayWidth.pad(row.reward.kind.rawValue, to: 9), .plain), (DisplayWidth.pad(row.reward.reason.name, to: 13), .plain),
                  (row.reward.declined ? "declined" : "given", .plain)])
        }
        var details: [Line] = []
        if r.rows.indices.contains(selected) {
            let row = r.rows[selected]
            if let t = r.totals.first(where: { $0.totals.championID == row.reward.championID }) {
                details += DetailView.field("This year", "\(t.parent): vouchers \(t.totals.vouchers), expenses \(t.totals.expenses), declined \(t.totals.declined)",
                                            width: width)
                details += DetailView.field("Benefits", t.totals.benefitsAdviceOffered ? "advice offered this year"
                                                : "\(state.theme.glyphs.warn) no benefits advice offered yet this year", width: width)
            }
            if !row.reward.note.isEmpty { details += DetailView.field("Note", row.reward.note, width: width) }
        }
        return (header, list, details)
    }
}
