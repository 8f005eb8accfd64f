import Coproduction
import Foundation
import GRDB

/// An incident that still needs something, with where it happened.
public struct IncidentAttention: Hashable, Sendable {
    /// The incident.
    public var incident: Incident
    /// The session's title.
    public var meetingTitle: String
    /// What it needs, worst first.
    public var needs: [Need]

    /// One thing an incident still needs.
    public struct Need: Hashable, Sendable {
        /// Warn or fail.
        public var status: CheckStatus
        /// What, and how to put it right.
        public var words: String
    }
}

extension AppDatabase {
    /// Records an accident or incident in a session (office staff, admins, and crèche staff on
    /// the session's rota), with any follow-ups known at once (the parent told, their
    /// acknowledgement), in one write. The child must be booked into the session; first aid
    /// is given by someone on its rota. Nothing recorded can be changed afterwards.
    @discardableResult
    public func recordIncident(as actor: Actor, _ incident: Incident, followUps: [IncidentFollowUp] = [], now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .incident, needed: .own)
        return try write { db in
            try Self.mayRecordIncidents(db, actor, meetingID: incident.meetingID)
            guard let meeting = try Row.fetchOne(db, sql: "SELECT date, startMinute, endMinute FROM meeting WHERE id = ?",
                                                 arguments: [incident.meetingID]),
                  let day = LocalDate(iso: meeting["date"]) else { throw StoreError.notFound(what: "Meeting \(incident.meetingID)") }
            guard let child = try Row.fetchOne(db, sql: """
                SELECT k.firstName || ' ' || k.familyName AS name, k.dateOfBirth FROM booking b JOIN child k ON k.id = b.childId
                WHERE b.meetingId = ? AND b.childId = ?
                """, arguments: [incident.meetingID, incident.childID]) else {
                throw StoreError.invalid("That child is not booked into this session: book them in first (b on the register).")
            }
            let start = LocalDateTime(date: day, time: TimeOfDay(minutes: meeting["startMinute"])!).instant
            let end = LocalDateTime(date: day, time: TimeOfDay(minutes: min(1439, meeting["endMinute"] as Int))!).instant
            let rota = try String.fetchAll(db, sql: "SELECT name FROM crecheStaff WHERE meetingId = ? ORDER BY id", arguments: [incident.meetingID])
            var record = incident
            record.childName = child["name"]
            var problems = record.problems(sessionStart: start, sessionEnd: end, rota: rota, now: now)
                .map { FieldIssue(field: $0.field.rawValue, message: $0.message) }
            for followUp in followUps {
                if let (field, message) = followUp.problem(for: record, now: now) { problems.append(FieldIssue(field: field.rawValue, message: message)) }
            }
            guard problems.isEmpty else { throw StoreError.fields(problems) }
            // The first-aider as the rota spells them.
            let firstAider = record.firstAidBy.flatMap { by in rota.first { $0.caseInsensitiveCompare(by) == .orderedSame } }
            try db.execute(sql: """
                INSERT INTO incident (meetingId, childId, childName, childBorn, at, place, what, onArrival, firstAidBy, firstAidGiven,
                                      action, serious, recordedBy, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.meetingID, record.childID, record.childName, child["dateOfBirth"] as String, record.at.timeIntervalSince1970,
                                 record.place, record.what, record.onArrival, firstAider, record.firstAidGiven, record.action, record.serious,
                                 actor.name, now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            try Self.insertFollowUps(db, id, followUps, actor, now)
            // The trail says an incident was recorded and how serious, not what happened to the child.
            try AuditLog.append(db, actor: actor, action: "create", kind: "incident", recordID: id, changes: [
                FieldChange(field: "child", before: nil, after: record.childName),
                FieldChange(field: "serious", before: nil, after: record.serious ? "yes" : "no"),
            ], at: now)
            return id
        }
    }

    /// Adds follow-ups to an incident: the parent told, their acknowledgement, the notice to
    /// Ofsted and the local safeguarding partners, or an addendum. Nothing is changed.
    public func addFollowUps(as actor: Actor, incidentID: Int64, _ followUps: [IncidentFollowUp], now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .incident, needed: .own)
        guard !followUps.isEmpty else { throw .invalid("Nothing to add: fill in who told the parent, their acknowledgement, the notice or an addendum.") }
        try write { db in
            guard let incident = try Self.incidents(db, where: "i.id = ?", [incidentID]).first else {
                throw StoreError.notFound(what: "Incident \(incidentID)")
            }
            try Self.mayRecordIncidents(db, actor, meetingID: incident.meetingID)
            let problems = followUps.compactMap { $0.problem(for: incident, now: now) }.map { FieldIssue(field: $0.0.rawValue, message: $0.1) }
            guard problems.isEmpty else { throw StoreError.fields(problems) }
            try Self.insertFollowUps(db, incidentID, followUps, actor, now)
            try AuditLog.append(db, actor: actor, action: "follow up", kind: "incident", recordID: incidentID,
                                changes: followUps.map { FieldChange(field: $0.kind.rawValue, before: nil, after: $0.kind == .addendum ? "added" : $0.by) },
                                at: now)
        }
    }

    /// The incidents of a session (office, admins, its crèche staff; a champion sees only
    /// their own children's), oldest first.
    public func incidents(as actor: Actor, meetingID: Int64) throws(StoreError) -> [Incident] {
        try authorize(actor, .read, .incident, needed: .own)
        return try read { db in
            switch AccessPolicy.scope(actor.role, .read, .incident) {
            case .all: return try Self.incidents(db, where: "i.meetingId = ?", [meetingID])
            case .own where actor.role == .crecheStaff:
                return try Self.staffs(db, actor, meetingID: meetingID) ? try Self.incidents(db, where: "i.meetingId = ?", [meetingID]) : []
            case .own:
                return try Self.incidents(db, where: "i.meetingId = ? AND i.childId IN (SELECT id FROM child WHERE parentChampionId = ?)",
                                          [meetingID, actor.championID ?? -1])
            case .none: return []
            }
        }
    }

    /// One incident, for those who may see it.
    public func incident(as actor: Actor, id: Int64) throws(StoreError) -> Incident {
        try authorize(actor, .read, .incident, needed: .own)
        let meetingID = try read { db in try Int64.fetchOne(db, sql: "SELECT meetingId FROM incident WHERE id = ?", arguments: [id]) }
        guard let meetingID, let found = try incidents(as: actor, meetingID: meetingID).first(where: { $0.id == id }) else {
            throw .notFound(what: "Incident \(id)")
        }
        return found
    }

    /// Incidents that still need the parent told, their acknowledgement or a notice to Ofsted,
    /// as at `now` (office staff and admins: all; crèche staff: their sessions'), worst first.
    public func incidentsNeedingAttention(as actor: Actor, now: LocalDateTime) throws(StoreError) -> [IncidentAttention] {
        guard AccessPolicy.scope(actor.role, .read, .incident) != .none, actor.role != .champion else { return [] }
        return try read { db in
            let open = """
                (NOT EXISTS (SELECT 1 FROM incidentFollowUp f WHERE f.incidentId = i.id AND f.kind = 'acknowledged')
                 OR NOT EXISTS (SELECT 1 FROM incidentFollowUp f WHERE f.incidentId = i.id AND f.kind = 'parent told')
                 OR (i.serious AND NOT EXISTS (SELECT 1 FROM incidentFollowUp f WHERE f.incidentId = i.id AND f.kind = 'notified')))
                """
            let rows = actor.role == .crecheStaff
                ? try Self.incidents(db, where: "\(open) AND i.meetingId IN (SELECT meetingId FROM crecheStaff WHERE userId = ?)", [actor.userID])
                : try Self.incidents(db, where: open, [])
            var out: [IncidentAttention] = []
            for incident in rows {
                guard let m = try Row.fetchOne(db, sql: "SELECT title, date, endMinute FROM meeting WHERE id = ?", arguments: [incident.meetingID]),
                      let day = LocalDate(iso: m["date"]), let end = TimeOfDay(minutes: min(1439, m["endMinute"] as Int)) else { continue }
                let needs = incident.needs(now: now, sessionEnds: LocalDateTime(date: day, time: end))
                if !needs.isEmpty {
                    out.append(IncidentAttention(incident: incident, meetingTitle: m["title"],
                                                 needs: needs.map { IncidentAttention.Need(status: $0.status, words: $0.words) }))
                }
            }
            return out.sorted { ($0.needs.first?.status ?? .pass, $1.incident.at) > ($1.needs.first?.status ?? .pass, $0.incident.at) }
        }
    }

    /// Crèche staff record incidents only in the sessions they are on the rota for.
    static func mayRecordIncidents(_ db: Database, _ actor: Actor, meetingID: Int64) throws {
        guard AccessPolicy.scope(actor.role, .write, .incident) != .all else { return }
        guard actor.role == .crecheStaff, try staffs(db, actor, meetingID: meetingID) else {
            throw StoreError.denied(AccessDenied(role: actor.role, operation: .write, kind: .incident,
                                                 instead: actor.role == .crecheStaff
                                                    ? "You are not on this session's rota, so its incidents are not yours to record: ask the office."
                                                    : nil))
        }
    }

    static func insertFollowUps(_ db: Database, _ incidentID: Int64, _ followUps: [IncidentFollowUp], _ actor: Actor, _ now: Date) throws {
        for f in followUps {
            try db.execute(sql: """
                INSERT INTO incidentFollowUp (incidentId, kind, at, byName, detail, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [incidentID, f.kind.rawValue, f.at.timeIntervalSince1970, f.by.trimmingCharacters(in: .whitespaces),
                                 f.detail.trimmingCharacters(in: .whitespaces), actor.name, now.timeIntervalSince1970])
        }
    }

