import Coproduction
import Foundation
import GRDB

/// One champion's attendance across held meetings, for reports.
public struct AttendanceFigure: Hashable, Sendable {
    /// The champion.
    public var championID: Int64
    /// Their name.
    public var name: String
    /// Their area.
    public var area: String
    /// Held meetings they came to.
    public var attended: Int
    /// Held meetings they sent apologies for.
    public var apologies: Int
    /// Held meetings they missed without a word.
    public var absent: Int
}

extension AppDatabase {
    /// Records what happened at a meeting and marks it held (office staff and admins). The
    /// meeting must have started; a cancelled meeting cannot be held.
    public func recordMeeting(as actor: Actor, id: Int64, expectedVersion: Int, _ record: MeetingRecord,
                              today: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        let problems = record.problems()
        if !problems.isEmpty { throw .problems(problems) }
        let settings = try barrierChecker().settings
        try write { db in
            let (row, before) = try Self.current(db, id: id, expectedVersion: expectedVersion)
            guard (row["status"] as String) != "cancelled" else {
                throw StoreError.invalid("This meeting was cancelled, so it cannot be recorded as held.")
            }
            let date = LocalDate(iso: row["date"]) ?? today
            // Approved minutes change only by a dated addendum.
            if (row["minutesApprovedBy"] as Int64?) != nil {
                let decisions = try String.fetchAll(db, sql: "SELECT text FROM decision WHERE meetingId = ? ORDER BY position", arguments: [id])
                if (row["minutes"] as String? ?? "") != record.minutes || decisions != record.decisions {
                    throw StoreError.fields([FieldIssue(field: MeetingRecord.Field.minutes.rawValue,
                                                        message: "these minutes were approved on \((row["minutesApprovedOn"] as String?).flatMap(LocalDate.init(iso:))?.inWords ?? "an earlier day"): they change only by a dated addendum (+ on the meeting).")])
                }
            }
            guard date <= today else {
                throw StoreError.invalid("This meeting is on \(date.long): record what happened on or after the day.")
            }
            for championID in record.attendance.keys.sorted()
            where try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [championID]) ?? false) {
                throw StoreError.fields([FieldIssue(field: MeetingRecord.Field.attended.rawValue,
                                                    message: "there is no Parent Champion with id \(championID).")])
            }
            try db.execute(sql: "UPDATE meetingChampion SET attendance = NULL WHERE meetingId = ?", arguments: [id])
            for (championID, attendance) in record.attendance {
                try db.execute(sql: """
                    INSERT INTO meetingChampion (meetingId, championId, response, attendance) VALUES (?, ?, 'invited', ?)
                    ON CONFLICT (meetingId, championId) DO UPDATE SET attendance = excluded.attendance
                    """, arguments: [id, championID, attendance.rawValue])
            }
            // Whether it counted: the parents actually there against the quorum for its kind.
            let kind = MeetingKind(code: row["kind"], groupName: row["groupName"], preparedMeetingID: row["preparesId"])
            let quorate = kind.flatMap { record.quorate(kind: $0, settings: settings) }
            try db.execute(sql: """
                UPDATE meeting SET status = 'held', minutes = ?, otherParentsAttended = ?, quorate = ?, version = version + 1,
                       updatedBy = ?, updatedAt = ? WHERE id = ?
                """, arguments: [record.minutes, record.otherParentsAttended, quorate, actor.name, now.timeIntervalSince1970, id])
            try db.execute(sql: "DELETE FROM decision WHERE meetingId = ?", arguments: [id])
            for (i, text) in record.decisions.enumerated() {
                try db.execute(sql: "INSERT INTO decision (meetingId, position, text, provisional) VALUES (?, ?, ?, ?)",
                               arguments: [id, i, text, quorate == false])
            }
            try db.execute(sql: "DELETE FROM actionItem WHERE meetingId = ?", arguments: [id])
            for (i, a) in record.actions.enumerated() {
                try db.execute(sql: "INSERT INTO actionItem (meetingId, position, what, owner, due, done) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, i, a.what, a.owner, a.due?.iso, a.done])
            }
            var after = before
            after["status"] = "held"
            if let quorate { after["quorate"] = quorate ? "yes" : "no: decisions provisional" }
            after["minutes"] = record.minutes
            after["otherParentsAttended"] = String(record.otherParentsAttended)
            after["attendance"] = record.attendance.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.rawValue)" }.joined(separator: ",")
            after["decisions"] = record.decisions.joined(separator: " | ")
            after["actions"] = record.actions.map { "\($0.what); \($0.owner); \($0.due?.iso ?? ""); \($0.done ? "done" : "open")" }
                .joined(separator: " | ")
            var was = before
            was["status"] = row["status"]
            try AuditLog.append(db, actor: actor, action: "record", kind: "meeting", recordID: id,
                                changes: AuditLog.diff(before: was, after: after), at: now)
        }
    }

    /// What was recorded for a held meeting, or nil when it has not been recorded.
    public func meetingRecord(as actor: Actor, id: Int64) throws(StoreError) -> MeetingRecord? {
        try authorize(actor, .read, .meeting)
        return try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT status, minutes, otherParentsAttended FROM meeting WHERE id = ?"), arguments: [id]),
                  (row["status"] as String) == "held" else { return nil }
            var attendance: [Int64: Attendance] = [:]
            for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT championId, attendance FROM meetingChampion WHERE meetingId = ? AND attendance IS NOT NULL"),
                                      arguments: [id]) {
                attendance[r["championId"]] = Attendance(rawValue: r["attendance"])
            }
            let decisions = try String.fetchAll(db.cachedStatement(sql: "SELECT text FROM decision WHERE meetingId = ? ORDER BY position"), arguments: [id])
            let actions = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM actionItem WHERE meetingId = ? ORDER BY position"), arguments: [id]).map {
                ActionItem(id: $0["id"], what: $0["what"], owner: $0["owner"], due: ($0["due"] as String?).flatMap(LocalDate.init(iso:)),
                           done: $0["done"])
            }
            return MeetingRecord(attendance: attendance, otherParentsAttended: row["otherParentsAttended"] ?? 0,
                                 minutes: row["minutes"], decisions: decisions, actions: actions)
        }
    }

    /// Each champion's attendance at meetings held between two days (cancelled meetings are
    /// never held, so they never count).
    public func attendanceFigures(as actor: Actor, from: LocalDate, to: LocalDate) throws(StoreError) -> [AttendanceFigure] {
        try authorize(actor, .read, .meeting)
        try authorize(actor, .read, .champion)
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT c.id, c.name, a.name AS area,
                       SUM(mc.attendance = 'attended') AS attended, SUM(mc.attendance = 'apologies') AS apologies,
                       SUM(mc.attendance = 'absent') AS absent
                FROM meetingChampion mc JOIN meeting m ON m.id = mc.meetingId
                JOIN champion c ON c.id = mc.championId JOIN area a ON a.id = c.areaId
                WHERE m.status = 'held' AND m.date BETWEEN ? AND ? AND mc.attendance IS NOT NULL
                GROUP BY c.id ORDER BY a.position, c.name
                """), arguments: [from.iso, to.iso]).map {
                AttendanceFigure(championID: $0["id"], name: $0["name"], area: $0["area"], attended: $0["attended"],
                                 apologies: $0["apologies"], absent: $0["absent"])
            }
        }
    }

    /// Actions not yet done, oldest due first, with the meeting they came from.
    public func openActions(as actor: Actor, limit: Int = 200) throws(StoreError) -> [(ActionItem, meetingID: Int64, meetingTitle: String)] {
        try openActionRows(as: actor, limit: limit).map { ($0.action, meetingID: $0.meetingID, meetingTitle: $0.meetingTitle) }
    }

    /// Actions not yet done, oldest due first (those with no date last), each with the meeting
    /// it came from and that meeting's date.
    public func openActionRows(as actor: Actor, limit: Int = 200) throws(StoreError) -> [OpenActionRow] {
        try authorize(actor, .read, .meeting)
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT x.*, m.title, m.date AS meetingDate FROM actionItem x JOIN meeting m ON m.id = x.meetingId
                WHERE NOT x.done ORDER BY x.due IS NULL, x.due, x.id LIMIT ?
                """), arguments: [limit]).map {
                OpenActionRow(action: ActionItem(id: $0["id"], what: $0["what"], owner: $0["owner"],
                                                 due: ($0["due"] as String?).flatMap(LocalDate.init(iso:)), done: false),
                              meetingID: $0["meetingId"], meetingTitle: $0["title"],
                              meetingDate: LocalDate(iso: $0["meetingDate"]) ?? LocalDate(iso: "1970-01-01")!)
            }
        }
    }
}

/// An action not yet done, with the meeting it was agreed at.
public struct OpenActionRow: Hashable, Sendable {
    /// The action.
    public var action: ActionItem
    /// The meeting it came from.
    public var meetingID: Int64
    /// That meeting's title.
    public var meetingTitle: String
    /// That meeting's date.
    public var meetingDate: LocalDate

    /// An open action and where it came from.
    public init(action: ActionItem, meetingID: Int64, meetingTitle: String, meetingDate: LocalDate) {
        self.action = action
        self.meetingID = meetingID
        self.meetingTitle = meetingTitle
        self.meetingDate = meetingDate
    }
}
