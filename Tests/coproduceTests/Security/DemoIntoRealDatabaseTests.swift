import Foundation
import Testing

/// Demo data goes only into a new file: never into a real database with accounts, where its
/// PIN-1234 accounts and its no-sign-in mode would take the programme over.
@Suite struct DemoIntoRealDatabaseTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func aRealDatabaseWithAccountsButNoMeetingsRefusesTheDemoAndIsUnchanged() throws {
        let scratch = Scratch()
        let db = scratch.path("real.sqlite")
        #expect(try Binary.run(["init", "--db", db, "--admin", "Alison Griffin"], environment: env, stdin: "correct horse\n").status == 0)
        let demo = try Binary.run(["init", "--demo", "--db", db], environment: env)
        #expect(demo.status == 1)
        #expect(demo.stderr.contains("already holds accounts") && demo.stderr.contains("Choose a new path with --db"), "\(demo.stderr)")
        #expect(!demo.stderr.contains("The database reported a problem"))
        // Not a demo: commands still need a sign-in, and no Demo Admin exists.
        let list = try Binary.run(["meetings", "list", "--db", db], environment: env)
        #expect(list.status != 0 && list.stderr.contains("not signed in"), "\(list.stderr)")
        let login = try Binary.run(["login", "--db", db, "--name", "Demo Admin"], environment: env, stdin: "1234\n")
        #expect(login.status != 0)
        #expect(try Binary.run(["login", "--db", db, "--name", "Alison Griffin"], environment: env, stdin: "correct horse\n").status == 0)
        let users = try Binary.run(["user", "list", "--db", db], environment: env).stdout
        #expect(!users.contains("Demo") && users.contains("Alison Griffin"), "\(users)")
    }

    @Test func aDemoDatabaseSaysSoOnEveryCommandsFirstLine() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        for args in [["meetings", "list"], ["check"], ["ideas", "list", "--area", "Kursaal", "--json"]] {
            let result = try Binary.run(args + ["--db", db], environment: env)
            #expect(result.stderr.split(separator: "\n").first?.hasPrefix("coproduce: Demo data:") == true, "\(args): \(result.stderr)")
        }
        // A second demo into the same file is refused too.
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 1)
    }
}
