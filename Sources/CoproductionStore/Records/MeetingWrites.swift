import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Adds a meeting (office staff and admins), with its audit entry. Returns its id.
    @discardableResult
    public func addMeeting(as actor: Actor, _ meeting: Meeting, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .meeting)
        return try write { db in
            let id = try RecordWrites.insertMeeting(db, meeting)
            try db.execute(sql: "UPDATE meeting SET updatedBy = ?, updatedAt = ? WHERE id = ?",
                           arguments: [actor.name, now.timeIntervalSince1970, id])
            try AuditLog.append(db, actor: actor, action: "create", kind: "meeting", recordID: id,
                                changes: AuditLog.diff(before: [:], after: Self.fields(of: meeting)), at: now)
            return id
        }
    }

    /// Saves changes to a meeting made from version `expectedVersion`. When someone else
    /// saved it since, nothing is written and ``StoreError/stale(by:at:)`` names who and when.
    public func updateMeeting(as actor: Actor, id: Int64, expectedVersion: Int, to meeting: Meeting,
                              now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: "Meeting \(id)")
            }
            let version: Int = row["version"]
            guard version == expectedVersion else {
                let at = (row["updatedAt"] as Double?).map { LocalDateTime(Date(timeIntervalSince1970: $0)).time.description } ?? "an earlier time"
                throw StoreError.stale(by: row["updatedBy"] ?? "someone", at: at)
            }
            let ids = try Int64.fetchAll(db, sql: "SELECT championId FROM meetingChampion WHERE meetingId = ? ORDER BY championId", arguments: [id])
            let before = Self.fields(of: Meeting(
                id: 0, kind: Self.meeting(from: row, championIDs: ids).kind, title: row["title"],
                date: LocalDate(iso: row["date"])!, start: TimeOfDay(minutes: row["startMinute"])!,
                end: TimeOfDay(minutes: min(1439, row["endMinute"] as Int))!, venue: row["venue"],
                championIDs: ids, otherParents: row["otherParents"]))
            try db.execute(sql: """
                UPDATE meeting SET title = ?, date = ?, startMinute = ?, endMinute = ?, venue = ?, otherParents = ?,
                       version = version + 1, updatedBy = ?, updatedAt = ? WHERE id = ?
                """, arguments: [meeting.title, meeting.date.iso, meeting.start.minutes, meeting.end.minutes, meeting.venue,
                                 meeting.otherParents, actor.name, now.timeIntervalSince1970, id])
            try db.execute(sql: "DELETE FROM meetingChampion WHERE meetingId = ?", arguments: [id])
            for champion in Set(meeting.championIDs) {
                try db.execute(sql: "INSERT INTO meetingChampion (meetingId, championId) VALUES (?, ?)", arguments: [id, champion])
            }
            let changes = AuditLog.diff(before: before, after: Self.fields(of: meeting))
            try AuditLog.append(db, actor: actor, action: "update", kind: "meeting", recordID: id, changes: changes, at: now)
        }
    }

    static func fields(of m: Meeting) -> [String: String?] {
        ["kind": m.kind.code, "group": m.kind.groupName, "title": m.title, "date": m.date.iso,
         "start": m.start.description, "end": m.end.description, "venue": m.venue,
         "champions": m.championIDs.sorted().map(String.init).joined(separator: ","),
         "otherParents": String(m.otherParents)]
    }
}
