import Foundation
import Testing

/// A series from the command line, changed "this one" and "this and later ones", exported and
/// expanded by two readers that share no code: Python's `icalendar` with
/// `recurring-ical-events`, and `vobject` (both installed by `make test`). Each must give the
/// same meetings, at the same instants, across the clocks going forward.
@Suite struct SeriesExportTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    static let icalendarReader = """
        import icalendar, recurring_ical_events, json, sys, datetime
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for e in recurring_ical_events.of(cal).between(datetime.date(2027, 1, 1), datetime.date(2028, 1, 1)):
            s = e.decoded('DTSTART')
            out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'local': s.strftime('%Y-%m-%dT%H:%M'),
                        'utc': s.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%MZ')})
        print(json.dumps(sorted(out, key=lambda x: x['utc'])))
        """

    static let vobjectReader = """
        import vobject, json, sys, datetime
        cal = vobject.readOne(open(sys.argv[1], encoding='utf-8').read())
        masters, overrides = {}, {}
        for ev in cal.vevent_list:
            if hasattr(ev, 'recurrence_id'):
                overrides[(ev.uid.value, ev.recurrence_id.value)] = ev
            else:
                masters[ev.uid.value] = ev
        out = []
        for uid, ev in masters.items():
            if getattr(ev, 'status', None) and ev.status.value == 'CANCELLED':
                continue
            starts = list(ev.getrruleset(addRDate=True)) if hasattr(ev, 'rrule') else [ev.dtstart.value]
            for s in starts:
                o = overrides.get((uid, s))
                d = o.dtstart.value if o is not None else s
                if d.year != 2027:
                    continue
                out.append({'uid': uid, 'summary': (o or ev).summary.value, 'local': d.strftime('%Y-%m-%dT%H:%M'),
                            'utc': d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%MZ')})
        print(json.dumps(sorted(out, key=lambda x: x['utc'])))
        """

    func read(_ file: String, with reader: String) throws -> [[String: String]] { try Python.json(reader, file) }

    @Test func bothReadersSeeTheSeriesWithItsExceptionsAcrossTheClocksChanging() throws {
        let scratch = Scratch()
        let db = scratch.path("series.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "Spring Board", "--date", "2027-03-16",
                                  "--start", "10:00", "--end", "12:00", "--venue", "Kursaal Children's Centre",
                                  "--repeat", "every 2 weeks", "--until", "31/05/2027"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let ids = add.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 6 && add.stderr.contains("A series of 6 meetings, every 2 weeks on Tuesday until 31/05/2027"))
        // Without a scope, an edit of one meeting of a series asks which.
        let unscoped = try Binary.run(["meetings", "edit", ids[1], "--db", db, "--date", "31/03/2027"], environment: env)
        #expect(unscoped.status == 1 && unscoped.stderr.contains("--scope this for this one only, or --scope later"))
        #expect(try Binary.run(["meetings", "edit", ids[1], "--db", db, "--date", "31/03/2027", "--scope", "this"], environment: env).status == 0)
        let later = try Binary.run(["meetings", "edit", ids[3], "--db", db, "--start", "10:30", "--end", "12:30", "--scope", "later"], environment: env)
        #expect(later.status == 0 && later.stdout.contains("changed 3 meetings"), "\(later.stderr)")
        #expect(try Binary.run(["meetings", "cancel", ids[4], "--db", db, "--reason", "Half term"], environment: env).status == 0)
        // A series that never ends, or ends before it starts, is refused with the option to fix.
        let endless = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "Forever", "--date", "2027-03-16",
                                      "--start", "10:00", "--end", "12:00", "--repeat", "weekly"], environment: env)
        #expect(endless.status == 1 && endless.stderr.contains("--until: a series needs an end, or it would never stop"))
        let empty = try Binary.run(["meetings", "add", "--db", db, "--kind", "board", "--title", "Never", "--date", "2027-03-16",
                                    "--start", "10:00", "--end", "12:00", "--repeat", "weekly", "--until", "01/03/2027"], environment: env)
        #expect(empty.status == 1 && empty.stderr.contains("so it has no meeting"))

        let file = scratch.path("series.ics")
        let export = try Binary.run(["export", "ics", "--db", db, "--out", file, "--from", "2027-03-01", "--to", "2027-12-31"], environment: env)
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.components(separatedBy: "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=").count == 3, "two series: before and from the change")
        let first = try read(file, with: Self.icalendarReader).filter { $0["summary"] == "Spring Board" }
        let second = try read(file, with: Self.vobjectReader).filter { $0["summary"] == "Spring Board" }
        #expect(first.map { $0["local"] ?? "" } == ["2027-03-16T10:00", "2027-03-31T10:00", "2027-04-13T10:00", "2027-04-27T10:30", "2027-05-25T10:30"])
        // 10:00 in March is 10:00 UTC before the clocks go forward and 09:00 UTC after.
        #expect(first.map { $0["utc"] ?? "" } == ["2027-03-16T10:00Z", "2027-03-31T09:00Z", "2027-04-13T09:00Z", "2027-04-27T09:30Z", "2027-05-25T09:30Z"])
        #expect(second == first, "the second reader sees exactly the same meetings")
        // The moved meeting keeps its series' UID: Outlook shows it as one series.
        #expect(Set(first.prefix(3).compactMap { $0["uid"] }).count == 1)
    }
}
