import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Records that a meeting's papers went to invited parents (office staff and admins): to
    /// each champion named, in a format, on a day. Sending again replaces the earlier entry.
    public func recordPapersSent(as actor: Actor, meetingID: Int64, championIDs: [Int64], format: PaperFormat, sentOn: LocalDate,
                                 today: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        var problems: [FieldIssue] = []
        if championIDs.isEmpty { problems.append(FieldIssue(field: "to", message: "Say who the papers went to.")) }
        if sentOn > today { problems.append(FieldIssue(field: "on", message: "\(sentOn.inWords) is still to come: record papers once they have gone.")) }
        guard problems.isEmpty else { throw .fields(problems) }
        try write { db in
            let invited = Set(try Int64.fetchAll(db, sql: "SELECT championId FROM meetingChampion WHERE meetingId = ?", arguments: [meetingID]))
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meeting WHERE id = ?)", arguments: [meetingID]) == true else {
                throw StoreError.notFound(what: "Meeting \(meetingID)")
            }
            if let stranger = championIDs.first(where: { !invited.contains($0) }) {
                let name = try String.fetchOne(db, sql: "SELECT name FROM champion WHERE id = ?", arguments: [stranger]) ?? "Champion \(stranger)"
                throw StoreError.fields([FieldIssue(field: "to", message: "\(name) is not invited to this meeting: invite them first (e).")])
            }
            for id in championIDs {
                try db.execute(sql: """
                    INSERT INTO paperSent (meetingId, championId, format, sentOn, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (meetingId, championId) DO UPDATE SET format = excluded.format, sentOn = excluded.sentOn,
                        recordedBy = excluded.recordedBy, recordedAt = excluded.recordedAt
                    """, arguments: [meetingID, id, format.rawValue, sentOn.iso, actor.name, now.timeIntervalSince1970])
            }
            try AuditLog.append(db, actor: actor, action: "papers sent", kind: "meeting", recordID: meetingID,
                                changes: [FieldChange(field: "papers", before: nil,
                                                      after: "to \(try championIDs.map { try Self.championLabel(db, $0) }.joined(separator: ", ")) by \(format.rawValue) on \(sentOn.iso)")],
                                at: now)
        }
    }
}
