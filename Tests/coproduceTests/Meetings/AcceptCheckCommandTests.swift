import Foundation
import Testing

/// `meetings accept` and `unaccept`: a Saturday meeting's school-run check accepted with a
/// reason shows as accepted in `check` (never hidden) and in its JSON, and is withdrawn again.
@Suite struct AcceptCheckCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func aSaturdayMeetingsSchoolRunCheckIsAcceptedThenWithdrawn() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "Dads' breakfast",
                                  "--date", "05/12/2026", "--start", "09:00", "--end", "10:30", "--venue", "Shoebury Hub"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        func schoolRunLine() throws -> String? {
            let check = try Binary.run(["check", "--db", db, "--days", "14"], environment: env)
            let lines = check.stdout.split(separator: "\n").map(String.init)
            guard let at = lines.firstIndex(where: { $0.contains("Dads' breakfast") }) else { return nil }
            return lines[(at + 1)...].prefix { $0.hasPrefix("  ") }.first { $0.contains("School run") }
        }
        #expect(try schoolRunLine()?.contains("✗ fail") == true)

        let noReason = try Binary.run(["meetings", "accept", "Dads' breakfast", "--db", db, "--check", "school-run", "--reason", " "], environment: env)
        #expect(noReason.status != 0)
        #expect(noReason.stderr.contains("Say why this meeting is right as it is"))
        let badCheck = try Binary.run(["meetings", "accept", "Dads' breakfast", "--db", db, "--check", "weather", "--reason", "x"], environment: env)
        #expect(badCheck.status != 0)
        #expect(badCheck.stderr.contains("school-run"), "the message lists the checks: \(badCheck.stderr)")

        let accept = try Binary.run(["meetings", "accept", "Dads' breakfast", "--db", db, "--check", "school-run",
                                     "--reason", "Saturday chosen with the dads"], environment: env)
        #expect(accept.status == 0, "\(accept.stderr)")
        #expect(accept.stdout.contains("School run accepted for Dads' breakfast"))
        let line = try #require(try schoolRunLine())
        #expect(line.contains("✓ accepted") && line.contains("accepted: Saturday chosen with the dads (Demo Admin,"), "\(line)")
        let json = try Binary.run(["check", "--db", db, "--days", "14", "--json"], environment: env)
        let meetings = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let dads = try #require(meetings.first { ($0["title"] as? String) == "Dads' breakfast" })
        let checks = try #require(dads["checks"] as? [[String: String]])
        #expect(checks.first { $0["check"] == "school-run" }?["status"] == "accepted")

        let withdraw = try Binary.run(["meetings", "unaccept", "Dads' breakfast", "--db", db, "--check", "school-run"], environment: env)
        #expect(withdraw.status == 0, "\(withdraw.stderr)")
        #expect(try schoolRunLine()?.contains("✗ fail") == true)
        let again = try Binary.run(["meetings", "unaccept", "Dads' breakfast", "--db", db, "--check", "school-run"], environment: env)
        #expect(again.status != 0)
        #expect(again.stderr.contains("nothing to withdraw"))
    }
}
