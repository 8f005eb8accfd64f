import Foundation
import Testing

@Suite struct IdeasCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func ideasAreAddedListedAndMovedWithoutSkippingSteps() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let add = try Binary.run(["ideas", "add", "--db", db, "--area", "Victoria", "--text", "Evening baby massage", "--by", "Laura Mitchell",
                                  "--rung", "co-design"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let skip = try Binary.run(["ideas", "move", id, "decided", "--db", db, "--outcome", "Yes"], environment: env)
        #expect(skip.status == 1 && skip.stderr.contains("no skipping steps"))
        #expect(try Binary.run(["ideas", "move", id, "ready", "--db", db], environment: env).status == 0)
        let list = try json(try Binary.run(["ideas", "list", "--db", db, "--area", "victoria", "--json"], environment: env).stdout)
        let row = try #require(list.first { String($0["id"] as? Int ?? 0) == id })
        #expect(row["status"] as? String == "ready" && row["rung"] as? String == "co-design")
        let milton = try json(try Binary.run(["ideas", "list", "--db", db, "--area", "Milton", "--json"], environment: env).stdout)
        #expect(milton.contains { $0["feedbackOverdue"] as? Bool == true })
        let unknown = try Binary.run(["ideas", "add", "--db", db, "--area", "Atlantis", "--text", "x"], environment: env)
        #expect(unknown.status == 1 && unknown.stderr.contains("no area called Atlantis"))
    }

    @Test func championsListFlagsDueChecksAndRecordsTrainingAndStatus() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let rows = try json(try Binary.run(["champions", "list", "--db", db, "--json"], environment: env).stdout)
        let hannah = try #require(rows.first { $0["name"] as? String == "Hannah Clarke" })
        #expect((hannah["flags"] as? [String])?.contains { $0.hasPrefix("DBS overdue") } == true)
        let paused = try Binary.run(["champions", "status", "Zoe Adams", "paused", "--db", db], environment: env)
        #expect(paused.status == 1 && paused.stderr.contains("say why"))
        #expect(try Binary.run(["champions", "status", "Zoe Adams", "paused", "--reason", "Back at work", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["champions", "training", "Zoe Adams", "--on", "20/11/2026", "--course", "Refresher day",
                                "--refresher", "20/11/2027", "--db", db], environment: env).status == 0)
        let after = try json(try Binary.run(["champions", "list", "--db", db, "--json", "--area", "Kursaal"], environment: env).stdout)
        let zoe = try #require(after.first { $0["name"] as? String == "Zoe Adams" })
        #expect(zoe["status"] as? String == "paused" && zoe["course"] as? String == "Refresher day")
    }
}
