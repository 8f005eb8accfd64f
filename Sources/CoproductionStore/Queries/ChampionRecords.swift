import Coproduction
import Foundation
import GRDB

/// A champion's full record as the reader may see it: contact details and DBS only for
/// office staff and admins (nil for everyone else).
public struct ChampionRecord: Hashable, Sendable {
    /// Name, area, training date.
    public var champion: ParentChampion
    /// The area's name.
    public var areaName: String
    /// Active, paused or left.
    public var status: ChampionStatus
    /// Why paused or left.
    public var statusReason: String?
    /// Since when.
    public var statusSince: LocalDate?
    /// The course they completed.
    public var trainingCourse: String?
    /// When their refresher is due.
    public var refresherDue: LocalDate?
    /// Phone (restricted).
    public var phone: String?
    /// Email (restricted).
    public var email: String?
    /// DBS certificate number (restricted).
    public var dbsNumber: String?
    /// DBS issue date (restricted).
    public var dbsIssued: LocalDate?
    /// DBS renewal due (restricted).
    public var dbsRenewalDue: LocalDate?

    /// What needs doing soon, or is overdue (DBS only when it is visible).
    public func flags(today: LocalDate) -> [ChampionFlag] {
        guard status != .left else { return [] }
        return ChampionChecks.flags(refresherDue: refresherDue, dbsRenewalDue: dbsRenewalDue, today: today)
    }
}

