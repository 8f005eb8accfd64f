import Coproduction
import Foundation
import GRDB

/// The co-production report for a period: what funders and annual reviews ask for.
public struct CoproductionReport: Codable, Hashable, Sendable {
    /// The first day.
    public var from: String
    /// The last day.
    public var to: String
    /// Meetings held, by kind (board, service-design, task-and-finish, pre-meeting).
    public var meetingsHeld: [String: Int]
    /// Meetings in the period that were not cancelled.
    public var meetingsChecked: Int
    /// For each barrier check, the share (0 to 1) of those meetings that passed it.
    public var passRate: [String: Double]
    /// Parent Champion attendances at held meetings, by area.
    public var championAttendanceByArea: [String: Int]
    /// Other parents at held meetings, in all.
    public var otherParents: Int
    /// Children signed into crèches.
    public var childrenCaredFor: Int
    /// Ideas raised, taken to the Board (on an agenda or further) and fed back, by area.
    public var ideasByArea: [String: [String: Int]]
    /// Meetings and ideas on each rung of the ladder of co-production.
    public var ladder: [String: Int]
    /// Of the held meetings the quorum applies to, the share (0 to 1) that were quorate, by kind.
    public var quorateShare: [String: Double] = [:]
    /// For each check, how many of the meetings not cancelled had it accepted as failing, with
    /// a reason (counted apart: neither in ``passRate`` nor as a failure).
    public var accepted: [String: Int] = [:]
    /// Meetings in the period whose day has passed but which are not recorded as held (nor
    /// cancelled) yet.
    public var pastNotRecorded: Int = 0
    /// For each check, how many of the meetings not cancelled failed it.
    public var failingCount: [String: Int] = [:]
    /// For each check, how many of the meetings not cancelled had a warning from it.
    public var warningCount: [String: Int] = [:]
    /// For each check, the first ``CoproductionReport/failingListed`` meetings that failed it,
    /// soonest first: the list behind the share.
    public var failing: [String: [ReportMeeting]] = [:]

    /// How many failing meetings of each check the report keeps to list (the count is whole).
    public static let failingListed = 200
}

/// A meeting named in the report: its id, day and title.
public struct ReportMeeting: Codable, Hashable, Sendable {
    /// The meeting's id.
    public var id: Int64
    /// Its day, ISO 8601.
    public var date: String
    /// Its title.
    public var title: String
}

/// The periods the Reports screen offers.
public enum ReportPeriod: Hashable, Sendable {
    /// The twelve months to today.
    case lastTwelveMonths
    /// The financial year (April to March) today is in.
    case thisFinancialYear
    /// The financial year before it.
    case lastFinancialYear
    /// From one day to another, both included.
    case between(LocalDate, LocalDate)

    /// The first and last days on `today`.
    public func days(today: LocalDate) -> (from: LocalDate, to: LocalDate) {
        switch self {
        case .lastTwelveMonths: return (today.adding(days: -365), today)
        case .thisFinancialYear:
            let year = FinancialYear(containing: today)
            return (year.first, year.last)
        case .lastFinancialYear:
            let year = FinancialYear(startYear: FinancialYear(containing: today).startYear - 1)
            return (year.first, year.last)
        case .between(let from, let to): return (from, to)
        }
    }

    /// How it is named on screen: "the last twelve months", "this financial year (2026–27)".
    public func words(today: LocalDate) -> String {
        switch self {
        case .lastTwelveMonths: return "the last twelve months"
        case .thisFinancialYear: return "this financial year (\(FinancialYear(containing: today)))"
        case .lastFinancialYear: return "last financial year (\(FinancialYear(startYear: FinancialYear(containing: today).startYear - 1)))"
        case .between(let from, let to): return "\(from.long) to \(to.long)"
        }
    }
}

