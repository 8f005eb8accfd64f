import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Adds an area (office staff and admins).
    @discardableResult
    public func addArea(as actor: Actor, name: String, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .area)
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalid("An area needs a name.") }
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM area WHERE name = ?)", arguments: [trimmed]) ?? false {
                throw StoreError.invalid("There is already an area called \(trimmed).")
            }
            let position = (try Int.fetchOne(db, sql: "SELECT MAX(position) + 1 FROM area")) ?? 0
            let id = try RecordWrites.insertArea(db, name: trimmed, position: position)
            try AuditLog.append(db, actor: actor, action: "create", kind: "area", recordID: id,
                                changes: [FieldChange(field: "name", before: nil, after: trimmed)], at: now)
            return id
        }
    }

    /// Adds a Parent Champion record (office staff and admins).
    @discardableResult
    public func addChampion(as actor: Actor, name: String, areaID: Int64, trainedOn: LocalDate?, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .champion)
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid("name: the champion needs a name.") }
        return try write { db in try Self.insertChampion(db, actor: actor, name: name, areaID: areaID, trainedOn: trainedOn, now: now) }
    }

    /// The new champion's write, inside a transaction already open; the audit names the area.
    static func insertChampion(_ db: Database, actor: Actor, name: String, areaID: Int64, trainedOn: LocalDate?, now: Date) throws -> Int64 {
        guard let area = try String.fetchOne(db, sql: "SELECT name FROM area WHERE id = ? AND NOT retired", arguments: [areaID]) else {
            throw StoreError.invalid("area: there is no open area with id \(areaID).")
        }
        let id = try RecordWrites.insertChampion(db, name: name, areaID: areaID, trainedOn: trainedOn, active: true)
        try AuditLog.append(db, actor: actor, action: "create", kind: "champion", recordID: id,
                            changes: AuditLog.diff(before: [:], after: ["name": name, "area": area, "trainedOn": trainedOn?.iso]), at: now)
        return id
    }

    /// Every Parent Champion, by name (everyone may read names, areas and training).
    public func champions(as actor: Actor) throws(StoreError) -> [ParentChampion] {
        try authorize(actor, .read, .champion)
        return try read { db in try Row.fetchAll(db, sql: "SELECT * FROM champion ORDER BY name").map(Self.champion(from:)) }
    }

    /// Sets a meeting's crèche plan (office staff, crèche staff and admins).
    public func setCrechePlan(as actor: Actor, meetingID: Int64, _ plan: CrechePlan, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .creche)
        try write { db in
            let old = try Row.fetchOne(db, sql: "SELECT * FROM crechePlan WHERE meetingId = ?", arguments: [meetingID])
            func fields(_ p: (Int, Int, Int, Int, Int)?) -> [String: String?] {
                guard let p else { return [:] }
                return ["underTwo": String(p.0), "two": String(p.1), "threeAndOver": String(p.2), "staffBooked": String(p.3),
                        "roomCapacity": String(p.4)]
            }
            let before = old.map { r -> (Int, Int, Int, Int, Int) in
                (r["underTwo"], r["two"], r["threeAndOver"], r["staffBooked"], r["roomCapacity"])
            }
            try RecordWrites.setCrechePlan(db, meetingID: meetingID, plan, by: actor.name, at: now.timeIntervalSince1970)
            let after = (plan.count(.underTwo), plan.count(.two), plan.count(.threeAndOver), plan.staffBooked, plan.roomCapacity)
            try AuditLog.append(db, actor: actor, action: old == nil ? "create" : "update", kind: "creche", recordID: meetingID,
                                changes: AuditLog.diff(before: fields(before), after: fields(after)), at: now)
        }
    }
}
