import Foundation
import Testing

@Suite struct ImportCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func champions(_ db: String) throws -> String {
        try Binary.run(["champions", "list", "--db", db, "--json"], environment: env).stdout
    }

    @Test func everyRowIsCheckedFirstAndABadFileImportsNothing() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let before = try champions(db)
        func file(_ name: String, _ text: String) throws -> String {
            let path = scratch.path(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let header = "name,area,trained_on,course,refresher_due\n"
        let bad = try Binary.run(["import", "champions", try file("bad.csv", header + "Amy Patel,Kursaal,,,\n,Atlantis,31/02/2026,,\n"), "--db", db],
                                 environment: env)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("line 3, column name: the champion needs a name."))
        #expect(bad.stderr.contains("line 3, column area: there is no open area called “Atlantis”."))
        #expect(bad.stderr.contains("line 3, column trained_on: 31/2/2026 does not exist"))
        for (name, text, expected) in [
            ("columns.csv", "name,area\nx,y\n", "the header should be"),
            ("extra.csv", header + "Amy,Kursaal,,,,surplus\n", "line 2: 6 columns where the header has 5"),
            ("quote.csv", header + "\"Amy,Kursaal,,,\n", "broken quoting"),
            ("nul.csv", header + "Amy Patel,Kursaal,,,\nBen,Mil\u{0}ton,,,\n", "line 3, column area: a NUL byte (character 0) is in the cell"),
        ] {
            let r = try Binary.run(["import", "champions", try file(name, text), "--db", db], environment: env)
            #expect(r.status == 1 && r.stderr.contains(expected), "\(name): \(r.stderr)")
        }
        let latin = scratch.path("latin1.csv")
        try (Data(header.utf8) + Data([0x41, 0x6D, 0xFF, 0x2C]) + Data("Kursaal,,,\n".utf8)).write(to: URL(fileURLWithPath: latin))
        let utf = try Binary.run(["import", "champions", latin, "--db", db], environment: env)
        #expect(utf.status == 1 && utf.stderr.contains("line 2:") && utf.stderr.contains("not UTF-8"))
        let big = try file("big.csv", header + String(repeating: "Amy Patel,Kursaal,,,\n", count: 100_001))
        let tooBig = try Binary.run(["import", "champions", big, "--db", db], environment: env)
        #expect(tooBig.status == 1 && tooBig.stderr.contains("more than 100000 rows"))
        #expect(try champions(db) == before, "nothing was imported by any of these")

        let good = try file("good.csv", header + "Amy Patel,Kursaal,01/09/2026,\"E-learning, 3 weeks\",01/09/2027\nBen Ray,Milton,,,\n")
        let dry = try Binary.run(["import", "champions", good, "--db", db, "--dry-run"], environment: env)
        #expect(dry.status == 0 && dry.stdout.contains("2 champions would be imported"))
        #expect(try champions(db) == before)
        #expect(try Binary.run(["import", "champions", good, "--db", db], environment: env).status == 0)
        let after = try champions(db)
        #expect(after.contains("Amy Patel") && after.contains("E-learning, 3 weeks") && after.contains("Ben Ray"))
    }

    @Test func childrenAreCheckedLikeTheFormChecksThem() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let path = scratch.path("kids.csv")
        try Data(("first_name,family_name,date_of_birth,parent,parent_champion,collectors,emergency_contact,notes\n"
                  + "Nia,Brown,03/03/2025,Kay Brown,,Sam Brown; Jo Brown,07700 900555,Asthma\n"
                  + "Old,Kid,01/01/2019,P,,,,\n").utf8).write(to: URL(fileURLWithPath: path))
        let r = try Binary.run(["import", "children", path, "--db", db], environment: env)
        #expect(r.status == 1 && r.stderr.contains("line 3, column date_of_birth: the child is over 5"))
        #expect(!(try Binary.run(["creche", "children", "--db", db], environment: env).stdout.contains("Nia Brown")))
    }

    /// A note of 20 MB (the fault trials stored 200 MB, after which listing children took 9 s):
    /// refused with its line and column, and nothing imported.
    @Test func textLongerThanItsLimitIsRefusedWithItsLineAndColumn() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let path = scratch.path("kids.csv")
        try Data(("first_name,family_name,date_of_birth,parent,parent_champion,collectors,emergency_contact,notes\n"
                  + "Nia,Brown,03/03/2025,Kay Brown,,,07700 900555,Asthma\n"
                  + "Sam,Green,03/03/2024,Lee Green,,,07700 900556," + String(repeating: "x", count: 20_000_000) + "\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        let r = try Binary.run(["import", "children", path, "--db", db], environment: env)
        #expect(r.status == 1 && r.stderr.contains("line 3, column notes: longer than 5,000 characters; shorten it."), "\(r.stderr.prefix(500))")
        #expect(r.stderr.count < 2_000, "the note itself is not echoed back")
        #expect(!(try Binary.run(["creche", "children", "--db", db], environment: env).stdout.contains("Nia Brown")))
    }
}
