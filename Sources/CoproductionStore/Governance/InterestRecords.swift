import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Adds a declaration to the register of interests: office staff and admins for anyone; a
    /// Parent Champion for themselves. Problems come back beside their fields; nothing is saved.
    @discardableResult
    public func declareInterest(as actor: Actor, _ interest: Interest, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .interest, needed: .own)
        var record = interest
        if AccessPolicy.scope(actor.role, .write, .interest) != .all {
            // A champion declares their own interests only.
            guard let own = actor.championID, record.championID == nil || record.championID == own, record.userID == nil else {
                throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .interest))
            }
            record.championID = own
        }
        let problems = record.problems()
        if !problems.isEmpty { throw .fields(problems.map { FieldIssue(field: $0.field.rawValue, message: $0.message) }) }
        let declared = record
        return try write { db in
            let record = declared
            let name: String?
            if let champion = record.championID {
                name = try String.fetchOne(db, sql: "SELECT name FROM champion WHERE id = ?", arguments: [champion])
            } else {
                name = try String.fetchOne(db, sql: "SELECT name FROM user WHERE id = ?", arguments: [record.userID ?? -1])
            }
            guard let name else { throw StoreError.fields([FieldIssue(field: "person", message: "there is nobody with that id: choose a champion or an account.")]) }
            try db.execute(sql: """
                INSERT INTO interest (championId, userId, person, what, fromDate, untilDate, meetingId, proposalId, recordedBy, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.championID, record.userID, name, record.what.trimmingCharacters(in: .whitespacesAndNewlines), record.from.iso,
                                 record.until?.iso, record.meetingID, record.proposalID, actor.name, now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "declare interest", kind: "interest", recordID: id,
                                changes: [FieldChange(field: name, before: nil, after: record.what)], at: now)
            return id
        }
    }

    /// Marks a declared interest as ended on a day (office staff and admins; a champion their own).
    public func endInterest(as actor: Actor, id: Int64, on day: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .interest, needed: .own)
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT championId, fromDate FROM interest WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: "Declaration \(id)")
            }
            if AccessPolicy.scope(actor.role, .write, .interest) != .all && (row["championId"] as Int64?) != actor.championID {
                throw StoreError.denied(AccessDenied(role: actor.role, operation: .write, kind: .interest))
            }
            if let from = LocalDate(iso: row["fromDate"]), day < from {
                throw StoreError.fields([FieldIssue(field: "until", message: "\(day.inWords) is before it began (\(from.inWords)).")])
            }
            try db.execute(sql: "UPDATE interest SET untilDate = ? WHERE id = ?", arguments: [day.iso, id])
            try AuditLog.append(db, actor: actor, action: "end interest", kind: "interest", recordID: id,
                                changes: [FieldChange(field: "until", before: nil, after: day.iso)], at: now)
        }
    }

    /// The register of interests, newest first: all of it for office staff and admins, a
    /// champion's own for them; `meetingID` narrows it to those declared at one meeting.
    public func interests(as actor: Actor, meetingID: Int64? = nil) throws(StoreError) -> [Interest] {
        try authorize(actor, .read, .interest, needed: .own)
        return try read { db in
            var sql = "SELECT * FROM interest WHERE 1"
            var args: StatementArguments = []
            if AccessPolicy.scope(actor.role, .read, .interest) != .all {
                sql += " AND championId = ?"
                args += [actor.championID ?? -1]
            }
            if let meetingID {
                sql += " AND meetingId = ?"
                args += [meetingID]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY fromDate DESC, id DESC", arguments: args).map { r in
                Interest(id: r["id"], championID: r["championId"], userID: r["userId"], person: r["person"], what: r["what"],
                         from: LocalDate(iso: r["fromDate"]) ?? LocalDate(year: 2000, month: 1, day: 1)!,
                         until: (r["untilDate"] as String?).flatMap(LocalDate.init(iso:)), meetingID: r["meetingId"], proposalID: r["proposalId"])
            }
        }
    }
}
