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
}

extension AppDatabase {
    /// The co-production report between two days (inclusive).
    public func report(as actor: Actor, from: LocalDate, to: LocalDate) throws(StoreError) -> CoproductionReport {
        try authorize(actor, .read, .meeting)
        try authorize(actor, .read, .champion)
        let checker = try barrierChecker()
        // A page at a time, each meeting checked once: memory stays flat however many.
        var checked = 0
        var passed: [Barrier: Int] = [:], acceptedCount: [Barrier: Int] = [:]
        try forEachMeetingPage(as: actor, from: from, to: to, checker: checker) { page in
            for item in page where item.meeting.status != .cancelled {
                checked += 1
                var seen = Set<Barrier>()
                for result in checker.check(item.facts) where seen.insert(result.barrier).inserted {
                    if result.accepted != nil {
                        acceptedCount[result.barrier, default: 0] += 1
                    } else if result.status == .pass {
                        passed[result.barrier, default: 0] += 1
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
        return [
            chart("Meetings held", kinds.map { ($0.0, Double(meetingsHeld[$0.1] ?? 0)) }, text: count),
            chart("Held meetings with enough parents there to count",
                  kinds.filter { quorateShare[$0.1] != nil }.map { ($0.0, quorateShare[$0.1] ?? 0) }, scale: 1) { "\(Int(($0 * 100).rounded()))%" },
            chart("Meetings that passed each check (of \(meetingsChecked) not cancelled)",
                  Barrier.allCases.map { ($0.name, passRate[$0.code] ?? 0) }, scale: 1) { "\(Int(($0 * 100).rounded()))%" },
            {
                var c = chart("Checks accepted as failing, with a reason (meetings; not counted as passed)",
                              Barrier.allCases.filter { (accepted[$0.code] ?? 0) > 0 }.map { ($0.name, Double(accepted[$0.code] ?? 0)) },
                              text: count)
                c.none = "None in this period."
                return c
            }(),
            chart("Parent Champion attendance by area", areas.map { ($0, Double(championAttendanceByArea[$0] ?? 0)) }, text: count),
            chart("Parents and children", [("Other parents", Double(otherParents)), ("Children cared for", Double(childrenCaredFor))],
                  text: count),
            chart("Ideas raised by area", areas.map { ($0, Double(ideasByArea[$0]?["raised"] ?? 0)) }, text: count),
            chart("Ideas taken to the Board by area", areas.map { ($0, Double(ideasByArea[$0]?["taken to the Board"] ?? 0)) }, text: count),
            chart("Ideas fed back by area", areas.map { ($0, Double(ideasByArea[$0]?["fed back"] ?? 0)) }, text: count),
            chart("Ladder of co-production", Rung.allCases.map { ($0.name, Double(ladder[$0.rawValue] ?? 0)) }, text: count),
        ]
    }
}
