import Coproduction
import CoproductionStore

/// The Reports screen's lines: every chart of the co-production report as horizontal bars
/// sized to the screen, each value written beside its bar (never by the bar alone), each
/// section saying what it counts. `p` chooses the period, `f` lists the meetings behind a
/// failing share, `w` writes what is shown to files.
enum ReportPage: DetailPage {
    static let title = "Co-production report"

    /// The periods `p` offers, in the words of its choice field.
    static let periods: [(words: String, period: ReportPeriod?)] = [
        ("the last twelve months", .lastTwelveMonths), ("this financial year", .thisFinancialYear),
        ("last financial year", .lastFinancialYear), ("from–to", nil),
    ]

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        guard case .report(let period) = target else { throw .notFound(what: "The report") }
        let (from, to) = period.days(today: now.date)
        return .report(try database.report(as: actor, from: from, to: to, today: now.date), expanded: nil)
    }

    /// The checks with meetings that failed them, in the report's order.
    static func failingChecks(_ report: CoproductionReport) -> [Barrier] {
        Barrier.allCases.filter { (report.failingCount[$0.code] ?? 0) > 0 }
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard case .report(let report, let expanded)? = detail.content else { return nil }
        switch action {
        case .reportPeriod:
            state.push(.stepForm(StepForm(purpose: .reportPeriod, title: "The report's period",
                                          specs: [StepForm.FieldSpec("period", "Period", choices: periods.map(\.words)),
                                                  StepForm.FieldSpec("from", "From", "for from–to: 01/04/2026"),
                                                  StepForm.FieldSpec("to", "To", "for from–to: 31/03/2027")])))
            return []
        case .failingMeetings:
            // Each press opens the next check's list; after the last, the lists close.
            let checks = failingChecks(report)
            guard !checks.isEmpty else {
                state.status = "No meeting in the period failed a check."
                return []
            }
            let next = expanded.flatMap { checks.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            let open = next < checks.count ? checks[next] : nil
            state.updateTop { (d: inout DetailState) in d.content = .report(report, expanded: open) }
            state.status = open.map { "The meetings that failed \($0.name.lowercased()) are listed under its bar. f: the next check." } ?? "The lists are closed."
            return []
        case .writePapers:
            state.status = "Writing the report…"
            return [.writeReport(report, expanded: expanded, forParents: state.session?.role == .champion)]
        default:
            return nil
        }
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard action == .failingMeetings else { return true }
        guard case .report(let report, _)? = detail.content else { return false }
        return !failingChecks(report).isEmpty
    }

    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line] {
        guard case .report(let report, let expanded)? = detail.content, case .report(let period) = detail.target else { return [] }
        let parent = state.session?.role == .champion
        var out: [Line] = [
            Line(ParentWords.fit("Co-production report", state)
                 + ", \(LocalDate(iso: report.from)?.long ?? report.from) to \(LocalDate(iso: report.to)?.long ?? report.to)", .bold),
            Line("Period: \(period.words(today: state.today)). p chooses another; w writes it to files.", state.theme.secondary),
        ]
        let charts = report.charts(forParents: parent)
        let labelWidth = min(20, charts.flatMap(\.bars).map { DisplayWidth.of($0.label) }.max() ?? 10)
        let barWidth = max(10, width - labelWidth - 22)
        let full = state.theme.asciiOnly ? "#" : "█"
        for chart in charts {
            out.append(.blank)
            for (i, line) in DisplayWidth.wrap(chart.title, width: max(10, width)).enumerated() {
                out.append(i == 0 ? Line.heading(line, state) : Line(line, .bold))
            }
            if chart.bars.isEmpty, let none = chart.none { out.append(Line("  " + none, .plain)) }
            for bar in chart.bars {
                let cells = chart.cells(bar, width: barWidth)
                out.append(Line([("  " + DisplayWidth.pad(bar.label, to: labelWidth, ellipsis: state.theme.glyphs.ellipsis) + " ", .plain),
                                 (String(repeating: full, count: cells), state.theme.key),
                                 (" " + bar.text, .bold)]))
                if chart.failingOf, let barrier = Barrier.allCases.first(where: { $0.name == bar.label }), barrier == expanded {
                    for entry in report.failingLines(barrier) {
                        for (i, line) in DisplayWidth.wrap(entry, width: max(10, width - 6)).enumerated() {
                            out.append(Line((i == 0 ? "    \(state.theme.glyphs.fail) " : "      ") + line, .plain))
                        }
                    }
                }
            }
            if let note = chart.note {
                for line in DisplayWidth.wrap(note, width: max(10, width - 2)) { out.append(Line("  " + line, state.theme.secondary)) }
            }
        }
        return out
    }
}
