import Foundation
import Testing

/// Alarms in the calendar, read back by Python's icalendar; one person's own calendar; and the
/// folder of everyone's calendars for a web server, written whole and kept under stable names.
@Suite struct PersonalCalendarTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    static let reader = """
        import icalendar, json, sys
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for e in cal.walk('VEVENT'):
            alarms = [str(a.decoded('TRIGGER')) for a in e.walk('VALARM')]
            out.append({'summary': str(e['SUMMARY']), 'status': str(e['STATUS']), 'alarms': alarms,
                        'description': str(e.get('DESCRIPTION', ''))})
        print(json.dumps(out))
        """

    func read(_ file: String) throws -> [[String: Any]] { try Python.json(Self.reader, file) }

    @Test func alarmsComeAtTheOffsetsSetAndNotOnCancelledMeetings() throws {
        let scratch = Scratch()
        let db = scratch.path("alarms.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["meetings", "cancel", "20", "--db", db, "--reason", "Room flooded"], environment: env).status == 0)
        let file = scratch.path("all.ics")
        #expect(try Binary.run(["export", "ics", "--db", db, "--out", file], environment: env).status == 0)
        let events = try read(file)
        let live = events.filter { $0["status"] as? String == "CONFIRMED" }
        #expect(!live.isEmpty && live.allSatisfy { ($0["alarms"] as? [String]) == ["-2 days, 0:00:00", "-1 day, 22:00:00"] },
                "two days and two hours before, by default")
        #expect(events.filter { $0["status"] as? String == "CANCELLED" }.allSatisfy { ($0["alarms"] as? [String])?.isEmpty == true })
        // Another setting: 30 minutes only. A length that is not one is refused and changes nothing.
        let bad = try Binary.run(["settings", "set", "reminder-offsets", "2 fortnights", "--db", db], environment: env)
        #expect(bad.status != 0 && bad.stderr.contains("is not a length of time"))
        #expect(try Binary.run(["settings", "set", "reminder-offsets", "30m", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["export", "ics", "--db", db, "--out", file], environment: env).status == 0)
        #expect(try read(file).filter { $0["status"] as? String == "CONFIRMED" }.allSatisfy { ($0["alarms"] as? [String]) == ["-1 day, 23:30:00"] })
    }

    @Test func aPersonsOwnCalendarAndTheFolderOfEveryonesStayUnderTheirNames() throws {
        let scratch = Scratch()
        let db = scratch.path("feeds.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let zoeFile = scratch.path("zoe.ics")
        #expect(try Binary.run(["export", "ics", "--db", db, "--for", "Zoe Adams", "--out", zoeFile], environment: env).status == 0)
        let all = scratch.path("all.ics")
        _ = try Binary.run(["export", "ics", "--db", db, "--out", all], environment: env)
        let hers = try read(zoeFile)
        let everyone = try read(all)
        #expect(!hers.isEmpty && hers.count < everyone.count, "only her own meetings")
        let list = try JSONSerialization.jsonObject(with: Data(try Binary.run(["meetings", "list", "--db", db, "--json", "--from", "2026-10-28"], environment: env).stdout.utf8)) as? [[String: Any]] ?? []
        let invited = Set(list.filter { ($0["invited"] as? [Int])?.contains(1) == true }.compactMap { $0["title"] as? String })
        #expect(hers.allSatisfy { e in invited.contains(e["summary"] as? String ?? "") || (e["summary"] as? String ?? "").hasPrefix("Pre-meeting") })

        let folder = scratch.path("feeds")
        let first = try Binary.run(["feeds", "--db", db, "--out", folder], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let zoe = try #require(files.first { $0.hasPrefix("zoe-adams-") })
        #expect(zoe.range(of: "^zoe-adams-[0-9a-f]{24}\\.ics$", options: .regularExpression) != nil)
        #expect(files.contains { $0.hasPrefix("creche-demo-") })
        #expect(first.stdout.contains("Zoe Adams: \(zoe)"))
        // Again: the same names (a subscribed link keeps working); a champion who has left comes down.
        #expect(try Binary.run(["champions", "status", "Zoe Adams", "left", "--reason", "Moved away", "--db", db], environment: env).status == 0)
        let second = try Binary.run(["feeds", "--db", db, "--out", folder], environment: env)
        #expect(second.status == 0 && second.stdout.contains("Removed \(zoe)"), "\(second.stdout)\(second.stderr)")
        let after = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(after == files.filter { $0 != zoe }, "every other file keeps its name, and no partial file is left")
        let stray = scratch.path("a-file")
        #expect(FileManager.default.createFile(atPath: stray, contents: Data()))
        let refused = try Binary.run(["feeds", "--db", db, "--out", stray], environment: env)
        #expect(refused.status == 1 && refused.stderr.contains("is a file, not a folder"))
    }
}
