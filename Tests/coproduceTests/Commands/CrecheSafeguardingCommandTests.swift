import Foundation
import Testing

/// The crèche's safeguarding commands on the real binary: who may collect, children not
/// collected, and the registration status; each with its exit code and its refusals.
@Suite struct CrecheSafeguardingCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func demo(_ scratch: Scratch) throws -> String {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        return db
    }

    @Test func aPasswordComesOnStandardInputAndASignOutChecksIt() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let short = try Binary.run(["creche", "collection", "password", "Amara Okafor", "--collector", "Grace Okafor", "--db", db],
                                   environment: env, stdin: "abc\n")
        #expect(short.status != 0 && short.stderr.contains("at least 4 characters") && short.stderr.contains("Nothing was saved"))
        #expect(try Binary.run(["creche", "collection", "password", "Amara Okafor", "--collector", "Grace Okafor", "--db", db],
                               environment: env, stdin: "bluebell\n").status == 0)
        let show = try Binary.run(["creche", "collection", "Amara Okafor", "--db", db], environment: env)
        #expect(show.stdout.contains("Grace Okafor (password set)") && !show.stdout.contains("bluebell"))
        let wrong = try Binary.run(["creche", "sign-out", "Amara Okafor", "14", "--collected-by", "Grace Okafor", "--password-stdin", "--db", db],
                                   environment: env, stdin: "bluebel\n")
        #expect(wrong.status != 0 && wrong.stderr.contains("NO MATCH"))
        let right = try Binary.run(["creche", "sign-out", "Amara Okafor", "14", "--collected-by", "Grace Okafor", "--password-stdin", "--db", db],
                                   environment: env, stdin: "bluebell\n")
        #expect(right.status == 0 && right.stdout.contains("Password matches."))
    }

    @Test func aChildNotCollectedListsEachCallAndAMarkedCallIsKept() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let late = ["COPRODUCE_NOW": "2026-11-27T11:20"]
        let list = try Binary.run(["creche", "uncollected", "--db", db], environment: late)
        #expect(list.status == 1, "a call is overdue")
        #expect(list.stdout.contains("✗ 11:00 Call the parent (Grace Okafor): due now"))
        #expect(list.stdout.contains("11:45 Call children's social care on 01632 960123"))
        let early = try Binary.run(["creche", "uncollected", "call", "Amara Okafor", "14", "--step", "parent", "--by", "Bev Hart",
                                    "--at", "10:40", "--db", db], environment: late)
        #expect(early.status != 0 && early.stderr.contains("--at: The session ends at 10:45"))
        let bad = try Binary.run(["creche", "uncollected", "call", "Amara Okafor", "14", "--step", "police", "--by", "Bev Hart", "--db", db],
                                 environment: late)
        #expect(bad.status != 0 && bad.stderr.contains("use parent, contacts or social-care"))
        #expect(try Binary.run(["creche", "uncollected", "call", "Amara Okafor", "14", "--step", "parent", "--by", "Bev Hart",
                                "--at", "11:01", "--note", "on her way", "--db", db], environment: late).status == 0)
        let after = try Binary.run(["creche", "uncollected", "--db", db], environment: late)
        #expect(after.stdout.contains("✓ 11:00 Call the parent (Grace Okafor): done 11:01 by Bev Hart: on her way"))
        let check = try Binary.run(["check", "--db", db], environment: late)
        #expect(check.status == 1 && check.stdout.contains("Not collected (Pre-meeting: Partnership Board): Amara Okafor is still in the crèche"))
    }

    @Test func registrationSaysWhereEachVenueStandsAndRecordsTheNotice() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "Long workshop",
                                  "--date", "2027-02-08", "--start", "10:00", "--end", "12:30", "--venue", "Milton Hall"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Binary.run(["creche", "arrange", id, "--room", "8", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["creche", "book", "Amara Okafor", id, "--db", db], environment: env).status == 0)
        let year = try Binary.run(["creche", "registration", "--year", "2027", "--db", db], environment: env)
        #expect(year.status == 1)
        #expect(year.stdout.contains("Milton Hall, 2027: exempt with notice: 1 of 14 days used; notice must reach Ofsted by 25 Jan 2027"))
        #expect(year.stdout.contains("SI 2008/979"))
        let future = try Binary.run(["creche", "registration", "notice", "Milton Hall", "--sent", "01/12/2026", "--db", db], environment: env)
        #expect(future.status != 0 && future.stderr.contains("still to come"))
        let unknown = try Binary.run(["creche", "registration", "notice", "Nowhere", "--sent", "20/11/2026", "--year", "2027", "--db", db], environment: env)
        #expect(unknown.status != 0 && unknown.stderr.contains("No meeting is at “Nowhere”"))
        #expect(try Binary.run(["creche", "registration", "notice", "milton hall", "--sent", "20/11/2026", "--year", "2027", "--db", db],
                               environment: env).status == 0)
        let noticed = try Binary.run(["creche", "registration", "--year", "2027", "--db", db], environment: env)
        #expect(noticed.status == 0 && noticed.stdout.contains("notice sent on 20 Nov 2026"))
    }
}
