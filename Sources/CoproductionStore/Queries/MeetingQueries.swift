import Coproduction
import Foundation
import GRDB

/// One meeting as the lists show it: the facts the barrier checks need, plus their result.
public struct MeetingListItem: Hashable, Sendable {
    /// The meeting, its crèche and its pre-meetings.
    public var facts: MeetingFacts
    /// The worst barrier status.
    public var status: CheckStatus
    /// Named children in the crèche now, signed out, and not arrived yet.
    public var register: (inNow: Int, signedOut: Int, toCome: Int) = (0, 0, 0)
    /// For a Parent Champion reading: their own answer to the invitation (nil: not invited).
    public var myResponse: Response?
    /// For a Parent Champion reading: the first names of their children booked into its crèche.
    public var myChildren: [String] = []

    /// Equality by the facts and status (the register counts follow from the facts' data).
    public static func == (a: MeetingListItem, b: MeetingListItem) -> Bool {
        a.facts == b.facts && a.status == b.status && a.register == b.register && a.myResponse == b.myResponse && a.myChildren == b.myChildren
    }

    /// Hashes the facts and status.
    public func hash(into h: inout Hasher) {
        h.combine(facts)
        h.combine(status)
    }

    /// The meeting.
    public var meeting: Meeting { facts.meeting }
}

/// A meeting with everything its detail view shows.
public struct MeetingDetail: Hashable, Sendable {
    /// The meeting, its crèche and its pre-meetings.
    public var facts: MeetingFacts
    /// Where its crèche's day stands against the registration exemptions (read for the
    /// crèche page).
    public var registration: RegistrationStanding?
    /// The items every agenda of its body carries before its own, made from the record
    /// (never stored with the agenda): declarations of interest at a Board, the decisions
    /// of a last meeting that was not quorate, the last meeting's minutes and open actions.
    public var standingItems: [AgendaItem] = []
    /// Whether it counted, once held (nil when the quorum does not apply or it is not held).
    public var quorate: Bool?
    /// The interests declared at it, as far as the reader may see them.
    public var declared: [Interest] = []
    /// Whether its minutes are approved (once held), and their addenda.
    public var minutes: MinutesStanding?
    /// Names of the champions attending, in the order shown.
    public var championNames: [String]
    /// Areas of the champions attending, matching ``championNames``.
    public var championAreas: [String]
    /// Each champion's answer, matching ``championNames``.
    public var championResponses: [Response]
    /// For a pre-meeting: the meeting it prepares.
    public var prepares: Meeting?
    /// Pre-meetings that prepare this meeting.
    public var preMeetings: [Meeting]
    /// The row's version: a save made from an older version is refused.
    public var version: Int
    /// What happened, once the meeting is recorded as held.
    public var record: MeetingRecord?
    /// Each champion's id, matching ``championNames``.
    public var championIDs: [Int64] = []
    /// Its rung on the ladder of co-production, if tagged.
    public var rung: Rung?
    /// The accounts of the crèche staff on its rota (so a worker sees which registers are
    /// theirs); read only for crèche staff.
    public var rotaUserIDs: [Int64] = []
    /// For a Parent Champion reading: the first names of their children booked into its crèche.
    public var myChildren: [String] = []
    /// The series it belongs to, if it repeats.
    public var series: SeriesStanding?

    /// A meeting's detail, as the store reads it (tests make their own).
    public init(facts: MeetingFacts, championNames: [String], championAreas: [String], championResponses: [Response],
                prepares: Meeting?, preMeetings: [Meeting], version: Int, record: MeetingRecord?, championIDs: [Int64] = [],
                rung: Rung? = nil, rotaUserIDs: [Int64] = []) {
        self.facts = facts
        self.championNames = championNames
        self.championAreas = championAreas
        self.championResponses = championResponses
        self.prepares = prepares
        self.preMeetings = preMeetings
        self.version = version
        self.record = record
        self.championIDs = championIDs
        self.rung = rung
        self.rotaUserIDs = rotaUserIDs
    }

}

/// Where a walk through the meetings has reached: the last meeting read, in list order.
struct MeetingKey: Sendable {
    var date: String
    var start: Int
    var id: Int64
}

/// One page of a walk through the meetings in list order: their ids, and the days of its
/// first and last (every meeting on a day between them is on the page).
struct MeetingPage: Sendable {
    var ids: [Int64]
    var firstDay: String
    var lastDay: String
}

