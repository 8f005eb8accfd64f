import ArgumentParser
import Coproduction
import CoproductionStore
import CSV
import Foundation

/// `coproduce import champions|children FILE.csv [--dry-run]`: every row checked first,
/// every problem reported with its line and column, nothing imported when any row is bad.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import champions or children from a CSV file: all rows or none.",
        discussion: """
            champions: name,area,trained_on,course,refresher_due
            children: first_name,family_name,date_of_birth,parent,parent_champion,collectors,emergency_contact,notes
            (collectors separated by semicolons; dates as 12/01/2027 or 2027-01-12; empty cells allowed where optional)
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case champions, children }

    static let headers: [Kind: [String]] = [
        .champions: ["name", "area", "trained_on", "course", "refresher_due"],
        .children: ["first_name", "family_name", "date_of_birth", "parent", "parent_champion", "collectors", "emergency_contact", "notes"],
    ]

    /// The most rows one import takes.
    static let maximumRows = 100_000

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "champions or children.") var kind: Kind
    @Argument(help: "The CSV file (UTF-8, with a header row).") var file: String
    @Flag(help: "Check every row and report, without importing anything.") var dryRun = false

    func run() throws {
        let rows = try Self.read(file: file, header: Self.headers[kind]!)
        let (db, actor) = try database.openSignedIn()
        let today = Clock.now().date
        var problems: [String] = []
        func problem(_ line: Int, _ column: String, _ text: String) { problems.append("line \(line), column \(column): \(text)") }
        func date(_ text: String, _ line: Int, _ column: String, required: Bool) -> LocalDate? {
            if text.isEmpty {
                if required { problem(line, column, "a date is needed here.") }
                return nil
            }
            switch UKInput.date(text, today: today) {
            case .success(let d): return d
            case .failure(let e):
                problem(line, column, e.description)
                return nil
            }
        }
        let champions = try CommandSession.attempt { () throws(StoreError) in try db.champions(as: actor) }
        switch kind {
        case .champions:
            let areas = try CommandSession.attempt { () throws(StoreError) in try db.areas(as: actor, today: today, offset: 0, limit: 1000) }
            var imports: [ChampionImport] = []
            for (line, r) in rows {
                if r[0].isEmpty { problem(line, "name", "the champion needs a name.") }
                let area = areas.first { $0.area.name.caseInsensitiveCompare(r[1]) == .orderedSame && !$0.area.retired }
                if area == nil { problem(line, "area", "there is no open area called “\(r[1])”.") }
                let trained = date(r[2], line, "trained_on", required: false)
                let refresher = date(r[4], line, "refresher_due", required: false)
                if let area { imports.append(ChampionImport(name: r[0], areaID: area.area.id, trainedOn: trained, course: r[3], refresherDue: refresher)) }
            }
            try finish(problems, rows.count) { () throws(StoreError) in try db.importChampions(as: actor, imports, now: Clock.date()) }
        case .children:
            var imports: [Child] = []
            for (line, r) in rows {
                let born = date(r[2], line, "date_of_birth", required: true)
                var championID: Int64?
                if !r[4].isEmpty {
                    championID = champions.first { $0.name.caseInsensitiveCompare(r[4]) == .orderedSame }?.id
                    if championID == nil { problem(line, "parent_champion", "there is no Parent Champion called “\(r[4])”.") }
                }
                let child = Child(firstName: r[0], familyName: r[1], dateOfBirth: born ?? today, parentName: r[3], parentChampionID: championID,
                                  collectors: r[5].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                  emergencyContact: r[6], notes: r[7])
                for p in child.problems(today: today) where born != nil || p.field != .dateOfBirth {
                    problem(line, p.field.rawValue, p.message)
                }
                imports.append(child)
            }
            try finish(problems, rows.count) { () throws(StoreError) in try db.importChildren(as: actor, imports, today: today, now: Clock.date()) }
        }
    }

    /// Reports problems (nothing imported), or the dry run, or imports.
    func finish(_ problems: [String], _ count: Int, _ importAll: () throws(StoreError) -> Void) throws {
        if !problems.isEmpty {
            for p in problems.prefix(200) { Console.error(p) }
            if problems.count > 200 { Console.error("… and \(problems.count - 200) more problems.") }
            Console.error("Nothing was imported: fix the rows above and try again.")
            throw ExitCode(1)
        }
        if dryRun {
            print("All \(count) rows are fine: \(count) \(kind.rawValue) would be imported. Nothing was imported (dry run).")
            return
        }
        try CommandSession.attempt(importAll)
        print("Imported \(count) \(kind.rawValue).")
    }

    /// The file's data rows with their line numbers, after checking the whole file: UTF-8,
    /// quoting, the header, and each row's column count.
    static func read(file: String, header: [String]) throws -> [(Int, [String])] {
        guard let data = FileManager.default.contents(atPath: file) else {
            try MeetingsCommand.refuse(["Cannot read \(file): check the path. Nothing was imported."])
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            let bad = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                .firstIndex { String(data: Data($0), encoding: .utf8) == nil }.map { $0 + 1 } ?? 1
            try MeetingsCommand.refuse(["line \(bad): \(file) is not UTF-8 text; save it as “CSV UTF-8”. Nothing was imported."])
        }
        // A NUL byte would silently cut its cell short: refused with where it is.
        if text.unicodeScalars.contains("\u{0}") {
            var problems: [String] = []
            for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where raw.contains("\u{0}") {
                var column = 0, quoted = false
                for ch in raw.unicodeScalars {
                    if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { column += 1 } else if ch == "\u{0}" { break }
                }
                let name = column < header.count ? header[column] : "\(column + 1)"
                problems.append("line \(i + 1), column \(name): a NUL byte (character 0) is in the cell; remove it.")
            }
            try MeetingsCommand.refuse(problems + ["Nothing was imported."])
        }
        if text.filter({ $0 == "\"" }).count % 2 == 1 {
            try MeetingsCommand.refuse(["\(file) has broken quoting: a quoted cell is never closed. Nothing was imported."])
        }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            try MeetingsCommand.refuse(["\(file) has no header row. Nothing was imported."])
        }
        let found = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard found == header else {
            let missing = header.filter { !found.contains($0) }, extra = found.filter { !header.contains($0) }
            var why: [String] = []
            if !missing.isEmpty { why.append("missing \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { why.append("unexpected \(extra.joined(separator: ", "))") }
            if why.isEmpty { why.append("the columns are in another order") }
            try MeetingsCommand.refuse(["line 1: the header should be \(header.joined(separator: ",")) (\(why.joined(separator: "; "))). Nothing was imported."])
        }
        var rows: [(Int, [String])] = []
        var problems: [String] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.count == 1 && row[0].isEmpty { continue }
            if rows.count >= maximumRows {
                try MeetingsCommand.refuse(["\(file) has more than \(maximumRows) rows: split it into smaller files. Nothing was imported."])
            }
            if row.count != header.count {
                problems.append("line \(line): \(Plural.count(row.count, "column")) where the header has \(header.count) (check commas and quotes)")
                continue
            }
            rows.append((line, row.map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        if !problems.isEmpty { try MeetingsCommand.refuse(problems + ["Nothing was imported."]) }
        return rows
    }
}
