import Foundation
import Testing

/// While another program holds a write transaction, commands that only read and the app's
/// start-up go on at once (opening the database writes nothing), and the app's save waits on
/// the clock with the screen live, then saves when the other program is done.
@Suite struct ReadersDoNotWaitTests {
    /// Another program that takes the write lock and keeps it until `release` exists.
    static func holdWriteLock(_ db: String, until release: String) throws -> Spawn.Child {
        let holder = try Spawn.start(["python3", "-c", """
            import os, sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE"); print("locked", flush=True)
            deadline = time.time() + 60
            while not os.path.exists(sys.argv[2]) and time.time() < deadline: time.sleep(0.02)
            c.execute("ROLLBACK")
            """, db, release], environment: ProcessInfo.processInfo.environment)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, (try? String(contentsOfFile: holder.stdoutPath, encoding: .utf8))?.contains("locked") != true {
            Thread.sleep(forTimeInterval: 0.02)
        }
        return holder
    }

    @Test func readingCommandsAndTheAppGoOnWhileAnotherProgramWrites() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite"), release = scratch.path("release")
        let env = ["COPRODUCE_NOW": "2026-11-27T10:00", "COPRODUCE_BUSY_TIMEOUT": "3"]
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let holder = try Self.holdWriteLock(db, until: release)
        defer {
            _ = FileManager.default.createFile(atPath: release, contents: Data())
            _ = holder.wait()
        }
        // The case that used to write on open: the write-ahead log is there but empty.
        #expect((try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0 == 0)
        for command in [["meetings", "list"], ["info"], ["report"], ["ideas", "list", "--area", "Milton"]] {
            let started = Date()
            let result = try Binary.run(command + ["--db", db], environment: env)
            let took = Date().timeIntervalSince(started)
            #expect(result.status == 0 && !result.stderr.contains("busy"), "\(command): \(result.stderr)")
            #expect(took < 2.5, "\(command) waited \(took) s for the other program")
        }

        // The app starts at once, and a save that must wait says so with the screen live.
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 COPRODUCE_CLOCK_SPEED=1 COPRODUCE_BUSY_TIMEOUT=30 \(Binary.url.path) --db \(db)")
        let first = try tmux.waitFor(timeout: 2.5) { $0.contains("Upcoming meetings") }
        #expect(first.contains("Upcoming meetings"), "start-up waited for the writer:\n\(first)")
        try tmux.keys("2")
        try tmux.keys("Down")
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Milton") && $0.contains("Ideas from parents") }
        try tmux.keys("I")
        _ = try tmux.waitFor { $0.contains("idea") }
        try tmux.type("Baby swimming at Leisure Park")
        try tmux.keys("Enter")
        let waiting = try tmux.waitFor(timeout: 5) { $0.contains("Saving… another program is writing") }
        #expect(waiting.contains("Saving… another program is writing"), "\(waiting)")
        #expect(waiting.contains("Baby swimming at Leisure Park"), "what was typed is still on screen")
        let counting = try tmux.waitFor(timeout: 5) { $0.contains(" s). Esc stops") }
        #expect(counting.contains(" s). Esc stops"), "the screen stays live while it waits:\n\(counting)")
        _ = FileManager.default.createFile(atPath: release, contents: Data())
        let saved = try tmux.waitFor(timeout: 5) { $0.contains("Idea #") }
        #expect(saved.contains("Idea #"), "\(saved)")
        let list = try Binary.run(["ideas", "list", "--area", "Milton", "--db", db], environment: env)
        #expect(list.stdout.contains("Baby swimming at Leisure Park"))
    }
}
