import Coproduction
import Foundation
import GRDB

/// A table of text for a CSV export: a heading row and data rows.
public struct ExportTable: Sendable {
    /// Column headings.
    public var header: [String]
    /// Rows, each as long as the header.
    public var rows: [[String]]
}

/// The tables `coproduce export csv` writes.
public enum ExportKind: String, CaseIterable, Sendable {
    case meetings, attendance, creche, ideas

    /// The columns of an export (children's notes and emergency contacts only with
    /// `includeSensitive`), known before any row is read, so a streamed export starts with it.
    public static func header(_ kind: ExportKind, includeSensitive: Bool) -> [String] {
        switch kind {
        case .meetings:
            return ["id", "kind", "group", "title", "date", "start", "end", "venue", "status", "cancel reason",
                    "champions invited", "champions confirmed", "other parents", "checks",
                    "champion ids invited", "champion ids confirmed"]
        case .attendance:
            return ["meeting id", "date", "meeting", "meeting status", "champion", "area", "answer", "attendance"]
        case .creche:
            return ["meeting id", "date", "meeting", "child", "age band on the day", "signed in", "signed out", "collected by",
                    "reason (not on list)", "has notes"] + (includeSensitive ? ["allergy, dietary and medical notes", "emergency contact"] : [])
        case .ideas:
            return ["id", "area", "raised on", "raised by", "idea", "status", "outcome", "decided on", "fed back on",
                    "fed back by", "how", "closed because", "rung"]
        }
    }
}

extension AppDatabase {
    /// One export table. Sensitive fields (children's notes and emergency contacts, champions'
    /// contact details) are left out unless `includeSensitive`, which only roles allowed to
    /// see them may ask for.
    public func exportTable(_ kind: ExportKind, as actor: Actor, includeSensitive: Bool = false) throws(StoreError) -> ExportTable {
        var rows: [[String]] = []
        let header = try exportRows(kind, as: actor, includeSensitive: includeSensitive) { page in rows += page }
        return ExportTable(header: header, rows: rows)
    }

    /// An export a page of rows at a time (`pageSize` rows), each page handed to `page` as
    /// soon as it is read, so writing it out needs memory for one page, not the whole table.
    /// Returns the header. The same rows, in the same order, as ``exportTable(_:as:includeSensitive:)``.
    @discardableResult
    public func exportRows(_ kind: ExportKind, as actor: Actor, includeSensitive: Bool = false, pageSize: Int = 1000,
                           _ page: ([[String]]) throws -> Void) throws(StoreError) -> [String] {
        do {
            return try pagedRows(kind, as: actor, includeSensitive: includeSensitive, pageSize: max(1, pageSize), page)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .invalid("The export stopped: \(error.localizedDescription). Nothing more was written.")
        }
    }

    /// An export as the CSV lines of its rows (RFC 4180, CRLF, each field made safe for a
    /// terminal and a spreadsheet: ``CSVText/appendSafe(_:to:)``), a page at a time: `page` is
    /// given how many rows and their bytes. The same rows, in the same order, as
    /// ``exportRows(_:as:includeSensitive:pageSize:_:)``; the meetings' lines are made as their
    /// pages are read, two at once, so writing them out is all that is left to do in order.
    public func exportCSV(_ kind: ExportKind, as actor: Actor, includeSensitive: Bool = false, pageSize: Int = 500,
                          _ page: (_ rows: Int, _ lines: Data) throws -> Void) throws(StoreError) {
        guard kind == .meetings else {
            try exportRows(kind, as: actor, includeSensitive: includeSensitive, pageSize: pageSize) { rows in
                var bytes: [UInt8] = []
                for row in rows { CSVText.appendSafe(row, to: &bytes) }
                try page(rows.count, Data(bytes))
            }
            return
        }
        let row = try meetingRowMaker()
        try forEachMeetingPage(as: actor, from: LocalDate(year: 1900, month: 1, day: 1)!, pageSize: max(1, pageSize), { read in
            var bytes: [UInt8] = []
            CSVText.appendSafe(row(read), to: &bytes)
            return bytes
        }, { lines in
            // One copy of each line into the page (joining them lazily went byte by byte).
            var bytes = Data(capacity: lines.reduce(0) { $0 + $1.count })
            for line in lines { bytes.append(contentsOf: line) }
            try page(lines.count, bytes)
        })
    }

