import Foundation
import Testing

/// CSV exports read back by Python's own `csv` module, and a backup opened by its `sqlite3`.
@Suite struct CSVAndBackupTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    static let csvReader = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            print(json.dumps(list(csv.reader(f))))
        """

    func readCSV(_ file: String) throws -> [[String]] {
        let r = try Spawn.start(["python3", "-c", Self.csvReader, file], environment: ProcessInfo.processInfo.environment).wait()
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String]])
    }

    func demo(_ scratch: Scratch) throws -> String {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        return db
    }

    @Test(arguments: ["meetings", "attendance", "creche", "ideas"])
    func everyTableReadsBackWithItsHeaderAndNoPrivateFields(table: String) throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let out = scratch.path("\(table).csv")
        let r = try Binary.run(["export", "csv", table, "--db", db, "--out", out], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try readCSV(out)
        #expect(rows.count > 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == rows[0].count })
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!text.contains("peanuts") && !text.contains("07700"))
    }

    @Test func sensitiveFieldsOnlyForThoseAllowedAndExcelGetsItsBOM() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let out = scratch.path("creche.csv")
        #expect(try Binary.run(["export", "csv", "creche", "--db", db, "--out", out, "--include-sensitive", "--excel"], environment: env).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = try readCSV(out)
        #expect(rows[0].contains("allergy, dietary and medical notes"))
        #expect(rows.contains { $0.contains("Allergy: peanuts. Carries an adrenaline pen.") })
        let bad = try Binary.run(["export", "csv", "meetings", "--db", db, "--out", scratch.path("no/such/dir/m.csv")], environment: env)
        #expect(bad.status == 1 && bad.stderr.contains("Nothing was written"))
    }

    @Test func aBackupIsAWholeReadableCopy() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let copy = scratch.path("backup.sqlite")
        let r = try Binary.run(["backup", "--db", db, "--out", copy], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let count = try Spawn.start(["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from meeting').fetchone()[0])", copy],
                                    environment: ProcessInfo.processInfo.environment).wait()
        #expect(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 40)
        let bad = try Binary.run(["backup", "--db", db, "--out", scratch.path("missing/dir/b.sqlite")], environment: env)
        #expect(bad.status == 1 && bad.stderr.contains("nothing was left behind"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("missing")))
    }
}

@Suite struct RestoreTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func aRestoreChecksTheBackupFirstAndReplacesOnlyAWholeOne() throws {
        let scratch = Scratch()
        let db = scratch.path("live.sqlite")
        let backup = scratch.path("backup.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["backup", "--db", db, "--out", backup], environment: env).status == 0)
        #expect(try Binary.run(["meetings", "cancel", "13", "--db", db, "--reason", "After the backup"], environment: env).status == 0)
        let unconfirmed = try Binary.run(["restore", backup, "--db", db], environment: env)
        #expect(unconfirmed.status == 1 && unconfirmed.stderr.contains("--yes"))
        let junk = scratch.path("junk.sqlite")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: junk))
        let refused = try Binary.run(["restore", junk, "--db", db, "--yes"], environment: env)
        #expect(refused.status == 1 && refused.stderr.contains("Nothing was replaced"))
        let cut = scratch.path("cut.sqlite")
        try Data(contentsOf: URL(fileURLWithPath: backup)).prefix(8192).write(to: URL(fileURLWithPath: cut))
        let damaged = try Binary.run(["restore", cut, "--db", db, "--yes"], environment: env)
        #expect(damaged.status == 1 && damaged.stderr.contains("Nothing was replaced"))
        #expect(try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "2026-11-01"], environment: env).stdout.contains("After the backup"))
        let restored = try Binary.run(["restore", backup, "--db", db, "--yes"], environment: env)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(!(try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "2026-11-01"], environment: env).stdout.contains("After the backup")))
        #expect(try Binary.run(["audit", "--db", db], environment: env).stdout.contains("restore database"))
    }

    /// A backup whose audit guards were removed or changed, or with a table missing, is refused:
    /// restoring it would bring back a trail anyone could rewrite.
    @Test func aRestoreRefusesABackupWithoutTheAppsOwnGuards() throws {
        let scratch = Scratch()
        let db = scratch.path("live.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        for (name, change, words) in [
            ("no-guard.sqlite", "DROP TRIGGER audit_no_delete", "missing trigger audit_no_delete"),
            ("weak-guard.sqlite", "DROP TRIGGER audit_no_update; CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT 1; END",
             "changed trigger audit_no_update"),
            ("no-table.sqlite", "DROP TABLE reward", "table reward"),
        ] {
            let backup = scratch.path(name)
            #expect(try Binary.run(["backup", "--db", db, "--out", backup], environment: env).status == 0)
            let edit = try Spawn.start(["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()",
                                        backup, change], environment: ProcessInfo.processInfo.environment).wait()
            #expect(edit.status == 0, "\(edit.stderr)")
            let r = try Binary.run(["restore", backup, "--db", db, "--yes"], environment: env)
            #expect(r.status == 1 && r.stderr.contains(words) && r.stderr.contains("Nothing was replaced"), "\(name): \(r.stderr)")
        }
        #expect(try Binary.run(["audit", "--db", db], environment: env).stdout.contains("restore database") == false)
    }
}

extension RestoreTests {
    static func python(_ script: String, _ args: [String]) throws -> Spawn.Child {
        try Spawn.start(["python3", "-c", script] + args, environment: ProcessInfo.processInfo.environment)
    }

    /// A backup made with another page size (a copy VACUUMed elsewhere) is restored, not
    /// refused as "read-only".
    @Test func aBackupWithAnotherPageSizeIsRestored() throws {
        let scratch = Scratch()
        let db = scratch.path("live.sqlite"), backup = scratch.path("backup.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["backup", "--db", db, "--out", backup], environment: env).status == 0)
        let resize = try Self.python("""
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("PRAGMA journal_mode=DELETE"); c.execute("PRAGMA page_size=8192"); c.execute("VACUUM")
            print(c.execute("PRAGMA page_size").fetchone()[0])
            """, [backup]).wait()
        #expect(resize.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "8192", "\(resize.stderr)")
        #expect(try Binary.run(["meetings", "cancel", "13", "--db", db, "--reason", "After the backup"], environment: env).status == 0)
        let restored = try Binary.run(["restore", backup, "--db", db, "--yes"], environment: env)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(!(try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "2026-11-01"], environment: env).stdout.contains("After the backup")))
        // The working copy made to change the page size is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("restore") } == [])
    }

    /// Nothing is written into a damaged database (not one byte), with a message that says
    /// how to mend it; a restore mends it.
    @Test func writesIntoADamagedDatabaseAreRefusedAndARestoreMendsIt() throws {
        let scratch = Scratch()
        let db = scratch.path("live.sqlite"), backup = scratch.path("backup.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["backup", "--db", db, "--out", backup], environment: env).status == 0)
        // Break the audit trail's first page, as a failing disk might.
        let breakIt = try Self.python("""
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); root = c.execute("SELECT rootpage FROM sqlite_master WHERE name='audit'").fetchone()[0]
            size = c.execute("PRAGMA page_size").fetchone()[0]; c.close()
            f = open(sys.argv[1], "r+b"); f.seek((root - 1) * size); f.write(bytes([13, 0, 0, 255, 255, 255, 255])); f.close()
            """, [db]).wait()
        #expect(breakIt.status == 0, "\(breakIt.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "Into the damage", "--date", "2026-12-01",
                                  "--start", "10:00", "--end", "11:00"], environment: env)
        #expect(add.status == 1)
        #expect(add.stderr.contains("is damaged") && add.stderr.contains("Nothing was written to it") && add.stderr.contains("coproduce restore"),
                "\(add.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "not one byte was written")
        let restored = try Binary.run(["restore", backup, "--db", db, "--yes"], environment: env)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "After mending", "--date", "2026-12-01",
                                "--start", "10:00", "--end", "11:00"], environment: env).status == 0)
    }
}

@Suite struct SubjectAccessTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func everythingHeldAboutAChampionAndTheirChildrenInJSONAndText() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["fund", "add", "--db", db, "--champion", "Zoe Adams", "--area", "Kursaal", "--title", "Toy library",
                                "--purpose", "Toys to borrow", "--amount", "80"], environment: env).status == 0)
        let out = scratch.path("sar")
        let r = try Binary.run(["sar", "--champion", "Zoe Adams", "--out", out, "--db", db], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/subject-access.json")))
                                as? [String: [[String: String]]])
        #expect(json["Parent Champion record"]?.first?["phone"] == "07700 900100")
        #expect(Set(json["Children"]?.compactMap { $0["firstName"] } ?? []) == ["Leo", "Maisie"])
        #expect(json["Children"]?.contains { $0["notes"] == "Dairy-free diet." } == true, "a parent may see everything about their own child")
        #expect(!(json["Meetings"] ?? []).isEmpty)
        // Everything else that names her: vouchers and expenses, fund proposals, answers on materials.
        #expect(json["Vouchers and expenses"]?.contains { $0["note"] == "Bus fares to the Partnership Board" && $0["pounds"] == "6.40" } == true)
        #expect(json["Answers on marketing materials"]?.contains { $0["material"] == "Stay and Play leaflet" && $0["verdict"] == "approve" } == true)
        #expect(json["Engagement Fund proposals"]?.contains { $0["title"] == "Toy library" && $0["requested"] == "80.00" } == true)
        let text = try String(contentsOfFile: out + "/subject-access.txt", encoding: .utf8)
        #expect(text.hasPrefix("Everything held about Zoe Adams"))
        let byParent = try Binary.run(["sar", "--parent", "Grace Okafor", "--out", scratch.path("sar2"), "--db", db], environment: env)
        #expect(byParent.status == 0)
        let both = try Binary.run(["sar", "--out", scratch.path("x"), "--db", db], environment: env)
        #expect(both.status != 0 && both.stderr.contains("--champion or --parent"))
        let nobody = try Binary.run(["sar", "--parent", "Nobody Known", "--out", scratch.path("y"), "--db", db], environment: env)
        #expect(nobody.status == 1 && nobody.stderr.contains("was not found"))
    }
}

@Suite struct HandOverTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func everythingForAHandOverButNoSecrets() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let out = scratch.path("handover")
        let r = try Binary.run(["export", "all", "--out", out, "--db", db], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        for table in ["meeting.csv", "champion.csv", "child.csv", "idea.csv", "registerEvent.csv", "audit.csv", "meetings.ics"] {
            #expect(files.contains(table), "\(table) missing")
        }
        #expect(!files.contains("cliSession.csv"))
        let users = try String(contentsOfFile: out + "/user.csv", encoding: .utf8)
        #expect(!users.contains("secretHash") && !users.contains("salt"))
        let again = try Binary.run(["export", "all", "--out", out, "--db", db], environment: env)
        #expect(again.status == 1 && again.stderr.contains("already exists"))
    }
}

@Suite struct ReportCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func theReportCountsAPeriodAsJSONAndText() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let r = try Binary.run(["report", "--db", db, "--from", "01/11/2026", "--to", "31/12/2026", "--json"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let held = try #require(report["meetingsHeld"] as? [String: Int])
        #expect(held.values.reduce(0, +) > 0)
        let rates = try #require(report["passRate"] as? [String: Double])
        #expect(Set(rates.keys) == ["school-run", "parent-voice", "creche", "pre-meeting", "plain-language", "clash", "papers", "access"])
        #expect(rates.values.allSatisfy { (0...1).contains($0) })
        #expect((rates["school-run"] ?? 1) < 1, "the demo's 15:00 meeting fails it")
        #expect((report["childrenCaredFor"] as? Int) == 2)
        #expect(((report["ideasByArea"] as? [String: [String: Int]])?["Westborough"]?["taken to the Board"]) == 1)
        let text = try Binary.run(["report", "--db", db, "--from", "01/11/2026", "--to", "31/12/2026"], environment: env)
        #expect(text.stdout.contains("Co-production report, Sun 1 Nov 2026 to Thu 31 Dec 2026"))
        #expect(text.stdout.contains("the share that passed each check"))
        let backwards = try Binary.run(["report", "--db", db, "--from", "31/12/2026", "--to", "01/11/2026"], environment: env)
        #expect(backwards.status == 1 && backwards.stderr.contains("is before --from"))
    }
}
