import Coproduction
import Foundation
import GRDB

/// Whose own calendar to write.
public enum CalendarPerson: Hashable, Sendable {
    /// A Parent Champion's, by their id.
    case champion(Int64)
    /// A crèche worker's sessions, by their account's id.
    case staffUser(Int64)
}

extension AppDatabase {
    /// Meetings between two days (inclusive) as calendar events, cancelled ones included (as
    /// cancelled), with the agenda as the description and an alarm at each of the
    /// `reminder-offsets`. A series with any meeting in the window comes whole: its master
    /// event with the rule, and an event for each of its meetings that differs from the master
    /// (see ``ICalendarWriter``). With `person`, only that person's own calendar: a
    /// champion's meetings and the pre-meetings preparing them, with their child's crèche
    /// place in the description; a crèche worker's sessions on the rota. A series goes as
    /// one only when every meeting of it is theirs.
    public func calendarEvents(as actor: Actor, from: LocalDate, to: LocalDate, for person: CalendarPerson? = nil) throws(StoreError) -> [CalendarEvent] {
        var events: [CalendarEvent] = []
        try forEachCalendarPage(as: actor, from: from, to: to, for: person) { events += $0 }
        return events
    }

    /// The same events as ``calendarEvents(as:from:to:for:)``, in the same order, handed to
    /// `body` a page at a time as they are read (in one read transaction), so a calendar of
    /// every meeting is written with memory for one page.
    public func forEachCalendarPage(as actor: Actor, from: LocalDate, to: LocalDate, for person: CalendarPerson? = nil,
                                    pageSize: Int = 2000, _ body: ([CalendarEvent]) throws -> Void) throws(StoreError) {
        try authorize(actor, .read, .meeting)
        if let person, actor.role != .admin && actor.role != .office {
            let own: Bool
            switch person {
            case .champion(let id): own = actor.championID == id
            case .staffUser(let id): own = actor.userID == id
            }
            guard own else { throw .denied(AccessDenied(role: actor.role, operation: .read, kind: .meeting)) }
        }
        let alarms = (try? ReminderOffset.parse(try text(of: .reminderOffsets)).get()) ?? []
        let size = max(1, pageSize)
        try streamingRead { db in
            let select = """
                SELECT m.*, (SELECT json_group_array(json_object('id', a.id, 'title', a.title, 'summary', a.summary))
                             FROM (SELECT * FROM agendaItem WHERE meetingId = m.id ORDER BY position) a) AS agendaJSON
                FROM meeting m
                """
            var mine = "1"
            var mineArgs: [(any DatabaseValueConvertible)?] = []
            switch person {
            case .champion(let id)?:
                mine = """
                    (m.id IN (SELECT meetingId FROM meetingChampion WHERE championId = ?)
                     OR m.preparesId IN (SELECT meetingId FROM meetingChampion WHERE championId = ?))
                    """
                mineArgs = [id, id]
            case .staffUser(let id)?:
                mine = "m.id IN (SELECT meetingId FROM crecheStaff WHERE userId = ?)"
                mineArgs = [id]
            case nil: break
            }
            // A series is one event only when all its meetings are in this calendar: every
            // meeting of a series with a day in the window is, unless it is not this person's.
            var whole: Set<Int64> = []
            let seriesArguments: [(any DatabaseValueConvertible)?] = mineArgs + [from.iso, to.iso]
            for r in try Row.fetchAll(db, sql: """
                SELECT m.seriesId AS id, COUNT(*) AS n, SUM(CASE WHEN \(mine) THEN 1 ELSE 0 END) AS chosen FROM meeting m
                WHERE m.seriesId IN (SELECT seriesId FROM meeting WHERE date BETWEEN ? AND ?) GROUP BY m.seriesId
                """, arguments: StatementArguments(seriesArguments)) where (r["n"] as Int) == (r["chosen"] as Int) {
                whole.insert(r["id"])
            }
            let series = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT * FROM meetingSeries WHERE id IN (SELECT seriesId FROM meeting WHERE date BETWEEN ? AND ?)
                """, arguments: [from.iso, to.iso]).map { ($0["id"] as Int64, $0) }.filter { whole.contains($0.0) })
            var masters: [Int64: CalendarEvent] = [:]
            // The calendar's meetings in order, by id alone (eight bytes each), then read a
            // page at a time: the window's condition cannot walk the date index, so a page
            // that started where the last ended would sort the table again each time.
            let order = try Int64.fetchAll(db, sql: """
                SELECT m.id FROM meeting m
                WHERE (m.date BETWEEN ? AND ? OR m.seriesId IN (SELECT seriesId FROM meeting WHERE date BETWEEN ? AND ?)) AND \(mine)
                ORDER BY m.date, m.startMinute, m.id
                """, arguments: StatementArguments([from.iso, to.iso, from.iso, to.iso] + mineArgs))
            for start in stride(from: 0, to: order.count, by: size) {
                let part = order[start..<min(start + size, order.count)]
                // A cursor: each row read where it lies (a copied row looks its columns up one by one).
                let rows = try Row.fetchCursor(db.cachedStatement(sql: select + """
                     WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.date, m.startMinute, m.id
                    """), arguments: ["[" + part.map(String.init).joined(separator: ",") + "]"])
                var events: [CalendarEvent] = []
                while let row = try rows.next() {
                    var event = Self.event(row)
                    event.alarms = alarms
                    if case .champion(let id)? = person {
                        let children = try String.fetchAll(db, sql: """
                            SELECT k.firstName FROM booking b JOIN child k ON k.id = b.childId WHERE b.meetingId = ? AND k.parentChampionId = ?
                            ORDER BY k.firstName
                            """, arguments: [row["id"], id])
                        if !children.isEmpty { event.description += "\n\nCrèche place booked for \(children.joined(separator: " and "))." }
                    }
                    guard let seriesID: Int64 = row["seriesId"], let s = series[seriesID], let rule = Self.seriesRule(s),
                          let slot = (row["seriesDate"] as String?).flatMap(LocalDate.init(iso:)), rule.occurrences.contains(slot) else {
                        // Outside the window, a meeting not in a series was read only for its series.
                        if Self.within(row, from, to) || series[row["seriesId"] ?? -1] != nil { events.append(event) }
                        continue
                    }
                    let base = Self.baseDescription(Self.meeting(from: row, championIDs: []))
                    if masters[seriesID] == nil {
                        // The series' master, from its first meeting: read once, when first met.
                        let members = try Row.fetchAll(db, sql: "SELECT status, seriesDate FROM meeting WHERE seriesId = ?", arguments: [seriesID])
                        var master = Self.master(s, rule: rule, members: members, base: base)
                        master.alarms = alarms
                        masters[seriesID] = master
                        events.append(master)
                    }
                    guard var master = masters[seriesID] else { continue }
                    master.description = base
                    if (row["status"] as String) == "cancelled" { continue }  // an EXDATE on the master
                    event.uid = master.uid
                    event.recurrenceID = LocalDateTime(date: slot, time: master.start.time)
                    let same = event.start == LocalDateTime(date: slot, time: master.start.time) && event.end.time == master.end.time
                        && event.summary == master.summary && event.location == master.location && event.description == master.description
                    if !same { events.append(event) }
                }
                if !events.isEmpty { try body(events) }
            }
        }
    }

    static func within(_ row: Row, _ from: LocalDate, _ to: LocalDate) -> Bool {
        guard let d = LocalDate(iso: row["date"]) else { return false }
        return d >= from && d <= to
    }

    /// A series' master event: what its meetings share, its rule, and an EXDATE for each of
    /// the rule's days with no meeting on (deleted, cancelled, or moved into another series).
    static func master(_ s: Row, rule: SeriesRule, members: [Row], base: String) -> CalendarEvent {
        let start = TimeOfDay(minutes: s["startMinute"]) ?? TimeOfDay(minutes: 0)!
        let end = TimeOfDay(minutes: min(1439, s["endMinute"] as Int)) ?? start
        let live = Set(members.filter { ($0["status"] as String) != "cancelled" }.compactMap { ($0["seriesDate"] as String?).flatMap(LocalDate.init(iso:)) })
        var master = CalendarEvent(uid: s["uid"], summary: s["title"], start: LocalDateTime(date: rule.first, time: start),
                                   end: LocalDateTime(date: rule.first, time: end), location: s["venue"], description: base,
                                   cancelled: false, sequence: max(0, (s["version"] as Int) - 1))
        master.recurrenceRule = rule.rrule
        master.exceptionDates = rule.occurrences.filter { !live.contains($0) }.map { LocalDateTime(date: $0, time: start) }
        return master
    }

    /// The kind (and group) a meeting's description starts with.
    static func baseDescription(_ m: Meeting) -> String { m.kind.name + (m.kind.groupName.map { ": \($0)" } ?? "") }

    /// One meeting as an event of its own.
    static func event(_ row: Row) -> CalendarEvent {
        let m = Self.meeting(from: row, championIDs: [])
        var description = baseDescription(m)
        let agenda = Self.agenda(from: row["agendaJSON"])
        if !agenda.isEmpty {
            description += "\n\nAgenda:\n" + agenda.enumerated().map { i, item in
                "\(i + 1). \(item.title)" + (item.summary.isEmpty ? "" : " — \(item.summary)")
            }.joined(separator: "\n")
        }
        if m.status == .cancelled { description += "\n\nCancelled: \(m.cancelReason ?? "")" }
        return CalendarEvent(uid: row["uid"], summary: m.title, start: m.startsAt, end: LocalDateTime(date: m.date, time: m.end),
                             location: m.venue, description: description, cancelled: m.status == .cancelled,
                             sequence: max(0, (row["version"] as Int) - 1))
    }
}