extension AppDatabase {
    /// The co-production report between two days (inclusive).
    /// Meetings whose day is before `today` and are neither held nor cancelled are counted as
    /// not recorded yet.
    public func report(as actor: Actor, from: LocalDate, to: LocalDate, today: LocalDate = LocalDateTime(Date()).date) throws(StoreError) -> CoproductionReport {
        try authorize(actor, .read, .meeting)
        try authorize(actor, .read, .champion)
        let checker = try barrierChecker()
        // A page at a time, each meeting checked once: memory stays flat however many.
        var checked = 0
        var passed: [Barrier: Int] = [:], acceptedCount: [Barrier: Int] = [:], failedCount: [Barrier: Int] = [:], warnedCount: [Barrier: Int] = [:]
        var failedList: [Barrier: [ReportMeeting]] = [:]
        // Each meeting is checked as its page is read (on two connections at once); the counts
        // are added up here, in order.
        try forEachMeetingPage(as: actor, from: from, to: to, { read -> (meeting: Meeting, results: [BarrierResult])? in
            read.facts.meeting.status == .cancelled ? nil : (read.facts.meeting, checker.check(read.facts))
        }) { page in
            for case let (meeting, results)? in page {
                checked += 1
                var seen = Set<Barrier>()
                for result in results where seen.insert(result.barrier).inserted {
                    if result.accepted != nil {
                        acceptedCount[result.barrier, default: 0] += 1
                    } else if result.status == .pass {
                        passed[result.barrier, default: 0] += 1
                    } else if result.status == .warn {
                        warnedCount[result.barrier, default: 0] += 1
                    } else if result.status == .fail {
                        failedCount[result.barrier, default: 0] += 1
                        if failedList[result.barrier, default: []].count < CoproductionReport.failingListed {
                            let m = meeting
                            failedList[result.barrier, default: []].append(ReportMeeting(id: m.id, date: m.date.iso, title: m.title))
                        }
                    }
                }
            }
        }
        var passRate: [String: Double] = [:]
        for barrier in Barrier.allCases {
            passRate[barrier.code] = checked == 0 ? 0 : Double(passed[barrier] ?? 0) / Double(checked)
        }
        let range: StatementArguments = [from.iso, to.iso]
        let rates = passRate, total = checked
        let accepted = Dictionary(uniqueKeysWithValues: acceptedCount.map { ($0.key.code, $0.value) })
        let failingCount = Dictionary(uniqueKeysWithValues: failedCount.map { ($0.key.code, $0.value) })
        let failing = Dictionary(uniqueKeysWithValues: failedList.map { ($0.key.code, $0.value) })
        let warningCount = Dictionary(uniqueKeysWithValues: warnedCount.map { ($0.key.code, $0.value) })
        return try read { db in
            var held: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM meeting WHERE status = 'held' AND date BETWEEN ? AND ? GROUP BY kind",
                                      arguments: range) { held[r["kind"]] = r["n"] }
            var byArea: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT a.name, COUNT(*) AS n FROM meetingChampion mc JOIN meeting m ON m.id = mc.meetingId
                JOIN champion c ON c.id = mc.championId JOIN area a ON a.id = c.areaId
                WHERE m.status = 'held' AND mc.attendance = 'attended' AND m.date BETWEEN ? AND ? GROUP BY a.id
                """, arguments: range) { byArea[r["name"]] = r["n"] }
            let others = try Int.fetchOne(db, sql: "SELECT SUM(otherParentsAttended) FROM meeting WHERE status = 'held' AND date BETWEEN ? AND ?",
                                          arguments: range) ?? 0
            let children = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM booking b JOIN meeting m ON m.id = b.meetingId WHERE b.signedInAt IS NOT NULL AND m.date BETWEEN ? AND ?
                """, arguments: range) ?? 0
            var ideas: [String: [String: Int]] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT a.name, COUNT(*) AS raised,
                       SUM(i.status IN ('on-agenda', 'decided', 'fed-back')) AS toBoard, SUM(i.status = 'fed-back') AS fedBack
                FROM idea i JOIN area a ON a.id = i.areaId WHERE i.raisedOn BETWEEN ? AND ? GROUP BY a.id
                """, arguments: range) {
                ideas[r["name"]] = ["raised": r["raised"], "taken to the Board": r["toBoard"], "fed back": r["fedBack"]]
            }
            var ladder: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT rung, COUNT(*) AS n FROM (
                    SELECT rung FROM meeting WHERE rung IS NOT NULL AND status <> 'cancelled' AND date BETWEEN ? AND ?
                    UNION ALL SELECT rung FROM idea WHERE rung IS NOT NULL AND raisedOn BETWEEN ? AND ?
                ) GROUP BY rung
                """, arguments: [from.iso, to.iso, from.iso, to.iso]) { ladder[r["rung"]] = r["n"] }
            var quorate: [String: Double] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT kind, AVG(quorate) AS share FROM meeting WHERE status = 'held' AND quorate IS NOT NULL AND date BETWEEN ? AND ? GROUP BY kind
                """, arguments: range) { quorate[r["kind"]] = r["share"] }
            var report = CoproductionReport(from: from.iso, to: to.iso, meetingsHeld: held, meetingsChecked: total, passRate: rates,
                                            championAttendanceByArea: byArea, otherParents: others, childrenCaredFor: children,
                                            ideasByArea: ideas, ladder: ladder)
            report.quorateShare = quorate
            report.accepted = accepted
            report.failingCount = failingCount
            report.failing = failing
            report.warningCount = warningCount
            report.pastNotRecorded = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM meeting WHERE status = 'planned' AND date BETWEEN ? AND ? AND date < ?
                """, arguments: [from.iso, to.iso, today.iso]) ?? 0
            return report
        }
    }
}

