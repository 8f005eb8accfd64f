import Coproduction
import GRDB

/// One area as the areas pane shows it.
public struct AreaSummary: Hashable, Sendable {
    /// The area.
    public var area: Area
    /// Champions taking part now.
    public var activeChampions: Int
    /// All champions on record for the area.
    public var champions: Int
    /// The next meeting (on or after today) a champion from this area is going to.
    public var nextMeeting: Meeting?
    /// Ideas still open (not fed back, not closed).
    public var ideasOpen: Int = 0
    /// Ideas decided but not yet fed back to parents.
    public var awaitingFeedback: Int = 0
    /// Of those, decided longer ago than the feedback setting allows (flagged).
    public var feedbackOverdue: Int = 0
    /// The worst of the champions' refresher and DBS dates (DBS only for those allowed to see it):
    /// pass, warn (due within 30 days) or fail (overdue).
    public var checks: CheckStatus = .pass
}

/// An area with its champions and the meetings they are going to.
public struct AreaDetail: Hashable, Sendable {
    /// The area and its counts.
    public var summary: AreaSummary
    /// Its champions, active first, then by name.
    public var champions: [ParentChampion]
    /// Upcoming meetings a champion from this area is going to (the next ten).
    public var upcoming: [Meeting]
    /// The champions' full records (contact details and DBS only for office staff and admins).
    public var records: [ChampionRecord] = []
    /// The area's ideas, newest first (empty when the reader may not see them).
    public var ideas: [Idea] = []
    /// Whether the reader may not see the area's ideas at all (crèche staff: ideas name the
    /// parents who raised them).
    public var ideasHidden = false
    /// Champion names by id, for "raised by" and "fed back by".
    public var championNames: [Int64: String] = [:]
    /// How the area's activity spreads over the ladder of co-production.
    public var ladder: LadderSpread = [:]
    /// Days within which a decision should be fed back.
    public var feedbackDays: Int = 28
    /// For a Parent Champion reading: the name of their own area (where they log ideas).
    public var viewersArea: String?
}

