import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce report`: the co-production report for a period, as text with bar charts or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "The co-production report for a period.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "From this day (default: a year ago).") var from: String?
    @Option(help: "To this day (default: today).") var to: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let today = Clock.now().date
        let start = from == nil ? today.adding(days: -365) : try Lookup.day(from, option: "--from")
        let end = try Lookup.day(to, option: "--to")
        if end < start { try MeetingsCommand.refuse(["--to: \(end.uk) is before --from \(start.uk)."]) }
        let (db, actor) = try database.openSignedIn()
        let r = try CommandSession.attempt { () throws(StoreError) in try db.report(as: actor, from: start, to: end) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(r), as: UTF8.self))
            return
        }
        print("Co-production report, \(start.long) to \(end.long)\n")
        let labelWidth = r.charts.flatMap(\.bars).map { $0.label.count }.max() ?? 18
        for chart in r.charts {
            print(chart.title)
            if chart.bars.isEmpty, let none = chart.none { print("  \(none)") }
            for bar in chart.bars {
                let cells = String(repeating: "█", count: chart.cells(bar, width: 30))
                print("  \(bar.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)) \(cells.padding(toLength: 31, withPad: " ", startingAt: 0))\(bar.text)")
            }
            print("")
        }
    }
}
