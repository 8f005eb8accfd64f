import Coproduction
import Foundation
import GRDB

/// Whether a Parent Champion has agreed to e-mail reminders, the address, and since when.
public struct ContactPreference: Hashable, Sendable {
    /// Whose.
    public var championID: Int64
    /// Yes: reminders by e-mail. No (the default): none are sent.
    public var emailReminders: Bool
    /// The address reminders go to.
    public var address: String
    /// The day they agreed (nil while they have not).
    public var agreedOn: LocalDate?

    /// Creates a preference.
    public init(championID: Int64, emailReminders: Bool, address: String, agreedOn: LocalDate?) {
        self.championID = championID
        self.emailReminders = emailReminders
        self.address = address
        self.agreedOn = agreedOn
    }
}

/// One reminder waiting to go: who, which meeting, at which offset, in its own words.
public struct ReminderDue: Hashable, Sendable {
    /// The champion it goes to.
    public var championID: Int64
    /// The meeting.
    public var meetingID: Int64
    /// The message, built and ready.
    public var message: ReminderMessage

    /// Creates a reminder.
    public init(championID: Int64, meetingID: Int64, message: ReminderMessage) {
        self.championID = championID
        self.meetingID = meetingID
        self.message = message
    }
}

extension AppDatabase {
    /// A champion's preference (no reminders until they agree): theirs, or anyone's for the
    /// office and admins.
    public func contactPreference(as actor: Actor, championID: Int64) throws(StoreError) -> ContactPreference {
        try authorize(actor, .read, .contactPreference, needed: actor.championID == championID ? .own : .all)
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contactPreference WHERE championId = ?", arguments: [championID]) else {
                return ContactPreference(championID: championID, emailReminders: false, address: "", agreedOn: nil)
            }
            return ContactPreference(championID: championID, emailReminders: row["emailReminders"], address: row["address"],
                                     agreedOn: (row["agreedOn"] as String?).flatMap(LocalDate.init(iso:)))
        }
    }

    /// Records a champion's yes or no to e-mail reminders (their own, or anyone's for the
    /// office and admins), with the day agreed. A yes needs an address that is one; a no keeps
    /// the address but sends nothing. Audited.
    public func setContactPreference(as actor: Actor, championID: Int64, emailReminders: Bool, address: String, today: LocalDate,
                                     now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .contactPreference, needed: actor.championID == championID ? .own : .all)
        let typed = address.trimmingCharacters(in: .whitespaces)
        if emailReminders, let problem = EmailAddress.problem(typed) { throw .fields([FieldIssue(field: "address", message: problem)]) }
        if !emailReminders, !typed.isEmpty, let problem = EmailAddress.problem(typed) { throw .fields([FieldIssue(field: "address", message: problem)]) }
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [championID]) ?? false else {
                throw StoreError.notFound(what: "Parent Champion \(championID)")
            }
            let before = try Row.fetchOne(db, sql: "SELECT * FROM contactPreference WHERE championId = ?", arguments: [championID])
            let wasYes = (before?["emailReminders"] as Bool?) ?? false
            let agreed: String? = emailReminders ? (wasYes ? before?["agreedOn"] ?? today.iso : today.iso) : nil
            try db.execute(sql: """
                INSERT INTO contactPreference (championId, emailReminders, address, agreedOn, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (championId) DO UPDATE SET emailReminders = excluded.emailReminders, address = excluded.address,
                    agreedOn = excluded.agreedOn, recordedBy = excluded.recordedBy, recordedAt = excluded.recordedAt
                """, arguments: [championID, emailReminders, typed, agreed, actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: "update", kind: "contactPreference", recordID: championID,
                                changes: [FieldChange(field: "emailReminders", before: wasYes ? "yes" : "no", after: emailReminders ? "yes" : "no"),
                                          FieldChange(field: "address", before: before?["address"], after: typed)], at: now)
        }
    }

    /// The reminders due at `now` (office staff and admins): for each champion who agreed to
    /// e-mail, each planned meeting they are invited to and have not sent apologies for, at
    /// each of the `reminder-offsets` already reached before it starts, not yet sent.
    public func remindersDue(as actor: Actor, now: Date) throws(StoreError) -> [ReminderDue] {
        try authorize(actor, .read, .contactPreference)
        try authorize(actor, .read, .meeting)
        let offsets = (try? ReminderOffset.parse(try text(of: .reminderOffsets)).get()) ?? []
        guard let longest = offsets.first else { return [] }
        let from = try text(of: .mailFrom)
        let programme = try text(of: .programmeName)
        let at = LocalDateTime(now)
        let until = LocalDateTime(now.addingTimeInterval(Double(longest.minutes) * 60)).date
        let people: [(id: Int64, address: String, name: String)] = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.championId, p.address, c.name FROM contactPreference p JOIN champion c ON c.id = p.championId
                WHERE p.emailReminders AND p.address <> '' AND c.status <> 'left' ORDER BY c.name
                """).map { (id: $0["championId"], address: $0["address"], name: $0["name"]) }
        }
        var out: [ReminderDue] = []
        for person in people {
            let championID = person.id
            let events = try calendarEvents(as: actor, from: at.date, to: until, for: .champion(championID))
            out += try read { db in
                var found: [ReminderDue] = []
                let rows = try Row.fetchAll(db, sql: """
                    SELECT m.id, m.uid, m.date, m.startMinute, m.seriesId, m.seriesDate, mc.response,
                           (SELECT s.uid FROM meetingSeries s WHERE s.id = m.seriesId) AS seriesUid,
                           (SELECT s.startMinute FROM meetingSeries s WHERE s.id = m.seriesId) AS seriesStart,
                           (SELECT roomCapacity FROM crechePlan WHERE meetingId = m.id) AS room
                    FROM meeting m JOIN meetingChampion mc ON mc.meetingId = m.id AND mc.championId = ?
                    WHERE m.status = 'planned' AND mc.response <> 'apologies' AND m.date BETWEEN ? AND ? ORDER BY m.date, m.startMinute
                    """, arguments: [championID, at.date.iso, until.iso])
                let hasChildren = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM child WHERE parentChampionId = ?)", arguments: [championID]) ?? false
                for r in rows {
                    guard let day = LocalDate(iso: r["date"]), let time = TimeOfDay(minutes: r["startMinute"]) else { continue }
                    let starts = LocalDateTime(date: day, time: time).instant
                    guard starts > now else { continue }
                    // The meeting as the export carries it: its own event, or its series' UID and slot.
                    let uid: String = r["seriesUid"] ?? r["uid"]
                    let own = events.first(where: { $0.uid == r["uid"] as String })
                    guard var event = try own ?? Self.occurrenceEvent(db, meetingID: r["id"], championID: championID) else { continue }
                    if let seriesUid = r["seriesUid"] as String?, let slot = (r["seriesDate"] as String?).flatMap(LocalDate.init(iso:)),
                       let start = TimeOfDay(minutes: r["seriesStart"] ?? r["startMinute"]) {
                        event.uid = seriesUid
                        event.recurrenceID = LocalDateTime(date: slot, time: start)
                    }
                    event.alarms = []
                    for offset in offsets where now >= starts.addingTimeInterval(-Double(offset.minutes) * 60) {
                        let sent = try Bool.fetchOne(db, sql: """
                            SELECT EXISTS (SELECT 1 FROM reminderSent WHERE championId = ? AND meetingUid = ? AND offsetMinutes = ?)
                            """, arguments: [championID, uid + (event.recurrenceID.map { "/\($0)" } ?? ""), offset.minutes]) ?? false
                        if sent { continue }
                        let answer = (r["response"] as String) == "confirmed" ? "You said you are coming. Thank you."
                            : "You have not said yet if you are coming: please tell the office."
                        let children = try String.fetchAll(db, sql: """
                            SELECT k.firstName FROM booking b JOIN child k ON k.id = b.childId WHERE b.meetingId = ? AND k.parentChampionId = ?
                            ORDER BY k.firstName
                            """, arguments: [r["id"], championID])
                        let creche = !hasChildren ? "" : !children.isEmpty ? "A crèche place is booked for \(children.joined(separator: " and "))."
                            : (r["room"] as Int?) != nil ? "There is a crèche: ask the office if you would like a place." : "There is no crèche at this one."
                        found.append(ReminderDue(championID: championID, meetingID: r["id"],
                                               message: ReminderMessage(toName: person.name, toAddress: person.address, fromAddress: from,
                                                                        programme: programme, event: event, offset: offset, answer: answer,
                                                                        creche: creche)))
                    }
                }
                return found
            }
        }
        return out
    }

    /// Records that a reminder went, so it never goes twice.
    public func recordReminderSent(as actor: Actor, _ reminder: ReminderDue, at: Date) throws(StoreError) {
        try authorize(actor, .write, .contactPreference)
        let key = reminder.message.event.uid + (reminder.message.event.recurrenceID.map { "/\($0)" } ?? "")
        try write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO reminderSent (championId, meetingUid, meetingId, offsetMinutes, sentAt) VALUES (?, ?, ?, ?, ?)
                """, arguments: [reminder.championID, key, reminder.meetingID, reminder.message.offset.minutes, at.timeIntervalSince1970])
        }
    }

    /// One meeting as its own event, for an invitation when the export folds it into its series.
    static func occurrenceEvent(_ db: Database, meetingID: Int64, championID: Int64) throws -> CalendarEvent? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT m.*, (SELECT json_group_array(json_object('id', a.id, 'title', a.title, 'summary', a.summary))
                         FROM (SELECT * FROM agendaItem WHERE meetingId = m.id ORDER BY position) a) AS agendaJSON
            FROM meeting m WHERE m.id = ?
            """, arguments: [meetingID]) else { return nil }
        return event(row)
    }
}
