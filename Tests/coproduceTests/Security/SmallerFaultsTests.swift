import Foundation
import Testing

/// The smaller ones from the fault trials: a nonsense busy timeout, an empty `--db` and an empty
/// file are refused with a message instead of crashing or being taken over; a PIN missing from
/// standard input is said; `info` shows no counts before sign-in.
@Suite struct SmallerFaultsTests {
    @Test(arguments: ["nan", "inf", "1e10", "-1", "five"])
    func aBusyTimeoutThatIsNotSecondsIsRefusedNotACrash(value: String) throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db]).status == 0)
        let result = try Binary.run(["info", "--db", db], environment: ["COPRODUCE_BUSY_TIMEOUT": value])
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("COPRODUCE_BUSY_TIMEOUT must be a number of seconds from 0 to 600; “\(value)” is not."))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func anEmptyDbOptionIsRefused() throws {
        let result = try Binary.run(["info", "--db", ""])
        #expect(result.status == 1 && result.stderr.contains("--db was given no path"))
    }

    @Test func anEmptyFileIsNotMadeIntoADatabase() throws {
        let scratch = Scratch()
        let path = scratch.path("notes.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let result = try Binary.run(["init", "--db", path, "--admin", "Alison Griffin"], stdin: "correct horse\n")
        #expect(result.status == 1 && result.stderr.contains("it is an empty file, not a Coproduce database"), "\(result.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0, "the file is left as it was")
    }

    @Test func aPINMissingFromStandardInputIsSaid() throws {
        let scratch = Scratch()
        let db = scratch.path("real.sqlite")
        #expect(try Binary.run(["init", "--db", db, "--admin", "Alison Griffin"], stdin: "correct horse\n").status == 0)
        #expect(try Binary.run(["login", "--db", db, "--name", "Alison Griffin"], stdin: "correct horse\n").status == 0)
        for args in [["user", "add", "Bea", "--role", "office"], ["user", "reset", "Alison Griffin"]] {
            let r = try Binary.run(args + ["--db", db], stdin: "")
            #expect(r.status == 1 && r.stderr.contains("No PIN or passphrase was given") && r.stderr.contains("Nothing was changed"), "\(args): \(r.stderr)")
        }
    }

    @Test func infoShowsNoCountsBeforeSignIn() throws {
        let scratch = Scratch()
        let db = scratch.path("real.sqlite")
        #expect(try Binary.run(["init", "--db", db, "--admin", "Alison Griffin"], stdin: "correct horse\n").status == 0)
        let before = try Binary.run(["info", "--db", db])
        #expect(before.status == 0 && before.stdout.contains("sign in (coproduce login)") && !before.stdout.contains("Accounts:"))
        #expect(try Binary.run(["login", "--db", db, "--name", "Alison Griffin"], stdin: "correct horse\n").status == 0)
        #expect(try Binary.run(["info", "--db", db]).stdout.contains("Accounts:   1"))
    }
}