extension AppDatabase {
    /// Champion records, for one area or all, by name.
    public func championRecords(as actor: Actor, areaID: Int64? = nil) throws(StoreError) -> [ChampionRecord] {
        try authorize(actor, .read, .champion)
        let restricted = AccessPolicy.scope(actor.role, .read, .championPrivate) == .all
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, a.name AS areaName, p.phone, p.email, p.dbsNumber, p.dbsIssued, p.dbsRenewalDue
                FROM champion c JOIN area a ON a.id = c.areaId LEFT JOIN championPrivate p ON p.championId = c.id
                WHERE (? IS NULL OR c.areaId = ?) ORDER BY a.position, c.name
                """, arguments: [areaID, areaID]).map { row in
                func date(_ key: String) -> LocalDate? { (row[key] as String?).flatMap(LocalDate.init(iso:)) }
                return ChampionRecord(champion: Self.champion(from: row), areaName: row["areaName"],
                                      status: ChampionStatus(rawValue: row["status"]) ?? .active, statusReason: row["statusReason"],
                                      statusSince: date("statusSince"), trainingCourse: row["trainingCourse"], refresherDue: date("refresherDue"),
                                      phone: restricted ? row["phone"] : nil, email: restricted ? row["email"] : nil,
                                      dbsNumber: restricted ? row["dbsNumber"] : nil, dbsIssued: restricted ? date("dbsIssued") : nil,
                                      dbsRenewalDue: restricted ? date("dbsRenewalDue") : nil)
            }
        }
    }

    /// Records a champion's training: the date, the course, and when a refresher is due.
    public func recordTraining(as actor: Actor, championID: Int64, completed: LocalDate, course: String, refresherDue: LocalDate?,
                               now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .champion)
        try write { db in try Self.writeTraining(db, actor: actor, championID: championID, completed: completed, course: course,
                                                 refresherDue: refresherDue, now: now) }
    }

    /// The training write, inside a transaction already open.
    static func writeTraining(_ db: Database, actor: Actor, championID: Int64, completed: LocalDate, course: String,
                              refresherDue: LocalDate?, now: Date) throws {
        try db.execute(sql: "UPDATE champion SET trainedOn = ?, trainingCourse = ?, refresherDue = ?, version = version + 1 WHERE id = ?",
                       arguments: [completed.iso, course, refresherDue?.iso, championID])
        guard db.changesCount == 1 else { throw StoreError.notFound(what: "Champion \(championID)") }
        try AuditLog.append(db, actor: actor, action: "training", kind: "champion", recordID: championID,
                            changes: [FieldChange(field: "training", before: nil, after: "\(course), \(completed.iso)"),
                                      FieldChange(field: "refresherDue", before: nil, after: refresherDue?.iso)], at: now)
    }

    /// Records a DBS check and contact details (office staff and admins).
    public func recordPrivate(as actor: Actor, championID: Int64, phone: String, email: String, dbsNumber: String,
                              dbsIssued: LocalDate?, dbsRenewalDue: LocalDate?, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .championPrivate)
        try write { db in
            try Self.writePrivate(db, actor: actor, championID: championID, phone: phone, email: email, dbsNumber: dbsNumber,
                                  dbsIssued: dbsIssued, dbsRenewalDue: dbsRenewalDue, now: now)
        }
    }

    /// The contact and DBS write, inside a transaction already open.
    static func writePrivate(_ db: Database, actor: Actor, championID: Int64, phone: String, email: String, dbsNumber: String,
                             dbsIssued: LocalDate?, dbsRenewalDue: LocalDate?, now: Date) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [championID]) ?? false else {
            throw StoreError.notFound(what: "Champion \(championID)")
        }
        try db.execute(sql: """
            INSERT INTO championPrivate (championId, phone, email, dbsNumber, dbsIssued, dbsRenewalDue) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (championId) DO UPDATE SET phone = excluded.phone, email = excluded.email, dbsNumber = excluded.dbsNumber,
                dbsIssued = excluded.dbsIssued, dbsRenewalDue = excluded.dbsRenewalDue
            """, arguments: [championID, phone, email, dbsNumber, dbsIssued?.iso, dbsRenewalDue?.iso])
        try AuditLog.append(db, actor: actor, action: "update", kind: "champion", recordID: championID,
                            changes: [FieldChange(field: "phone", before: "", after: phone), FieldChange(field: "email", before: "", after: email),
                                      FieldChange(field: "dbsNumber", before: "", after: dbsNumber),
                                      FieldChange(field: "dbsRenewalDue", before: nil, after: dbsRenewalDue?.iso)], at: now)
    }

    /// Changes a champion's status (active, paused, left) with a reason and date.
    public func setChampionStatus(as actor: Actor, championID: Int64, _ status: ChampionStatus, reason: String, since: LocalDate,
                                  now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .champion)
        if status != .active && reason.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalid("reason: say why the champion has \(status == .left ? "left" : "paused").")
        }
        try write { db in try Self.writeStatus(db, actor: actor, championID: championID, status, reason: reason, since: since, now: now) }
    }

    /// The status write, inside a transaction already open.
    static func writeStatus(_ db: Database, actor: Actor, championID: Int64, _ status: ChampionStatus, reason: String, since: LocalDate,
                            now: Date) throws {
        let old = try String.fetchOne(db, sql: "SELECT status FROM champion WHERE id = ?", arguments: [championID])
        guard let old else { throw StoreError.notFound(what: "Champion \(championID)") }
        try db.execute(sql: """
            UPDATE champion SET status = ?, active = ?, statusReason = ?, statusSince = ?, version = version + 1 WHERE id = ?
            """, arguments: [status.rawValue, status == .active, reason, since.iso, championID])
        try AuditLog.append(db, actor: actor, action: "status", kind: "champion", recordID: championID,
                            changes: [FieldChange(field: "status", before: old, after: status.rawValue),
                                      FieldChange(field: "reason", before: nil, after: reason)], at: now)
    }

    /// Renames an area; its champions, ideas and history stay with it.
    public func renameArea(as actor: Actor, id: Int64, to name: String, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .area)
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalid("An area needs a name.") }
        try write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT name FROM area WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: "Area \(id)")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM area WHERE name = ? AND id <> ?)", arguments: [trimmed, id]) ?? false {
                throw StoreError.invalid("There is already an area called \(trimmed).")
            }
            try db.execute(sql: "UPDATE area SET name = ?, version = version + 1 WHERE id = ?", arguments: [trimmed, id])
            try AuditLog.append(db, actor: actor, action: "rename", kind: "area", recordID: id,
                                changes: [FieldChange(field: "name", before: old, after: trimmed)], at: now)
        }
    }

    /// Retires an area (or brings it back): it keeps its history but is listed last.
    public func setAreaRetired(as actor: Actor, id: Int64, retired: Bool, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .area)
        try write { db in
            try db.execute(sql: "UPDATE area SET retired = ?, version = version + 1 WHERE id = ?", arguments: [retired, id])
            guard db.changesCount == 1 else { throw StoreError.notFound(what: "Area \(id)") }
            try AuditLog.append(db, actor: actor, action: retired ? "retire" : "reinstate", kind: "area", recordID: id, at: now)
        }
    }
}