/// One horizontal bar chart of the report: labelled values, the value a full bar stands for,
/// and each value as written beside its bar.
public struct ReportChart: Hashable, Sendable {
    /// One bar.
    public struct Bar: Hashable, Sendable {
        /// What it counts.
        public var label: String
        /// Its value.
        public var value: Double
        /// The value in words ("12", "75%").
        public var text: String
    }
    /// The heading.
    public var title: String
    /// The bars, in order.
    public var bars: [Bar]
    /// The value of a full-width bar.
    public var scale: Double
    /// What to say when it has no bars ("None in this period."), shown in their place.
    public var none: String?
    /// A line after the bars (what the bars leave out, or how to read them).
    public var note: String?
    /// The check the bars are the pass shares of: its failing meetings can be listed.
    public var failingOf: Bool = false

    /// How many cells of `width` a bar fills (at least one for any value above nothing).
    public func cells(_ bar: Bar, width: Int) -> Int {
        guard bar.value > 0, scale > 0 else { return 0 }
        return max(1, Int((bar.value / scale * Double(width)).rounded()))
    }
}

extension CoproductionReport {
    /// The report's figures as bar charts, in the order the command line and the Reports
    /// screen show them (one layout for both).
    public var charts: [ReportChart] {
        func chart(_ title: String, _ values: [(String, Double)], scale: Double? = nil, text: (Double) -> String) -> ReportChart {
            ReportChart(title: title, bars: values.map { ReportChart.Bar(label: $0.0, value: $0.1, text: text($0.1)) },
                        scale: scale ?? max(1, values.map(\.1).max() ?? 1))
        }
        let count: (Double) -> String = { String(Int($0)) }
        let kinds = [("Partnership Board", "board"), ("Service Design", "service-design"), ("Task and Finish", "task-and-finish"),
                     ("Committees", "committee"), ("Pre-meetings", "pre-meeting")]
        let areas = Set(championAttendanceByArea.keys).union(ideasByArea.keys).sorted()
        let percent: (Double) -> String = { "\(Int(($0 * 100).rounded()))%" }
        var held = chart("Meetings held (recorded as held in the period), by kind", kinds.map { ($0.0, Double(meetingsHeld[$0.1] ?? 0)) }, text: count)
        if pastNotRecorded > 0 {
            held.note = "\(Plural.count(pastNotRecorded, "past meeting")) not recorded yet (neither held nor cancelled): open each and press r, so it counts."
        }
        var quorum = chart("Of the meetings held that need enough parents there to count, the share that had them, by kind",
                           kinds.filter { quorateShare[$0.1] != nil }.map { ($0.0, quorateShare[$0.1] ?? 0) }, scale: 1, text: percent)
        quorum.none = "No meeting held in the period needed a set number of parents."
        var checks = ReportChart(title: "Of the \(Plural.count(meetingsChecked, "meeting")) in the period not cancelled (held, to come or not recorded), the share that passed each check",
                                 bars: Barrier.allCases.map { b in
                                     let share = passRate[b.code] ?? 0
                                     let failed = failingCount[b.code] ?? 0, warned = warningCount[b.code] ?? 0
                                     let rest = [failed == 0 ? nil : "\(failed) failing", warned == 0 ? nil : "\(warned) warn"].compactMap { $0 }
                                     return ReportChart.Bar(label: b.name, value: share,
                                                            text: percent(share) + (rest.isEmpty ? "" : " (\(rest.joined(separator: ", ")))"))
                                 }, scale: 1)
        checks.failingOf = true
        if failingCount.values.contains(where: { $0 > 0 }) { checks.note = "f lists the meetings behind a failing share (report --failing CHECK on the command line)." }
        var acceptedChart = chart("Checks accepted as failing, with a reason (meetings; not counted as passed)",
                                  Barrier.allCases.filter { (accepted[$0.code] ?? 0) > 0 }.map { ($0.name, Double(accepted[$0.code] ?? 0)) },
                                  text: count)
        acceptedChart.none = "None in this period."
        var people = chart("Other parents and children at meetings held (one scale: the larger fills the bar)",
                           [("Other parents", Double(otherParents)), ("Children cared for", Double(childrenCaredFor))], text: count)
        people.note = "Other parents are counted at each meeting they came to; children each time they were signed into a crèche."
        return [
            held, quorum, checks, acceptedChart,
            chart("Parent Champion attendances at meetings held, by area", areas.map { ($0, Double(championAttendanceByArea[$0] ?? 0)) }, text: count),
            people,
            chart("Ideas raised in the period, by area", areas.map { ($0, Double(ideasByArea[$0]?["raised"] ?? 0)) }, text: count),
            chart("Of those ideas, taken to the Board, by area", areas.map { ($0, Double(ideasByArea[$0]?["taken to the Board"] ?? 0)) }, text: count),
            chart("Of those ideas, fed back to parents, by area", areas.map { ($0, Double(ideasByArea[$0]?["fed back"] ?? 0)) }, text: count),
            chart("Meetings and ideas on each rung of the ladder of co-production (one scale for both)", Rung.allCases.map { ($0.name, Double(ladder[$0.rawValue] ?? 0)) }, text: count),
        ]
    }

