import Coproduction
import Foundation
import GRDB

/// What a sign-out attempt came to when it was not saved: the refusal is recorded in the
/// audit trail before it is reported.
enum CollectionRefusal: Error {
    case mustNotCollect(String)
    case noMatch(String)
}

extension AppDatabase {
    // MARK: Reading

    /// Who may and may not collect a child beyond the names on their record: office staff and
    /// admins; crèche staff for a child booked into a session they work; a champion their own
    /// child's. Passwords are never read back, only whether one is set.
    public func collectionSafety(as actor: Actor, childID: Int64) throws(StoreError) -> CollectionSafety {
        try authorize(actor, .read, .collection, needed: .own)
        return try read { db in
            try Self.mayReachChild(db, actor, childID, .read)
            return try Self.collectionSafety(db, childID: childID)
        }
    }

    static func collectionSafety(_ db: Database, childID: Int64) throws -> CollectionSafety {
        CollectionSafety(
            childID: childID,
            withPassword: try String.fetchAll(db, sql: "SELECT name FROM collectorPassword WHERE childId = ? ORDER BY name", arguments: [childID]),
            temporary: try Row.fetchAll(db, sql: "SELECT * FROM temporaryCollector WHERE childId = ? ORDER BY validOn, name", arguments: [childID])
                .compactMap { r in
                    LocalDate(iso: r["validOn"]).map { TemporaryCollector(id: r["id"], name: r["name"], validOn: $0, addedBy: r["addedBy"]) }
                },
            mustNotCollect: try Row.fetchAll(db, sql: "SELECT * FROM mustNotCollect WHERE childId = ? ORDER BY name", arguments: [childID]).map { r in
                MustNotCollect(id: r["id"], name: r["name"], reason: r["reason"], courtOrderSeen: r["courtOrderSeen"], recordedBy: r["recordedBy"],
                               recordedAt: Date(timeIntervalSince1970: r["recordedAt"]))
            })
    }

    /// Whether the actor reaches this child's collection records: all for office staff and
    /// admins; crèche staff a child booked into a session they are on the rota for; a
    /// champion (reading only) their own child.
    static func mayReachChild(_ db: Database, _ actor: Actor, _ childID: Int64, _ operation: Coproduction.Operation) throws {
        guard let child = try Row.fetchOne(db, sql: "SELECT parentChampionId FROM child WHERE id = ?", arguments: [childID]) else {
            throw StoreError.notFound(what: "Child \(childID)")
        }
        let denied = StoreError.denied(AccessDenied(role: actor.role, operation: operation, kind: .collection))
        switch AccessPolicy.scope(actor.role, operation, .collection) {
        case .all: return
        case .own where actor.role == .crecheStaff:
            let works = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM booking b JOIN crecheStaff s ON s.meetingId = b.meetingId WHERE b.childId = ? AND s.userId = ?)
                """, arguments: [childID, actor.userID]) ?? false
            if !works { throw denied }
        case .own:
            if (child["parentChampionId"] as Int64?) != actor.championID || actor.championID == nil { throw denied }
        case .none: throw denied
        }
    }

    /// The child's record as the collection rules need it.
    static func childForCollection(_ db: Database, _ childID: Int64) throws -> Child {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM child WHERE id = ?", arguments: [childID]) else {
            throw StoreError.notFound(what: "Child \(childID)")
        }
        return child(from: row, sensitive: false)
    }

    // MARK: Writing

    /// Sets (or replaces) a named collector's collection password, stored hashed: at sign-out
    /// staff type what the collector says and are told only match or no match.
    public func setCollectorPassword(as actor: Actor, childID: Int64, collector: String, password: String, today: LocalDate,
                                     now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .collection, needed: .own)
        if let problem = CollectionSafety.passwordProblem(password) { throw .fields([FieldIssue(field: "password", message: problem)]) }
        let hashed: HashedSecret
        do { hashed = try PassphraseHasher.hash(password.trimmingCharacters(in: .whitespaces)) } catch {
            throw .database(message: "hashing failed: \(error)")
        }
        try write { db in
            try Self.mayReachChild(db, actor, childID, .write)
            let child = try Self.childForCollection(db, childID)
            let safety = try Self.collectionSafety(db, childID: childID)
            guard let name = safety.collectors(of: child, on: today).first(where: { CollectionSafety.same($0, collector) })
                    ?? safety.temporary.first(where: { CollectionSafety.same($0.name, collector) && $0.validOn >= today })?.name else {
                throw StoreError.fields([FieldIssue(field: "collector", message: "\(collector) is not on \(child.firstName)'s list of people who may collect: "
                                                    + "add them to the child's record (or as a temporary collector) first.")])
            }
            try db.execute(sql: "DELETE FROM collectorPassword WHERE childId = ? AND name = ?", arguments: [childID, name])
            try db.execute(sql: """
                INSERT INTO collectorPassword (childId, name, secretHash, salt, kdfN, kdfR, kdfP, setBy, setAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [childID, name, hashed.hash, hashed.salt, hashed.parameters.n, hashed.parameters.r, hashed.parameters.p,
                                 actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: "collection password", kind: "child", recordID: childID,
                                changes: [FieldChange(field: "password for", before: nil, after: name)], at: now)
        }
    }

