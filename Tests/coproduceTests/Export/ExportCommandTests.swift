import Foundation
import Testing

/// The calendar read back by an independent parser: Python's `icalendar` package (installed by
/// `make test`).
@Suite struct ExportCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    static let reader = """
        import icalendar, json, sys
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for e in cal.walk('VEVENT'):
            start = e.decoded('DTSTART')
            out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'status': str(e['STATUS']),
                        'start': start.isoformat(), 'utcoffset': start.utcoffset().total_seconds(),
                        'location': str(e.get('LOCATION', '')), 'description': str(e.get('DESCRIPTION', ''))})
        print(json.dumps(out))
        """

    func parse(_ file: String) throws -> [[String: Any]] { try Python.json(Self.reader, file) }

    @Test func anIndependentParserReadsTheCalendarAndUIDsStayStable() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["meetings", "cancel", "20", "--db", db, "--reason", "Room flooded, sorry"], environment: env).status == 0)
        #expect(try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "Summer Board, with crèche",
                                "--date", "2027-06-15", "--start", "10:00", "--end", "12:00", "--venue", "Kursaal Children's Centre",
                                "--agenda", "Welcome: who is here; what today is for"], environment: env).status == 0)
        let first = scratch.path("one.ics")
        let export = try Binary.run(["export", "ics", "--db", db, "--out", first, "--to", "2027-12-31"], environment: env)
        #expect(export.status == 0, "\(export.stderr)")
        let events = try parse(first)
        #expect(events.count > 40)
        let summer = try #require(events.first { $0["summary"] as? String == "Summer Board, with crèche" })
        #expect(summer["start"] as? String == "2027-06-15T10:00:00+01:00")
        #expect(summer["location"] as? String == "Kursaal Children's Centre")
        #expect((summer["description"] as? String)?.contains("1. Welcome — who is here; what today is for") == true)
        let winter = try #require(events.first { ($0["start"] as? String)?.hasPrefix("2026-12-01T10:00") == true })
        #expect(winter["utcoffset"] as? Double == 0)
        #expect(events.contains { $0["status"] as? String == "CANCELLED" })
        // A second export gives the same UIDs, so calendars update instead of duplicating.
        let second = scratch.path("two.ics")
        _ = try Binary.run(["export", "ics", "--db", db, "--out", second, "--to", "2027-12-31"], environment: env)
        #expect(Set(try parse(second).compactMap { $0["uid"] as? String }) == Set(events.compactMap { $0["uid"] as? String }))
        let bad = try Binary.run(["export", "ics", "--db", db, "--out", scratch.path("no/such/folder/x.ics")], environment: env)
        #expect(bad.status == 1 && bad.stderr.contains("Nothing was written"))
    }
}
