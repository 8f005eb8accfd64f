import Coproduction
import Foundation
import GRDB

/// Where a held meeting's minutes stand: a draft until the next meeting of the same body
/// approves them, then changed only by dated addenda.
public struct MinutesStanding: Hashable, Sendable {
    /// The meeting that approved them, and on which day.
    public struct Approval: Hashable, Sendable {
        /// The approving meeting.
        public var meetingID: Int64
        /// Its day.
        public var on: LocalDate
    }

    /// A dated addendum to approved minutes.
    public struct Addendum: Hashable, Sendable {
        /// The day it was added.
        public var on: LocalDate
        /// What it adds or corrects.
        public var text: String
    }

    /// The approval (nil while a draft).
    public var approvedAt: Approval?
    /// The addenda since, oldest first.
    public var addenda: [Addendum]

    /// Whether they have been approved.
    public var approved: Bool { approvedAt != nil }
}

extension AppDatabase {
    /// The last held meeting of the same body before `meetingID` (same kind, same group or
    /// committee), whose minutes this one approves.
    static func previousOfBody(_ db: Database, _ meetingID: Int64) throws -> (id: Int64, date: LocalDate)? {
        guard let m = try Row.fetchOne(db, sql: "SELECT kind, groupName, date, startMinute FROM meeting WHERE id = ?", arguments: [meetingID]) else { return nil }
        guard let r = try Row.fetchOne(db, sql: """
            SELECT id, date FROM meeting WHERE kind = ? AND ifnull(groupName, '') = ifnull(?, '') AND status = 'held' AND id <> ?
              AND (date < ? OR (date = ? AND startMinute < ?)) ORDER BY date DESC, startMinute DESC LIMIT 1
            """, arguments: [m["kind"], m["groupName"], meetingID, m["date"], m["date"], m["startMinute"]]),
              let day = LocalDate(iso: r["date"]) else { return nil }
        return (r["id"], day)
    }

    /// The next meeting approves the last one's minutes (office staff and admins): from then on
    /// they change only by addendum. Refused when the body has no earlier held meeting, when
    /// they are already approved, or when the approving meeting has not started.
    @discardableResult
    public func approveLastMinutes(as actor: Actor, atMeeting meetingID: Int64, today: LocalDate, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .meeting)
        return try write { db in
            guard let date = try String.fetchOne(db, sql: "SELECT date FROM meeting WHERE id = ?", arguments: [meetingID]).flatMap(LocalDate.init(iso:)) else {
                throw StoreError.notFound(what: "Meeting \(meetingID)")
            }
            guard date <= today else { throw StoreError.invalid("This meeting is on \(date.inWords): its members approve the last minutes when it meets.") }
            guard let last = try Self.previousOfBody(db, meetingID) else {
                throw StoreError.invalid("This body has no earlier meeting recorded as held, so there are no minutes to approve.")
            }
            if try Int64.fetchOne(db, sql: "SELECT minutesApprovedBy FROM meeting WHERE id = ?", arguments: [last.id]) != nil {
                throw StoreError.invalid("The minutes of \(last.date.inWords) are approved already: add an addendum to change them.")
            }
            try db.execute(sql: "UPDATE meeting SET minutesApprovedBy = ?, minutesApprovedOn = ?, version = version + 1 WHERE id = ?",
                           arguments: [meetingID, date.iso, last.id])
            try AuditLog.append(db, actor: actor, action: "approve minutes", kind: "meeting", recordID: last.id,
                                changes: [FieldChange(field: "minutes", before: "draft", after: "approved on \(date.iso)")], at: now)
            return last.id
        }
    }

    /// Adds a dated addendum to approved minutes (office staff and admins). Minutes not yet
    /// approved are a draft: they are edited, not added to.
    public func addMinutesAddendum(as actor: Actor, meetingID: Int64, text: String, on day: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { throw .fields([FieldIssue(field: "text", message: "Say what the addendum adds or corrects.")]) }
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT minutesApprovedBy FROM meeting WHERE id = ?", arguments: [meetingID]) else {
                throw StoreError.notFound(what: "Meeting \(meetingID)")
            }
            guard (row["minutesApprovedBy"] as Int64?) != nil else {
                throw StoreError.fields([FieldIssue(field: "text", message: "These minutes are not approved yet: they are a draft, so edit them (h) instead.")])
            }
            try db.execute(sql: "INSERT INTO minutesAddendum (meetingId, text, addedOn, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [meetingID, words, day.iso, actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: "minutes addendum", kind: "meeting", recordID: meetingID,
                                changes: [FieldChange(field: "addendum", before: nil, after: words)], at: now)
        }
    }

    /// Where a meeting's minutes stand.
    static func minutesStanding(_ db: Database, _ meetingID: Int64) throws -> MinutesStanding {
        let row = try Row.fetchOne(db, sql: "SELECT minutesApprovedBy, minutesApprovedOn FROM meeting WHERE id = ?", arguments: [meetingID])
        var approval: MinutesStanding.Approval?
        if let id = row?["minutesApprovedBy"] as Int64?, let on = (row?["minutesApprovedOn"] as String?).flatMap(LocalDate.init(iso:)) {
            approval = MinutesStanding.Approval(meetingID: id, on: on)
        }
        let addenda = try Row.fetchAll(db, sql: "SELECT addedOn, text FROM minutesAddendum WHERE meetingId = ? ORDER BY id", arguments: [meetingID])
            .compactMap { r in LocalDate(iso: r["addedOn"]).map { MinutesStanding.Addendum(on: $0, text: r["text"]) } }
        return MinutesStanding(approvedAt: approval, addenda: addenda)
    }
}