    /// Removes a collector's collection password.
    public func clearCollectorPassword(as actor: Actor, childID: Int64, collector: String, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .collection, needed: .own)
        try write { db in
            try Self.mayReachChild(db, actor, childID, .write)
            let names = try String.fetchAll(db, sql: "SELECT name FROM collectorPassword WHERE childId = ?", arguments: [childID])
            guard let name = names.first(where: { CollectionSafety.same($0, collector) }) else {
                throw StoreError.invalid("\(collector) has no collection password for this child.")
            }
            try db.execute(sql: "DELETE FROM collectorPassword WHERE childId = ? AND name = ?", arguments: [childID, name])
            try AuditLog.append(db, actor: actor, action: "collection password removed", kind: "child", recordID: childID,
                                changes: [FieldChange(field: "password for", before: name, after: nil)], at: now)
        }
    }

    /// Adds someone who may collect the child on one day only.
    @discardableResult
    public func addTemporaryCollector(as actor: Actor, childID: Int64, name: String, on day: LocalDate, today: LocalDate,
                                      now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .collection, needed: .own)
        let who = name.trimmingCharacters(in: .whitespaces)
        if who.isEmpty { throw .fields([FieldIssue(field: "name", message: "Say who will collect.")]) }
        if day < today { throw .fields([FieldIssue(field: "on", message: "\(day.inWords) has passed: a temporary collector is for today or a day to come.")]) }
        return try write { db in
            try Self.mayReachChild(db, actor, childID, .write)
            let safety = try Self.collectionSafety(db, childID: childID)
            if let barred = safety.mustNotCollect.first(where: { CollectionSafety.same($0.name, who) }) {
                throw StoreError.fields([FieldIssue(field: "name", message: "\(barred.name) is on the must-not-collect list (\(barred.reason)): they cannot be a collector.")])
            }
            try db.execute(sql: "INSERT INTO temporaryCollector (childId, name, validOn, addedBy, addedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [childID, who, day.iso, actor.name, now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "temporary collector", kind: "child", recordID: childID,
                                changes: [FieldChange(field: "collector on \(day.iso)", before: nil, after: who)], at: now)
            return id
        }
    }

    /// Puts someone on the child's must-not-collect list: a sign-out to them is refused. When
    /// they are also a named collector the store asks which stands (a field problem), unless
    /// `mustNotCollectStands`: then they are taken off the collectors, their temporary days
    /// and password, in the same write.
    @discardableResult
    public func addMustNotCollect(as actor: Actor, childID: Int64, _ entry: MustNotCollect, mustNotCollectStands: Bool = false,
                                  now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .collection, needed: .own)
        var problems: [FieldIssue] = []
        let who = entry.name.trimmingCharacters(in: .whitespaces)
        if who.isEmpty { problems.append(FieldIssue(field: "name", message: "Say who must not collect.")) }
        if entry.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(FieldIssue(field: "reason", message: "Record why (a court order, what the parent said), so staff know how firm it is."))
        }
        guard problems.isEmpty else { throw .fields(problems) }
        return try write { db in
            try Self.mayReachChild(db, actor, childID, .write)
            let child = try Self.childForCollection(db, childID)
            let safety = try Self.collectionSafety(db, childID: childID)
            if safety.mustNotCollect.contains(where: { CollectionSafety.same($0.name, who) }) {
                throw StoreError.fields([FieldIssue(field: "name", message: "\(who) is already on the must-not-collect list.")])
            }
            if CollectionSafety.same(child.parentName, who) {
                throw StoreError.fields([FieldIssue(field: "name", message: "\(who) is the parent on \(child.firstName)'s record: change the record's parent first "
                                                    + "(e on the child), then add them here.")])
            }
            let named = child.collectors.filter { CollectionSafety.same($0, who) }
            let temporary = safety.temporary.filter { CollectionSafety.same($0.name, who) }
            if !(named.isEmpty && temporary.isEmpty) && !mustNotCollectStands {
                throw StoreError.fields([FieldIssue(field: "stands", message: "\(who) is on \(child.firstName)'s list of people who may collect. "
                                                    + "Which stands? Say the must-not-collect entry stands to take them off that list, or keep them as a collector and add nothing.")])
            }
            if !named.isEmpty {
                let kept = child.collectors.filter { !CollectionSafety.same($0, who) }
                try db.execute(sql: "UPDATE child SET collectors = ?, updatedBy = ?, updatedAt = ? WHERE id = ?",
                               arguments: [kept.joined(separator: "\n"), actor.name, now.timeIntervalSince1970, childID])
            }
            for t in temporary { try db.execute(sql: "DELETE FROM temporaryCollector WHERE id = ?", arguments: [t.id]) }
            try db.execute(sql: "DELETE FROM collectorPassword WHERE childId = ? AND name = ? COLLATE NOCASE", arguments: [childID, who])
            try db.execute(sql: """
                INSERT INTO mustNotCollect (childId, name, reason, courtOrderSeen, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [childID, who, entry.reason.trimmingCharacters(in: .whitespacesAndNewlines), entry.courtOrderSeen, actor.name,
                                 now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            var changes = [FieldChange(field: "must not collect", before: nil, after: who),
                           FieldChange(field: "court order seen", before: nil, after: entry.courtOrderSeen ? "yes" : "no")]
            if !named.isEmpty || !temporary.isEmpty { changes.append(FieldChange(field: "collectors", before: who, after: nil)) }
            try AuditLog.append(db, actor: actor, action: "must not collect", kind: "child", recordID: childID, changes: changes, at: now)
            return id
        }
    }

    /// Takes someone off a child's must-not-collect list (office staff and admins only).
    public func removeMustNotCollect(as actor: Actor, id: Int64, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .collection)
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT childId, name FROM mustNotCollect WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: "Must-not-collect entry \(id)")
            }
            try db.execute(sql: "DELETE FROM mustNotCollect WHERE id = ?", arguments: [id])
            try AuditLog.append(db, actor: actor, action: "must not collect removed", kind: "child", recordID: row["childId"],
                                changes: [FieldChange(field: "must not collect", before: row["name"], after: nil)], at: now)
        }
    }

    /// Checks a sign-out against the child's collection safety inside the sign-out's write:
    /// the must-not-collect list, the collector's password, and for someone not on the list a
    /// reason and their age. A refusal to a barred name or a wrong password is thrown as a
    /// ``CollectionRefusal`` so the caller records it after the write is rolled back.
    static func checkCollection(_ db: Database, child: Child, on day: LocalDate, collectedBy: String, password: String?,
                                collectorAge: Int?, reason: String, minimumAge: Int) throws -> String? {
        let safety = try collectionSafety(db, childID: child.id)
        switch safety.decide(child, collectedBy: collectedBy, on: day) {
        case .mustNotCollect(let entry):
            throw CollectionRefusal.mustNotCollect(CollectionSafety.refusal(entry, child: child))
        case .named(let needsPassword, let temporary):
            if needsPassword {
                guard let password, !password.isEmpty else {
                    throw StoreError.fields([FieldIssue(field: "password", message: "\(collectedBy) has a collection password: ask them for it and type what they say.")])
                }
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM collectorPassword WHERE childId = ? AND name = ? COLLATE NOCASE",
                                                 arguments: [child.id, safety.withPassword.first { CollectionSafety.same($0, collectedBy) } ?? collectedBy]) else {
                    return nil
                }
                let stored = HashedSecret(hash: row["secretHash"], salt: row["salt"],
                                          parameters: ScryptParameters(n: row["kdfN"], r: row["kdfR"], p: row["kdfP"]))
                guard (try? PassphraseHasher.verify(password.trimmingCharacters(in: .whitespaces), against: stored)) == true else {
                    throw CollectionRefusal.noMatch("NO MATCH: that is not \(collectedBy)'s collection password. Do not hand \(child.firstName) over: "
                                                    + "ask again, or call the parent (\(child.parentName)).")
                }
            }
            return temporary ? "temporary collector for \(day.inWords)" : nil
        case .notOnList:
            if reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw StoreError.fields([FieldIssue(field: "reason", message: "\(collectedBy) is not on \(child.firstName)'s list of people who may collect: record why they are collecting.")])
            }
            if let problem = CollectionSafety.ageProblem(collectorAge, name: collectedBy, minimum: minimumAge) {
                throw StoreError.fields([FieldIssue(field: "age", message: problem)])
            }
            return reason.trimmingCharacters(in: .whitespaces) + (collectorAge.map { " (aged \($0))" } ?? "")
        }
    }
}
