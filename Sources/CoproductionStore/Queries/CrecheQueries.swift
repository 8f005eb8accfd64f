import Coproduction
import Foundation
import GRDB

/// One booked child on a session's register.
public struct RegisterRow: Hashable, Sendable {
    /// The booking.
    public var bookingID: Int64
    /// The child (notes and emergency contact only for those allowed to see them).
    public var child: Child
    /// Their age band on the day of the meeting.
    public var band: AgeBand
    /// In, out, or not arrived yet.
    public var state: RegisterState
    /// Why someone not on the child's list collected them, if they did.
    public var collectionReason: String?
    /// When the child's stay began, if earlier than this session: their first sign-in of the
    /// sessions joined to this one back to back (the two-hour timer runs from it).
    public var stayStartedAt: Date?
    /// The calls made because the child was not collected by the session's end.
    public var calls: [UncollectedStepDone] = []
    /// Who may collect on the session's day only (temporary collectors).
    public var temporaryCollectors: [String] = []
    /// Collectors with a collection password to ask for.
    public var withPassword: [String] = []
    /// Names on the must-not-collect list (for those who may see it).
    public var mustNotCollect: [String] = []

    /// Whether the child was collected by someone not on their list (shown loudly).
    public var collectedByStranger: Bool {
        if case .signedOut(_, let who) = state {
            return !child.mayBeCollected(by: who) && !temporaryCollectors.contains { CollectionSafety.same($0, who) }
        }
        return false
    }
}

/// One line of the register's history.
public struct RegisterEvent: Hashable, Sendable {
    /// The child's name.
    public var childName: String
    /// In or out.
    public var signedIn: Bool
    /// When.
    public var at: Date
    /// Who collected (sign-outs).
    public var collectedBy: String?
    /// Why, when not on the list.
    public var reason: String?
    /// Who recorded it.
    public var recordedBy: String
}

