import Coproduction
import Foundation
import GRDB

/// A child still signed in after their session's end, with the escalation's steps.
public struct UncollectedChild: Hashable, Sendable {
    /// The session.
    public var meetingID: Int64
    /// Its title.
    public var meetingTitle: String
    /// The booking (what a step is marked against).
    public var bookingID: Int64
    /// The steps, their times and those done.
    public var escalation: UncollectedEscalation
}

extension AppDatabase {
    /// Marks a step of the escalation for a child not collected as done: who made the call,
    /// when, and what came of it. Office staff, admins and crèche staff on the session's rota;
    /// kept as recorded.
    public func markUncollectedStep(as actor: Actor, bookingID: Int64, step: UncollectedStep, at: Date, by: String,
                                    note: String = "", now: Date = Date()) throws(StoreError) {
        let socialCare = try text(of: .childrensSocialCareNumber)
        try write { db in
            let (booking, child) = try Self.bookingForRegister(db, actor, bookingID)
            guard (booking["signedInAt"] as Double?) != nil else {
                throw StoreError.invalid("\(child.firstName) was never signed in to this session: there is nobody to collect.")
            }
            guard let ends = try Self.sessionEnd(db, meetingID: booking["meetingId"]) else { throw StoreError.notFound(what: "The session") }
            let escalation = UncollectedEscalation(childName: child.fullName, sessionEnds: ends,
                                                   done: try Self.uncollectedCalls(db, meetingID: booking["meetingId"])[bookingID] ?? [],
                                                   socialCareNumber: socialCare)
            var problems: [FieldIssue] = []
            let who = by.trimmingCharacters(in: .whitespaces)
            if who.isEmpty { problems.append(FieldIssue(field: "by", message: "Say who made the call.")) }
            if let problem = escalation.problem(marking: step, at: at, now: now) { problems.append(FieldIssue(field: "at", message: problem)) }
            if let out = booking["signedOutAt"] as Double?, at.timeIntervalSince1970 > out {
                problems.append(FieldIssue(field: "at", message: "\(child.firstName) was signed out at \(LocalDateTime(Date(timeIntervalSince1970: out)).time): "
                                           + "a call after that is not about a child left uncollected."))
            }
            guard problems.isEmpty else { throw StoreError.fields(problems) }
            try db.execute(sql: """
                INSERT INTO uncollectedStep (bookingId, meetingId, childId, step, at, byName, note, recordedBy, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [bookingID, booking["meetingId"], booking["childId"], step.rawValue, at.timeIntervalSince1970, who,
                                 note.trimmingCharacters(in: .whitespacesAndNewlines), actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: "uncollected", kind: "booking", recordID: bookingID,
                                changes: [FieldChange(field: step.rawValue, before: nil, after: who)], at: now)
        }
    }

    /// Children still signed in after their session's end, as at `now`, worst first: office
    /// staff and admins see every session's, crèche staff their own sessions'; champions none.
    public func uncollectedChildren(as actor: Actor, now: LocalDateTime) throws(StoreError) -> [UncollectedChild] {
        let scope = AccessPolicy.scope(actor.role, .write, .booking)
        guard scope == .all || actor.role == .crecheStaff else { return [] }
        let socialCare = try text(of: .childrensSocialCareNumber)
        let sensitive = AccessPolicy.scope(actor.role, .read, .childNotes) != .none
        return try read { db in
            var sql = """
                SELECT b.id AS bookingId, b.meetingId, m.title, m.date, m.endMinute, k.firstName || ' ' || k.familyName AS name,
                       k.parentName, k.emergencyContact
                FROM booking b JOIN meeting m ON m.id = b.meetingId JOIN child k ON k.id = b.childId
                WHERE b.signedInAt IS NOT NULL AND b.signedOutAt IS NULL AND m.status <> 'cancelled' AND m.date <= ?
                """
            var args: StatementArguments = [now.date.iso]
            if scope != .all {
                sql += " AND b.meetingId IN (SELECT meetingId FROM crecheStaff WHERE userId = ?)"
                args += [actor.userID]
            }
            var out: [UncollectedChild] = []
            for row in try Row.fetchAll(db, sql: sql + " ORDER BY m.date, m.endMinute, name", arguments: args) {
                guard let day = LocalDate(iso: row["date"]), let end = TimeOfDay(minutes: min(1439, row["endMinute"] as Int)) else { continue }
                let ends = LocalDateTime(date: day, time: end)
                guard now > ends else { continue }
                let calls = try Self.uncollectedCalls(db, meetingID: row["meetingId"])[row["bookingId"]] ?? []
                out.append(UncollectedChild(meetingID: row["meetingId"], meetingTitle: row["title"], bookingID: row["bookingId"],
                                            escalation: UncollectedEscalation(childName: row["name"], sessionEnds: ends, done: calls,
                                                                              socialCareNumber: socialCare, parent: row["parentName"],
                                                                              contacts: sensitive ? row["emergencyContact"] : "")))
            }
            return out.sorted { $0.escalation.status(now: now) > $1.escalation.status(now: now) }
        }
    }

    /// The calls made for children not collected in a session, by booking.
    static func uncollectedCalls(_ db: Database, meetingID: Int64) throws -> [Int64: [UncollectedStepDone]] {
        var out: [Int64: [UncollectedStepDone]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM uncollectedStep WHERE meetingId = ? ORDER BY at, id", arguments: [meetingID]) {
            guard let step = UncollectedStep(rawValue: row["step"]) else { continue }
            out[row["bookingId"], default: []].append(UncollectedStepDone(step: step, at: Date(timeIntervalSince1970: row["at"]),
                                                                          by: row["byName"], note: row["note"]))
        }
        return out
    }

    /// When a session ends, on its own day.
    static func sessionEnd(_ db: Database, meetingID: Int64) throws -> LocalDateTime? {
        guard let m = try Row.fetchOne(db, sql: "SELECT date, endMinute FROM meeting WHERE id = ?", arguments: [meetingID]),
              let day = LocalDate(iso: m["date"]), let end = TimeOfDay(minutes: min(1439, m["endMinute"] as Int)) else { return nil }
        return LocalDateTime(date: day, time: end)
    }
}
