import Coproduction
import GRDB

/// The inserts every record type needs, for use inside one write transaction. Package-only:
/// they check no access rules, so only the store's own typed API (and tests) call them.
package enum RecordWrites {
    /// Inserts an area and returns its id.
    @discardableResult
    package static func insertArea(_ db: Database, name: String, position: Int) throws -> Int64 {
        try db.execute(sql: "INSERT INTO area (name, position) VALUES (?, ?)", arguments: [name, position])
        return db.lastInsertedRowID
    }

    /// Inserts a champion and returns its id.
    @discardableResult
    package static func insertChampion(_ db: Database, name: String, areaID: Int64, trainedOn: LocalDate?, active: Bool) throws -> Int64 {
        try db.execute(sql: "INSERT INTO champion (name, areaId, trainedOn, active) VALUES (?, ?, ?, ?)",
                       arguments: [name, areaID, trainedOn?.iso, active])
        return db.lastInsertedRowID
    }

    /// Inserts a meeting with its champions and returns its new id (the meeting's own `id`
    /// is ignored: a meeting not yet saved has id 0).
    @discardableResult
    package static func insertMeeting(_ db: Database, _ m: Meeting) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO meeting (kind, groupName, preparesId, title, date, startMinute, endMinute, venue, otherParents, uid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, lower(hex(randomblob(16))) || '@coproduce')
            """, arguments: [m.kind.code, m.kind.groupName, m.kind.preparedMeetingID, m.title, m.date.iso,
                             m.start.minutes, m.end.minutes, m.venue, m.otherParents])
        let id = db.lastInsertedRowID
        try setChampions(db, meetingID: id, m)
        return id
    }

    /// Sets who is invited to a meeting and who has confirmed, from the meeting's lists. A
    /// champion still invited who had sent apologies keeps their apologies.
    package static func setChampions(_ db: Database, meetingID: Int64, _ m: Meeting) throws {
        let apologised = Set(try Int64.fetchAll(db, sql: "SELECT championId FROM meetingChampion WHERE meetingId = ? AND response = 'apologies'",
                                                arguments: [meetingID]))
        try db.execute(sql: "DELETE FROM meetingChampion WHERE meetingId = ?", arguments: [meetingID])
        let confirmed = Set(m.confirmedChampionIDs)
        for champion in Set(m.championIDs).union(confirmed).sorted() {
            let response = confirmed.contains(champion) ? "confirmed" : apologised.contains(champion) ? "apologies" : "invited"
            try db.execute(sql: "INSERT INTO meetingChampion (meetingId, championId, response) VALUES (?, ?, ?)",
                           arguments: [meetingID, champion, response])
        }
    }

    /// Replaces a meeting's agenda.
    package static func setAgenda(_ db: Database, meetingID: Int64, _ agenda: [AgendaItem]) throws {
        try db.execute(sql: "DELETE FROM agendaItem WHERE meetingId = ?", arguments: [meetingID])
        for (i, item) in agenda.enumerated() {
            try db.execute(sql: "INSERT INTO agendaItem (meetingId, position, title, summary) VALUES (?, ?, ?, ?)",
                           arguments: [meetingID, i, item.title, item.summary])
        }
    }

    /// Sets the crèche plan of a meeting; a plan that exists is updated and its version
    /// counts up, so a save from an older read can be refused.
    package static func setCrechePlan(_ db: Database, meetingID: Int64, _ plan: CrechePlan, by actor: String? = nil,
                                     at time: Double? = nil) throws {
        try db.execute(sql: """
            INSERT INTO crechePlan (meetingId, underTwo, two, threeAndOver, staffBooked, roomCapacity, level6, updatedBy, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (meetingId) DO UPDATE SET
                underTwo = excluded.underTwo, two = excluded.two, threeAndOver = excluded.threeAndOver,
                staffBooked = excluded.staffBooked, roomCapacity = excluded.roomCapacity, level6 = excluded.level6,
                updatedBy = excluded.updatedBy, updatedAt = excluded.updatedAt, version = version + 1
            """, arguments: [meetingID, plan.count(.underTwo), plan.count(.two), plan.count(.threeAndOver),
                             plan.staffBooked, plan.roomCapacity, plan.level6WithOlderGroup, actor, time])
    }
}
