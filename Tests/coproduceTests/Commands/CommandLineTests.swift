import CoproductionStore
import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test(arguments: [["TERM": "no-such-terminal"], ["TERM": ""]])
    func anUnknownOrMissingTermGivesOneClearLineAndStatus2(environment: [String: String]) throws {
        let result = try Binary.run(["--demo"], environment: environment)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("TERM"))
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("0x"))
    }

    @Test func termDumbCannotRunTheFullScreenApp() throws {
        let result = try Binary.run(["--demo"], environment: ["TERM": "dumb"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot move the cursor"))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws {
        let scratch = Scratch()
        let path = scratch.path("minutes.docx")
        let bytes = Data("PK this is a word document".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        let result = try Binary.run(["info", "--db", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a coproduce database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func anUnwritablePlaceGivesAClearMessage() throws {
        let scratch = Scratch()
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.path("file")))
        let result = try Binary.run(["init", "--demo", "--db", scratch.path("file") + "/db.sqlite"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Cannot use the database"))
        // A command that only reads never makes a database where none is.
        let read = try Binary.run(["info", "--db", scratch.path("elsewhere.sqlite")])
        #expect(read.status == 1 && read.stderr.contains("There is no database at"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("elsewhere.sqlite")))
    }

    @Test func theEnvironmentVariableChoosesTheDatabase() throws {
        let scratch = Scratch()
        let result = try Binary.run(["init", "--demo"], environment: ["COPRODUCE_DB": scratch.path("env.sqlite")])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path("env.sqlite")))
        let info = try Binary.run(["info"], environment: ["XDG_DATA_HOME": scratch.path("xdg")])
        #expect(info.stderr.contains("There is no database at " + scratch.path("xdg") + "/coproduce/coproduce.sqlite"))
    }

    @Test func twoProcessesMigratingOneFreshFileAtOnceBothSucceed() throws {
        let scratch = Scratch()
        for round in 0..<5 {
            let path = scratch.path("race-\(round).sqlite")
            // Both make and migrate the new file at once; then one writes the demo and the
            // other is told the file holds records already (not a migration error).
            let a = try Binary.start(["init", "--demo", "--db", path])
            let b = try Binary.start(["init", "--demo", "--db", path])
            let (ra, rb) = (a.wait(), b.wait())
            #expect([ra.status, rb.status].sorted() == [0, 1], "\(ra.stderr) \(rb.stderr)")
            #expect((ra.stderr + rb.stderr).contains("already holds"), "\(ra.stderr) \(rb.stderr)")
            let (ia, ib) = (try Binary.start(["info", "--db", path]).wait(), try Binary.start(["info", "--db", path]).wait())
            let (ra2, rb2) = (ia, ib)
            let db = try AppDatabase.open(path: path)
            let migrations = try db.appliedMigrations()
            #expect(migrations.count >= 2)
            let schemaLine = "Schema:    \(migrations.count) migrations (latest: \(migrations.last ?? ""))"
            #expect(ra2.stdout.contains(schemaLine))
            #expect(rb2.stdout.contains(schemaLine))
        }
    }

    @Test func demoDataGoesOnlyIntoAnEmptyDatabase() throws {
        let scratch = Scratch()
        let path = scratch.path("d.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", path]).status == 0)
        let again = try Binary.run(["init", "--demo", "--db", path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds accounts") && again.stderr.contains("demo data goes only into a new file"))
    }
}

@Suite struct BusyDatabaseTests {
    @Test func aWriterHoldingTheDatabaseTooLongGivesAPlainMessageAndWritesNothing() throws {
        let scratch = Scratch()
        let db = scratch.path("busy.sqlite")
        let env = ["COPRODUCE_NOW": "2026-11-27T10:00", "COPRODUCE_BUSY_TIMEOUT": "0.5"]
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let before = try Binary.run(["meetings", "list", "--db", db, "--json", "--limit", "1000"], environment: env).stdout
        // Another program takes the write lock and keeps it for three seconds.
        let holder = try Spawn.start(["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE"); print("locked", flush=True); time.sleep(3); c.execute("ROLLBACK")
            """, db], environment: ProcessInfo.processInfo.environment)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, (try? String(contentsOfFile: holder.stdoutPath, encoding: .utf8))?.contains("locked") != true {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "Blocked", "--date", "2026-12-01",
                                  "--start", "10:00", "--end", "11:00"], environment: env)
        _ = holder.wait()
        #expect(add.status == 1)
        #expect(add.stderr.contains("is busy: another program has been writing to it for more than 0.5 seconds"))
        #expect(!add.stderr.contains("SQLITE_BUSY"))
        let after = try Binary.run(["meetings", "list", "--db", db, "--json", "--limit", "1000"], environment: env).stdout
        #expect(after == before)
    }
}
