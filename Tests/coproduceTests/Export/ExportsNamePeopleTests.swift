import Foundation
import Testing

/// What a person opens in a spreadsheet or reads on screen names people and meetings, not
/// their ids: every CSV export read back with Python's csv module, the audit trail, the
/// idea list across areas, and the messages of the commands that change things.
@Suite(.serialized) struct ExportsNamePeopleTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func demo(_ scratch: Scratch) throws -> String {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        return db
    }

    /// The columns of each export that name people, and the people the demo has.
    static let peopleColumns: [String: [String]] = [
        "meetings": ["champions invited", "champions confirmed"],
        "attendance": ["champion"],
        "creche": ["child"],
        "ideas": ["raised by", "fed back by"],
    ]

    @Test(arguments: ["meetings", "attendance", "creche", "ideas"]) func everyCSVExportNamesPeopleNotIds(kind: String) throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let out = scratch.path("\(kind).csv")
        let result = try Binary.run(["export", "csv", kind, "--db", db, "--out", out], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        // Python's own csv reader: the header, and every value of the columns that name people.
        let read: [String: Any] = try Python.json("""
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                rows = list(csv.DictReader(f))
            cols = sys.argv[2].split('|')
            values = [v for r in rows for c in cols for v in (r.get(c) or '').split(';') if v.strip()]
            print(json.dumps({'rows': len(rows), 'header': list(rows[0].keys()) if rows else [], 'values': values}))
            """, out, Self.peopleColumns[kind]!.joined(separator: "|"))
        let header = try #require(read["header"] as? [String])
        for column in Self.peopleColumns[kind]! { #expect(header.contains(column), "\(kind).csv has no \(column) column") }
        let values = try #require(read["values"] as? [String])
        #expect(!values.isEmpty, "\(kind).csv names nobody")
        for value in values {
            let v = value.trimmingCharacters(in: .whitespaces)
            let onlyDigits = v.unicodeScalars.allSatisfy { CharacterSet.decimalDigits.contains($0) }
            #expect(!onlyDigits, "\(kind).csv gives “\(v)” where a person is named")
            #expect(v.contains(" "), "\(kind).csv: “\(v)” is not a full name")
        }
        if kind == "meetings" {
            // The ids are still there, last, for a machine.
            #expect(header.suffix(2) == ["champion ids invited", "champion ids confirmed"])
        }
    }

    @Test func theAuditTrailNamesTheChampionsOfAMeeting() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "Stay and play design",
                                  "--date", "12/01/2027", "--start", "10:00", "--end", "11:00", "--champion", "Zoe Adams"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let audit = try Binary.run(["audit", "--db", db, "--json"], environment: env)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
        let created = try #require(entries.first { ($0["action"] as? String) == "create" && ($0["recordKind"] as? String) == "meeting" })
        let text = String(describing: created["changes"] ?? "")
        #expect(text.contains("Zoe Adams ("), "the audit entry says \(text)")
    }

    @Test func ideasListWithoutAnAreaListsEveryAreasIdeasWithTheArea() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let text = try Binary.run(["ideas", "list", "--db", db], environment: env)
        #expect(text.status == 0, "\(text.stderr)")
        for area in ["Kursaal", "Milton", "Victoria"] { #expect(text.stdout.contains(area), "no \(area) ideas listed") }
        #expect(text.stdout.contains("raised by"))
        let json = try Binary.run(["ideas", "list", "--db", db, "--json"], environment: env)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["area"] as? String }).count >= 4)
        for row in rows {
            let by = try #require(row["raisedBy"] as? String)
            let onlyDigits = by.unicodeScalars.allSatisfy { CharacterSet.decimalDigits.contains($0) }
            #expect(!onlyDigits)
        }
        // A champion sees only their own area's, without being asked for it.
        #expect(try Binary.run(["ideas", "list", "--db", db, "--area", "Atlantis"], environment: env).status == 1)
    }

    @Test func listsGiveTheYearAndCountsTheirNounsRightly() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let list = try Binary.run(["meetings", "list", "--db", db, "--limit", "2"], environment: env)
        #expect(list.stdout.contains(" 2026 "), "\(list.stdout)")
        let check = try Binary.run(["check", "--db", db, "--days", "1"], environment: env)
        #expect(check.stdout.contains(" in the next 1 day:"), "\(check.stdout)")
        #expect(!check.stdout.contains("1 days"))
    }
}
