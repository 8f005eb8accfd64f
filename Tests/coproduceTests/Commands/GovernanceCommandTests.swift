import Foundation
import Testing

/// Governance from the command line: committees, the quorum setting, papers sent and the
/// register of interests, each refusing bad input with its option named.
@Suite struct GovernanceCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func demo(_ scratch: Scratch) throws -> String {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        return db
    }

    @Test func aCommitteeNeedsItsNameAndTheQuorumStaysInRange() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let nameless = try Binary.run(["meetings", "add", "--db", db, "--kind", "committee", "--title", "Risk committee", "--date", "2027-01-15",
                                       "--start", "10:00", "--end", "11:00", "--venue", "Milton Hall"], environment: env)
        #expect(nameless.status != 0 && nameless.stderr.contains("--group: a committee meeting needs the committee's name"))
        let risk = try Binary.run(["meetings", "add", "--db", db, "--kind", "committee", "--group", "Risk", "--title", "Risk committee",
                                   "--date", "2027-01-15", "--start", "10:00", "--end", "11:00", "--venue", "Milton Hall"], environment: env)
        #expect(risk.status == 0, "\(risk.stderr)")
        for bad in ["0", "21"] {
            let set = try Binary.run(["settings", "set", "parent-quorum", bad, "--db", db], environment: env)
            #expect(set.status != 0 && set.stderr.contains("parent-quorum must be a whole number from 1 to 20"))
        }
        let check = try Binary.run(["check", "--db", db, "--days", "60"], environment: env)
        #expect(check.stdout.contains("Risk committee") && check.stdout.contains("No Parent Champion is coming"))
    }

    @Test func papersAndInterestsAreRecordedAndBadOnesRefused() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let list = try Binary.run(["meetings", "papers", "20", "--db", db], environment: env)
        #expect(list.status == 0 && list.stdout.contains("are due by"))
        let again = try Binary.run(["meetings", "papers", "20", "--all", "--format", "print", "--db", db], environment: env)
        #expect(again.status != 0 && again.stderr.contains("--all: everyone invited has had the papers"))
        let future = try Binary.run(["meetings", "papers", "20", "--to", "Hannah Clarke", "--format", "print", "--on", "01/12/2026", "--db", db],
                                    environment: env)
        #expect(future.status != 0 && future.stderr.contains("--on: 1 Dec 2026 is still to come"))
        let noFormat = try Binary.run(["meetings", "papers", "20", "--all", "--db", db], environment: env)
        #expect(noFormat.status != 0 && noFormat.stderr.contains("--format"))
        let nobody = try Binary.run(["interests", "declare", "--what", "Chair of the play group", "--db", db], environment: env)
        #expect(nobody.status != 0 && nobody.stderr.contains("--champion or --user: say whose interest it is"))
        let zoe = try Binary.run(["interests", "declare", "--champion", "Zoe Adams", "--what", "Chair of the play group", "--meeting", "20", "--db", db],
                                 environment: env)
        #expect(zoe.status == 0, "\(zoe.stderr)")
        let interests = try Binary.run(["interests", "--db", db], environment: env)
        #expect(interests.stdout.contains("Zoe Adams: Chair of the play group (since 27 Nov 2026; declared at meeting 20)"))
    }
}
