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
        func bars(_ title: String, _ values: [(String, Double)], scale: Double? = nil, suffix: (Double) -> String) {
            print(title)
            let most = scale ?? max(1, values.map(\.1).max() ?? 1)
            for (label, value) in values {
                let bar = String(repeating: "█", count: Int((value / most * 30).rounded()))
                print("  \(label.padding(toLength: 18, withPad: " ", startingAt: 0)) \(bar.padding(toLength: 31, withPad: " ", startingAt: 0))\(suffix(value))")
            }
            print("")
        }
        print("Co-production report, \(start.long) to \(end.long)\n")
        bars("Meetings held", ["board", "service-design", "task-and-finish", "pre-meeting"].map { ($0, Double(r.meetingsHeld[$0] ?? 0)) }) { String(Int($0)) }
        bars("Meetings that passed each check (of \(r.meetingsChecked) not cancelled)", Barrier.allCases.map { ($0.name, r.passRate[$0.code] ?? 0) }, scale: 1) {
            "\(Int(($0 * 100).rounded()))%"
        }
        bars("Parent Champion attendance by area", r.championAttendanceByArea.sorted { $0.key < $1.key }.map { ($0.key, Double($0.value)) }) { String(Int($0)) }
        print("Other parents at meetings held: \(r.otherParents)")
        print("Children cared for in crèches: \(r.childrenCaredFor)\n")
        print("Ideas by area (raised / taken to the Board / fed back)")
        for (area, n) in r.ideasByArea.sorted(by: { $0.key < $1.key }) {
            print("  \(area.padding(toLength: 18, withPad: " ", startingAt: 0)) \(n["raised"] ?? 0) / \(n["taken to the Board"] ?? 0) / \(n["fed back"] ?? 0)")
        }
        print("")
        bars("Ladder of co-production", Rung.allCases.map { ($0.name, Double(r.ladder[$0.rawValue] ?? 0)) }) { String(Int($0)) }
    }
}
