import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` at random moments during register sign-ins and sign-outs and during an import:
/// the database is always whole, every change is all there or not there at all, and what a
/// command said it did is there. Randomised (the seed is in every failure), bounded to
/// seconds: a few dozen kills.
@Suite struct KillConsistencyTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    /// SplitMix64: a small seeded generator, so a failing run can be repeated with its seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["COPRODUCE_KILL_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
    }

    /// Runs the binary and kills it with SIGKILL after `delay` seconds, unless it ended first.
    /// Returns whether it was killed, and what it printed.
    func runKilled(_ arguments: [String], after delay: Double) throws -> (killed: Bool, result: Binary.Result) {
        let running = try Binary.start(arguments, environment: env)
        Thread.sleep(forTimeInterval: delay)
        let killed = kill(running.child.pid, SIGKILL) == 0
        let result = running.wait()
        return (killed && result.status == 128 + SIGKILL, result)
    }

    /// What is wrong with the database, from another program's point of view (Python's sqlite3).
    func problems(_ db: String, _ query: String) throws -> String {
        let check = try Spawn.start(["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            ok = c.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok": print("integrity:", ok)
            for row in c.execute(sys.argv[2]).fetchall(): print("inconsistent:", row)
            """, db, query], environment: ProcessInfo.processInfo.environment).wait()
        return check.stdout + check.stderr
    }

    @Test func theRegisterIsWholeAfterKillsDuringSignInsAndOuts() throws {
        let seed = Self.seed
        var random = Seeded(state: seed)
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        // Twelve children booked into today's session.
        let csv = scratch.path("kids.csv")
        let names = (1...12).map { "Kid\($0)" }
        try Data(("first_name,family_name,date_of_birth,parent,parent_champion,collectors,emergency_contact,notes\n"
                  + names.map { "\($0),Trial,03/03/2024,Pat Trial,,,07700 900000,\n" }.joined()).utf8).write(to: URL(fileURLWithPath: csv))
        #expect(try Binary.run(["import", "children", csv, "--db", db], environment: env).status == 0)
        for name in names { #expect(try Binary.run(["creche", "book", "\(name) Trial", "14", "--db", db], environment: env).status == 0) }

        let inconsistent = """
            SELECT b.id FROM booking b WHERE (b.signedInAt IS NOT NULL) != EXISTS (SELECT 1 FROM registerEvent e WHERE e.bookingId = b.id AND e.kind = 'in')
            OR (b.signedOutAt IS NOT NULL) != EXISTS (SELECT 1 FROM registerEvent e WHERE e.bookingId = b.id AND e.kind = 'out')
            """
        // How long a sign-in takes on this machine: the kills fall anywhere within it.
        let started = Date()
        _ = try Binary.run(["creche", "children", "--db", db], environment: env)
        let whole = Date().timeIntervalSince(started)
        var killed = 0
        for trial in 0..<24 {
            let name = names[Int.random(in: 0..<names.count, using: &random)]
            let out = Bool.random(using: &random)
            let args = out ? ["creche", "sign-out", "\(name) Trial", "14", "--collected-by", "Pat Trial", "--db", db]
                           : ["creche", "sign-in", "\(name) Trial", "14", "--db", db]
            let delay = Double.random(in: 0...whole, using: &random)
            let (wasKilled, result) = try runKilled(args, after: delay)
            if wasKilled { killed += 1 }
            let found = try problems(db, inconsistent)
            #expect(found.isEmpty, "seed \(seed), trial \(trial) (\(args[1]) \(name), killed after \(delay) s): \(found)")
            // What the command said it did is there.
            if result.stdout.contains("signed in at") || result.stdout.contains("signed out at") {
                let column = result.stdout.contains("signed in at") ? "signedInAt" : "signedOutAt"
                let there = try problems(db, """
                    SELECT b.id FROM booking b JOIN child k ON k.id = b.childId
                    WHERE k.firstName = '\(name)' AND k.familyName = 'Trial' AND b.meetingId = 14 AND b.\(column) IS NULL
                    """)
                #expect(there.isEmpty, "seed \(seed), trial \(trial): said “\(result.stdout)” but it is not in the register")
            }
        }
        #expect(killed >= 6, "seed \(seed): only \(killed) of 24 runs were killed before they ended, so the test tried too little")
    }

    @Test func anImportIsAllOrNothingAfterKills() throws {
        let seed = Self.seed &+ 1
        var random = Seeded(state: seed)
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        func batch(_ family: String) throws -> String {
            let csv = scratch.path("\(family).csv")
            try Data(("first_name,family_name,date_of_birth,parent,parent_champion,collectors,emergency_contact,notes\n"
                      + (1...150).map { "Kid\($0),\(family),03/03/2024,Pat \(family),,,07700 900000,\n" }.joined()).utf8)
                .write(to: URL(fileURLWithPath: csv))
            return csv
        }
        // How long a whole import takes on this machine: the kills fall anywhere within it.
        let started = Date()
        #expect(try Binary.run(["import", "children", try batch("Whole"), "--db", db], environment: env).status == 0)
        let whole = Date().timeIntervalSince(started)
        var killed = 0
        for trial in 0..<12 {
            let family = "Batch\(trial)"
            let csv = try batch(family)
            let delay = Double.random(in: 0...whole, using: &random)
            let (wasKilled, result) = try runKilled(["import", "children", csv, "--db", db], after: delay)
            if wasKilled { killed += 1 }
            let count = try problems(db, "SELECT COUNT(*) FROM child WHERE familyName = '\(family)' HAVING COUNT(*) NOT IN (0, 150)")
            #expect(count.isEmpty, "seed \(seed), trial \(trial) (killed after \(delay) s): part of an import is in: \(count)")
            if result.stdout.contains("Imported 150") {
                let missing = try problems(db, "SELECT COUNT(*) FROM child WHERE familyName = '\(family)' HAVING COUNT(*) <> 150")
                #expect(missing.isEmpty, "seed \(seed), trial \(trial): said “Imported 150” but they are not all there")
            }
            // The audit entry goes with the import: both there or neither.
            let audit = try problems(db, """
                SELECT (SELECT COUNT(*) FROM child WHERE familyName = '\(family)') > 0 AS imported,
                       (SELECT COUNT(*) FROM audit WHERE action = 'import' AND recordKind = 'child') AS entries
                WHERE imported AND entries = 0
                """)
            #expect(audit.isEmpty, "seed \(seed), trial \(trial): imported without its audit entry")
        }
        #expect(killed >= 3, "seed \(seed): only \(killed) of 12 imports were killed before they ended")
    }
}
