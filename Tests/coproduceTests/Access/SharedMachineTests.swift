import CoproductionStore
import Foundation
import Testing

/// Several people on one database: the command line's own sign-in, two processes writing at
/// once, a stale save, and one terminal seeing another's change.
@Suite struct SharedMachineTests {
    @Test func commandsRefuseUntilLoginAndAgainAfterLogout() throws {
        let scratch = Scratch()
        let db = scratch.path("office.sqlite")
        let env = ["XDG_STATE_HOME": scratch.path("state")]
        #expect(try Binary.run(["init", "--db", db, "--admin", "Alison Griffin"], environment: env, stdin: "correct horse\n").status == 0)
        let before = try Binary.run(["meetings", "list", "--db", db], environment: env)
        #expect(before.status == 1)
        #expect(before.stderr.contains("You are not signed in. Run `coproduce login` first"))

        let wrong = try Binary.run(["login", "--db", db, "--name", "Alison Griffin"], environment: env, stdin: "battery staple\n")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("do not match"))

        let login = try Binary.run(["login", "--db", db, "--name", "Alison Griffin"], environment: env, stdin: "correct horse\n")
        #expect(login.status == 0, "\(login.stderr)")
        #expect(login.stdout.contains("Signed in as Alison Griffin (Admin)"))
        let sessions = try FileManager.default.contentsOfDirectory(atPath: scratch.path("state/coproduce/sessions"))
        #expect(sessions.count == 1)
        let token = scratch.path("state/coproduce/sessions/\(sessions[0])")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: token)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)

        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "Partnership Board",
                                  "--date", "12/01/2027", "--start", "10:00", "--end", "12:00",
                                  "--venue", "Kursaal Children's Centre"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(Int(add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) != nil)
        let audit = try Binary.run(["audit", "--db", db, "--json"], environment: env)
        #expect(audit.stdout.contains("\"userName\" : \"Alison Griffin\""))
        #expect(audit.stdout.contains("\"recordKind\" : \"meeting\""))

        #expect(try Binary.run(["logout", "--db", db], environment: env).status == 0)
        let after = try Binary.run(["meetings", "list", "--db", db], environment: env)
        #expect(after.status == 1)
    }

    @Test func aTokenOthersCanReadIsIgnored() throws {
        let scratch = Scratch()
        let db = scratch.path("office.sqlite")
        let env = ["XDG_STATE_HOME": scratch.path("state")]
        _ = try Binary.run(["init", "--db", db, "--admin", "Alison"], environment: env, stdin: "correct horse\n")
        _ = try Binary.run(["login", "--db", db, "--name", "Alison"], environment: env, stdin: "correct horse\n")
        let folder = scratch.path("state/coproduce/sessions")
        let file = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder)[0])
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let result = try Binary.run(["meetings", "list", "--db", db], environment: env)
        #expect(result.status == 1)
        #expect(result.stderr.contains("other users can read it"))
    }

    @Test func twoProcessesWritingAtOnceLoseNothing() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let writers = try (0..<12).map { i in
            try Binary.start(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "Concurrent \(i)",
                              "--date", "2026-12-01", "--start", "10:00", "--end", "11:00"], environment: env)
        }
        let results = writers.map { $0.wait() }
        for r in results { #expect(r.status == 0, "\(r.stderr)") }
        #expect(!results.contains { $0.stderr.contains("SQLITE_BUSY") || $0.stderr.contains("database is locked") })
        let list = try Binary.run(["meetings", "list", "--db", db, "--json", "--limit", "1000"], environment: env)
        for i in 0..<12 { #expect(list.stdout.contains("\"Concurrent \(i)\"")) }
    }

    @Test func aStaleSaveFromAnotherProcessIsRefused() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        // Both read version 1 of meeting 1; the first save wins, the second is refused.
        let first = try Binary.run(["meetings", "edit", "1", "--db", db, "--venue", "Centre Place", "--if-version", "1"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try Binary.run(["meetings", "edit", "1", "--db", db, "--title", "Renamed", "--if-version", "1"], environment: env)
        #expect(second.status == 1)
        #expect(second.stderr.contains("changed by Demo Admin at 10:00"))
        #expect(second.stderr.contains("Nothing was saved"))
        let list = try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "2026-11-01"], environment: env)
        #expect(list.stdout.contains("Centre Place") && !list.stdout.contains("Renamed"))
    }
}

@Suite struct FilePermissionTests {
    @Test func aDatabaseOthersCanReadIsWarnedAbout() throws {
        let scratch = Scratch()
        let db = scratch.path("loose/db.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db]).status == 0)
        #expect(!(try Binary.run(["info", "--db", db]).stderr.contains("Warning")))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        let loose = try Binary.run(["info", "--db", db])
        #expect(loose.status == 0)
        #expect(loose.stderr.contains("Warning: other users on this machine may read the database"))
        #expect(loose.stderr.contains("chmod 600"))
        // The documented group set-up: setgid folder, group read-write file.
        try FileManager.default.setAttributes([.posixPermissions: 0o2770], ofItemAtPath: scratch.path("loose"))
        try FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: db)
        #expect(!(try Binary.run(["info", "--db", db]).stderr.contains("Warning")))
    }
}
