import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Accepts a failing check for one meeting, or (with `wholeSeries`) for every meeting of
    /// its series, with why and by whom (office staff and admins). Accepting the same check
    /// again replaces the reason. Audited.
    public func acceptCheck(as actor: Actor, meetingID: Int64, barrier: Barrier, reason: String, wholeSeries: Bool = false,
                            now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = AcceptedCheck.problem(reason: why) { throw .fields([FieldIssue(field: "reason", message: problem)]) }
        guard why.count <= TextLimits.summary else {
            throw .fields([FieldIssue(field: "reason", message: TextLimits.tooLong(TextLimits.summary))])
        }
        try write { db in
            guard let meeting = try Row.fetchOne(db, sql: "SELECT id, seriesId, status FROM meeting WHERE id = ?", arguments: [meetingID]) else {
                throw StoreError.notFound(what: "Meeting \(meetingID)")
            }
            guard (meeting["status"] as String) != "cancelled" else {
                throw StoreError.invalid("That meeting is cancelled: it has no checks to accept.")
            }
            let series: Int64? = meeting["seriesId"]
            if wholeSeries && series == nil {
                throw StoreError.invalid("That meeting is not part of a series: accept the check for this meeting alone.")
            }
            let (column, id): (String, Int64) = wholeSeries ? ("seriesId", series ?? 0) : ("meetingId", meetingID)
            let before = try String.fetchOne(db, sql: "SELECT reason FROM acceptedCheck WHERE \(column) = ? AND barrier = ?",
                                             arguments: [id, barrier.code])
            try db.execute(sql: """
                INSERT INTO acceptedCheck (\(column), barrier, reason, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (\(column), barrier) DO UPDATE SET reason = excluded.reason, recordedBy = excluded.recordedBy,
                                                              recordedAt = excluded.recordedAt
                """, arguments: [id, barrier.code, why, actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: "accept check", kind: wholeSeries ? "series" : "meeting", recordID: id,
                                changes: [FieldChange(field: barrier.code, before: before, after: why)], at: now)
        }
    }

    /// Withdraws an accepted check from a meeting: its own acceptance if it has one, else its
    /// series' (office staff and admins). Returns what was withdrawn, or nil when the check
    /// was not accepted. Audited.
    @discardableResult
    public func withdrawAcceptedCheck(as actor: Actor, meetingID: Int64, barrier: Barrier, now: Date = Date()) throws(StoreError) -> AcceptedCheck? {
        try authorize(actor, .write, .meeting)
        return try write { db in
            guard let meeting = try Row.fetchOne(db, sql: "SELECT seriesId FROM meeting WHERE id = ?", arguments: [meetingID]) else {
                throw StoreError.notFound(what: "Meeting \(meetingID)")
            }
            let series: Int64? = meeting["seriesId"]
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM acceptedCheck WHERE barrier = ? AND (meetingId = ? OR (seriesId IS NOT NULL AND seriesId = ?))
                ORDER BY meetingId IS NULL LIMIT 1
                """, arguments: [barrier.code, meetingID, series]) else { return nil }
            let wholeSeries = (row["meetingId"] as Int64?) == nil
            try db.execute(sql: "DELETE FROM acceptedCheck WHERE id = ?", arguments: [row["id"] as Int64])
            try AuditLog.append(db, actor: actor, action: "withdraw accepted check", kind: wholeSeries ? "series" : "meeting",
                                recordID: wholeSeries ? series : meetingID,
                                changes: [FieldChange(field: barrier.code, before: row["reason"], after: nil)], at: now)
            return AcceptedCheck(barrier: barrier, reason: row["reason"], acceptedBy: row["recordedBy"],
                                 acceptedOn: LocalDateTime(Date(timeIntervalSince1970: row["recordedAt"])).date, wholeSeries: wholeSeries)
        }
    }
}
