import Foundation
import Testing

@Suite struct CrecheCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func demo(_ scratch: Scratch) throws -> String {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        return db
    }

    func todaysSession(_ db: String) throws -> String {
        let list = try Binary.run(["meetings", "list", "--db", db, "--json"], environment: env).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        return String(try #require(rows.first?["id"] as? Int))
    }

    @Test func theSignInSheetFlagsAllergiesWithoutTheNotes() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let session = try todaysSession(db)
        let text = try Binary.run(["creche", "sheet", session, "--db", db], environment: env)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Amara Okafor") && text.stdout.contains("allergy: see notes"))
        #expect(!text.stdout.contains("peanuts") && !text.stdout.contains("Dairy"))
        #expect(text.stdout.contains("Grace Okafor; Tunde Okafor"))
        let csv = try Binary.run(["creche", "sheet", session, "--db", db, "--format", "csv"], environment: env)
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "Child,Age band,Allergy,May be collected by,Time in,Signature,Time out,Collected by,Signature")
        #expect(lines.count == 6)
        #expect(!csv.stdout.contains("peanuts"))
    }

    @Test func badChildrenAndBookingsAreRefusedWithNothingSaved() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let before = try Binary.run(["creche", "children", "--db", db], environment: env).stdout
        let future = try Binary.run(["creche", "child-add", "--db", db, "--first", "Baby", "--family", "Soon", "--born", "01/01/2027",
                                     "--parent", "Kay"], environment: env)
        #expect(future.status == 1 && future.stderr.contains("is in the future"))
        let old = try Binary.run(["creche", "child-add", "--db", db, "--first", "Big", "--family", "Kid", "--born", "01/01/2020",
                                  "--parent", "Kay"], environment: env)
        #expect(old.status == 1 && old.stderr.contains("too old for the crèche"))
        #expect(try Binary.run(["creche", "children", "--db", db], environment: env).stdout == before)
        let session = try todaysSession(db)
        let twice = try Binary.run(["creche", "book", "1", session, "--db", db], environment: env)
        #expect(twice.status == 1 && twice.stderr.contains("already booked into this crèche"))
        #expect(try Binary.run(["meetings", "cancel", session, "--db", db, "--reason", "Heating"], environment: env).status == 0)
        let add = try Binary.run(["creche", "child-add", "--db", db, "--first", "Nia", "--family", "Brown", "--born", "03/03/2025",
                                  "--parent", "Kay Brown"], environment: env)
        let nia = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let cancelled = try Binary.run(["creche", "book", nia, session, "--db", db], environment: env)
        #expect(cancelled.status == 1 && cancelled.stderr.contains("is cancelled"))
    }

    @Test func theRegisterFromTheCommandLineKeepsTheScreensRules() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let signIn = try Binary.run(["creche", "sign-in", "Maisie Adams", "14", "--db", db], environment: env)
        #expect(signIn.status == 0 && signIn.stdout == "Maisie Adams signed in at 10:00.\n", "\(signIn.stderr)")
        let twice = try Binary.run(["creche", "sign-in", "Maisie Adams", "14", "--db", db], environment: env)
        #expect(twice.status == 1 && twice.stderr.contains("already signed in"), "\(twice.stderr)")
        let stranger = try Binary.run(["creche", "sign-out", "Maisie Adams", "14", "--collected-by", "A Stranger", "--db", db], environment: env)
        #expect(stranger.status == 1 && stranger.stderr.contains("is not on Maisie's list of people who may collect"), "\(stranger.stderr)")
        let out = try Binary.run(["creche", "sign-out", "Maisie Adams", "14", "--collected-by", "Zoe Adams", "--db", db], environment: env)
        #expect(out.status == 0 && out.stdout.contains("collected by Zoe Adams"))
        let unbooked = try Binary.run(["creche", "sign-in", "Maisie Adams", "13", "--db", db], environment: env)
        #expect(unbooked.status == 1 && unbooked.stderr.contains("is not booked into that session"), "\(unbooked.stderr)")
    }

    @Test func theRulesArePrintedWithTheirSourcesAndADayPicksOne() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let all = try Binary.run(["creche", "rules", "--db", db], environment: env)
        #expect(all.status == 0)
        #expect(all.stdout.contains("From 4 Sep 2023: EYFS statutory framework for group and school-based providers (DfE), September 2023"))
        #expect(all.stdout.contains("the organisation confirms it with Ofsted"))
        let before = try Binary.run(["creche", "rules", "--on", "03/09/2023", "--db", db], environment: env)
        #expect(before.stdout.contains("From 1 Sep 2021") && before.stdout.contains("aged 2 1:4") && !before.stdout.contains("From 4 Sep 2023"))
        let bad = try Binary.run(["creche", "rules", "--on", "someday", "--db", db], environment: env)
        #expect(bad.status != 0 && bad.stderr.contains("--on: someday is not a date"))
    }

    @Test func staffFromTheRegisterGoOnTheRotaByNameAndOthersNeedALevel() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let kerry = try Binary.run(["creche", "staff", "13", "--name", "kerry walsh", "--db", db], environment: env)
        #expect(kerry.status == 0 && kerry.stdout.contains("Kerry Walsh (from the crèche staff register) is on the rota"), "\(kerry.stderr)")
        let stranger = try Binary.run(["creche", "staff", "13", "--name", "Pat Doe", "--db", db], environment: env)
        #expect(stranger.status != 0 && stranger.stderr.contains("--level: Pat Doe is not in the crèche staff register"))
        let named = try Binary.run(["creche", "staff", "13", "--name", "Pat Doe", "--level", "2", "--db", db], environment: env)
        #expect(named.status == 0)
        let check = try Binary.run(["check", "--db", db], environment: env).stdout
        #expect(check.contains("Pat Doe is on the rota but not in the crèche staff register"))
    }
}