    /// The charts a reader sees: parents' screens leave out the ladder, whose rungs are the
    /// staff's words.
    public func charts(forParents: Bool) -> [ReportChart] {
        charts.filter { !forParents || !$0.title.hasPrefix("Meetings and ideas on each rung") }
    }

    /// The report as text, the same on screen, printed and in a file: each chart's title, its
    /// bars (`barWidth` cells at most, drawn with `full`), its note, and, for `expanded`, the
    /// meetings that failed that check. `forParents` leaves out what parents' screens do.
    public func text(title: String, barWidth: Int = 30, full: String = "█", expanded: Barrier? = nil, forParents: Bool = false) -> String {
        var lines = [title, ""]
        let shown = charts(forParents: forParents)
        let labelWidth = shown.flatMap(\.bars).map { $0.label.count }.max() ?? 18
        for chart in shown {
            lines.append(chart.title)
            if chart.bars.isEmpty, let none = chart.none { lines.append("  \(none)") }
            for bar in chart.bars {
                let cells = String(repeating: full, count: chart.cells(bar, width: barWidth))
                lines.append("  \(bar.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)) \(cells.padding(toLength: barWidth + 1, withPad: " ", startingAt: 0))\(bar.text)")
                if chart.failingOf, let barrier = Barrier.allCases.first(where: { $0.name == bar.label }), barrier == expanded {
                    lines += failingLines(barrier).map { "    " + $0 }
                }
            }
            if let note = chart.note { lines.append("  \(note)") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The meetings that failed a check, one line each, with how many more there are.
    public func failingLines(_ barrier: Barrier) -> [String] {
        let listed = failing[barrier.code] ?? []
        let total = failingCount[barrier.code] ?? listed.count
        guard total > 0 else { return ["No meeting failed \(barrier.name.lowercased()) in the period."] }
        var lines = listed.map { m in "\(LocalDate(iso: m.date)?.long ?? m.date)  \(m.title)  (meeting \(m.id))" }
        if total > listed.count { lines.append("and \(total - listed.count) more (coproduce report --failing \(barrier.code) lists them all)") }
        return lines
    }

    /// The report as CSV rows: a heading row, then one row per bar (chart, label, value, as
    /// shown) and one per note. `forParents` leaves out what parents' screens do.
    public func csvRows(forParents: Bool = false) -> [[String]] {
        var rows = [["section", "what", "value", "as shown"]]
        for chart in charts(forParents: forParents) {
            for bar in chart.bars {
                // A share as its fraction (0 to 1); a count as a whole number.
                let value = bar.text.contains("%") ? String(format: "%.4f", bar.value) : String(Int(bar.value))
                rows.append([chart.title, bar.label, value, bar.text])
            }
            if chart.bars.isEmpty, let none = chart.none { rows.append([chart.title, none, "", ""]) }
            if let note = chart.note { rows.append([chart.title, note, "", ""]) }
        }
        return rows
    }
}
