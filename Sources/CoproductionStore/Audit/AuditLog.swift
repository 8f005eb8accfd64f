import Coproduction
import Foundation
import GRDB

/// One field's change, as the audit trail keeps it.
public struct FieldChange: Hashable, Sendable, Codable {
    /// The field.
    public var field: String
    /// The value before (nil when created).
    public var before: String?
    /// The value after (nil when deleted).
    public var after: String?

    /// Creates a change.
    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}

/// One entry of the audit trail.
public struct AuditEntry: Hashable, Sendable, Codable {
    /// Its id (entries are numbered in order).
    public var id: Int64
    /// When, as a UTC instant.
    public var at: Date
    /// Who (the account's name at the time).
    public var userName: String
    /// What: `create`, `update`, `delete`, `sign-in`, `sign-in refused`, `disable`, …
    public var action: String
    /// To which kind of record.
    public var recordKind: String
    /// To which record.
    public var recordID: Int64?
    /// Fields before and after; sensitive values masked.
    public var changes: [FieldChange]
}

/// Writes and reads the append-only audit trail. Triggers in the schema refuse every
/// update and delete of an entry, so not even the program can rewrite history.
public enum AuditLog {
    /// Fields whose values are never written to the audit trail, only that they changed.
    public static let sensitiveFields: Set<String> = ["secret", "secretHash", "salt", "phone", "email", "address",
                                                      "medicalNotes", "allergies", "dietary", "dbsNumber",
                                                      "emergencyContact", "notes"]

    /// What a value redacted by retention reads in the audit trail.
    public static let redactedByRetention = "[redacted by retention]"

    /// The masked form of a sensitive value.
    public static let mask = "•••"

    /// Appends an entry inside the caller's transaction.
    public static func append(_ db: Database, actor: Actor?, action: String, kind: String, recordID: Int64?,
                              changes: [FieldChange] = [], at now: Date = Date()) throws {
        let masked = changes.map { c in
            sensitiveFields.contains(c.field)
                ? FieldChange(field: c.field, before: c.before.map { _ in mask }, after: c.after.map { _ in mask })
                : c
        }
        let json = String(decoding: try JSONEncoder().encode(masked), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO audit (at, userId, userName, action, recordKind, recordId, changes) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now.timeIntervalSince1970, actor?.userID, actor?.name ?? "(not signed in)", action, kind,
                             recordID, json])
    }

    /// Redacts, inside the caller's transaction, the values in every entry about a record that
    /// retention is purging: a child's own entries and the crèche bookings that name them, a
    /// former champion's contact and DBS fields, a reward's entries. Field names, who and when
    /// stay; the values become ``redactedByRetention``. The caller lifts the trigger that keeps
    /// entries unchanged for this transaction only.
    static func redact(_ db: Database, about kind: RetentionKind, id: Int64) throws {
        struct Target { var entry: Int64; var changes: [FieldChange] }
        func entries(_ sql: String, _ arguments: StatementArguments) throws -> [Target] {
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                Target(entry: row["id"], changes: (try? JSONDecoder().decode([FieldChange].self, from: Data((row["changes"] as String).utf8))) ?? [])
            }
        }
        func redacted(_ c: FieldChange, if matches: (FieldChange) -> Bool) -> FieldChange {
            guard matches(c) else { return c }
            return FieldChange(field: c.field, before: c.before.map { _ in redactedByRetention }, after: c.after.map { _ in redactedByRetention })
        }
        var rewrites: [(Int64, [FieldChange])] = []
        switch kind {
        case .child:
            let name = try String.fetchOne(db, sql: "SELECT firstName || ' ' || familyName FROM child WHERE id = ?", arguments: [id]) ?? ""
            for target in try entries("SELECT id, changes FROM audit WHERE recordKind = 'child' AND recordId = ?", [id]) {
                rewrites.append((target.entry, target.changes.map { redacted($0) { _ in true } }))
            }
            // Bookings name the child in words, in entries about the meeting.
            for target in try entries("""
                SELECT id, changes FROM audit WHERE recordKind = 'creche'
                AND recordId IN (SELECT meetingId FROM booking WHERE childId = ?)
                """, [id]) where target.changes.contains(where: { $0.field == "child" && ($0.before == name || $0.after == name) }) {
                rewrites.append((target.entry, target.changes.map { redacted($0) { $0.field == "child" } }))
            }
        case .championDetails:
            let privateFields: Set<String> = ["phone", "email", "address", "dbsNumber", "dbsIssued", "dbsRenewalDue", "dbs"]
            for target in try entries("SELECT id, changes FROM audit WHERE recordKind = 'champion' AND recordId = ?", [id])
            where target.changes.contains(where: { privateFields.contains($0.field) }) {
                rewrites.append((target.entry, target.changes.map { redacted($0) { privateFields.contains($0.field) } }))
            }
        case .incident:
            for target in try entries("SELECT id, changes FROM audit WHERE recordKind = 'incident' AND recordId = ?", [id]) {
                rewrites.append((target.entry, target.changes.map { redacted($0) { _ in true } }))
            }
        case .reward:
            for target in try entries("SELECT id, changes FROM audit WHERE recordKind = 'reward' AND recordId = ?", [id]) {
                rewrites.append((target.entry, target.changes.map { redacted($0) { _ in true } }))
            }
        }
        for (entry, changes) in rewrites {
            try db.execute(sql: "UPDATE audit SET changes = ? WHERE id = ?",
                           arguments: [String(decoding: try JSONEncoder().encode(changes), as: UTF8.self), entry])
        }
    }

    /// The changed fields between two versions of a record, as field → text.
    public static func diff(before: [String: String?], after: [String: String?]) -> [FieldChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { field in
            let b = before[field] ?? nil, a = after[field] ?? nil
            return b == a ? nil : FieldChange(field: field, before: b, after: a)
        }
    }
}

extension AppDatabase {
    /// How many entries the audit trail holds (admins only).
    public func countAudit(as actor: Actor) throws(StoreError) -> Int {
        try authorize(actor, .read, .audit)
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? 0 }
    }

    /// A window of the audit trail, newest first (admins only).
    public func auditEntries(as actor: Actor, offset: Int = 0, limit: Int = 200) throws(StoreError) -> [AuditEntry] {
        try authorize(actor, .read, .audit)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ? OFFSET ?", arguments: [limit, offset]).map { row in
                let changes = (try? JSONDecoder().decode([FieldChange].self, from: Data((row["changes"] as String).utf8))) ?? []
                return AuditEntry(id: row["id"], at: Date(timeIntervalSince1970: row["at"]), userName: row["userName"],
                                  action: row["action"], recordKind: row["recordKind"], recordID: row["recordId"],
                                  changes: changes)
            }
        }
    }

    /// Throws ``StoreError/denied(_:)`` unless the actor may do this.
    func authorize(_ actor: Actor, _ operation: Coproduction.Operation, _ kind: RecordKind, needed: Scope = .all) throws(StoreError) {
        do { try AccessPolicy.require(actor, operation, kind, needed: needed) } catch { throw .denied(error) }
    }
}
