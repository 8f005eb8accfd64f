import Coproduction
import Foundation
import GRDB

/// A child's place in a crèche, as a family's apologies may cancel it.
public struct FamilyPlace: Hashable, Sendable {
    /// The booking.
    public var bookingID: Int64
    /// The child's first name.
    public var childName: String
    /// The meeting the crèche is for.
    public var meetingID: Int64
    /// Its title.
    public var meetingTitle: String
}

/// Apologies and the crèche: a parent who sends apologies is offered the cancelling of their
/// children's places in that meeting's crèche (and its pre-meetings'), so the headcount and
/// the staff it needs drop.
extension AppDatabase {
    /// The places a champion's own children hold in a meeting's crèche and in the crèches of
    /// its pre-meetings, not yet signed in. A champion asks only about their own family.
    public func familyPlaces(as actor: Actor, meetingID: Int64, championID: Int64) throws(StoreError) -> [FamilyPlace] {
        let scope = AccessPolicy.scope(actor.role, .read, .booking)
        guard scope == .all || (actor.role == .champion && actor.championID == championID) else {
            throw .denied(AccessDenied(role: actor.role, operation: .read, kind: .booking))
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT b.id, k.firstName, m.id AS meetingId, m.title FROM booking b
                JOIN child k ON k.id = b.childId JOIN meeting m ON m.id = b.meetingId
                WHERE k.parentChampionId = ? AND b.signedInAt IS NULL AND (m.id = ? OR m.preparesId = ?)
                ORDER BY m.date, m.startMinute, k.firstName
                """, arguments: [championID, meetingID, meetingID]).map {
                FamilyPlace(bookingID: $0["id"], childName: $0["firstName"], meetingID: $0["meetingId"], meetingTitle: $0["title"])
            }
        }
    }

    /// Cancels crèche places not yet used: a champion their own children's, crèche staff on
    /// their own sessions, office staff and admins any. A child already signed in keeps their
    /// place (the register is kept for good). All or none; returns the children's names.
    @discardableResult
    public func cancelPlaces(as actor: Actor, bookingIDs: [Int64], now: Date = Date()) throws(StoreError) -> [String] {
        let scope = AccessPolicy.scope(actor.role, .write, .booking)
        guard scope != .none else { throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .booking)) }
        return try write { db in
            var names: [String] = []
            for id in bookingIDs {
                guard let b = try Row.fetchOne(db, sql: """
                    SELECT b.meetingId, b.childId, b.signedInAt, k.firstName, k.familyName FROM booking b JOIN child k ON k.id = b.childId
                    WHERE b.id = ?
                    """, arguments: [id]) else { throw StoreError.notFound(what: "That crèche place") }
                let child: Int64 = b["childId"], meeting: Int64 = b["meetingId"]
                if scope == .own {
                    let allowed = actor.role == .champion ? try Self.owns(db, actor, childID: child) : try Self.staffs(db, actor, meetingID: meeting)
                    if !allowed { throw StoreError.denied(AccessDenied(role: actor.role, operation: .write, kind: .booking)) }
                }
                let name = "\(b["firstName"] as String) \(b["familyName"] as String)"
                if (b["signedInAt"] as Double?) != nil {
                    throw StoreError.invalid("\(name) is signed in already, so their place stays: sign them out on the register.")
                }
                try db.execute(sql: "DELETE FROM booking WHERE id = ?", arguments: [id])
                try AuditLog.append(db, actor: actor, action: "unbook", kind: "creche", recordID: meeting,
                                    changes: [FieldChange(field: "child", before: name, after: nil)], at: now)
                names.append(b["firstName"])
            }
            return names
        }
    }
}
