import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce check`: the barrier report for upcoming meetings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check upcoming meetings against the barriers; exit status 1 when any check fails.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "How many days ahead, from today.") var days = 56
    @Flag(help: "Print JSON: one object per meeting with its checks.") var json = false

    func run() throws {
        guard (1...3650).contains(days) else { throw ValidationError("--days must be from 1 to 3650.") }
        let (db, actor) = try database.openSignedIn()
        let today = Clock.now().date
        let last = today.adding(days: days)
        var checker = try CommandSession.attempt { () throws(StoreError) in try db.barrierChecker() }
        checker.today = today
        // A page at a time, each meeting printed as soon as it is checked: memory stays flat
        // however many meetings the window holds.
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        iso.timeZone = LocalDateTime.london
        var (count, failing, warning, withAccepted) = (0, 0, 0, 0)
        if json { print("[", terminator: "") }
        try CommandSession.attempt { () throws(StoreError) in
            try db.forEachMeetingPage(as: actor, from: today, to: last.adding(days: -1), pageSize: 500, checker: checker) { page in
                for item in page where item.meeting.status != .cancelled {
                    let checks = checker.check(item.facts)
                    let m = item.meeting
                    if checks.contains(where: { $0.accepted != nil }) { withAccepted += 1 }
                    if checks.contains(where: { $0.status == .fail }) {
                        failing += 1
                    } else if checks.contains(where: { $0.status == .warn }) {
                        warning += 1
                    }
                    if json {
                        let row: [String: Any] = [
                            "id": m.id, "kind": m.kind.code, "title": m.title,
                            "start": iso.string(from: LocalDateTime(date: m.date, time: m.start).instant),
                            "end": iso.string(from: LocalDateTime(date: m.date, time: m.end).instant),
                            "checks": checks.map { ["check": $0.barrier.code, "status": $0.accepted != nil ? "accepted" : $0.status.word == "ok" ? "pass" : $0.status.word,
                                                    "reason": $0.reason] }]
                        let data = try JSONSerialization.data(withJSONObject: row, options: [.prettyPrinted, .sortedKeys])
                        print(count == 0 ? "\n" : ",\n", terminator: "")
                        print(String(decoding: data, as: UTF8.self), terminator: "")
                    } else {
                        print("\(m.date.long) \(m.start)–\(m.end)  \(m.title)  (meeting \(m.id))")
                        // An accepted check is shown too, so it is never hidden.
                        for c in checks where c.status != .pass || c.accepted != nil {
                            print("  \(c.accepted != nil ? "✓ accepted" : c.status == .fail ? "✗ fail" : "! warn")  \(c.barrier.name): \(c.reason)")
                        }
                    }
                    count += 1
                }
            }
        }
        if json {
            print(count == 0 ? "]" : "\n]")
        } else {
            print("\(Plural.count(count, "meeting")) in the next \(Plural.count(days, "day")): \(failing) failing, \(warning) with warnings, \(count - failing - warning) clear" + (withAccepted == 0 ? "." : " (\(withAccepted) with a check accepted as failing)."))
        }
        // Crèche incidents still owed a parent's acknowledgement or a notice to Ofsted.
        let incidents = try CommandSession.attempt { () throws(StoreError) in try db.incidentsNeedingAttention(as: actor, now: Clock.now()) }
        for item in incidents {
            for need in item.needs {
                let line = "\(need.status == .fail ? "✗ fail" : "! warn")  Crèche incident \(item.incident.id) (\(item.meetingTitle)): \(need.words)"
                if json { Console.error(line) } else { print(line) }
            }
        }
        let incidentFails = incidents.contains { $0.needs.contains { $0.status == .fail } }
        // Children still signed in after their session's end, with the call that is due.
        let now = Clock.now()
        let uncollected = try CommandSession.attempt { () throws(StoreError) in try db.uncollectedChildren(as: actor, now: now) }
        for child in uncollected {
            let status = child.escalation.status(now: now)
            let line = "\(status == .fail ? "✗ fail" : "! warn")  Not collected (\(child.meetingTitle)): \(child.escalation.summary(now: now))"
            if json { Console.error(line) } else { print(line) }
        }
        let uncollectedFails = uncollected.contains { $0.escalation.status(now: now) == .fail }
        if failing > 0 || incidentFails || uncollectedFails { throw ExitCode(1) }
    }
}