extension AppDatabase {
    /// Whether the actor is on the rota of a meeting's crèche (crèche staff's "own").
    static func staffs(_ db: Database, _ actor: Actor, meetingID: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM crecheStaff WHERE meetingId = ? AND userId = ?)",
                          arguments: [meetingID, actor.userID]) ?? false
    }

    /// Whether a child is the actor's own (a champion's own children).
    static func owns(_ db: Database, _ actor: Actor, childID: Int64) throws -> Bool {
        guard let champion = actor.championID else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM child WHERE id = ? AND parentChampionId = ?)",
                                 arguments: [childID, champion]) ?? false
    }

    /// Builds a child from a row, with the sensitive fields only when `sensitive`.
    static func child(from row: Row, sensitive: Bool) -> Child {
        let notes: String = row["notes"]
        let contact: String = row["emergencyContact"]
        var child = Child(id: row["id"], firstName: row["firstName"], familyName: row["familyName"],
                     dateOfBirth: LocalDate(iso: row["dateOfBirth"]) ?? LocalDate(year: 2000, month: 1, day: 1)!,
                     parentName: row["parentName"], parentChampionID: row["parentChampionId"],
                     collectors: (row["collectors"] as String).split(separator: "\n").map(String.init).filter { !$0.isEmpty },
                          emergencyContact: sensitive ? contact : nil, notes: sensitive ? notes : nil,
                          hasNotes: !notes.trimmingCharacters(in: .whitespaces).isEmpty)
        child.addedOnDay = (row["addedOnDay"] as Bool?) ?? false
        child.birthDateEstimated = (row["birthDateEstimated"] as Bool?) ?? false
        return child
    }

    /// The children the actor may see: all (office staff, admins), their own (champions), or
    /// those booked into sessions they staff (crèche staff). Notes only for those allowed.
    public func children(as actor: Actor) throws(StoreError) -> [Child] {
        let scope = AccessPolicy.scope(actor.role, .read, .child)
        guard scope != .none else { throw .denied(AccessDenied(role: actor.role, operation: .read, kind: .child)) }
        let notes = AccessPolicy.scope(actor.role, .read, .childNotes) != .none
        return try read { db in
            let sql: String
            let args: StatementArguments
            switch (scope, actor.role) {
            case (.all, _):
                sql = "SELECT * FROM child ORDER BY familyName, firstName"
                args = []
            case (_, .champion):
                sql = "SELECT * FROM child WHERE parentChampionId = ? ORDER BY familyName, firstName"
                args = [actor.championID ?? -1]
            default:
                sql = """
                    SELECT DISTINCT k.* FROM child k JOIN booking b ON b.childId = k.id
                    JOIN crecheStaff s ON s.meetingId = b.meetingId AND s.userId = ?
                    ORDER BY k.familyName, k.firstName
                    """
                args = [actor.userID]
            }
            return try Row.fetchAll(db, sql: sql, arguments: args).map { Self.child(from: $0, sensitive: notes) }
        }
    }

    /// A session's register: every booked child, their band on the day, and where they are.
    public func register(as actor: Actor, meetingID: Int64) throws(StoreError) -> [RegisterRow] {
        let scope = AccessPolicy.scope(actor.role, .read, .booking)
        guard scope != .none else { throw .denied(AccessDenied(role: actor.role, operation: .read, kind: .booking)) }
        let notesScope = AccessPolicy.scope(actor.role, .read, .childNotes)
        return try read { db in
            let staffs = try Self.staffs(db, actor, meetingID: meetingID)
            if scope == .own && actor.role == .crecheStaff && !staffs {
                throw StoreError.denied(AccessDenied(role: actor.role, operation: .read, kind: .booking))
            }
            guard let here = try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE id = ?", arguments: [meetingID]) else {
                throw StoreError.notFound(what: "Meeting \(meetingID)")
            }
            let meeting = Self.meeting(from: here, championIDs: [])
            let date = meeting.date
            // Each child's other sessions that day at this venue, with their sign-ins: the
            // ones joined to this one back to back make one stay.
            var others: [Int64: [(CrecheSession, Double?)]] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT b.childId, o.id, o.startMinute, o.endMinute, o.venue, ob.signedInAt
                FROM booking b JOIN booking ob ON ob.childId = b.childId AND ob.meetingId <> b.meetingId
                JOIN meeting o ON o.id = ob.meetingId
                WHERE b.meetingId = ? AND o.date = ? AND o.status <> 'cancelled' AND lower(trim(o.venue)) = lower(trim(?))
                """, arguments: [meetingID, date.iso, meeting.venue]) {
                guard let s = TimeOfDay(minutes: r[2]), let e = TimeOfDay(minutes: min(1439, r[3] as Int)) else { continue }
                others[r[0], default: []].append((CrecheSession(meetingID: r[1], date: date, start: s, end: e, venue: r[4]), r[5]))
            }
            let own = CrecheSession(meetingID: meetingID, date: date, start: meeting.start, end: meeting.end, venue: meeting.venue)
            var sql = """
                SELECT k.*, b.id AS bookingId, b.signedInAt, b.signedOutAt, b.collectedBy, b.collectionReason
                FROM booking b JOIN child k ON k.id = b.childId WHERE b.meetingId = ?
                """
            var args: StatementArguments = [meetingID]
            if scope == .own && actor.role == .champion {
                sql += " AND k.parentChampionId = ?"
                args += [actor.championID ?? -1]
            }
            sql += " ORDER BY k.firstName, k.familyName"
            let sensitive = notesScope == .all || (notesScope == .own && staffs)
            let calls = try Self.uncollectedCalls(db, meetingID: meetingID)
            // Who may collect: office staff and admins, and the session's own crèche staff.
            let collectionScope = AccessPolicy.scope(actor.role, .read, .collection)
            let collection = collectionScope == .all || (collectionScope == .own && actor.role == .crecheStaff && staffs)
            return try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                let child = Self.child(from: row, sensitive: sensitive)
                let state: RegisterState
                if let out = row["signedOutAt"] as Double? {
                    state = .signedOut(at: Date(timeIntervalSince1970: out), collectedBy: row["collectedBy"] ?? "")
                } else if let inAt = row["signedInAt"] as Double? {
                    state = .inCreche(since: Date(timeIntervalSince1970: inAt))
                } else {
                    state = .notArrived
                }
                var result = RegisterRow(bookingID: row["bookingId"], child: child, band: AgeBand.on(date, bornOn: child.dateOfBirth),
                                         state: state, collectionReason: row["collectionReason"])
                result.calls = calls[result.bookingID] ?? []
                if collection {
                    let safety = try Self.collectionSafety(db, childID: child.id)
                    result.temporaryCollectors = safety.temporary(on: date).map(\.name)
                    result.withPassword = safety.withPassword
                    result.mustNotCollect = safety.mustNotCollect.map(\.name)
                }
                let mine = others[child.id] ?? []
                let stay = Set(CrecheStay.stay(containing: meetingID, among: [own] + mine.map(\.0)).map(\.meetingID))
                let earlier = mine.filter { stay.contains($0.0.meetingID) && $0.0.start < meeting.start }.compactMap(\.1).min()
                if let earlier, case .inCreche(let since) = state, earlier < since.timeIntervalSince1970 {
                    result.stayStartedAt = Date(timeIntervalSince1970: earlier)
                }
                return result
            }
        }
    }

    /// Every sign-in and sign-out of a session, oldest first.
    public func registerHistory(as actor: Actor, meetingID: Int64) throws(StoreError) -> [RegisterEvent] {
        _ = try register(as: actor, meetingID: meetingID)  // the same access as the register itself
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.*, k.firstName || ' ' || k.familyName AS name FROM registerEvent e JOIN child k ON k.id = e.childId
                WHERE e.meetingId = ? ORDER BY e.at, e.id
                """, arguments: [meetingID]).map {
                RegisterEvent(childName: $0["name"], signedIn: ($0["kind"] as String) == "in", at: Date(timeIntervalSince1970: $0["at"]),
                              collectedBy: $0["collectedBy"], reason: $0["reason"], recordedBy: $0["recordedBy"])
            }
        }
    }

    /// A session's crèche staff, with what the register holds about each (someone put on
    /// the rota by name only has just their level and first aid, and id 0).
    public func rota(as actor: Actor, meetingID: Int64) throws(StoreError) -> [StaffMember] {
        try authorize(actor, .read, .rota)
        return try read { db in try Self.rota(db, meetingID: meetingID) }
    }

    static func rota(_ db: Database, meetingID: Int64) throws -> [StaffMember] {
        try Row.fetchAll(db, sql: """
            SELECT s.name AS rotaName, s.level AS rotaLevel, s.firstAid AS rotaFirstAid, m.*
              FROM crecheStaff s LEFT JOIN staffMember m ON m.id = s.staffMemberId
             WHERE s.meetingId = ? ORDER BY s.id
            """, arguments: [meetingID]).map { r in
            (r["id"] as Int64?) != nil ? StaffMember.register(r)
                : StaffMember(name: r["rotaName"], level: r["rotaLevel"], paediatricFirstAid: r["rotaFirstAid"])
        }
    }
}
