import Coproduction
import GRDB

/// One meeting as the lists show it: the facts the barrier checks need, plus their result.
public struct MeetingListItem: Hashable, Sendable {
    /// The meeting, its crèche and its pre-meetings.
    public var facts: MeetingFacts
    /// The worst barrier status.
    public var status: CheckStatus

    /// The meeting.
    public var meeting: Meeting { facts.meeting }
}

/// A meeting with everything its detail view shows.
public struct MeetingDetail: Hashable, Sendable {
    /// The meeting, its crèche and its pre-meetings.
    public var facts: MeetingFacts
    /// Names of the champions attending, in the order shown.
    public var championNames: [String]
    /// Areas of the champions attending, matching ``championNames``.
    public var championAreas: [String]
    /// For a pre-meeting: the meeting it prepares.
    public var prepares: Meeting?
    /// Pre-meetings that prepare this meeting.
    public var preMeetings: [Meeting]
    /// The row's version: a save made from an older version is refused.
    public var version: Int

}

extension AppDatabase {
    /// The SQL condition a list filter adds: every word must appear in the title, venue,
    /// group or kind (case-insensitive).
    static func meetingFilter(_ filter: String) -> (sql: String, arguments: [String]) {
        let words = filter.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return ("1", []) }
        var parts: [String] = []
        var args: [String] = []
        for w in words {
            let like = Self.like(w)
            parts.append("""
                (m.title LIKE ? ESCAPE '\\' OR m.venue LIKE ? ESCAPE '\\' OR ifnull(m.groupName, '') LIKE ? ESCAPE '\\' \
                OR (CASE m.kind WHEN 'board' THEN 'Partnership Board' WHEN 'service-design' THEN 'Service Design' \
                WHEN 'task-and-finish' THEN 'Task and Finish' ELSE 'Pre-meeting' END) LIKE ? ESCAPE '\\')
                """)
            args += [like, like, like, like]
        }
        return (parts.joined(separator: " AND "), args)
    }

    /// How many meetings on or after `from` match the filter.
    public func countMeetings(as actor: Actor, from: LocalDate, filter: String = "", withCrecheOnly: Bool = false) throws(StoreError) -> Int {
        try authorize(actor, .read, withCrecheOnly ? .creche : .meeting)
        let f = Self.meetingFilter(filter)
        let creche = withCrecheOnly ? "AND EXISTS (SELECT 1 FROM crechePlan c WHERE c.meetingId = m.id)" : ""
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting m WHERE m.date >= ? AND \(f.sql) \(creche)",
                             arguments: StatementArguments([from.iso] + f.arguments)) ?? 0
        }
    }

    /// One window of the meetings on or after `from`, soonest first, with their checks.
    /// Only `limit` rows are read: the lists ask for what they show.
    public func meetings(as actor: Actor, from: LocalDate, filter: String = "", offset: Int, limit: Int,
                         withCrecheOnly: Bool = false, checker: BarrierChecker = BarrierChecker()) throws(StoreError) -> [MeetingListItem] {
        try authorize(actor, .read, .meeting)
        if withCrecheOnly { try authorize(actor, .read, .creche) }
        let f = Self.meetingFilter(filter)
        let creche = withCrecheOnly ? "AND c.meetingId IS NOT NULL" : ""
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.*, c.meetingId AS crecheId, c.underTwo, c.two, c.threeAndOver, c.staffBooked,
                       c.roomCapacity, c.level6,
                       (SELECT group_concat(championId) FROM meetingChampion mc WHERE mc.meetingId = m.id) AS championIds,
                       (SELECT group_concat(p.date) FROM meeting p WHERE p.preparesId = m.id) AS preDates
                FROM meeting m LEFT JOIN crechePlan c ON c.meetingId = m.id
                WHERE m.date >= ? AND \(f.sql) \(creche)
                ORDER BY m.date, m.startMinute, m.id
                LIMIT ? OFFSET ?
                """, arguments: StatementArguments([from.iso] + f.arguments) + [limit, offset])
            return rows.map { row in
                let facts = Self.facts(from: row)
                return MeetingListItem(facts: facts, status: checker.overall(facts))
            }
        }
    }

    /// The full detail of one meeting.
    public func meetingDetail(as actor: Actor, id: Int64) throws(StoreError) -> MeetingDetail {
        try authorize(actor, .read, .meeting)
        try authorize(actor, .read, .creche)
        let detail: MeetingDetail? = try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT m.*, c.meetingId AS crecheId, c.underTwo, c.two, c.threeAndOver, c.staffBooked,
                       c.roomCapacity, c.level6,
                       (SELECT group_concat(championId) FROM meetingChampion mc WHERE mc.meetingId = m.id) AS championIds,
                       (SELECT group_concat(p.date) FROM meeting p WHERE p.preparesId = m.id) AS preDates
                FROM meeting m LEFT JOIN crechePlan c ON c.meetingId = m.id WHERE m.id = ?
                """, arguments: [id]) else { return nil }
            let facts = Self.facts(from: row)
            let champions = try Row.fetchAll(db, sql: """
                SELECT ch.name, a.name AS area FROM meetingChampion mc
                JOIN champion ch ON ch.id = mc.championId JOIN area a ON a.id = ch.areaId
                WHERE mc.meetingId = ? ORDER BY ch.name
                """, arguments: [id])
            var prepares: Meeting?
            if let target = facts.meeting.kind.preparedMeetingID,
               let r = try Row.fetchOne(db, sql: "SELECT m.* FROM meeting m WHERE m.id = ?", arguments: [target]) {
                prepares = Self.meeting(from: r, championIDs: [])
            }
            let pre = try Row.fetchAll(db, sql: "SELECT m.* FROM meeting m WHERE m.preparesId = ? ORDER BY m.date, m.startMinute",
                                       arguments: [id]).map { Self.meeting(from: $0, championIDs: []) }
            return MeetingDetail(facts: facts, championNames: champions.map { $0["name"] },
                                 championAreas: champions.map { $0["area"] }, prepares: prepares, preMeetings: pre,
                                 version: row["version"])
        }
        guard let detail else { throw .notFound(what: "Meeting \(id)") }
        return detail
    }

    static func meeting(from row: Row, championIDs: [Int64]) -> Meeting {
        let kind = MeetingKind(code: row["kind"], groupName: row["groupName"], preparedMeetingID: row["preparesId"])
            ?? .serviceDesign
        return Meeting(id: row["id"], kind: kind, title: row["title"],
                       date: LocalDate(iso: row["date"]) ?? LocalDate(year: 1970, month: 1, day: 1)!,
                       start: TimeOfDay(minutes: row["startMinute"]) ?? TimeOfDay(minutes: 0)!,
                       end: TimeOfDay(minutes: min(1439, row["endMinute"] as Int)) ?? TimeOfDay(minutes: 0)!,
                       venue: row["venue"], championIDs: championIDs, otherParents: row["otherParents"])
    }

    static func facts(from row: Row) -> MeetingFacts {
        let ids = (row["championIds"] as String?)?.split(separator: ",").compactMap { Int64($0) } ?? []
        let meeting = Self.meeting(from: row, championIDs: ids)
        var plan: CrechePlan?
        if (row["crecheId"] as Int64?) != nil {
            plan = CrechePlan(booked: [.underTwo: row["underTwo"], .two: row["two"], .threeAndOver: row["threeAndOver"]],
                              staffBooked: row["staffBooked"], roomCapacity: row["roomCapacity"],
                              level6WithOlderGroup: row["level6"])
        }
        let pre = (row["preDates"] as String?)?.split(separator: ",").compactMap { LocalDate(iso: String($0)) } ?? []
        return MeetingFacts(meeting: meeting, creche: plan, preMeetingDates: pre)
    }
}
