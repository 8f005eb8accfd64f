import Coproduction
import Foundation
import GRDB

/// Which meetings of a series a change reaches.
public enum SeriesScope: String, Sendable, CaseIterable {
    /// Only the meeting edited: it becomes an exception to its series.
    case thisOne = "this"
    /// The meeting edited and every later one of its series not yet held.
    case thisAndLater = "later"
}

/// A meeting's place in its series, for its page and its form.
public struct SeriesStanding: Hashable, Sendable {
    /// The series' id.
    public var id: Int64
    /// How it repeats, from its first meeting to its end.
    public var rule: SeriesRule
    /// This meeting's place among the series' meetings, by day (1 for the first).
    public var position: Int
    /// How many meetings the series has.
    public var count: Int
    /// The day the rule gave this meeting (its own day may have moved since).
    public var slot: LocalDate

    /// Creates a standing.
    public init(id: Int64, rule: SeriesRule, position: Int, count: Int, slot: LocalDate) {
        self.id = id
        self.rule = rule
        self.slot = slot
        self.position = position
        self.count = count
    }

    /// "every 2 weeks on Tuesday until 30/06/2027 (meeting 3 of 12)".
    public var words: String { "\(rule.words) (meeting \(position) of \(count))" }
}

/// What a change to this and later meetings of a series did.
public struct SeriesChange: Hashable, Sendable {
    /// The meetings changed, the one edited first.
    public var changed: [Int64] = []
    /// Meetings made because the new rule has more days.
    public var added: [Int64] = []
    /// Meetings deleted because the new rule has no day for them.
    public var removed = 0
    /// Meetings without a day in the new rule that were kept, cancelled, because children are
    /// booked into their crèche or a pre-meeting prepares them.
    public var cancelled = 0

    /// "Changed 6 meetings, added 2, removed 1, cancelled 1 (children were booked)".
    public var words: String {
        var parts = ["changed \(Plural.count(changed.count, "meeting"))"]
        if !added.isEmpty { parts.append("added \(added.count)") }
        if removed > 0 { parts.append("removed \(removed)") }
        if cancelled > 0 { parts.append("cancelled \(cancelled) with children booked or a pre-meeting, kept on record") }
        return parts.joined(separator: ", ")
    }
}

extension AppDatabase {
    /// Adds a series of meetings (office staff and admins): one meeting on each day `rule`
    /// gives, each with the same agenda, people and times, each checked on its own day.
    /// Returns their ids, first to last. Nothing is written when the meeting or the rule is
    /// wrong; a rule's problem is reported against the field `until` (or `repeat`).
    @discardableResult
    public func addMeetingSeries(as actor: Actor, _ meeting: Meeting, agenda: [AgendaItem] = [], rule: SeriesRule,
                                 now: Date = Date()) throws(StoreError) -> [Int64] {
        try authorize(actor, .write, .meeting)
        try Self.checkSeries(meeting, rule)
        try Self.validate(meeting, agenda: agenda)
        return try write { db in
            try Self.checkReferences(db, meeting)
            let series = try Self.insertSeries(db, meeting, rule, actor: actor, now: now)
            var ids: [Int64] = []
            for day in rule.occurrences {
                var m = meeting
                m.date = day
                ids.append(try Self.insertOccurrence(db, m, agenda: agenda, series: series, day: day, copyingCrecheOf: nil,
                                                     actor: actor, now: now))
            }
            return ids
        }
    }