extension AppDatabase {
    /// How many areas (retired ones included) match the filter.
    public func countAreas(as actor: Actor, filter: String = "") throws(StoreError) -> Int {
        try authorize(actor, .read, .area)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM area WHERE name LIKE ? ESCAPE '\\'",
                             arguments: [Self.like(filter)]) ?? 0
        }
    }

    /// One window of the areas, in their listed order, with champion counts and the next
    /// meeting a champion from each is going to.
    public func areas(as actor: Actor, today: LocalDate, filter: String = "", offset: Int, limit: Int) throws(StoreError) -> [AreaSummary] {
        try authorize(actor, .read, .area)
        try authorize(actor, .read, .champion)
        return try read { db in
            let feedbackDays = Int(try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'idea-feedback-days'") ?? "28") ?? 28
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.*,
                       (SELECT COUNT(*) FROM champion c WHERE c.areaId = a.id AND c.active) AS activeCount,
                       (SELECT COUNT(*) FROM champion c WHERE c.areaId = a.id) AS allCount,
                       (SELECT ifnull(SUM(n.ideas), 0) FROM ideaCount n
                        WHERE n.areaId = a.id AND n.status IN ('new', 'ready', 'on-agenda', 'decided')) AS ideasOpen,
                       (SELECT ifnull(SUM(n.ideas), 0) FROM ideaCount n WHERE n.areaId = a.id AND n.status = 'decided') AS awaiting,
                       -- Overdue: those decided, less the ones decided within the feedback time
                       -- and those with no day (read from the index: the recent ones are few).
                       (SELECT ifnull(SUM(n.ideas), 0) FROM ideaCount n WHERE n.areaId = a.id AND n.status = 'decided')
                         - (SELECT COUNT(*) FROM idea i WHERE i.areaId = a.id AND i.status = 'decided' AND i.decidedOn >= ?)
                         - (SELECT COUNT(*) FROM idea i WHERE i.areaId = a.id AND i.status = 'decided' AND i.decidedOn IS NULL) AS overdue
                FROM area a WHERE a.name LIKE ? ESCAPE '\\'
                ORDER BY a.retired, a.position, a.name LIMIT ? OFFSET ?
                """, arguments: [today.adding(days: -feedbackDays).iso, Self.like(filter), limit, offset])
            let seesDBS = AccessPolicy.scope(actor.role, .read, .championPrivate) == .all
            return try rows.map { row in
                let area = Area(id: row["id"], name: row["name"], retired: row["retired"])
                // The worst flag in an area is the earliest date's: read only the earliest
                // refresher and DBS renewal, not every champion (see BENCHMARKS.md).
                // Each from an index in date order (v28, v33): the first that is the area's.
                let earliest = try Row.fetchOne(db, sql: """
                    SELECT (SELECT MIN(c.refresherDue) FROM champion c WHERE c.areaId = ?1 AND c.status <> 'left') AS refresherDue,
                           (SELECT p.dbsRenewalDue FROM championPrivate p CROSS JOIN champion c ON c.id = p.championId
                            WHERE p.dbsRenewalDue IS NOT NULL AND c.areaId = ?1 AND c.status <> 'left'
                            ORDER BY p.dbsRenewalDue LIMIT 1) AS dbsRenewalDue
                    """, arguments: [area.id])
                let checks = ChampionChecks.flags(
                    refresherDue: (earliest?["refresherDue"] as String?).flatMap(LocalDate.init(iso:)),
                    dbsRenewalDue: seesDBS ? (earliest?["dbsRenewalDue"] as String?).flatMap(LocalDate.init(iso:)) : nil,
                    today: today).map(\.status).max() ?? .pass
                return AreaSummary(area: area, activeChampions: row["activeCount"], champions: row["allCount"],
                                   nextMeeting: try Self.upcomingMeetings(db, areaID: area.id, today: today, limit: 1).first,
                                   ideasOpen: row["ideasOpen"], awaitingFeedback: row["awaiting"], feedbackOverdue: row["overdue"],
                                   checks: checks)
            }
        }
    }

    /// The full detail of one area.
    public func areaDetail(as actor: Actor, id: Int64, today: LocalDate) throws(StoreError) -> AreaDetail {
        try authorize(actor, .read, .area)
        try authorize(actor, .read, .champion)
        let detail: AreaDetail? = try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.*,
                       (SELECT COUNT(*) FROM champion c WHERE c.areaId = a.id AND c.active) AS activeCount,
                       (SELECT COUNT(*) FROM champion c WHERE c.areaId = a.id) AS allCount
                FROM area a WHERE a.id = ?
                """, arguments: [id]) else { return nil }
            let area = Area(id: row["id"], name: row["name"], retired: row["retired"])
            let upcoming = try Self.upcomingMeetings(db, areaID: id, today: today, limit: 10)
            let champions = try Row.fetchAll(db, sql: """
                SELECT * FROM champion WHERE areaId = ? ORDER BY active DESC, name
                """, arguments: [id]).map(Self.champion(from:))
            return AreaDetail(summary: AreaSummary(area: area, activeChampions: row["activeCount"],
                                                   champions: row["allCount"], nextMeeting: upcoming.first),
                              champions: champions, upcoming: upcoming)
        }
        guard var detail else { throw .notFound(what: "Area \(id)") }
        let summaries = try areas(as: actor, today: today, filter: detail.summary.area.name, offset: 0, limit: 50)
        if let s = summaries.first(where: { $0.area.id == id }) { detail.summary = s }
        detail.records = try championRecords(as: actor, areaID: id)
        detail.ideasHidden = AccessPolicy.scope(actor.role, .read, .idea) == .none
        detail.ideas = detail.ideasHidden ? [] : (try? ideas(as: actor, areaID: id)) ?? []
        detail.championNames = Dictionary(uniqueKeysWithValues: try champions(as: actor).map { ($0.id, $0.name) })
        detail.ladder = try ladder(as: actor, areaID: id)
        detail.feedbackDays = Int(try text(of: .ideaFeedbackDays)) ?? 28
        if let champion = actor.championID {
            detail.viewersArea = try read { db in
                try String.fetchOne(db, sql: "SELECT a.name FROM champion c JOIN area a ON a.id = c.areaId WHERE c.id = ?", arguments: [champion])
            }
        }
        return detail
    }

    static func upcomingMeetings(_ db: Database, areaID: Int64, today: LocalDate, limit: Int) throws -> [Meeting] {
        try Row.fetchAll(db, sql: """
            SELECT m.* FROM meeting m
            WHERE m.date >= ? AND EXISTS (
                SELECT 1 FROM meetingChampion mc CROSS JOIN champion c ON c.id = mc.championId
                WHERE mc.meetingId = m.id AND c.areaId = ?)
            ORDER BY m.date, m.startMinute, m.id LIMIT ?
            """, arguments: [today.iso, areaID, limit]).map { meeting(from: $0, championIDs: []) }
    }

    static func champion(from row: Row) -> ParentChampion {
        ParentChampion(id: row["id"], name: row["name"], areaID: row["areaId"],
                       trainedOn: (row["trainedOn"] as String?).flatMap(LocalDate.init(iso:)), active: row["active"])
    }

    /// A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped.
    static func like(_ text: String) -> String {
        "%" + text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}

extension AppDatabase {
    /// How many records of each kind the database holds, for `coproduce info`.
    public func recordCounts() throws(StoreError) -> [(String, Int)] {
        let tables = [("Areas", "area"), ("Champions", "champion"), ("Meetings", "meeting"), ("Crèches", "crechePlan"),
                      ("Accounts", "user"), ("Audit", "audit")]
        let counts = try read { db in
            try tables.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0.1)") ?? 0 }
        }
        return zip(tables.map(\.0), counts).map { ($0, $1) }
    }
}
