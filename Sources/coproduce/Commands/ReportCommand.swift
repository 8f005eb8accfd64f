import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce report`: the co-production report for a period, as text with bar charts, CSV or
/// JSON; or the meetings that failed one check.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "The co-production report for a period.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "From this day (default: a year ago).") var from: String?
    @Option(help: "To this day (default: today).") var to: String?
    @Option(help: ArgumentHelp("A financial year instead of --from and --to: this or last (April to March).", valueName: "this|last"))
    var financialYear: String?
    @Option(help: ArgumentHelp("List every meeting in the period that failed this check (school-run, creche, …), not the report.",
                               valueName: "check"))
    var failing: Barrier?
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print CSV (section, what, value, as shown), for a spreadsheet.") var csv = false
    @Option(help: "Write to this file (default: standard output).") var out: String?

    func validate() throws {
        if json && csv { throw ValidationError("Choose --json or --csv, not both.") }
        if financialYear != nil && (from != nil || to != nil) { throw ValidationError("Give --financial-year or --from/--to, not both.") }
        if let year = financialYear, !["this", "last"].contains(year.lowercased()) {
            throw ValidationError("--financial-year: write this or last.")
        }
    }

    func run() throws {
        let today = Clock.now().date
        var (start, end): (LocalDate, LocalDate)
        switch financialYear?.lowercased() {
        case "this"?: (start, end) = ReportPeriod.thisFinancialYear.days(today: today)
        case "last"?: (start, end) = ReportPeriod.lastFinancialYear.days(today: today)
        default:
            start = from == nil ? today.adding(days: -365) : try Lookup.day(from, option: "--from")
            end = try Lookup.day(to, option: "--to")
        }
        if end < start { try MeetingsCommand.refuse(["--to: \(end.uk) is before --from \(start.uk)."]) }
        let (db, actor) = try database.openSignedIn()
        if let failing {
            try listFailing(failing, from: start, to: end, db: db, actor: actor)
            return
        }
        let r = try CommandSession.attempt { () throws(StoreError) in try db.report(as: actor, from: start, to: end, today: today) }
        let output: Data
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            output = try encoder.encode(r) + Data("\n".utf8)
        } else if csv {
            output = try ExportCommand.csvLines(r.csvRows(forParents: actor.role == .champion))
        } else {
            output = Data((r.text(title: "Co-production report, \(start.long) to \(end.long)", forParents: actor.role == .champion) + "\n").utf8)
        }
        guard let out else {
            try writeToStandardOutput(output)
            return
        }
        try FileOutput.write(output, to: out)
        print("The report for \(start.long) to \(end.long) written to \(out).")
    }

    /// Every meeting in the period that failed the check, a page at a time, with the reason.
    func listFailing(_ barrier: Barrier, from start: LocalDate, to end: LocalDate, db: AppDatabase, actor: Actor) throws {
        var checker = try CommandSession.attempt { () throws(StoreError) in try db.barrierChecker() }
        checker.today = Clock.now().date
        var lines: [String] = []
        var count = 0
        func emit(_ line: String) throws {
            if out == nil { print(line) } else { lines.append(line) }
        }
        try CommandSession.attempt { () throws(StoreError) in
            try db.forEachMeetingPage(as: actor, from: start, to: end, checker: checker) { page in
                for item in page where item.meeting.status != .cancelled {
                    guard let result = checker.check(item.facts).first(where: { $0.barrier == barrier }), result.status == .fail else { continue }
                    let m = item.meeting
                    count += 1
                    try emit("\(m.date.long) \(m.start)–\(m.end)  \(m.title)  (meeting \(m.id)): \(result.reason)")
                }
            }
        }
        try emit("\(Plural.count(count, "meeting")) failed \(barrier.name.lowercased()) from \(start.long) to \(end.long).")
        if let out { try FileOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: out) }
    }
}
