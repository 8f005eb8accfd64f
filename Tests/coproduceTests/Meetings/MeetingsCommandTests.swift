import Foundation
import Testing

@Suite struct MeetingsCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func demo(_ scratch: Scratch) throws -> String {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        return db
    }

    func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func addPrintsTheIdAndListShowsIt() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "Partnership Board",
                                  "--date", "2027-01-12", "--start", "10:00", "--end", "12:00",
                                  "--venue", "Kursaal Children's Centre", "--champion", "zoe", "--invite", "2",
                                  "--agenda", "Welcome: who is here"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let id = try #require(Int(add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let list = try json(try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "12/01/2027"], environment: env).stdout)
        let row = try #require(list.first { ($0["id"] as? Int) == id })
        #expect(row["title"] as? String == "Partnership Board")
        #expect(row["kind"] as? String == "board")
        #expect(row["start"] as? String == "10:00" && row["end"] as? String == "12:00")
        #expect(row["invited"] as? [Int] == [1, 2])
        #expect(row["confirmed"] as? [Int] == [1])
        #expect((row["agenda"] as? [[String: String]])?.first?["title"] == "Welcome")
    }

    @Test func taskAndFinishNeedsAGroupAndPreMeetingsNeedTheirMeeting() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let noGroup = try Binary.run(["meetings", "add", "--db", db, "--kind", "task-and-finish", "--title", "Play",
                                      "--date", "2027-01-13", "--start", "10:00", "--end", "11:00"], environment: env)
        #expect(noGroup.status == 1 && noGroup.stderr.contains("--group"))
        let group = try Binary.run(["meetings", "add", "--db", db, "--kind", "task-and-finish", "--group", "Community play",
                                    "--title", "Play", "--date", "2027-01-13", "--start", "10:00", "--end", "11:00"], environment: env)
        let id = try #require(Int(group.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        // The meeting prepared is named by its title (an id does as well).
        let pre = try Binary.run(["meetings", "add", "--db", db, "--kind", "pre-meeting", "--for", "Play", "--title", "Before play",
                                  "--date", "2027-01-11", "--start", "10:00", "--end", "10:30"], environment: env)
        #expect(pre.status == 0, "\(pre.stderr)")
        let list = try json(try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "2027-01-11"], environment: env).stdout)
        #expect(list.contains { ($0["for"] as? Int) == id && $0["kind"] as? String == "pre-meeting" })
        #expect(list.contains { ($0["group"] as? String) == "Community play" })
    }

    @Test func badInputGivesOneLinePerProblemAndWritesNothing() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let before = try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "2026-01-01", "--limit", "5000"], environment: env).stdout
        let bad = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "", "--date", "31/02/2027",
                                  "--start", "25:00", "--end", "12:00", "--champion", "999",
                                  "--venue", String(repeating: "x", count: 200)], environment: env)
        #expect(bad.status == 1)
        let lines = bad.stderr.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(bad.stderr.contains("--date: 31/2/2027 does not exist"))
        #expect(bad.stderr.contains("--start: “25:00” is not a time of day"))
        #expect(bad.stderr.contains("--title: a meeting needs a title"))
        #expect(bad.stderr.contains("--venue: longer than 120 characters"))
        #expect(bad.stderr.contains("--champion: there is no Parent Champion with id 999"))
        let backwards = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "B", "--date", "12/01/2027",
                                        "--start", "12:00", "--end", "11:00"], environment: env)
        #expect(backwards.status == 1 && backwards.stderr.contains("--end: 11:00 is not after the start (12:00)"))
        let unknown = try Binary.run(["meetings", "edit", "9999", "--db", db, "--title", "X"], environment: env)
        #expect(unknown.status == 1 && unknown.stderr.contains("Meeting 9999 was not found"))
        let after = try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "2026-01-01", "--limit", "5000"], environment: env).stdout
        #expect(after == before)
    }

    @Test func cancellingKeepsTheReasonAndNeedsOne() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let noReason = try Binary.run(["meetings", "cancel", "13", "--db", db, "--reason", " "], environment: env)
        #expect(noReason.status == 1 && noReason.stderr.contains("Say why"))
        #expect(try Binary.run(["meetings", "cancel", "13", "--db", db, "--reason", "Room flooded"], environment: env).status == 0)
        let list = try json(try Binary.run(["meetings", "list", "--db", db, "--json"], environment: env).stdout)
        let row = try #require(list.first { ($0["id"] as? Int) == 13 })
        #expect(row["status"] as? String == "cancelled")
        #expect(row["cancelReason"] as? String == "Room flooded")
    }

    @Test func checkExitsOneWhenAnythingFailsAndReportsEveryCheckAsJSON() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let report = try Binary.run(["check", "--db", db, "--json"], environment: env)
        #expect(report.status == 1)
        let rows = try json(report.stdout)
        #expect(!rows.isEmpty)
        let codes = ["school-run", "parent-voice", "creche", "pre-meeting", "plain-language", "clash", "papers", "access"]
        for row in rows {
            let checks = try #require(row["checks"] as? [[String: String]])
            #expect(checks.map { $0["check"] ?? "" } == codes)
            #expect(checks.allSatisfy { ["pass", "warn", "fail"].contains($0["status"] ?? "") && !($0["reason"] ?? "").isEmpty })
            #expect((row["start"] as? String)?.hasSuffix("Z") == true || (row["start"] as? String)?.contains("+") == true)
        }
        let late = try #require(rows.first { ($0["title"] as? String)?.contains("Mental health in pregnancy") == true && ($0["kind"] as? String) == "service-design" })
        #expect(late["start"] as? String == "2026-12-03T15:00:00Z")
        // Two days ahead holds only meetings that pass.
        let clear = try Binary.run(["check", "--db", db, "--days", "1"], environment: env)
        #expect(clear.status == 0, "\(clear.stdout)")
        #expect(clear.stdout.contains("0 failing"))
    }

    @Test func summerTimesCarryTheirOffset() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        _ = try Binary.run(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "Summer", "--date", "2027-06-15",
                            "--start", "10:00", "--end", "11:00", "--champion", "1"], environment: env)
        let report = try json(try Binary.run(["check", "--db", db, "--json", "--days", "365"], environment: env).stdout)
        let summer = try #require(report.first { $0["title"] as? String == "Summer" })
        #expect(summer["start"] as? String == "2027-06-15T10:00:00+01:00")
    }
}

@Suite struct AfterTheMeetingCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func attendanceCountsHeldMeetingsAndActionsFlagOverdueOnes() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let json = try Binary.run(["meetings", "attendance", "--db", db, "--json", "--from", "01/11/2026"], environment: env)
        #expect(json.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        let zoe = try #require(rows.first { $0["name"] as? String == "Zoe Adams" })
        #expect((zoe["attended"] as? Int ?? 0) + (zoe["apologies"] as? Int ?? 0) + (zoe["absent"] as? Int ?? 0) > 0)
        let overdue = try Binary.run(["meetings", "actions", "--db", db, "--overdue"], environment: env)
        #expect(overdue.stdout.contains("✗ OVERDUE  Ask the library about a room"))
        #expect(!overdue.stdout.contains("Send the notes to parents"), "done actions are not listed")
        let bad = try Binary.run(["meetings", "attendance", "--db", db, "--from", "32/1/2026"], environment: env)
        #expect(bad.status == 1 && bad.stderr.contains("--from: 32/1/2026 does not exist"))
    }
}
