import Foundation
import Testing

/// `coproduce fund|marketing|rewards` as a script uses them: JSON read back, refusals, bad input.
@Suite struct ProgrammeCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func demo(_ scratch: Scratch) throws -> String {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        return db
    }

    func json(_ args: [String]) throws -> Any {
        let r = try Binary.run(args, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    @Test func aProposalFromSubmittedToClosedWithTheBudgetInWholePence() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let before = try #require(try json(["fund", "list", "--json", "--db", db]) as? [String: Any])
        let add = try Binary.run(["fund", "add", "--db", db, "--group", "Leigh Parents", "--area", "Milton", "--title", "Picnic",
                                  "--purpose", "A picnic for new families", "--amount", "£120.50"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Binary.run(["fund", "review", id, "--db", db, "--recommend", "approve", "--comment", "Good"], environment: env).status == 0)
        let noReason = try Binary.run(["fund", "decide", id, "approve", "--db", db], environment: env)
        #expect(noReason.status == 1 && noReason.stderr.contains("reason: say why it was approved"))
        #expect(try Binary.run(["fund", "decide", id, "approve", "--reason", "Cheap", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["fund", "deliver", id, "--db", db], environment: env).status == 0)
        let noImpact = try Binary.run(["fund", "close", id, "--db", db], environment: env)
        #expect(noImpact.status == 1 && noImpact.stderr.contains("impact statement"))
        #expect(try Binary.run(["fund", "close", id, "--impact", "12 families came", "--db", db], environment: env).status == 0)
        let after = try #require(try json(["fund", "list", "--json", "--db", db]) as? [String: Any])
        #expect((after["committedPence"] as? Int) == (before["committedPence"] as? Int ?? 0) + 12_050)
        #expect((after["committedPence"] as? Int ?? 0) + (after["remainingPence"] as? Int ?? 0) == after["budgetPence"] as? Int)
        let proposal = try #require((after["proposals"] as? [[String: Any]])?.first { "\($0["id"] ?? "")" == id })
        #expect(proposal["status"] as? String == "closed" && proposal["approvedPence"] as? Int == 12_050)
    }

    @Test func badAmountsAreRefusedAndNothingIsSaved() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let count = { () throws -> Int in
            ((try json(["fund", "list", "--json", "--db", db]) as? [String: Any])?["proposals"] as? [Any])?.count ?? -1
        }
        let before = try count()
        let over = try Binary.run(["fund", "add", "--db", db, "--group", "G", "--area", "Milton", "--title", "T", "--purpose", "P",
                                   "--amount", "1000.01"], environment: env)
        #expect(over.status == 1 && over.stderr.contains("over the limit of £1,000.00"))
        let words = try Binary.run(["fund", "add", "--db", db, "--group", "G", "--area", "Milton", "--title", "T", "--purpose", "P",
                                    "--amount", "lots"], environment: env)
        #expect(words.status == 1 && words.stderr.contains("is not an amount of money"))
        #expect(try count() == before)
        let reward = try Binary.run(["rewards", "add", "--db", db, "--parent", "Zoe Adams", "--for", "other"], environment: env)
        #expect(reward.status == 1 && reward.stderr.contains("no amount is stated"))
    }

    @Test func rewardTotalsPerParentAcrossTheYearBoundary() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        for day in ["31/03/2027", "01/04/2027"] {
            let r = try Binary.run(["rewards", "add", "--db", db, "--parent", "Jade Cooper", "--for", "focus-group", "--on", day,
                                    "--benefits-advice"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let this = try #require(try json(["rewards", "totals", "--json", "--db", db, "--year", "2026-27"]) as? [[String: Any]])
        let next = try #require(try json(["rewards", "totals", "--json", "--db", db, "--year", "2027"]) as? [[String: Any]])
        #expect(this.first { $0["parent"] as? String == "Jade Cooper" }?["vouchersPence"] as? Int == 2_000)
        #expect(next.first { $0["parent"] as? String == "Jade Cooper" }?["vouchersPence"] as? Int == 2_000)
        let bad = try Binary.run(["rewards", "totals", "--db", db, "--year", "2026-28"], environment: env)
        #expect(bad.status == 1 && bad.stderr.contains("April to March"))
    }
}
