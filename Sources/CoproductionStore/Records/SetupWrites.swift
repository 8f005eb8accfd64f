import Coproduction
import Foundation
import GRDB

/// The writes the full-screen set-up needs beyond those the command line already had: a
/// champion's name and area, a child's record, the register of crèche staff and putting them
/// on a rota, a child registered at the door, and changing one's own PIN. Each checks the
/// role here, below any screen, and writes an audit entry naming people, not ids.
extension AppDatabase {
    /// Changes a champion's name or area (office staff and admins). The area must be open.
    public func updateChampion(as actor: Actor, id: Int64, name: String, areaID: Int64, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .champion)
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalid("name: the champion needs a name.") }
        try write { db in try Self.writeNameAndArea(db, actor: actor, id: id, name: trimmed, areaID: areaID, now: now) }
    }

    /// The name and area write, inside a transaction already open. Nothing is written when
    /// neither changed.
    static func writeNameAndArea(_ db: Database, actor: Actor, id: Int64, name: String, areaID: Int64, now: Date) throws {
        guard let old = try Row.fetchOne(db, sql: """
            SELECT c.name, a.name AS area, c.areaId FROM champion c JOIN area a ON a.id = c.areaId WHERE c.id = ?
            """, arguments: [id]) else { throw StoreError.notFound(what: "Champion \(id)") }
        guard let area = try String.fetchOne(db, sql: "SELECT name FROM area WHERE id = ? AND (NOT retired OR id = ?)",
                                             arguments: [areaID, old["areaId"] as Int64]) else {
            throw StoreError.invalid("area: that area is retired; choose an open one.")
        }
        let changes = AuditLog.diff(before: ["name": old["name"], "area": old["area"]], after: ["name": name, "area": area])
        guard !changes.isEmpty else { return }
        try db.execute(sql: "UPDATE champion SET name = ?, areaId = ?, version = version + 1 WHERE id = ?", arguments: [name, areaID, id])
        try AuditLog.append(db, actor: actor, action: "update", kind: "champion", recordID: id, changes: changes, at: now)
    }

    /// Adds or changes a Parent Champion from the set-up form in one transaction: name and
    /// area, training, status, and (for roles allowed them) contact details and DBS. Either
    /// all of it is saved or none. Returns the champion's id.
    @discardableResult
    public func saveChampion(as actor: Actor, _ edit: ChampionEdit, today: LocalDate, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .champion)
        if edit.contact != nil { try authorize(actor, .write, .championPrivate) }
        let name = edit.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .invalid("name: the champion needs a name.") }
        if edit.status != .active && edit.reason.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalid("why: say why the champion has \(edit.status == .left ? "left" : "paused").")
        }
        if let since = edit.since, since > today { throw .invalid("since: \(since.long) is in the future.") }
        return try write { db in
            let id: Int64
            if let existing = edit.id {
                id = existing
                try Self.writeNameAndArea(db, actor: actor, id: id, name: name, areaID: edit.areaID, now: now)
            } else {
                id = try Self.insertChampion(db, actor: actor, name: name, areaID: edit.areaID, trainedOn: edit.trained, now: now)
            }
            let old = try Row.fetchOne(db, sql: """
                SELECT c.trainedOn, c.trainingCourse, c.refresherDue, c.status, c.statusReason, c.statusSince,
                       p.phone, p.email, p.dbsNumber, p.dbsIssued, p.dbsRenewalDue
                FROM champion c LEFT JOIN championPrivate p ON p.championId = c.id WHERE c.id = ?
                """, arguments: [id])
            if let trained = edit.trained,
               old?["trainedOn"] as String? != trained.iso || old?["trainingCourse"] as String? != edit.course
                || old?["refresherDue"] as String? != edit.refresher?.iso {
                try Self.writeTraining(db, actor: actor, championID: id, completed: trained, course: edit.course,
                                       refresherDue: edit.refresher, now: now)
            }
            let oldStatus = (old?["status"] as String?) ?? ChampionStatus.active.rawValue
            let changedOn = edit.since ?? today
            if oldStatus != edit.status.rawValue
                || (edit.status != .active && (old?["statusReason"] as String? != edit.reason
                                                || (edit.since != nil && old?["statusSince"] as String? != changedOn.iso))) {
                try Self.writeStatus(db, actor: actor, championID: id, edit.status, reason: edit.reason, since: changedOn, now: now)
            }
            if let c = edit.contact,
               (old?["phone"] as String?) ?? "" != c.phone || (old?["email"] as String?) ?? "" != c.email
                || (old?["dbsNumber"] as String?) ?? "" != c.dbsNumber || old?["dbsIssued"] as String? != c.dbsIssued?.iso
                || old?["dbsRenewalDue"] as String? != c.dbsRenewalDue?.iso {
                try Self.writePrivate(db, actor: actor, championID: id, phone: c.phone, email: c.email, dbsNumber: c.dbsNumber,
                                      dbsIssued: c.dbsIssued, dbsRenewalDue: c.dbsRenewalDue, now: now)
            }
            return id
        }
    }

    /// Whether another champion of this name is in the area (a set-up form warns and asks).
    public func championExists(named name: String, areaID: Int64, except id: Int64? = nil) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE name = ? COLLATE NOCASE AND areaId = ? AND id IS NOT ?)",
                              arguments: [name.trimmingCharacters(in: .whitespaces), areaID, id]) ?? false
        }
    }

    /// Changes a child's record (office staff and admins); completing a record added on the
    /// day clears its mark. Notes and the emergency contact change only for roles allowed them.
    public func updateChild(as actor: Actor, id: Int64, _ child: Child, today: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .child)
        let problems = child.problems(today: today)
        if !problems.isEmpty { throw .fields(problems.map { FieldIssue(field: $0.field.rawValue, message: $0.message) }) }
        let notesAllowed = AccessPolicy.scope(actor.role, .write, .childNotes) != .none
        try write { db in
            guard let old = try Row.fetchOne(db, sql: "SELECT * FROM child WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: "Child \(id)")
            }
            let before = Self.child(from: old, sensitive: true)
            // Someone on the must-not-collect list cannot also be a collector: which stands is asked.
            let barred = try Self.collectionSafety(db, childID: id).mustNotCollect
            if let clash = barred.first(where: { b in ([child.parentName] + child.collectors).contains { CollectionSafety.same($0, b.name) } }) {
                throw StoreError.fields([FieldIssue(field: "collectors", message: "\(clash.name) is on the must-not-collect list (\(clash.reason)). "
                                                    + "Which stands? Take them off the collectors, or off the must-not-collect list first (creche collection remove-must-not-collect).")])
            }
            try db.execute(sql: """
                UPDATE child SET firstName = ?, familyName = ?, dateOfBirth = ?, parentName = ?, parentChampionId = ?, collectors = ?,
                       emergencyContact = ?, notes = ?, addedOnDay = 0, birthDateEstimated = ?, updatedBy = ?, updatedAt = ?
                       WHERE id = ?
                """, arguments: [child.firstName.trimmingCharacters(in: .whitespaces), child.familyName.trimmingCharacters(in: .whitespaces),
                                 child.dateOfBirth.iso, child.parentName, child.parentChampionID, child.collectors.joined(separator: "\n"),
                                 notesAllowed ? child.emergencyContact ?? "" : before.emergencyContact ?? "",
                                 notesAllowed ? child.notes ?? "" : before.notes ?? "", child.birthDateEstimated, actor.name,
                                 now.timeIntervalSince1970, id])
            try AuditLog.append(db, actor: actor, action: "update", kind: "child", recordID: id, changes: AuditLog.diff(
                before: ["name": before.fullName, "dateOfBirth": before.dateOfBirth.iso, "parent": before.parentName,
                         "collectors": before.collectors.joined(separator: ", "), "emergencyContact": before.emergencyContact,
                         "medicalNotes": before.notes, "addedOnDay": before.addedOnDay ? "yes" : nil,
                         "dateOfBirthEstimated": before.birthDateEstimated ? "yes" : nil],
                after: ["name": child.fullName, "dateOfBirth": child.dateOfBirth.iso, "parent": child.parentName,
                        "collectors": child.collectors.joined(separator: ", "),
                        "emergencyContact": notesAllowed ? child.emergencyContact : before.emergencyContact,
                        "medicalNotes": notesAllowed ? child.notes : before.notes, "addedOnDay": nil,
                        "dateOfBirthEstimated": child.birthDateEstimated ? "yes" : nil]), at: now)
        }
    }

    /// Registers a child who turned up unbooked and books them into the session at once:
    /// crèche staff on that session's rota, office staff and admins. The child is marked
    /// "added on the day" until the office completes the record.
    @discardableResult
    public func addWalkInChild(as actor: Actor, meetingID: Int64, _ child: Child, today: LocalDate,
                               now: Date = Date()) throws(StoreError) -> (child: Int64, booking: Int64) {
        let office = AccessPolicy.scope(actor.role, .write, .child) == .all
        guard office || actor.role == .crecheStaff else {
            throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .child))
        }
        let problems = child.problems(today: today)
        if !problems.isEmpty { throw .fields(problems.map { FieldIssue(field: $0.field.rawValue, message: $0.message) }) }
        return try write { db in
            if !office, try !Self.staffs(db, actor, meetingID: meetingID) {
                throw StoreError.invalid("You are not on this session's rota, so you cannot register children for it: ask the office.")
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM crechePlan WHERE meetingId = ?)", arguments: [meetingID]) ?? false else {
                throw StoreError.invalid("That meeting has no crèche arranged yet: arrange one first.")
            }
            try db.execute(sql: """
                INSERT INTO child (firstName, familyName, dateOfBirth, parentName, collectors, emergencyContact, notes, addedOnDay,
                                   birthDateEstimated, updatedBy, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                """, arguments: [child.firstName.trimmingCharacters(in: .whitespaces), child.familyName.trimmingCharacters(in: .whitespaces),
                                 child.dateOfBirth.iso, child.parentName, child.collectors.joined(separator: "\n"),
                                 child.emergencyContact ?? "", child.notes ?? "", child.birthDateEstimated, actor.name,
                                 now.timeIntervalSince1970])
            let childID = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO booking (meetingId, childId) VALUES (?, ?)", arguments: [meetingID, childID])
            let bookingID = db.lastInsertedRowID
            var changes = [
                FieldChange(field: "name", before: nil, after: child.fullName),
                FieldChange(field: "dateOfBirth", before: nil, after: child.dateOfBirth.iso),
                FieldChange(field: "addedOnDay", before: nil, after: "yes"),
            ]
            if child.birthDateEstimated { changes.append(FieldChange(field: "dateOfBirthEstimated", before: nil, after: "yes")) }
            try AuditLog.append(db, actor: actor, action: "create", kind: "child", recordID: childID, changes: changes, at: now)
            try AuditLog.append(db, actor: actor, action: "book", kind: "creche", recordID: meetingID,
                                changes: [FieldChange(field: "child", before: nil, after: child.fullName)], at: now)
            return (childID, bookingID)
        }
    }

    // MARK: The register of crèche staff

    /// Everyone in the register of crèche staff, by name (everyone who may read the rota).
    public func staffMembers(as actor: Actor) throws(StoreError) -> [StaffMember] {
        try authorize(actor, .read, .rota)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM staffMember ORDER BY name").map(StaffMember.register)
        }
    }

    /// Adds someone to the register of crèche staff, or changes them (office staff and
    /// admins): their level, first aid, age, training and checks, in one write.
    @discardableResult
    public func saveStaffMember(as actor: Actor, _ member: StaffMember, today: LocalDate, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .rota)
        var typed = member
        typed.name = member.name.trimmingCharacters(in: .whitespaces)
        let member = typed
        let problems = member.problems(today: today)
        guard problems.isEmpty else { throw .problems(problems) }
        let name = member.name
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staffMember WHERE name = ? AND id <> ?)", arguments: [name, member.id]) ?? false {
                throw StoreError.fields([FieldIssue(field: "name", message: "\(name) is in the register of crèche staff already.")])
            }
            if let account = member.accountID,
               try String.fetchOne(db, sql: "SELECT role FROM user WHERE id = ?", arguments: [account]) != Role.crecheStaff.rawValue {
                throw StoreError.fields([FieldIssue(field: "account", message: "only a crèche staff sign-in can be linked to a member of crèche staff.")])
            }
            let values: StatementArguments = [name, member.level, member.paediatricFirstAid, member.accountID, member.firstAid.rawValue,
                                              member.firstAidOn?.iso, member.dateOfBirth?.iso, member.seventeenOrOver, member.fullAndRelevant,
                                              member.qualifiedOn?.iso, member.student, member.competent, member.safeguardingOn?.iso, member.dbsOn?.iso]
            if member.id == 0 {
                try db.execute(sql: """
                    INSERT INTO staffMember (name, level, firstAid, userId, firstAidKind, firstAidOn, dateOfBirth, seventeenOrOver,
                                             fullAndRelevant, qualifiedOn, student, competent, safeguardingOn, dbsOn)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: values)
                let id = db.lastInsertedRowID
                try AuditLog.append(db, actor: actor, action: "create", kind: "staff", recordID: id,
                                    changes: AuditLog.diff(before: [:], after: member.auditFields), at: now)
                return id
            }
            guard let old = try Row.fetchOne(db, sql: "SELECT * FROM staffMember WHERE id = ?", arguments: [member.id]) else {
                throw StoreError.notFound(what: "Member of crèche staff \(member.id)")
            }
            try db.execute(sql: """
                UPDATE staffMember SET name = ?, level = ?, firstAid = ?, userId = ?, firstAidKind = ?, firstAidOn = ?, dateOfBirth = ?,
                       seventeenOrOver = ?, fullAndRelevant = ?, qualifiedOn = ?, student = ?, competent = ?, safeguardingOn = ?, dbsOn = ?,
                       version = version + 1
                 WHERE id = ?
                """, arguments: values + [member.id])
            // The rota's copies follow the register, so every session shows them as they are now.
            try db.execute(sql: "UPDATE crecheStaff SET name = ?, level = ?, firstAid = ? WHERE staffMemberId = ?",
                           arguments: [name, member.level, member.paediatricFirstAid, member.id])
            try AuditLog.append(db, actor: actor, action: "update", kind: "staff", recordID: member.id, changes: AuditLog.diff(
                before: StaffMember.register(old).auditFields, after: member.auditFields), at: now)
            return member.id
        }
    }

    /// Puts someone from the register on a session's rota (office staff and admins), with
    /// their sign-in, so they see the session's children.
    public func addToRota(as actor: Actor, meetingID: Int64, staffMemberID: Int64, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .rota)
        let member = try read { db -> StaffMember? in
            try Row.fetchOne(db, sql: "SELECT * FROM staffMember WHERE id = ?", arguments: [staffMemberID]).map(StaffMember.register)
        }
        guard let member else { throw .notFound(what: "Member of crèche staff \(staffMemberID)") }
        let already = try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM crecheStaff WHERE meetingId = ? AND (staffMemberId = ? OR name = ? COLLATE NOCASE))",
                              arguments: [meetingID, staffMemberID, member.name]) ?? false
        }
        if already { throw .invalid("\(member.name) is on this session's rota already.") }
        try addStaff(as: actor, meetingID: meetingID, member, account: member.accountID, now: now)
        try write { db in
            try db.execute(sql: "UPDATE crecheStaff SET staffMemberId = ? WHERE meetingId = ? AND name = ? AND staffMemberId IS NULL",
                           arguments: [staffMemberID, meetingID, member.name])
        }
    }

    // MARK: One's own PIN

    /// Changes the signed-in person's own PIN or passphrase, the old one given first. A wrong
    /// old one is refused (and counted, as at sign-in).
    public func changeOwnSecret(as actor: Actor, old: String, new: String, now: Date = Date()) throws(StoreError) {
        do { _ = try signIn(name: actor.name, secret: old, now: now) } catch let refused as StoreError { throw refused } catch {
            throw .invalid("old: that is not your current PIN or passphrase.")
        }
        guard new != old else { throw .invalid("new: the new PIN or passphrase is the same as the old one.") }
        try resetSecret(as: actor, name: actor.name, secret: new, now: now)
    }
}
