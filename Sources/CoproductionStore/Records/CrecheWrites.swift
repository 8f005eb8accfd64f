import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Registers a child (office staff and admins). Nothing is saved when anything is wrong.
    @discardableResult
    public func addChild(as actor: Actor, _ child: Child, today: LocalDate, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .child)
        let problems = child.problems(today: today)
        if !problems.isEmpty { throw .invalid(problems.map { "\($0.field.words): \($0.message)" }.joined(separator: "\n")) }
        return try write { db in
            if let champion = child.parentChampionID,
               try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [champion]) ?? false) {
                throw StoreError.invalid("parent: there is no Parent Champion with id \(champion).")
            }
            try db.execute(sql: """
                INSERT INTO child (firstName, familyName, dateOfBirth, parentName, parentChampionId, collectors, emergencyContact, notes,
                                   birthDateEstimated, updatedBy, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [child.firstName.trimmingCharacters(in: .whitespaces), child.familyName.trimmingCharacters(in: .whitespaces),
                                 child.dateOfBirth.iso, child.parentName, child.parentChampionID,
                                 child.collectors.joined(separator: "\n"), child.emergencyContact ?? "", child.notes ?? "",
                                 child.birthDateEstimated, actor.name, now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "create", kind: "child", recordID: id, changes: [
                FieldChange(field: "name", before: nil, after: child.fullName),
                FieldChange(field: "dateOfBirth", before: nil, after: child.dateOfBirth.iso),
                FieldChange(field: "emergencyContact", before: nil, after: child.emergencyContact),
                FieldChange(field: "medicalNotes", before: nil, after: child.notes),
            ].filter { $0.after != nil && $0.after != "" }, at: now)
            return id
        }
    }

    /// Books a child into a meeting's crèche: office staff for anyone, a Parent Champion for
    /// their own children. Refused for a cancelled meeting, a meeting without a crèche, a
    /// child already booked into it, or a child over 5 on the day.
    @discardableResult
    public func book(as actor: Actor, childID: Int64, meetingID: Int64, now: Date = Date()) throws(StoreError) -> Int64 {
        let scope = AccessPolicy.scope(actor.role, .write, .booking)
        guard scope != .none else { throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .booking)) }
        return try write { db in
            if scope == .own {
                let allowed = actor.role == .champion ? try Self.owns(db, actor, childID: childID)
                                                      : try Self.staffs(db, actor, meetingID: meetingID)
                if !allowed { throw StoreError.denied(AccessDenied(role: actor.role, operation: .write, kind: .booking)) }
            }
            guard let meeting = try Row.fetchOne(db, sql: """
                SELECT m.title, m.date, m.status, c.meetingId AS crecheId FROM meeting m
                LEFT JOIN crechePlan c ON c.meetingId = m.id WHERE m.id = ?
                """, arguments: [meetingID]) else { throw StoreError.notFound(what: "Meeting \(meetingID)") }
            guard let kid = try Row.fetchOne(db, sql: "SELECT * FROM child WHERE id = ?", arguments: [childID]) else {
                throw StoreError.notFound(what: "Child \(childID)")
            }
            let child = Self.child(from: kid, sensitive: false)
            let date = LocalDate(iso: meeting["date"]) ?? LocalDate(year: 2000, month: 1, day: 1)!
            if (meeting["status"] as String) == "cancelled" {
                throw StoreError.invalid("\(meeting["title"] as String) on \(date.long) is cancelled: book another meeting.")
            }
            if (meeting["crecheId"] as Int64?) == nil {
                throw StoreError.invalid("\(meeting["title"] as String) has no crèche arranged yet: arrange one first.")
            }
            if child.dateOfBirth > date {
                throw StoreError.invalid("\(child.firstName) is not born yet on \(date.long).")
            }
            if date.age(ofSomeoneBornOn: child.dateOfBirth) > Child.maximumAge {
                throw StoreError.invalid("\(child.firstName) is over \(Child.maximumAge) on \(date.long), too old for the crèche.")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM booking WHERE meetingId = ? AND childId = ?)",
                                 arguments: [meetingID, childID]) ?? false {
                throw StoreError.invalid("\(child.fullName) is already booked into this crèche.")
            }
            try db.execute(sql: "INSERT INTO booking (meetingId, childId) VALUES (?, ?)", arguments: [meetingID, childID])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "book", kind: "creche", recordID: meetingID,
                                changes: [FieldChange(field: "child", before: nil, after: child.fullName)], at: now)
            return id
        }
    }

    /// Arranges a crèche for a meeting, or changes its room's capacity and whether children
    /// are timed against the two-hour limit (office staff, crèche staff and admins). Places
    /// held without names and the rota are kept.
    public func arrangeCreche(as actor: Actor, meetingID: Int64, roomCapacity: Int, underTwoHours: Bool = true,
                              now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .creche)
        guard (1...60).contains(roomCapacity) else { throw .invalid("room: the room must take from 1 to 60 children.") }
        try write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM meeting WHERE id = ?", arguments: [meetingID]) else {
                throw StoreError.notFound(what: "Meeting \(meetingID)")
            }
            if status == "cancelled" { throw StoreError.invalid("That meeting is cancelled: no crèche is needed.") }
            let old = try Row.fetchOne(db, sql: "SELECT roomCapacity, underTwoHours FROM crechePlan WHERE meetingId = ?", arguments: [meetingID])
            try db.execute(sql: """
                INSERT INTO crechePlan (meetingId, roomCapacity, underTwoHours, updatedBy, updatedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (meetingId) DO UPDATE SET roomCapacity = excluded.roomCapacity, underTwoHours = excluded.underTwoHours,
                    updatedBy = excluded.updatedBy, updatedAt = excluded.updatedAt, version = version + 1
                """, arguments: [meetingID, roomCapacity, underTwoHours, actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: old == nil ? "arrange" : "update", kind: "creche", recordID: meetingID,
                                changes: AuditLog.diff(before: old.map { ["roomCapacity": String($0["roomCapacity"] as Int),
                                                                           "underTwoHours": String($0["underTwoHours"] as Bool)] } ?? [:],
                                                       after: ["roomCapacity": String(roomCapacity), "underTwoHours": String(underTwoHours)]),
                                at: now)
        }
    }

    /// Adds a member of staff to a session's rota (office staff and admins); `account` links
    /// a crèche staff sign-in, so they see the children in this session.
    public func addStaff(as actor: Actor, meetingID: Int64, _ member: StaffMember, account: Int64? = nil, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .rota)
        guard StaffMember.levels.contains(member.level) else {
            throw .invalid("level: qualification levels are 2, 3 or 6; \(member.level) is not one of them.")
        }
        guard !member.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid("name: the member of staff needs a name.") }
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM crechePlan WHERE meetingId = ?)", arguments: [meetingID]) ?? false else {
                throw StoreError.invalid("That meeting has no crèche arranged yet: arrange one first.")
            }
            try db.execute(sql: "INSERT INTO crecheStaff (meetingId, name, level, firstAid, userId) VALUES (?, ?, ?, ?, ?)",
                           arguments: [meetingID, member.name, member.level, member.paediatricFirstAid, account])
            try AuditLog.append(db, actor: actor, action: "add staff", kind: "creche", recordID: meetingID,
                                changes: [FieldChange(field: "staff", before: nil,
                                                      after: "\(member.name), level \(member.level)\(member.paediatricFirstAid ? ", first aid" : "")")],
                                at: now)
        }
    }

    /// Signs a booked child in (crèche staff for their sessions, office staff and admins).
    public func signIn(as actor: Actor, bookingID: Int64, at time: Date) throws(StoreError) {
        try write { db in
            let (booking, _) = try Self.bookingForRegister(db, actor, bookingID)
            if (booking["signedInAt"] as Double?) != nil && (booking["signedOutAt"] as Double?) == nil {
                throw StoreError.invalid("\(booking["firstName"] as String) is already signed in.")
            }
            if (booking["signedOutAt"] as Double?) != nil {
                throw StoreError.invalid("\(booking["firstName"] as String) has already been collected today.")
            }
            try db.execute(sql: "UPDATE booking SET signedInAt = ? WHERE id = ?", arguments: [time.timeIntervalSince1970, bookingID])
            try db.execute(sql: """
                INSERT INTO registerEvent (bookingId, meetingId, childId, kind, at, recordedBy) VALUES (?, ?, ?, 'in', ?, ?)
                """, arguments: [bookingID, booking["meetingId"], booking["childId"], time.timeIntervalSince1970, actor.name])
        }
    }

    /// Signs a child out, saying who collected them; someone not on the child's list needs a
    /// reason, kept with the sign-out.
    public func signOut(as actor: Actor, bookingID: Int64, at time: Date, collectedBy: String, reason: String = "",
                        password: String? = nil, collectorAge: Int? = nil) throws(StoreError) {
        let minimumAge = try number(of: .collectorMinimumAge)
        let refusal: (CollectionRefusal, Int64, String)? = try write { db in
            let (booking, child) = try Self.bookingForRegister(db, actor, bookingID)
            if (booking["signedOutAt"] as Double?) != nil { throw StoreError.invalid("\(child.firstName) has already been signed out.") }
            let signedIn = (booking["signedInAt"] as Double?).map { Date(timeIntervalSince1970: $0) }
            // The list is checked below (temporary collectors, the must-not-collect list), so
            // the register's own rule is asked only about the times and the name.
            if let problem = RegisterRules.signOutProblem(child: child, signedInAt: signedIn, at: time, collectedBy: collectedBy, reason: "checked") {
                throw StoreError.invalid(problem)
            }
            let day = try String.fetchOne(db, sql: "SELECT date FROM meeting WHERE id = ?", arguments: [booking["meetingId"]])
                .flatMap(LocalDate.init(iso:)) ?? LocalDateTime(time).date
            let why: String?
            do {
                why = try Self.checkCollection(db, child: child, on: day, collectedBy: collectedBy.trimmingCharacters(in: .whitespaces),
                                               password: password, collectorAge: collectorAge, reason: reason, minimumAge: minimumAge)
            } catch let refused as CollectionRefusal {
                return (refused, child.id, child.firstName)
            }
            try db.execute(sql: "UPDATE booking SET signedOutAt = ?, collectedBy = ?, collectionReason = ? WHERE id = ?",
                           arguments: [time.timeIntervalSince1970, collectedBy.trimmingCharacters(in: .whitespaces), why, bookingID])
            try db.execute(sql: """
                INSERT INTO registerEvent (bookingId, meetingId, childId, kind, at, collectedBy, reason, recordedBy)
                VALUES (?, ?, ?, 'out', ?, ?, ?, ?)
                """, arguments: [bookingID, booking["meetingId"], booking["childId"], time.timeIntervalSince1970,
                                 collectedBy.trimmingCharacters(in: .whitespaces), why, actor.name])
            return nil
        }
        guard let (refused, childID, _) = refusal else { return }
        // Nothing was signed out; the refusal itself goes into the audit trail.
        let (action, words): (String, String)
        switch refused {
        case .mustNotCollect(let w): (action, words) = ("collection refused", w)
        case .noMatch(let w): (action, words) = ("collection password no match", w)
        }
        try write { db in
            try AuditLog.append(db, actor: actor, action: action, kind: "child", recordID: childID,
                                changes: [FieldChange(field: "collector", before: nil, after: collectedBy.trimmingCharacters(in: .whitespaces))],
                                at: time)
        }
        throw .invalid(words)
    }

    /// The booking and its child, if the actor may keep the register for it.
    static func bookingForRegister(_ db: Database, _ actor: Actor, _ bookingID: Int64) throws -> (Row, Child) {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT b.*, k.* , b.id AS bookingId FROM booking b JOIN child k ON k.id = b.childId WHERE b.id = ?
            """, arguments: [bookingID]) else { throw StoreError.notFound(what: "Booking \(bookingID)") }
        let scope = AccessPolicy.scope(actor.role, .write, .booking)
        let meetingID: Int64 = row["meetingId"]
        let onRota = scope == .own && actor.role == .crecheStaff ? try staffs(db, actor, meetingID: meetingID) : false
        let allowed = scope == .all || onRota
        // Champions book their own children, but the register is kept by staff.
        guard allowed else { throw StoreError.denied(AccessDenied(role: actor.role, operation: .write, kind: .booking)) }
        var child = Self.child(from: row, sensitive: false)
        child.id = row["childId"]
        return (row, child)
    }
}
