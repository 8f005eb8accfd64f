import Foundation
import Testing

/// `coproduce due`: the Today screen's list for scripts, each role's own, exit status 1 when
/// anything is overdue.
@Suite struct DueCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func eachPersonGetsTheirOwnListAndOverdueExitsOne() throws {
        let scratch = Scratch()
        let db = scratch.path("due.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let office = try Binary.run(["due", "--db", db, "--json"], environment: env)
        #expect(office.status == 1, "the demo has overdue things: \(office.stderr)")
        let rows = try json(office.stdout)
        #expect(rows.first?["overdue"] as? Bool == true, "overdue first")
        #expect(rows.contains { $0["kind"] as? String == "not-recorded" && ($0["text"] as? String)?.contains("is not recorded") == true })
        #expect(rows.contains { $0["kind"] as? String == "meeting" && $0["status"] as? String == "fail" && $0["meeting"] is Int })
        #expect(rows.contains { $0["kind"] as? String == "training" && ($0["text"] as? String)?.contains("DBS check ran out") == true })
        // A champion's own: her actions and her reviews, none of the office's.
        let zoe = try json(try Binary.run(["due", "--db", db, "--json", "--for", "zoe"], environment: env).stdout)
        #expect(zoe.contains { $0["kind"] as? String == "action" } && zoe.contains { $0["kind"] as? String == "review" })
        #expect(!zoe.contains { $0["kind"] as? String == "training" || $0["kind"] as? String == "not-recorded" })
        // Crèche staff: the session they are on today; nothing overdue, so status 0.
        let staff = try Binary.run(["due", "--db", db, "--for", "Crèche Demo"], environment: env)
        #expect(staff.status == 0 && staff.stdout.contains("Today 09:45–10:45") && staff.stdout.contains("0 overdue"))
        let nobody = try Binary.run(["due", "--db", db, "--for", "Nobody Here"], environment: env)
        #expect(nobody.status == 1 && nobody.stderr.contains("no account is called \"Nobody Here\""))
        let days = try Binary.run(["due", "--db", db, "--days", "0"], environment: env)
        #expect(days.status != 0 && days.stderr.contains("--days must be from 1 to 90"))
    }
}
