import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Meetings between two days (inclusive) as calendar events, cancelled ones included (as
    /// cancelled), with the agenda as the description.
    public func calendarEvents(as actor: Actor, from: LocalDate, to: LocalDate) throws(StoreError) -> [CalendarEvent] {
        try authorize(actor, .read, .meeting)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.*, (SELECT json_group_array(json_object('id', a.id, 'title', a.title, 'summary', a.summary))
                             FROM (SELECT * FROM agendaItem WHERE meetingId = m.id ORDER BY position) a) AS agendaJSON
                FROM meeting m WHERE m.date BETWEEN ? AND ? ORDER BY m.date, m.startMinute, m.id
                """, arguments: [from.iso, to.iso])
            return rows.map { row in
                let m = Self.meeting(from: row, championIDs: [])
                var description = m.kind.name + (m.kind.groupName.map { ": \($0)" } ?? "")
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
    }
}
