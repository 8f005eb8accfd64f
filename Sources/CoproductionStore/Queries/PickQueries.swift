import Coproduction
import GRDB

/// A record as a form's picker names it: its id, its name and what tells it from others.
public struct NamedRecord: Hashable, Sendable {
    /// The id.
    public var id: Int64
    /// The name (a champion's, an area's, a meeting's title and date).
    public var name: String
    /// What tells it from others of the same name (a champion's area, a meeting's venue).
    public var detail: String

    /// A named record.
    public init(id: Int64, name: String, detail: String) {
        self.id = id
        self.name = name
        self.detail = detail
    }
}

extension AppDatabase {
    /// Champions by name with their area, active first (for pickers).
    public func championNames(as actor: Actor) throws(StoreError) -> [NamedRecord] {
        try authorize(actor, .read, .champion)
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.name, a.name AS area FROM champion c JOIN area a ON a.id = c.areaId
                ORDER BY c.status = 'active' DESC, c.name
                """).map { NamedRecord(id: $0["id"], name: $0["name"], detail: $0["area"]) }
        }
    }

    /// Areas still taking champions and ideas, by name.
    public func areaNames(as actor: Actor) throws(StoreError) -> [NamedRecord] {
        try authorize(actor, .read, .area)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM area WHERE retired = 0 ORDER BY name")
                .map { NamedRecord(id: $0["id"], name: $0["name"], detail: "") }
        }
    }

    /// Venues meetings have been held at, the most used first (at most 200).
    public func venueNames(as actor: Actor) throws(StoreError) -> [String] {
        try authorize(actor, .read, .meeting)
        return try read { db in
            try String.fetchAll(db, sql: """
                SELECT venue FROM meeting WHERE trim(venue) <> '' GROUP BY venue ORDER BY COUNT(*) DESC, venue LIMIT 200
                """)
        }
    }

    /// Meetings from `from` to `to`, by date, with their start (for picking one by title).
    public func meetingNames(as actor: Actor, from: LocalDate, to: LocalDate) throws(StoreError) -> [(record: NamedRecord, date: LocalDate, start: TimeOfDay)] {
        try authorize(actor, .read, .meeting)
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, title, date, startMinute, venue FROM meeting WHERE date BETWEEN ? AND ?
                  AND status <> 'cancelled'
                ORDER BY date, startMinute LIMIT 2000
                """, arguments: [from.iso, to.iso]).compactMap { row in
                guard let date = LocalDate(iso: row["date"]), let start = TimeOfDay(minutes: row["startMinute"]) else { return nil }
                return (NamedRecord(id: row["id"], name: row["title"], detail: row["venue"]), date, start)
            }
        }
    }
}