    /// How a meeting's export row is made from its facts: people by name for whoever opens
    /// it in a spreadsheet, their ids last, for a machine; the checks' overall word.
    private func meetingRowMaker() throws(StoreError) -> @Sendable (MeetingRowFacts) -> [String] {
        let checker = try barrierChecker()
        let names = try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM champion").map { ($0["id"] as Int64, $0["name"] as String) })
        }
        // Each champion's place among them all in name order, worked out once: a meeting's
        // champions are put in that order by number, not by comparing their names again.
        let rank = Dictionary(uniqueKeysWithValues: names.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.enumerated().map { ($1.key, $0) })
        @Sendable func people(_ ids: [Int64]) -> String {
            guard ids.allSatisfy({ rank[$0] != nil }) else { return ids.map { names[$0] ?? "champion \($0)" }.sorted().joined(separator: "; ") }
            return ids.sorted { rank[$0]! < rank[$1]! }.map { names[$0]! }.joined(separator: "; ")
        }
        return { read in
            let m = read.facts.meeting
            return [String(m.id), m.kind.code, m.kind.groupName ?? "", m.title, m.date.iso, m.start.description,
                    m.end.description, m.venue, m.status.rawValue, m.cancelReason ?? "",
                    people(m.championIDs), people(m.confirmedChampionIDs), String(m.otherParents),
                    m.status == .cancelled ? "" : checker.overall(read.facts).word,
                    m.championIDs.map(String.init).joined(separator: " "),
                    m.confirmedChampionIDs.map(String.init).joined(separator: " ")]
        }
    }

    private func pagedRows(_ kind: ExportKind, as actor: Actor, includeSensitive: Bool, pageSize: Int,
                           _ page: ([[String]]) throws -> Void) throws -> [String] {
        if includeSensitive {
            // Crèche staff hold the notes of their own sessions; the crèche table below is
            // already limited to those.
            let sensitive: RecordKind = kind == .creche ? .childNotes : .championPrivate
            try authorize(actor, .read, sensitive, needed: kind == .creche ? .own : .all)
        }
        switch kind {
        case .meetings:
            // Each row is made, checks and all, as its page is read (two pages at once).
            let row = try meetingRowMaker()
            try forEachMeetingPage(as: actor, from: LocalDate(year: 1900, month: 1, day: 1)!, pageSize: pageSize, row, page)
            return ExportKind.header(.meetings, includeSensitive: includeSensitive)
        case .attendance:
            try authorize(actor, .read, .meeting)
            try authorize(actor, .read, .champion)
            var offset = 0
            while true {
                let at = offset
                let rows = try read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT m.id, m.date, m.title, m.status, c.name, a.name AS area, mc.response, mc.attendance
                        FROM meetingChampion mc JOIN meeting m ON m.id = mc.meetingId JOIN champion c ON c.id = mc.championId
                        JOIN area a ON a.id = c.areaId ORDER BY m.date, m.startMinute, c.name, mc.championId LIMIT ? OFFSET ?
                        """, arguments: [pageSize, at]).map { r -> [String] in
                        [String(r["id"] as Int64), r["date"], r["title"], r["status"], r["name"], r["area"], r["response"], r["attendance"] ?? ""]
                    }
                }
                if !rows.isEmpty { try page(rows) }
                if rows.count < pageSize { break }
                offset += pageSize
            }
            return ExportKind.header(.attendance, includeSensitive: includeSensitive)
        case .creche:
            let scope = AccessPolicy.scope(actor.role, .read, .booking)
            guard scope != .none else { throw StoreError.denied(AccessDenied(role: actor.role, operation: .read, kind: .booking)) }
            var offset = 0
            while true {
            let at = offset
            let rows = try read { db in
                var sql = """
                    SELECT m.id, m.date, m.title, k.firstName || ' ' || k.familyName AS child, k.dateOfBirth, b.signedInAt, b.signedOutAt,
                           b.collectedBy, b.collectionReason, k.notes, k.emergencyContact
                    FROM booking b JOIN meeting m ON m.id = b.meetingId JOIN child k ON k.id = b.childId
                    """
                var args: StatementArguments = []
                if scope == .own {
                    if actor.role == .champion {
                        sql += " WHERE k.parentChampionId = ?"
                        args = [actor.championID ?? -1]
                    } else {
                        sql += " WHERE EXISTS (SELECT 1 FROM crecheStaff s WHERE s.meetingId = m.id AND s.userId = ?)"
                        args = [actor.userID]
                    }
                }
                sql += " ORDER BY m.date, m.startMinute, child, b.id LIMIT \(pageSize) OFFSET \(at)"
                return try Row.fetchAll(db, sql: sql, arguments: args).map { r -> [String] in
                    let date = LocalDate(iso: r["date"]) ?? LocalDate(year: 2000, month: 1, day: 1)!
                    let born = LocalDate(iso: r["dateOfBirth"]) ?? date
                    func time(_ key: String) -> String {
                        (r[key] as Double?).map { LocalDateTime(Date(timeIntervalSince1970: $0)).time.description } ?? ""
                    }
                    let id: Int64 = r["id"]
                    let title: String = r["title"], child: String = r["child"], notes: String = r["notes"]
                    let collectedBy: String = r["collectedBy"] ?? "", reason: String = r["collectionReason"] ?? ""
                    var row: [String] = [String(id), date.iso, title, child, AgeBand.on(date, bornOn: born).name]
                    row += [time("signedInAt"), time("signedOutAt"), collectedBy, reason, notes.isEmpty ? "" : "yes"]
                    if includeSensitive {
                        let contact: String = r["emergencyContact"]
                        row += [notes, contact]
                    }
                    return row
                }
            }
                if !rows.isEmpty { try page(rows) }
                if rows.count < pageSize { break }
                offset += pageSize
            }
            return ExportKind.header(.creche, includeSensitive: includeSensitive)
        case .ideas:
            try authorize(actor, .read, .idea, needed: .own)
            let areaRows = try areas(as: actor, today: LocalDate(year: 2000, month: 1, day: 1)!, offset: 0, limit: 1000)
            let names = Dictionary(uniqueKeysWithValues: try champions(as: actor).map { ($0.id, $0.name) })
            for summary in areaRows {
                guard let ideas = try? ideas(as: actor, areaID: summary.area.id) else { continue }
                var rows: [[String]] = []
                for i in ideas.reversed() {
                    if rows.count == pageSize {
                        try page(rows)
                        rows.removeAll(keepingCapacity: true)
                    }
                    rows.append([String(i.id), summary.area.name, i.raisedOn.iso, i.raisedBy.flatMap { names[$0] } ?? "a parent in \(summary.area.name)",
                                 i.text, i.status.rawValue, i.outcome ?? "", i.decidedOn?.iso ?? "", i.fedBackOn?.iso ?? "",
                                 i.fedBackBy.flatMap { names[$0] } ?? "", i.channel?.rawValue ?? "", i.closedReason ?? "", i.rung?.rawValue ?? ""])
                }
                if !rows.isEmpty { try page(rows) }
            }
            return ExportKind.header(.ideas, includeSensitive: includeSensitive)
        }
    }
}

extension AppDatabase {
    /// Copies the whole database to `path` with SQLite's online backup, safe while others
    /// use it (admins only). The copy is made beside the target and renamed into place, so
    /// a failed backup leaves nothing partial behind.
    public func backup(as actor: Actor, to path: String) throws(StoreError) {
        try authorize(actor, .read, .wholeDatabase)
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            // The copy holds everyone's personal data: made 0600 before a byte is written,
            // whatever the umask, so even a copy cut short by a kill is never readable by others.
            let fd = Glibc.open(temporary.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw StoreError.inaccessible(path: path, reason: "the backup cannot be created (\(String(cString: strerror(errno)))); nothing was left behind") }
            fchmod(fd, 0o600)
            close(fd)
            let destination = try DatabaseQueue(path: temporary.path)
            try copy(to: destination)
            // Checked before it is called a backup.
            let check = try destination.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try destination.close()
            guard check == ["ok"] else {
                throw StoreError.inaccessible(path: path, reason: "the copy failed its integrity check (\(check.prefix(3).joined(separator: "; "))); nothing was kept")
            }
            _ = try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: temporary, to: target)
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let e = error as? StoreError { throw e }
            throw .inaccessible(path: path, reason: "the backup could not be written (\(error.localizedDescription)); nothing was left behind")
        }
        try write { db in try AuditLog.append(db, actor: actor, action: "backup", kind: "database", recordID: nil,
                                              changes: [FieldChange(field: "to", before: nil, after: path)]) }
    }
}

extension AppDatabase {
    /// Replaces the whole database with a backup (admins only), after checking it: an SQLite
    /// file, whole (`integrity_check`), and not from a newer version. Nothing is replaced when
    /// any check fails. An older backup is brought up to the current schema.
    public func restore(as actor: Actor, from path: String) throws(StoreError) {
        try authorize(actor, .write, .wholeDatabase)
        guard FileManager.default.isReadableFile(atPath: path) else { throw .inaccessible(path: path, reason: "it cannot be read") }
        if let head = FileManager.default.contents(atPath: path)?.prefix(Self.sqliteHeader.count), Array(head) != Self.sqliteHeader {
            throw .invalid("\(path) is not an SQLite file, so it is not a coproduce backup. Nothing was replaced.")
        }
        do {
            var config = Configuration()
            config.readonly = true
            let source = try DatabaseQueue(path: path, configuration: config)
            defer { try? source.close() }
            let (integrity, superseded, applied) = try source.read { db in
                (try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "",
                 try Schema.migrator.hasBeenSuperseded(db),
                 try db.tableExists("grdb_migrations") ? try Schema.migrator.appliedIdentifiers(db) : [])
            }
            guard integrity == "ok" else { throw StoreError.invalid("\(path) is damaged (SQLite says: \(integrity)). Nothing was replaced.") }
            if superseded { throw StoreError.newerVersion(path: path) }
            guard applied.contains(Schema.migrator.migrations[0]) else {
                throw StoreError.invalid("\(path) is an SQLite file but not a coproduce backup. Nothing was replaced.")
            }
            // Its tables, indexes and triggers are the ones the app made at that version: a
            // backup with the audit trail's guards removed or changed, or a table missing, is
            // refused (restoring it would leave a trail anyone could rewrite).
            if let last = Schema.migrator.migrations.last(where: applied.contains) {
                let expected = try DatabaseQueue()
                try Schema.migrator.migrate(expected, upTo: last)
                let want = try expected.read(Self.schemaObjects), have = try source.read(Self.schemaObjects)
                let missing = want.keys.filter { have[$0] == nil }.sorted()
                let changed = want.keys.filter { have[$0] != nil && have[$0] != want[$0] }.sorted()
                if !missing.isEmpty || !changed.isEmpty {
                    var why: [String] = []
                    if !missing.isEmpty { why.append("missing " + missing.joined(separator: ", ")) }
                    if !changed.isEmpty { why.append("changed " + changed.joined(separator: ", ")) }
                    throw StoreError.invalid("\(path) does not have the app's own tables and guards (\(why.joined(separator: "; "))). Nothing was replaced.")
                }
            }
            // SQLite copies pages only between databases of one page size when the target is
            // in WAL mode, so a backup with another page size is first rewritten, privately, at
            // this database's size (VACUUM INTO), and that copy is restored.
            let pageSize = "PRAGMA page_size"
            let theirs = try source.read { try Int.fetchOne($0, sql: pageSize) ?? 0 }, ours = try read { try Int.fetchOne($0, sql: pageSize) ?? 0 }
            var from = source
            let resized = (self.path as NSString).deletingLastPathComponent + "/.coproduce-restore-\(UUID().uuidString).sqlite"
            defer { try? FileManager.default.removeItem(atPath: resized) }
            if theirs != ours {
                let fd = Glibc.open(resized, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
                guard fd >= 0 else { throw StoreError.inaccessible(path: resized, reason: "a working copy cannot be made beside the database") }
                fchmod(fd, 0o600)
                close(fd)
                try source.inDatabase { db in
                    try db.execute(sql: "PRAGMA page_size = \(ours)")
                    try db.execute(sql: "VACUUM INTO ?", arguments: [resized])
                }
                from = try DatabaseQueue(path: resized, configuration: config)
            }
            // A damaged database is what a restore is for: its writer opens without the check.
            let target = try writerPool(waiting: busyTimeout, checking: false)
            try from.backup(to: target)
            if from !== source { try from.close() }
            try Schema.migrator.migrate(target)
            try target.write { db in
                try AuditLog.append(db, actor: actor, action: "restore", kind: "database", recordID: nil,
                                    changes: [FieldChange(field: "from", before: nil, after: path)])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw StoreError.invalid("\(path) is damaged (SQLite says: \(error.message ?? "corrupt")). Nothing was replaced.")
        } catch {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        }
    }
}

extension AppDatabase {
    /// The schema's tables, indexes and triggers, as "kind name" → their SQL with its spacing
    /// made even (SQLite's own and GRDB's bookkeeping left out).
    static func schemaObjects(_ db: Database) throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE type IN ('table', 'index', 'trigger') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' AND sql IS NOT NULL
            """) {
            let sql: String = row["sql"]
            out["\(row["type"] as String) \(row["name"] as String)"] = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return out
    }
}

extension AppDatabase {
    /// Every table as it is stored, for a hand-over to whoever runs the programme next (admins
    /// only). Sign-in secrets and command-line sessions are left out: they must not leave.
    public func exportAllTables(as actor: Actor) throws(StoreError) -> [(name: String, table: ExportTable)] {
        var tables: [(name: String, table: ExportTable)] = []
        try forEachTablePage(as: actor, table: { name, header in tables.append((name, ExportTable(header: header, rows: []))) },
                             page: { rows in tables[tables.count - 1].table.rows += rows })
        return tables
    }

    /// The same tables as ``exportAllTables(as:)``, in one read transaction (so they agree
    /// with each other): `table` is called with each table's name and columns, then `page`
    /// with its rows, `pageSize` at a time, as they are read. Memory holds one page.
    public func forEachTablePage(as actor: Actor, pageSize: Int = 2000, table: (_ name: String, _ header: [String]) throws -> Void,
                                 page: (_ rows: [[String]]) throws -> Void) throws(StoreError) {
        try authorize(actor, .read, .wholeDatabase)
        let size = max(1, pageSize)
        try streamingRead { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                AND name <> 'cliSession' ORDER BY name
                """)
            for name in names {
                let columns = try db.columns(in: name).map(\.name).filter { !["secretHash", "salt"].contains($0) }
                try table(name, columns)
                let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: "SELECT \(quoted) FROM \"\(name)\"")
                var buffer: [[String]] = []
                buffer.reserveCapacity(size)
                while let row = try rows.next() {
                    buffer.append((0..<columns.count).map { i in (row[i] as (any DatabaseValueConvertible)?).map { "\($0)" } ?? "" })
                    if buffer.count == size {
                        try page(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                if !buffer.isEmpty { try page(buffer) }
            }
        }
    }
}