extension AppDatabase {
    /// A child's age in whole years on the day of the meeting (`k` is the child, `m` the
    /// meeting): the age band is taken on the day of care, not today.
    static let ageOnMeetingDay = """
        ((CAST(substr(m.date, 1, 4) AS INTEGER) - CAST(substr(k.dateOfBirth, 1, 4) AS INTEGER)) \
        - (substr(m.date, 6) < substr(k.dateOfBirth, 6)))
        """

    /// The SQL condition for a member of crèche staff's own sessions (nil: every crèche).
    static func staffedCondition(_ userID: Int64?) -> String {
        guard let userID else { return "" }
        return " AND EXISTS (SELECT 1 FROM crecheStaff s WHERE s.meetingId = m.id AND s.userId = \(userID))"
    }

    /// Only the meetings a champion is invited to (and the pre-meetings of those), when given.
    static func invitedCondition(_ champion: Int64?) -> String {
        guard let champion else { return "" }
        return """
             AND (EXISTS (SELECT 1 FROM meetingChampion i WHERE i.meetingId = m.id AND i.championId = \(champion))
                  OR EXISTS (SELECT 1 FROM meetingChampion i WHERE i.meetingId = m.preparesId AND i.championId = \(champion)))
            """
    }

    /// The SQL condition a list filter adds: every word must appear in the title, venue,
    /// group or kind (case-insensitive).
    static func meetingFilter(_ filter: String) -> (sql: String, arguments: [String]) {
        let words = filter.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return ("1", []) }
        var parts: [String] = []
        var args: [String] = []
        for w in words {
            // One column (title, venue, group and kind, kept by triggers) carried in the
            // date index: the filter reads the index, not the rows.
            parts.append("m.searchText LIKE ? ESCAPE '\\'")
            args.append(Self.like(w))
        }
        return (parts.joined(separator: " AND "), args)
    }

    /// How many meetings on or after `from` (or, with `past`, before it) match the filter;
    /// with `atMost`, no more than that many are counted.
    /// `staffedBy` (a user id) keeps only the sessions that person works on the rota.
    public func countMeetings(as actor: Actor, from: LocalDate, filter: String = "", withCrecheOnly: Bool = false,
                              invitedChampion: Int64? = nil, staffedBy: Int64? = nil, past: Bool = false,
                              atMost: Int? = nil) throws(StoreError) -> Int {
        try authorize(actor, .read, withCrecheOnly ? .creche : .meeting)
        let f = Self.meetingFilter(filter)
        let creche = (withCrecheOnly ? "AND m.hasCreche = 1" : "")
            + Self.invitedCondition(invitedChampion) + Self.staffedCondition(staffedBy)
        return try read { db in
            // Unfiltered, for everyone who sees every meeting: the tallies kept by day (v33),
            // a row a day rather than a row a meeting.
            if f.arguments.isEmpty && invitedChampion == nil && staffedBy == nil {
                let total = try Int.fetchOne(db.cachedStatement(sql: """
                    SELECT ifnull(SUM(\(withCrecheOnly ? "creches" : "meetings")), 0) FROM meetingDayCount WHERE date \(past ? "<" : ">=") ?
                    """), arguments: [from.iso]) ?? 0
                return atMost.map { min($0, total) } ?? total
            }
            // With `atMost`, counting stops there: a filter as it is typed needs to know
            // "more than a thousand", not how many more.
            return try Int.fetchOne(db.cachedStatement(sql: """
                SELECT COUNT(*) FROM (SELECT 1 FROM meeting m WHERE m.date \(past ? "<" : ">=") ? AND \(f.sql) \(creche) LIMIT ?)
                """), arguments: StatementArguments([from.iso] + f.arguments) + [atMost ?? -1]) ?? 0
        }
    }

    /// One window of the meetings on or after `from`, soonest first (or, with `past`, those
    /// before it, latest first), with their checks.
    /// Only `limit` rows are read: the lists ask for what they show. Given the list's `total`,
    /// a window in its second half is read from the end, so jumping to the last row costs
    /// no more than the first (an offset is stepped over row by row).
    public func meetings(as actor: Actor, from: LocalDate, filter: String = "", offset: Int, limit: Int,
                         withCrecheOnly: Bool = false, invitedChampion: Int64? = nil, past: Bool = false,
                         total: Int? = nil, checker: BarrierChecker = BarrierChecker()) throws(StoreError) -> [MeetingListItem] {
        let ids = try meetingIDs(as: actor, from: from, filter: filter, offset: offset, limit: limit, withCrecheOnly: withCrecheOnly,
                                 invitedChampion: invitedChampion, past: past, total: total)
        return try meetings(as: actor, ids: ids, checker: checker)
    }

    /// The ids of one window of meetings, in list order: the window's order read from the
    /// date index alone, for the lists to fetch only rows they have not read already.
    public func meetingIDs(as actor: Actor, from: LocalDate, filter: String = "", offset: Int, limit: Int,
                           withCrecheOnly: Bool = false, invitedChampion: Int64? = nil, staffedBy: Int64? = nil, past: Bool = false,
                           total: Int? = nil) throws(StoreError) -> [Int64] {
        try authorize(actor, .read, .meeting)
        if withCrecheOnly { try authorize(actor, .read, .creche) }
        let f = Self.meetingFilter(filter)
        let creche = (withCrecheOnly ? "AND m.hasCreche = 1" : "")
            + Self.invitedCondition(invitedChampion) + Self.staffedCondition(staffedBy)
        // From the end: the same rows in the opposite order, turned round after reading.
        let fromEnd = total.map { offset > $0 / 2 } ?? false
        let descending = past != fromEnd
        let skip = fromEnd ? max(0, (total ?? 0) - offset - limit) : offset
        let take = fromEnd ? min(limit, max(0, (total ?? 0) - offset)) : limit
        return try read { db in
            // A cached statement: the lists ask for a window on every scroll and filter key.
            let ids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT m.id FROM meeting m
                WHERE m.date \(past ? "<" : ">=") ? AND \(f.sql) \(creche)
                ORDER BY \(descending ? "m.date DESC, m.startMinute DESC, m.id DESC" : "m.date, m.startMinute, m.id")
                LIMIT ? OFFSET ?
                """), arguments: StatementArguments([from.iso] + f.arguments) + [take, skip])
            return fromEnd ? ids.reversed() : ids
        }
    }

    /// Meetings by id with their checks, in the order given (ids no longer there are left out).
    public func meetings(as actor: Actor, ids: [Int64], checker: BarrierChecker = BarrierChecker()) throws(StoreError) -> [MeetingListItem] {
        try authorize(actor, .read, .meeting)
        guard !ids.isEmpty else { return [] }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let items: [Int64: MeetingListItem] = try read { db in
            var cache = MeetingFactsCache()
            var byID: [Int64: MeetingListItem] = [:]
            for (id, read) in try Self.meetingFacts(db, ids: ids, actor: actor, cache: &cache) {
                var item = MeetingListItem(facts: read.facts, status: checker.overall(read.facts))
                item.register = read.register
                byID[id] = item
            }
            // A champion's own answer and own children, for their screens ("You: coming").
            if actor.role == .champion, let champion = actor.championID {
                for r in try Row.fetchAll(db, sql: """
                    SELECT meetingId, response FROM meetingChampion WHERE championId = ? AND meetingId IN (SELECT value FROM json_each(?))
                    """, arguments: [champion, list]) {
                    byID[r["meetingId"]]?.myResponse = Response(rawValue: r["response"])
                }
                for r in try Row.fetchAll(db, sql: """
                    SELECT b.meetingId, k.firstName FROM booking b JOIN child k ON k.id = b.childId
                    WHERE k.parentChampionId = ? AND b.meetingId IN (SELECT value FROM json_each(?)) ORDER BY k.firstName
                    """, arguments: [champion, list]) {
                    byID[r["meetingId"]]?.myChildren.append(r["firstName"])
                }
            }
            return byID
        }
        return ids.compactMap { items[$0] }
    }

    /// Every meeting from `from` to `to` (both inclusive; nil: no end), soonest first, with
    /// their checks, handed to `body` a page of `pageSize` at a time as each is read. Each
    /// page starts where the last one ended (never stepping over an offset), and its facts are
    /// read in a fixed number of set-based queries, so memory stays flat and the time grows
    /// only with the meetings read: the batch commands' way through the whole table.
    public func forEachMeetingPage(as actor: Actor, from: LocalDate, to: LocalDate? = nil, pageSize: Int = 1000,
                                   checker: BarrierChecker = BarrierChecker(),
                                   _ body: ([MeetingListItem]) throws -> Void) throws(StoreError) {
        try forEachMeetingPage(as: actor, from: from, to: to, pageSize: pageSize, { read in
            var item = MeetingListItem(facts: read.facts, status: checker.overall(read.facts))
            item.register = read.register
            return item
        }, body)
    }

    /// The walk of ``forEachMeetingPage(as:from:to:pageSize:checker:_:)``, with what is made
    /// of each meeting's facts (`make`: its checks, a row of an export) worked out off the
    /// thread that writes. Pages are read on two read-only connections of their own, each
    /// given up to two pages to read one after the other (each page in its own read
    /// transaction, as before), while this thread finds the next pages' meetings and hands the
    /// pages to `body` in order: on two cores both stay busy while the pages are written.
    /// Without the connections (they could not be opened) pages are read one at a time here.
    func forEachMeetingPage<T: Sendable>(as actor: Actor, from: LocalDate, to: LocalDate? = nil, pageSize: Int = 1000,
                                         _ make: @escaping @Sendable (MeetingRowFacts) -> T,
                                         _ body: ([T]) throws -> Void) throws(StoreError) {
        try authorize(actor, .read, .meeting)
        let size = max(1, pageSize)
        // The next page's ids, in list order, after `position`, with its first and last.
        @Sendable func keys(_ db: Database, after position: MeetingKey?) throws -> (ids: [Int64], first: MeetingKey?, last: MeetingKey?) {
            var sql = "SELECT m.id, m.date, m.startMinute FROM meeting m WHERE "
            var arguments: StatementArguments
            if let position {
                sql += "(m.date, m.startMinute, m.id) > (?, ?, ?)"
                arguments = [position.date, position.start, position.id]
            } else {
                sql += "m.date >= ?"
                arguments = [from.iso]
            }
            if let to {
                sql += " AND m.date <= ?"
                arguments += [to.iso]
            }
            sql += " ORDER BY m.date, m.startMinute, m.id LIMIT ?"
            arguments += [size]
            let rows = try SQLiteRows(db, sql: sql, arguments: arguments)
            var ids: [Int64] = []
            ids.reserveCapacity(size)
            var first: MeetingKey?, last: MeetingKey?
            while let r = try rows.next() {
                let id = r.int64(0)
                ids.append(id)
                // The day's text is made again only when the day changes.
                if last == nil || !r.bytes(1).elementsEqual(last!.date.utf8) {
                    last = MeetingKey(date: r.text(1), start: r.int(2), id: id)
                } else {
                    last?.start = r.int(2)
                    last?.id = id
                }
                if first == nil { first = last }
            }
            return (ids, first, last)
        }
        // One page's facts, made into what the walk hands out, in the ids' order. Every meeting
        // on the days between the page's first and last is on the page.
        @Sendable func page(_ db: Database, _ page: MeetingPage, _ cache: inout MeetingFactsCache) throws -> [T] {
            let read = try Self.meetingFacts(db, ids: page.ids, actor: actor, cache: &cache, wholeDaysBetween: (page.firstDay, page.lastDay))
            return page.ids.compactMap { read[$0].map(make) }
        }
        func hand(_ items: [T]) throws(StoreError) {
            guard !items.isEmpty else { return }
            do {
                try body(items)
            } catch let error as StoreError {
                throw error
            } catch {
                throw .invalid("Stopped: \(error.localizedDescription).")
            }
        }
        var after: MeetingKey?
        var more = true
        // The pages are found on a read-only connection of their own when one opens (see
        // ``secondReader()``), else on this one.
        let finder = secondReader()
        defer { try? finder?.close() }
        // The next page, or nil when the walk is over.
        func nextPage() throws(StoreError) -> MeetingPage? {
            guard more else { return nil }
            let position = after
            let found: (ids: [Int64], first: MeetingKey?, last: MeetingKey?)
            if let finder {
                do { found = try finder.read { db in try keys(db, after: position) } } catch {
                    throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
                }
            } else {
                found = try read { db in try keys(db, after: position) }
            }
            more = found.ids.count == size
            after = found.last
            guard let first = found.first, let last = found.last else { return nil }
            return MeetingPage(ids: found.ids, firstDay: first.date, lastDay: last.date)
        }

        let workers = (0..<2).compactMap { _ in secondReader() }.map(PageWorker.init)
        guard !workers.isEmpty else {
            var cache = MeetingFactsCache()
            while let next = try nextPage() {
                let carried = cache
                let (items, kept): ([T], MeetingFactsCache) = try read { db in
                    var cache = carried
                    return (try page(db, next, &cache), cache)
                }
                cache = kept
                try hand(items)
            }
            return
        }
        defer { for worker in workers { try? worker.connection.close() } }
        // The pages being read, oldest first: one a worker. None outlives the walk, whatever
        // is thrown (this runs before the connections close).
        var reading: [PageSlot<[T]>] = []
        defer { for slot in reading { slot.done.wait() } }
        // Two pages a worker: one being read and one waiting, so a worker that finishes
        // before the page ahead of it has the next to start on. Each goes to the worker with
        // the fewest to read.
        func fill() throws(StoreError) {
            while reading.count < 2 * workers.count, let next = try nextPage() {
                let worker = workers.min { $0.pending.value < $1.pending.value }!
                worker.pending.update { $0 += 1 }
                let slot = PageSlot<[T]>()
                worker.queue.async {
                    slot.result.set(Result {
                        try worker.connection.read { db in
                            var cache = worker.cache.value
                            defer { worker.cache.set(cache) }
                            return try page(db, next, &cache)
                        }
                    })
                    worker.pending.update { $0 -= 1 }
                    slot.done.signal()
                }
                reading.append(slot)
            }
        }
        try fill()
        while !reading.isEmpty {
            let slot = reading.removeFirst()
            slot.done.wait()
            // The worker just freed starts on the page after next before this one is handed on.
            try fill()
            switch slot.result.value {
            case .success(let items)?: try hand(items)
            case .failure(let error)?: throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
            case nil: break
            }
        }
    }

    /// The full detail of one meeting.
    public func meetingDetail(as actor: Actor, id: Int64) throws(StoreError) -> MeetingDetail {
        try authorize(actor, .read, .meeting)
        try authorize(actor, .read, .creche)
        let detail: MeetingDetail? = try read { db in
            var cache = MeetingFactsCache()
            guard let read = try Self.meetingFacts(db, ids: [id], actor: actor, cache: &cache)[id] else { return nil }
            let facts = read.facts
            let champions = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT ch.id, ch.name, a.name AS area, mc.response FROM meetingChampion mc
                JOIN champion ch ON ch.id = mc.championId JOIN area a ON a.id = ch.areaId
                WHERE mc.meetingId = ? ORDER BY ch.name
                """), arguments: [id])
            var prepares: Meeting?
            if let target = facts.meeting.kind.preparedMeetingID,
               let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT m.* FROM meeting m WHERE m.id = ?"), arguments: [target]) {
                prepares = Self.meeting(from: r, championIDs: [])
            }
            let pre = try Row.fetchAll(db.cachedStatement(sql: "SELECT m.* FROM meeting m WHERE m.preparesId = ? ORDER BY m.date, m.startMinute"),
                                       arguments: [id]).map { Self.meeting(from: $0, championIDs: []) }
            return MeetingDetail(facts: facts, championNames: champions.map { $0["name"] },
                                 championAreas: champions.map { $0["area"] },
                                 championResponses: champions.map { Response(rawValue: $0["response"]) ?? .invited },
                                 prepares: prepares, preMeetings: pre,
                                 version: read.version, record: nil, championIDs: champions.map { $0["id"] })
        }
        guard var detail else { throw .notFound(what: "Meeting \(id)") }
        detail.record = try meetingRecord(as: actor, id: id)
        let meeting = detail.facts.meeting
        if AccessPolicy.scope(actor.role, .read, .interest) != .none { detail.declared = try interests(as: actor, meetingID: id) }
        detail.minutes = try read { db in try Self.minutesStanding(db, id) }
        detail.series = try read { db in try Self.seriesStanding(db, id) }
        (detail.standingItems, detail.quorate) = try read { db in
            (try Self.standingItems(db, meeting),
             try Bool.fetchOne(db, sql: "SELECT quorate FROM meeting WHERE id = ?", arguments: [id]))
        }
        if actor.role == .champion, let champion = actor.championID {
            detail.myChildren = try read { db in
                try String.fetchAll(db, sql: """
                    SELECT k.firstName FROM booking b JOIN child k ON k.id = b.childId WHERE b.meetingId = ? AND k.parentChampionId = ?
                    ORDER BY k.firstName
                    """, arguments: [id, champion])
            }
        }
        // The rota's accounts matter only to crèche staff (which registers are theirs).
        let withRota = actor.role == .crecheStaff
        (detail.rung, detail.rotaUserIDs) = try read { db in
            (try String.fetchOne(db.cachedStatement(sql: "SELECT rung FROM meeting WHERE id = ?"), arguments: [id]).flatMap(Rung.init(rawValue:)),
             withRota ? try Int64.fetchAll(db.cachedStatement(sql: "SELECT userId FROM crecheStaff WHERE meetingId = ? AND userId IS NOT NULL"),
                                           arguments: [id]) : [])
        }
        return detail
    }

    static func meeting(from row: Row, championIDs: [Int64], confirmed: [Int64]? = nil) -> Meeting {
        let kind = MeetingKind(code: row["kind"], groupName: row["groupName"], preparedMeetingID: row["preparesId"])
            ?? .serviceDesign
        return Meeting(id: row["id"], kind: kind, title: row["title"],
                       date: LocalDate(iso: row["date"]) ?? LocalDate(year: 1970, month: 1, day: 1)!,
                       start: TimeOfDay(minutes: row["startMinute"]) ?? TimeOfDay(minutes: 0)!,
                       end: TimeOfDay(minutes: min(1439, row["endMinute"] as Int)) ?? TimeOfDay(minutes: 0)!,
                       venue: row["venue"], championIDs: championIDs, confirmed: confirmed,
                       otherParents: row["otherParents"],
                       status: MeetingStatus(rawValue: row["status"] ?? "planned") ?? .planned, cancelReason: row["cancelReason"])
    }

    /// The standing items of a meeting's agenda, from the last held meeting of the same body
    /// (the same kind, and the same group or committee).
    static func standingItems(_ db: Database, _ m: Meeting) throws -> [AgendaItem] {
        guard m.kind.needsParentChampion else { return [] }
        var items: [AgendaItem] = []
        if m.kind == .partnershipBoard {
            items.append(AgendaItem(id: 0, title: "Declarations of interest",
                                    summary: "Anyone with an interest in an item says so now; it is kept with this meeting."))
        }
        guard let last = try Row.fetchOne(db, sql: """
            SELECT id, date, quorate FROM meeting WHERE kind = ? AND ifnull(groupName, '') = ? AND status = 'held'
              AND (date < ? OR (date = ? AND startMinute < ?)) ORDER BY date DESC, startMinute DESC LIMIT 1
            """, arguments: [m.kind.code, m.kind.groupName ?? "", m.date.iso, m.date.iso, m.start.minutes]),
              let day = LocalDate(iso: last["date"]) else { return items }
        let lastID: Int64 = last["id"]
        let provisional = try String.fetchAll(db, sql: "SELECT text FROM decision WHERE meetingId = ? AND provisional ORDER BY position",
                                              arguments: [lastID])
        if (last["quorate"] as Bool?) == false && !provisional.isEmpty {
            items.append(AgendaItem(id: 0, title: "Agree the decisions of \(day.inWords), made when too few parents were there",
                                    summary: provisional.joined(separator: "; ")))
        }
        items.append(AgendaItem(id: 0, title: "Minutes of the last meeting (\(day.inWords))", summary: "To agree they are a true record."))
        let open = try String.fetchAll(db, sql: """
            SELECT what || CASE WHEN owner <> '' THEN ' (' || owner || ')' ELSE '' END FROM actionItem WHERE meetingId = ? AND NOT done ORDER BY position
            """, arguments: [lastID])
        if !open.isEmpty { items.append(AgendaItem(id: 0, title: "Actions from last time", summary: open.joined(separator: "; "))) }
        return items
    }

    private struct AgendaJSON: Decodable { var id: Int64; var title: String; var summary: String }

    static func agenda(from json: String?) -> [AgendaItem] {
        guard let json, let items = try? JSONDecoder().decode([AgendaJSON].self, from: Data(json.utf8)) else { return [] }
        return items.map { AgendaItem(id: $0.id, title: $0.title, summary: $0.summary) }
    }

}
