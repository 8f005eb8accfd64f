import Foundation
import Testing

/// `rewards add --other-parent`: a voucher for a parent who is not a Parent Champion, by full
/// name, listed and totalled by name; `--parent` and `--other-parent` are one or the other.
@Suite struct OtherParentRewardCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func aVoucherForAnotherParentByFullName() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let add = try Binary.run(["rewards", "add", "--db", db, "--other-parent", "Ann Smith", "--for", "focus-group"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stderr.contains("Ann Smith is new to the app: added as another parent (not a Parent Champion)."))
        let again = try Binary.run(["rewards", "add", "--db", db, "--other-parent", "ann smith", "--for", "meeting"], environment: env)
        #expect(again.status == 0 && !again.stderr.contains("new to the app"), "\(again.stderr)")
        let totals = try Binary.run(["rewards", "totals", "--db", db], environment: env)
        #expect(totals.stdout.contains("Ann Smith") && totals.stdout.contains("vouchers £30.00"), "\(totals.stdout)")
        let json = try Binary.run(["rewards", "list", "--db", db, "--json"], environment: env)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.filter { ($0["parent"] as? String) == "Ann Smith" }.allSatisfy { ($0["otherParent"] as? Bool) == true && $0["championId"] is NSNull })

        let both = try Binary.run(["rewards", "add", "--db", db, "--parent", "Zoe Adams", "--other-parent", "Ann Smith", "--for", "meeting"], environment: env)
        #expect(both.status != 0 && both.stderr.contains("--other-parent"))
        let one = try Binary.run(["rewards", "add", "--db", db, "--other-parent", "Ann", "--for", "meeting"], environment: env)
        #expect(one.status != 0 && one.stderr.contains("first and family name"), "\(one.stderr)")
    }
}
