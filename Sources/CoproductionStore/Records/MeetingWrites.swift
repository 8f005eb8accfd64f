import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Adds a meeting (office staff and admins), with its agenda and an audit entry. Returns
    /// its id. The meeting is checked first: nothing is written when any field is wrong.
    @discardableResult
    public func addMeeting(as actor: Actor, _ meeting: Meeting, agenda: [AgendaItem] = [], now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .meeting)
        try Self.validate(meeting, agenda: agenda)
        return try write { db in
            try Self.checkReferences(db, meeting)
            let id = try RecordWrites.insertMeeting(db, meeting)
            try RecordWrites.setAgenda(db, meetingID: id, agenda)
            try db.execute(sql: "UPDATE meeting SET updatedBy = ?, updatedAt = ? WHERE id = ?",
                           arguments: [actor.name, now.timeIntervalSince1970, id])
            try AuditLog.append(db, actor: actor, action: "create", kind: "meeting", recordID: id,
                                changes: AuditLog.diff(before: [:], after: try Self.fields(db, of: meeting, agenda: agenda)), at: now)
            return id
        }
    }

    /// Saves changes to a meeting made from version `expectedVersion` (its agenda too, when
    /// given). When someone else saved it since, nothing is written and
    /// ``StoreError/stale(by:at:)`` names who and when.
    public func updateMeeting(as actor: Actor, id: Int64, expectedVersion: Int, to meeting: Meeting,
                              agenda: [AgendaItem]? = nil, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        try Self.validate(meeting, agenda: agenda ?? [])
        try write { db in
            let (row, before) = try Self.current(db, id: id, expectedVersion: expectedVersion)
            try Self.checkReferences(db, meeting)
            try db.execute(sql: """
                UPDATE meeting SET title = ?, date = ?, startMinute = ?, endMinute = ?, venue = ?, otherParents = ?,
                       groupName = ?, version = version + 1, updatedBy = ?, updatedAt = ? WHERE id = ?
                """, arguments: [meeting.title, meeting.date.iso, meeting.start.minutes, meeting.end.minutes, meeting.venue,
                                 meeting.otherParents, ["task-and-finish", "committee"].contains(row["kind"] as String) ? meeting.kind.groupName : nil,
                                 actor.name, now.timeIntervalSince1970, id])
            try RecordWrites.setChampions(db, meetingID: id, meeting)
            if let agenda { try RecordWrites.setAgenda(db, meetingID: id, agenda) }
            let after = try Self.snapshot(db, id: id)
            try AuditLog.append(db, actor: actor, action: "update", kind: "meeting", recordID: id,
                                changes: AuditLog.diff(before: before, after: after), at: now)
        }
    }

    /// Cancels a meeting, keeping the reason on record. It stays in the lists, marked
    /// cancelled, and leaves attendance figures.
    public func cancelMeeting(as actor: Actor, id: Int64, expectedVersion: Int, reason: String, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .invalid("Say why the meeting is cancelled: the reason is kept on record.") }
        guard why.count <= TextLimits.summary else { throw .invalid("The reason is longer than \(TextLimits.summary) characters: shorten it.") }
        try write { db in
            let (row, _) = try Self.current(db, id: id, expectedVersion: expectedVersion)
            guard (row["status"] as String) != "cancelled" else { throw StoreError.invalid("That meeting is already cancelled.") }
            // The series' master event gains or loses an EXDATE: calendars need a newer SEQUENCE.
            try Self.touchSeries(db, meetingID: id)
            try db.execute(sql: """
                UPDATE meeting SET status = 'cancelled', cancelReason = ?, version = version + 1, updatedBy = ?, updatedAt = ?
                WHERE id = ?
                """, arguments: [why, actor.name, now.timeIntervalSince1970, id])
            try AuditLog.append(db, actor: actor, action: "cancel", kind: "meeting", recordID: id,
                                changes: [FieldChange(field: "status", before: row["status"], after: "cancelled"),
                                          FieldChange(field: "cancelReason", before: nil, after: why)], at: now)
        }
    }

    /// Puts a cancelled meeting back on (the undo of a cancellation).
    public func reinstateMeeting(as actor: Actor, id: Int64, expectedVersion: Int, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        try write { db in
            let (row, _) = try Self.current(db, id: id, expectedVersion: expectedVersion)
            guard (row["status"] as String) == "cancelled" else { throw StoreError.invalid("That meeting is not cancelled.") }
            // The series' master event gains or loses an EXDATE: calendars need a newer SEQUENCE.
            try Self.touchSeries(db, meetingID: id)
            try db.execute(sql: """
                UPDATE meeting SET status = 'planned', cancelReason = NULL, version = version + 1, updatedBy = ?, updatedAt = ?
                WHERE id = ?
                """, arguments: [actor.name, now.timeIntervalSince1970, id])
            try AuditLog.append(db, actor: actor, action: "reinstate", kind: "meeting", recordID: id,
                                changes: [FieldChange(field: "status", before: "cancelled", after: "planned"),
                                          FieldChange(field: "cancelReason", before: row["cancelReason"], after: nil)], at: now)
        }
    }

    /// Deletes a meeting with its crèche plan, agenda and invitations (its pre-meetings too).
    public func deleteMeeting(as actor: Actor, id: Int64, expectedVersion: Int, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        try write { db in
            let (_, before) = try Self.current(db, id: id, expectedVersion: expectedVersion)
            // The series' master event gains or loses an EXDATE: calendars need a newer SEQUENCE.
            try Self.touchSeries(db, meetingID: id)
            try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [id])
            try AuditLog.append(db, actor: actor, action: "delete", kind: "meeting", recordID: id,
                                changes: AuditLog.diff(before: before, after: [:]), at: now)
        }
    }

    /// A Parent Champion's answer to an invitation: their own (champions), or anyone's
    /// (office staff and admins). Returns the answer it replaced.
    @discardableResult
    public func respond(as actor: Actor, meetingID: Int64, championID: Int64, _ response: Response, now: Date = Date()) throws(StoreError) -> Response {
        let own = actor.championID == championID
        try authorize(actor, .write, .invitation, needed: own ? .own : .all)
        return try write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT response FROM meetingChampion WHERE meetingId = ? AND championId = ?",
                                                arguments: [meetingID, championID]) else {
                throw StoreError.invalid("You are not invited to this meeting, so there is nothing to answer.")
            }
            try db.execute(sql: "UPDATE meetingChampion SET response = ? WHERE meetingId = ? AND championId = ?",
                           arguments: [response.rawValue, meetingID, championID])
            try db.execute(sql: "UPDATE meeting SET version = version + 1, updatedBy = ?, updatedAt = ? WHERE id = ?",
                           arguments: [actor.name, now.timeIntervalSince1970, meetingID])
            try AuditLog.append(db, actor: actor, action: "respond", kind: "meeting", recordID: meetingID,
                                changes: [FieldChange(field: try Self.championLabel(db, championID), before: old, after: response.rawValue)], at: now)
            return Response(rawValue: old) ?? .invited
        }
    }

    /// Counts up the version of the series a meeting is in, if any.
    static func touchSeries(_ db: Database, meetingID: Int64) throws {
        try db.execute(sql: "UPDATE meetingSeries SET version = version + 1 WHERE id = (SELECT seriesId FROM meeting WHERE id = ?)",
                       arguments: [meetingID])
    }

    // MARK: Checks before writing

    static func validate(_ m: Meeting, agenda: [AgendaItem]) throws(StoreError) {
        let found = m.problems(agenda: agenda)
        if !found.isEmpty { throw .invalid(found.map(\.line).joined(separator: "\n")) }
    }

    /// Problems with what a meeting refers to (unknown champions, an unknown meeting for a
    /// pre-meeting to prepare); empty when all exist.
    public func referenceProblems(_ m: Meeting) throws(StoreError) -> [MeetingProblem] {
        try read { db in try Self.referenceProblems(db, m) }
    }

    /// Champions and the prepared meeting must exist.
    static func checkReferences(_ db: Database, _ m: Meeting) throws {
        let problems = try referenceProblems(db, m)
        if !problems.isEmpty { throw StoreError.invalid(problems.map(\.line).joined(separator: "\n")) }
    }

    static func referenceProblems(_ db: Database, _ m: Meeting) throws -> [MeetingProblem] {
        var problems: [MeetingProblem] = []
        for id in Set(m.championIDs).union(m.confirmedChampionIDs).sorted()
        where try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [id]) ?? false) {
            problems.append(MeetingProblem(.champion, "champion", "there is no Parent Champion with id \(id)."))
        }
        if let target = m.kind.preparedMeetingID,
           try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meeting WHERE id = ? AND kind <> 'pre-meeting')", arguments: [target]) ?? false) {
            problems.append(MeetingProblem(.prepares, "for", "there is no meeting with id \(target) for this pre-meeting to prepare."))
        }
        return problems
    }

    /// The row at `expectedVersion`, or a stale or not-found error; with its fields for the audit.
    static func current(_ db: Database, id: Int64, expectedVersion: Int) throws -> (Row, [String: String?]) {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(what: "Meeting \(id)")
        }
        guard (row["version"] as Int) == expectedVersion else {
            let at = (row["updatedAt"] as Double?).map { LocalDateTime(Date(timeIntervalSince1970: $0)).time.description } ?? "an earlier time"
            throw StoreError.stale(by: row["updatedBy"] ?? "someone", at: at)
        }
        return (row, try snapshot(db, id: id))
    }

    /// A meeting's fields as text, for the audit trail.
    static func snapshot(_ db: Database, id: Int64) throws -> [String: String?] {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE id = ?", arguments: [id]) else { return [:] }
        let pairs = try Row.fetchAll(db, sql: "SELECT championId, response FROM meetingChampion WHERE meetingId = ? ORDER BY championId",
                                     arguments: [id])
        let invited = pairs.map { $0["championId"] as Int64 }
        let confirmed = pairs.filter { ($0["response"] as String) == "confirmed" }.map { $0["championId"] as Int64 }
        let agenda = try Row.fetchAll(db, sql: "SELECT title, summary FROM agendaItem WHERE meetingId = ? ORDER BY position",
                                      arguments: [id]).map { AgendaItem(title: $0["title"], summary: $0["summary"]) }
        return try fields(db, of: meeting(from: row, championIDs: invited, confirmed: confirmed), agenda: agenda)
    }

    /// A champion as the audit trail names them: "Zoe Adams (champion 1)".
    static func championLabel(_ db: Database, _ id: Int64) throws -> String {
        let name = try String.fetchOne(db, sql: "SELECT name FROM champion WHERE id = ?", arguments: [id])
        return name.map { "\($0) (champion \(id))" } ?? "champion \(id)"
    }

    /// A meeting's fields as the audit trail keeps them: people by name, with their id in
    /// brackets where two could share a name ("Zoe Adams (1), Priya Shah (3)").
    static func fields(_ db: Database, of m: Meeting, agenda: [AgendaItem]) throws -> [String: String?] {
        var names: [Int64: String] = [:]
        let ids = Array(Set(m.championIDs + m.confirmedChampionIDs))
        if !ids.isEmpty {
            let marks = ids.map { _ in "?" }.joined(separator: ",")
            for r in try Row.fetchAll(db, sql: "SELECT id, name FROM champion WHERE id IN (\(marks))", arguments: StatementArguments(ids)) {
                names[r["id"]] = r["name"]
            }
        }
        func people(_ list: [Int64]) -> String {
            list.map { id in names[id].map { "\($0) (\(id))" } ?? "champion \(id)" }.sorted().joined(separator: ", ")
        }
        var f: [String: String?] = [
            "kind": m.kind.code, "group": m.kind.groupName, "title": m.title, "date": m.date.iso,
            "start": m.start.description, "end": m.end.description, "venue": m.venue,
            "invited": people(m.championIDs),
            "confirmed": people(m.confirmedChampionIDs),
            "otherParents": String(m.otherParents),
        ]
        if !agenda.isEmpty { f["agenda"] = agenda.map { "\($0.title): \($0.summary)" }.joined(separator: " | ") }
        return f
    }
}
