import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Records a Parent Champion's access need (office staff and admins; a champion their own).
    public func addAccessNeed(as actor: Actor, championID: Int64, need: AccessNeed, language: String = "", now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .accessNeed, needed: .own)
        if AccessPolicy.scope(actor.role, .write, .accessNeed) != .all && actor.championID != championID {
            throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .accessNeed))
        }
        let lang = language.trimmingCharacters(in: .whitespaces)
        if need == .interpreter && lang.isEmpty { throw .fields([FieldIssue(field: "language", message: "Say which language the interpreter is for.")]) }
        try write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO accessNeed (championId, need, language, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?)
                """, arguments: [championID, need.rawValue, need == .interpreter ? lang : "", actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: "access need", kind: "champion", recordID: championID,
                                changes: [FieldChange(field: "access need", before: nil, after: "recorded")], at: now)
        }
    }

    /// A champion's access needs, for those who may see them.
    public func accessNeeds(as actor: Actor, championID: Int64) throws(StoreError) -> [PersonNeed] {
        try authorize(actor, .read, .accessNeed, needed: .own)
        if AccessPolicy.scope(actor.role, .read, .accessNeed) != .all && actor.championID != championID {
            throw .denied(AccessDenied(role: actor.role, operation: .read, kind: .accessNeed))
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.name, a.need, a.language FROM accessNeed a JOIN champion c ON c.id = a.championId WHERE a.championId = ? ORDER BY a.id
                """, arguments: [championID]).compactMap { r in
                AccessNeed(rawValue: r["need"]).map { PersonNeed(person: r["name"], need: $0, language: r["language"]) }
            }
        }
    }

    /// Sets what a venue offers (office staff and admins), replacing what it offered before.
    public func setVenueFacilities(as actor: Actor, venue: String, offers: Set<AccessNeed>, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        let name = venue.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .fields([FieldIssue(field: "venue", message: "Say which venue.")]) }
        if offers.contains(.interpreter) {
            throw .fields([FieldIssue(field: "offers", message: "A venue cannot offer an interpreter: arrange one for the meeting instead.")])
        }
        try write { db in
            try db.execute(sql: "DELETE FROM venueFacility WHERE venue = ?", arguments: [name])
            for facility in offers.sorted(by: { $0.rawValue < $1.rawValue }) {
                try db.execute(sql: "INSERT INTO venueFacility (venue, facility) VALUES (?, ?)", arguments: [name, facility.rawValue])
            }
            try AuditLog.append(db, actor: actor, action: "venue offers", kind: "venue", recordID: nil,
                                changes: [FieldChange(field: name, before: nil, after: offers.map(\.rawValue).sorted().joined(separator: ", "))], at: now)
        }
    }

    /// What a venue offers.
    public func venueFacilities(venue: String) throws(StoreError) -> Set<AccessNeed> {
        try read { db in try Self.venueOffers(db, venue) }
    }

    static func venueOffers(_ db: Database, _ venue: String) throws -> Set<AccessNeed> {
        Set(try String.fetchAll(db, sql: "SELECT facility FROM venueFacility WHERE venue = ? COLLATE NOCASE", arguments: [venue.trimmingCharacters(in: .whitespaces)])
            .compactMap(AccessNeed.init(rawValue:)))
    }

    /// Records something arranged for a meeting to meet a need (office staff and admins).
    public func arrange(as actor: Actor, meetingID: Int64, _ arrangement: Arrangement, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        if arrangement.need == .interpreter && arrangement.language.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .fields([FieldIssue(field: "language", message: "Say which language the interpreter is booked for.")])
        }
        try write { db in
            try db.execute(sql: """
                INSERT INTO meetingArrangement (meetingId, need, language, note, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [meetingID, arrangement.need.rawValue, arrangement.language.trimmingCharacters(in: .whitespaces),
                                 arrangement.note.trimmingCharacters(in: .whitespaces), actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: "arrange", kind: "meeting", recordID: meetingID,
                                changes: [FieldChange(field: arrangement.need.rawValue, before: nil, after: arrangement.note)], at: now)
        }
    }

    /// What the Access check reads for a meeting: its confirmed champions' needs (named only
    /// for readers allowed them: the office and admins, or the champion themselves), what the
    /// venue offers, what is arranged.
    static func accessFacts(_ db: Database, _ m: Meeting, _ actor: Actor) throws -> AccessFacts {
        guard !m.confirmedChampionIDs.isEmpty else { return AccessFacts() }
        let list = "[" + m.confirmedChampionIDs.map(String.init).joined(separator: ",") + "]"
        let all = AccessPolicy.scope(actor.role, .read, .accessNeed) == .all
        let needs = try Row.fetchAll(db, sql: """
            SELECT a.championId, c.name, a.need, a.language FROM accessNeed a JOIN champion c ON c.id = a.championId
            WHERE a.championId IN (SELECT value FROM json_each(?)) ORDER BY c.name, a.id
            """, arguments: [list]).compactMap { r -> PersonNeed? in
            guard let need = AccessNeed(rawValue: r["need"]) else { return nil }
            let mine = actor.championID == (r["championId"] as Int64?)
            return PersonNeed(person: all || mine ? r["name"] : nil, need: need, language: r["language"])
        }
        guard !needs.isEmpty else { return AccessFacts() }
        let arranged = try Row.fetchAll(db, sql: "SELECT need, language, note FROM meetingArrangement WHERE meetingId = ?", arguments: [m.id])
            .compactMap { r in AccessNeed(rawValue: r["need"]).map { Arrangement(need: $0, language: r["language"], note: r["note"]) } }
        return AccessFacts(needs: needs, venueOffers: try venueOffers(db, m.venue), arrangements: arranged)
    }
}
