import Coproduction
import Foundation
import GRDB

/// A record due for deletion under the retention settings.
public struct RetentionItem: Hashable, Sendable {
    /// What kind of record.
    public var kind: String
    /// Its id.
    public var id: Int64
    /// How it is named (a child's name).
    public var name: String
    /// The day it was last used (last attendance, or when it was added when never booked).
    public var lastUsed: LocalDate?
    /// How many crèche bookings and register entries go with it.
    public var registerEntries: Int
}

extension AppDatabase {
    /// Children (with their bookings and register entries) whose last attendance is longer
    /// ago than `retention-children-years` (children never booked count from today, so they
    /// are never due by accident).
    public func retentionDue(as actor: Actor, today: LocalDate) throws(StoreError) -> [RetentionItem] {
        try authorize(actor, .read, .child)
        try authorize(actor, .read, .booking)
        let years = Int(try text(of: .retentionChildrenYears)) ?? 3
        let cutoff = LocalDate(year: today.year - years, month: today.month, day: min(today.day, 28)) ?? today
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.id, k.firstName || ' ' || k.familyName AS name, MAX(m.date) AS lastUsed,
                       (SELECT COUNT(*) FROM booking b2 WHERE b2.childId = k.id)
                       + (SELECT COUNT(*) FROM registerEvent e WHERE e.childId = k.id) AS entries
                FROM child k JOIN booking b ON b.childId = k.id JOIN meeting m ON m.id = b.meetingId
                GROUP BY k.id HAVING MAX(m.date) < ? ORDER BY lastUsed
                """, arguments: [cutoff.iso]).map {
                RetentionItem(kind: "child", id: $0["id"], name: $0["name"], lastUsed: ($0["lastUsed"] as String?).flatMap(LocalDate.init(iso:)),
                              registerEntries: $0["entries"])
            }
        }
    }

    /// Deletes what ``retentionDue(as:today:)`` lists (admins only), in one transaction, and
    /// records how many in the audit trail. The register refuses deletes by trigger; the
    /// trigger is lifted for this transaction alone and put back before it commits.
    @discardableResult
    public func purge(as actor: Actor, today: LocalDate, now: Date = Date()) throws(StoreError) -> Int {
        try authorize(actor, .write, .wholeDatabase)
        let due = try retentionDue(as: actor, today: today)
        guard !due.isEmpty else { return 0 }
        try write { db in
            try db.execute(sql: "DROP TRIGGER registerEvent_no_delete")
            for item in due {
                try db.execute(sql: "DELETE FROM registerEvent WHERE childId = ?", arguments: [item.id])
                try db.execute(sql: "DELETE FROM child WHERE id = ?", arguments: [item.id])
            }
            try db.execute(sql: """
                CREATE TRIGGER registerEvent_no_delete BEFORE DELETE ON registerEvent
                BEGIN SELECT RAISE(ABORT, 'The register keeps every sign-in and sign-out: entries cannot be deleted.'); END
                """)
            try AuditLog.append(db, actor: actor, action: "purge", kind: "child", recordID: nil,
                                changes: [FieldChange(field: "children", before: String(due.count), after: "0"),
                                          FieldChange(field: "register entries", before: String(due.reduce(0) { $0 + $1.registerEntries }),
                                                      after: "0")], at: now)
        }
        return due.count
    }
}
