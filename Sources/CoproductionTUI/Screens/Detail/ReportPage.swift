import Coproduction
import CoproductionStore

/// The Reports screen's lines: every chart of the co-production report as horizontal bars
/// sized to the screen, each value written beside its bar (never by the bar alone).
enum ReportPage: DetailPage {
    static let title = "Co-production report"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        .report(try database.report(as: actor, from: now.date.adding(days: -365), to: now.date))
    }

    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line] {
        guard case .report(let report)? = detail.content else { return [] }
        let parent = state.session?.role == .champion
        var out: [Line] = [
            Line(ParentWords.fit("Co-production report", state)
                 + ", \(LocalDate(iso: report.from)?.long ?? report.from) to \(LocalDate(iso: report.to)?.long ?? report.to)", .bold),
            Line(parent ? "The last twelve months." : "The last twelve months. `coproduce report --from --to` gives any period.", state.theme.secondary),
        ]
        // The ladder's rungs are the staff's words; parents' screens leave them out.
        let charts = report.charts.filter { !parent || !$0.title.hasPrefix("Ladder") }
        let labelWidth = min(20, charts.flatMap(\.bars).map { DisplayWidth.of($0.label) }.max() ?? 10)
        let barWidth = max(10, width - labelWidth - 10)
        let full = state.theme.asciiOnly ? "#" : "█"
        for chart in charts {
            out.append(.blank)
            out.append(Line.heading(chart.title, state))
            if chart.bars.isEmpty, let none = chart.none { out.append(Line("  " + none, .plain)) }
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

