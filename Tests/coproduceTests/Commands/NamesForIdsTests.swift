import Foundation
import Testing

/// The command line takes names wherever it takes ids; an ambiguous name is refused with the
/// candidates and their ids; its lists show ids.
@Suite struct NamesForIdsTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func namesStandForIdsAndAmbiguousNamesListTheCandidates() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        // A child by part of their name, without accents or capitals, into a meeting by id.
        let booked = try Binary.run(["creche", "book", "ruby cla", "17", "--db", db], environment: env)
        #expect(booked.status == 0, "\(booked.stderr)")
        #expect(booked.stdout.contains("Booked Ruby Clarke (child 5) into "))
        #expect(booked.stdout.contains("(meeting 17)."))
        // "Partnership Board" is two meetings: refused, each with its id and date; nothing booked.
        let ambiguous = try Binary.run(["creche", "book", "Leo Adams", "Partnership Board", "--db", db], environment: env)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("2 meetings are called “Partnership Board”"))
        #expect(ambiguous.stderr.contains("13  Partnership Board (Tue 1 Dec 2026 10:00)"))
        // A name that fits nothing says so.
        let unknown = try Binary.run(["marketing", "send", "No such leaflet", "--db", db], environment: env)
        #expect(unknown.status == 1 && unknown.stderr.contains("there is no material called No such leaflet"))
        // A material by its title.
        let sent = try Binary.run(["marketing", "send", "perinatal support post", "--db", db], environment: env)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Material 4 is with parents"))
    }

    @Test func newMeetingsAndAccountsNameTheirChampions() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "Stay and play design",
                                  "--date", "12/01/2027", "--start", "10:00", "--end", "11:00",
                                  "--champion", "renee", "--invite", "Siobhan Murphy", "--invite", "nobody at all"], environment: env)
        #expect(add.status == 1)
        #expect(add.stderr.contains("--invite: there is no Parent Champion called nobody at all"))
        let ok = try Binary.run(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "Stay and play design",
                                 "--date", "12/01/2027", "--start", "10:00", "--end", "11:00",
                                 "--champion", "renee", "--invite", "Siobhan Murphy"], environment: env)
        #expect(ok.status == 0, "\(ok.stderr)")
        let pre = try Binary.run(["meetings", "add", "--db", db, "--kind", "pre-meeting", "--for", "stay and play design",
                                  "--title", "Before", "--date", "11/01/2027", "--start", "10:00", "--end", "10:30"], environment: env)
        #expect(pre.status == 0, "\(pre.stderr)")
        let list = try Binary.run(["meetings", "list", "--db", db, "--from", "11/01/2027", "--limit", "10"], environment: env).stdout
        #expect(list.contains("Stay and play design") && list.contains("Before"))
        let user = try Binary.run(["user", "add", "Renee D", "--role", "champion", "--champion", "Renée", "--db", db],
                                  environment: env, stdin: "4321\n4321\n")
        #expect(user.status == 0, "\(user.stderr)")
        let accounts = try Binary.run(["user", "list", "--json", "--db", db], environment: env).stdout
        #expect(accounts.contains("\"champion\" : \"15\""), "the account is not tied to Renée (champion 15)")
    }

    @Test func theListsShowIds() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        for (command, id) in [(["champions", "list"], "1    Zoe Adams"), (["rewards", "list"], "Priya Shah")] {
            let out = try Binary.run(command + ["--db", db], environment: env).stdout
            #expect(out.split(separator: "\n").allSatisfy { $0.first?.isNumber == true }, "\(command) rows do not start with an id")
            #expect(out.contains(id))
        }
    }
}