    /// Changes a meeting and every later one of its series not yet held ("this and later
    /// ones"), from version `expectedVersion` of the meeting edited. The fields changed in
    /// `meeting` (against the meeting as saved) reach the later meetings; what differs in one
    /// of them alone stays. `rule` is the series from here on: the meetings are put on its
    /// days (a meeting keeps its own day when its slot stays), days without a meeting get
    /// one, and meetings without a day go (cancelled instead, and kept, when children are
    /// booked or a pre-meeting prepares them). A `nil` rule ends the series at this meeting.
    /// A meeting not in a series becomes the first of a new one.
    @discardableResult
    public func changeSeries(as actor: Actor, id: Int64, expectedVersion: Int, to meeting: Meeting, agenda: [AgendaItem]? = nil,
                             rule: SeriesRule?, now: Date = Date()) throws(StoreError) -> SeriesChange {
        try authorize(actor, .write, .meeting)
        try Self.validate(meeting, agenda: agenda ?? [])
        return try write { db in
            let (row, before) = try Self.current(db, id: id, expectedVersion: expectedVersion)
            guard (row["status"] as String) != "held" else {
                throw StoreError.invalid("This meeting is recorded as held, so it stays as it was: change a later one of the series.")
            }
            let slot = (row["seriesDate"] as String?).flatMap(LocalDate.init(iso:)) ?? meeting.date
            // A meeting moved on its own keeps its series' day when the edit leaves its day alone.
            if let rule { try Self.checkSeries(meeting, rule, slot: slot) }
            try Self.checkReferences(db, meeting)
            let oldAgenda = try Self.agendaItems(db, id)
            let after = try Self.fields(db, of: meeting, agenda: agenda ?? oldAgenda)
            let changedKeys = Set(after.keys.filter { $0 != "date" && $0 != "kind" && after[$0] != before[$0] })
                .union(before.keys.filter { after[$0] == nil && $0 == "agenda" })
            let oldSeries: Int64? = row["seriesId"]
            var later: [Row] = []
            var isFirst = true
            if let oldSeries {
                later = try Row.fetchAll(db, sql: """
                    SELECT id, date, seriesDate, status FROM meeting WHERE seriesId = ? AND seriesDate > ? AND status <> 'held' ORDER BY seriesDate
                    """, arguments: [oldSeries, slot.iso])
                isFirst = try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meeting WHERE seriesId = ? AND seriesDate < ?)",
                                              arguments: [oldSeries, slot.iso]) ?? false)
                if !isFirst {
                    // The earlier meetings keep the series; it now ends before this one.
                    try db.execute(sql: "UPDATE meetingSeries SET untilDate = ?, version = version + 1, updatedBy = ?, updatedAt = ? WHERE id = ?",
                                   arguments: [slot.adding(days: -1).iso, actor.name, now.timeIntervalSince1970, oldSeries])
                }
            }
            var target: Int64?
            if let rule {
                if let oldSeries, isFirst {
                    try db.execute(sql: """
                        UPDATE meetingSeries SET recurrence = ?, firstDate = ?, untilDate = ?, title = ?, startMinute = ?, endMinute = ?,
                               venue = ?, version = version + 1, updatedBy = ?, updatedAt = ? WHERE id = ?
                        """, arguments: [rule.recurrence.code, rule.first.iso, rule.until.iso, meeting.title, meeting.start.minutes,
                                         meeting.end.minutes, meeting.venue, actor.name, now.timeIntervalSince1970, oldSeries])
                    target = oldSeries
                } else {
                    target = try Self.insertSeries(db, meeting, rule, actor: actor, now: now)
                }
            }
            var change = SeriesChange()
            // The meeting edited: every field as typed, on the series' first day from here.
            try db.execute(sql: """
                UPDATE meeting SET title = ?, date = ?, startMinute = ?, endMinute = ?, venue = ?, otherParents = ?, groupName = ?,
                       seriesId = ?, seriesDate = ?, version = version + 1, updatedBy = ?, updatedAt = ? WHERE id = ?
                """, arguments: [meeting.title, meeting.date.iso, meeting.start.minutes, meeting.end.minutes, meeting.venue,
                                 meeting.otherParents, Self.groupColumn(row, meeting), target, target == nil ? nil : rule?.first.iso,
                                 actor.name, now.timeIntervalSince1970, id])
            try RecordWrites.setChampions(db, meetingID: id, meeting)
            if let agenda { try RecordWrites.setAgenda(db, meetingID: id, agenda) }
            try AuditLog.append(db, actor: actor, action: "update", kind: "meeting", recordID: id,
                                changes: AuditLog.diff(before: before, after: try Self.snapshot(db, id: id)), at: now)
            change.changed.append(id)
            // The later meetings, onto the rule's later days: a slot that stays keeps its
            // meeting (and that meeting's own day); the rest pair up in order.
            var days = Array((rule?.occurrences ?? []).dropFirst())
            var unpaired: [Row] = []
            var pairs: [(Row, LocalDate, Bool)] = []
            for r in later {
                if let slotDay = (r["seriesDate"] as String?).flatMap(LocalDate.init(iso:)), let i = days.firstIndex(of: slotDay) {
                    pairs.append((r, slotDay, true))
                    days.remove(at: i)
                } else {
                    unpaired.append(r)
                }
            }
            // A planned meeting moves onto the nearest new day within less than half the new gap (the
            // series moved to Wednesdays, or to the 3rd Tuesday); further off, it goes and the
            // day gets a new meeting, so no booking is carried weeks away. A cancelled one
            // keeps only its own slot.
            let reach = rule.map { Self.moveReach($0.recurrence) } ?? 0
            var left: [Row] = []
            for r in unpaired {
                let was = (r["seriesDate"] as String?).flatMap(LocalDate.init(iso:)) ?? LocalDate(iso: r["date"]) ?? meeting.date
                let nearest = days.indices.min { abs(days[$0].days(since: was)) < abs(days[$1].days(since: was)) }
                if (r["status"] as String) != "cancelled", let i = nearest, abs(days[i].days(since: was)) <= reach {
                    pairs.append((r, days.remove(at: i), false))
                } else {
                    left.append(r)
                }
            }
            unpaired = left
            for (r, day, kept) in pairs.sorted(by: { $0.1 < $1.1 }) {
                let other: Int64 = r["id"]
                let was = try Self.snapshot(db, id: other)
                try Self.apply(changedKeys, of: meeting, agenda: agenda, to: other, db)
                try db.execute(sql: """
                    UPDATE meeting SET date = ?, seriesId = ?, seriesDate = ?, version = version + 1, updatedBy = ?, updatedAt = ? WHERE id = ?
                    """, arguments: [kept ? r["date"] as String : day.iso, target, day.iso, actor.name, now.timeIntervalSince1970, other])
                try AuditLog.append(db, actor: actor, action: "update", kind: "meeting", recordID: other,
                                    changes: AuditLog.diff(before: was, after: try Self.snapshot(db, id: other)), at: now)
                change.changed.append(other)
            }
            for r in unpaired {
                let other: Int64 = r["id"]
                let was = try Self.snapshot(db, id: other)
                if try Self.hasDependents(db, other) {
                    try db.execute(sql: """
                        UPDATE meeting SET status = 'cancelled', cancelReason = ?, seriesId = NULL, seriesDate = NULL, version = version + 1,
                               updatedBy = ?, updatedAt = ? WHERE id = ?
                        """, arguments: [(r["status"] as String) == "cancelled" ? r["cancelReason"] as String? ?? "No longer in the series"
                                         : "No longer in the series: it was changed on \(LocalDateTime(now).date.uk).",
                                         actor.name, now.timeIntervalSince1970, other])
                    try AuditLog.append(db, actor: actor, action: "cancel", kind: "meeting", recordID: other,
                                        changes: AuditLog.diff(before: was, after: try Self.snapshot(db, id: other)), at: now)
                    change.cancelled += 1
                } else {
                    try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [other])
                    try AuditLog.append(db, actor: actor, action: "delete", kind: "meeting", recordID: other,
                                        changes: AuditLog.diff(before: was, after: [:]), at: now)
                    change.removed += 1
                }
            }
            if let target {
                let finalAgenda = agenda ?? oldAgenda
                for day in days {
                    var m = meeting
                    m.date = day
                    change.added.append(try Self.insertOccurrence(db, m, agenda: finalAgenda, series: target, day: day, copyingCrecheOf: id,
                                                                  actor: actor, now: now))
                }
            }
            if let oldSeries, try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meeting WHERE seriesId = ?)", arguments: [oldSeries]) ?? false) {
                try db.execute(sql: "DELETE FROM meetingSeries WHERE id = ?", arguments: [oldSeries])
            }
            return change
        }
    }

    /// A meeting's place in its series, or nil when it is not in one.
    public func seriesStanding(meetingID: Int64) throws(StoreError) -> SeriesStanding? {
        try read { db in try Self.seriesStanding(db, meetingID) }
    }

    static func seriesStanding(_ db: Database, _ meetingID: Int64) throws -> SeriesStanding? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT s.*, m.seriesDate AS slot,
                   (SELECT count(*) FROM meeting o WHERE o.seriesId = s.id AND o.seriesDate <= m.seriesDate) AS position,
                   (SELECT count(*) FROM meeting o WHERE o.seriesId = s.id) AS total
            FROM meeting m JOIN meetingSeries s ON s.id = m.seriesId WHERE m.id = ?
            """, arguments: [meetingID]), let rule = seriesRule(row) else { return nil }
        return SeriesStanding(id: row["id"], rule: rule, position: row["position"], count: row["total"],
                              slot: LocalDate(iso: row["slot"]) ?? rule.first)
    }

    static func seriesRule(_ row: Row) -> SeriesRule? {
        guard let recurrence = Recurrence(code: row["recurrence"]), let first = LocalDate(iso: row["firstDate"]),
              let until = LocalDate(iso: row["untilDate"]) else { return nil }
        return SeriesRule(recurrence, first: first, until: until)
    }

    // MARK: Steps

    /// A series' rule must start on its first meeting and give it company; a pre-meeting
    /// belongs to one meeting.
    static func checkSeries(_ meeting: Meeting, _ rule: SeriesRule, slot: LocalDate? = nil) throws(StoreError) {
        if meeting.kind.preparedMeetingID != nil {
            throw .fields([FieldIssue(field: "repeat", message: "A pre-meeting prepares one meeting, so it does not repeat: make one for each meeting.")])
        }
        if rule.first != meeting.date && rule.first != slot {
            throw .fields([FieldIssue(field: "repeat", message: "A series starts on its first meeting's day (\(meeting.date.uk)), not \(rule.first.uk).")])
        }
        if let problem = rule.problems.first { throw .fields([FieldIssue(field: "until", message: problem)]) }
    }

    static func insertSeries(_ db: Database, _ m: Meeting, _ rule: SeriesRule, actor: Actor, now: Date) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO meetingSeries (recurrence, firstDate, untilDate, title, startMinute, endMinute, venue, uid, updatedBy, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, lower(hex(randomblob(16))) || '-series@coproduce', ?, ?)
            """, arguments: [rule.recurrence.code, rule.first.iso, rule.until.iso, m.title, m.start.minutes, m.end.minutes, m.venue,
                             actor.name, now.timeIntervalSince1970])
        let id = db.lastInsertedRowID
        try AuditLog.append(db, actor: actor, action: "create", kind: "meetingSeries", recordID: id,
                            changes: AuditLog.diff(before: [:], after: ["repeats": rule.words, "title": m.title]), at: now)
        return id
    }

    static func insertOccurrence(_ db: Database, _ m: Meeting, agenda: [AgendaItem], series: Int64, day: LocalDate,
                                 copyingCrecheOf source: Int64?, actor: Actor, now: Date) throws -> Int64 {
        let id = try RecordWrites.insertMeeting(db, m)
        try RecordWrites.setAgenda(db, meetingID: id, agenda)
        try db.execute(sql: "UPDATE meeting SET seriesId = ?, seriesDate = ?, updatedBy = ?, updatedAt = ? WHERE id = ?",
                       arguments: [series, day.iso, actor.name, now.timeIntervalSince1970, id])
        if let source {
            try db.execute(sql: "INSERT INTO crechePlan (meetingId, roomCapacity) SELECT ?, roomCapacity FROM crechePlan WHERE meetingId = ?",
                           arguments: [id, source])
        }
        try AuditLog.append(db, actor: actor, action: "create", kind: "meeting", recordID: id,
                            changes: AuditLog.diff(before: [:], after: try Self.fields(db, of: m, agenda: agenda)), at: now)
        return id
    }

    /// How far (in days) a meeting may move onto a new rule's day: less than half the rule's gap.
    static func moveReach(_ r: Recurrence) -> Int {
        switch r {
        case .weekly(let n): return (7 * n - 1) / 2
        case .monthlyOnDay(let n), .monthlyOnWeekday(let n, _): return 14 * n - 1
        }
    }

    /// Sets on another meeting of the series only the fields the edit changed.
    static func apply(_ keys: Set<String>, of m: Meeting, agenda: [AgendaItem]?, to id: Int64, _ db: Database) throws {
        let columns: [(String, String, DatabaseValueConvertible?)] = [
            ("title", "title", m.title), ("start", "startMinute", m.start.minutes), ("end", "endMinute", m.end.minutes),
            ("venue", "venue", m.venue), ("otherParents", "otherParents", m.otherParents), ("group", "groupName", m.kind.groupName),
        ]
        for (key, column, value) in columns where keys.contains(key) {
            try db.execute(sql: "UPDATE meeting SET \(column) = ? WHERE id = ?", arguments: [value, id])
        }
        if keys.contains("invited") || keys.contains("confirmed") { try RecordWrites.setChampions(db, meetingID: id, m) }
        if keys.contains("agenda"), let agenda { try RecordWrites.setAgenda(db, meetingID: id, agenda) }
    }

    /// Children booked into its crèche, a pre-meeting preparing it, or papers sent: a meeting
    /// with any of these is cancelled rather than deleted.
    static func hasDependents(_ db: Database, _ id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM booking WHERE meetingId = ?1) OR EXISTS (SELECT 1 FROM meeting WHERE preparesId = ?1)
                OR EXISTS (SELECT 1 FROM paperSent WHERE meetingId = ?1)
            """, arguments: [id]) ?? false
    }

    static func agendaItems(_ db: Database, _ id: Int64) throws -> [AgendaItem] {
        try Row.fetchAll(db, sql: "SELECT title, summary FROM agendaItem WHERE meetingId = ? ORDER BY position", arguments: [id])
            .map { AgendaItem(title: $0["title"], summary: $0["summary"]) }
    }

    /// The group's name is kept only for the kinds that have one.
    static func groupColumn(_ row: Row, _ m: Meeting) -> String? {
        ["task-and-finish", "committee"].contains(row["kind"] as String) ? m.kind.groupName : nil
    }
}