    /// Incidents matching a condition on `i` (the incident), with their follow-ups.
    static func incidents(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [Incident] {
        let rows = try Row.fetchAll(db, sql: "SELECT i.* FROM incident i WHERE \(condition) ORDER BY i.at, i.id", arguments: arguments)
        return try rows.map { r in
            let id: Int64 = r["id"]
            let followUps = try Row.fetchAll(db, sql: "SELECT * FROM incidentFollowUp WHERE incidentId = ? ORDER BY id", arguments: [id]).map {
                IncidentFollowUp(kind: IncidentFollowUp.Kind(rawValue: $0["kind"]) ?? .addendum, at: Date(timeIntervalSince1970: $0["at"]),
                                 by: $0["byName"], detail: $0["detail"], recordedBy: $0["recordedBy"])
            }
            return Incident(id: id, meetingID: r["meetingId"], childID: r["childId"], childName: r["childName"],
                            at: Date(timeIntervalSince1970: r["at"]), place: r["place"], what: r["what"], onArrival: r["onArrival"],
                            firstAidBy: r["firstAidBy"], firstAidGiven: r["firstAidGiven"], action: r["action"], serious: r["serious"],
                            recordedBy: r["recordedBy"], recordedAt: Date(timeIntervalSince1970: r["recordedAt"]), followUps: followUps)
        }
    }
}
