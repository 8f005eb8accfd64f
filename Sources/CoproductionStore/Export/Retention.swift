import Coproduction
import Foundation
import GRDB

/// The kinds of record with a retention period, each with its setting.
public enum RetentionKind: String, CaseIterable, Hashable, Sendable {
    /// A child with their crèche bookings and register entries (after their last attendance).
    case child
    /// A former Parent Champion's contact details and DBS check (after they left).
    case championDetails = "champion details"
    /// A voucher or expenses record (after the end of its financial year).
    case reward
    /// A crèche accident or incident record with its follow-ups (once the child reaches the
    /// age in `retention-incident-age-months`, 21 years and 3 months by default).
    case incident

    /// The setting that holds its period in years.
    public var setting: Setting {
        switch self {
        case .child: return .retentionChildrenYears
        case .championDetails: return .retentionChampionYears
        case .reward: return .retentionRewardYears
        case .incident: return .retentionIncidentAgeMonths
        }
    }
}

/// A record due for deletion under the retention settings.
public struct RetentionItem: Hashable, Sendable {
    /// What kind of record ("child", "champion details", "reward").
    public var kind: String
    /// Its id.
    public var id: Int64
    /// How it is named (a child's name).
    public var name: String
    /// The day it was last used (last attendance, or when it was added when never booked).
    public var lastUsed: LocalDate?
    /// How many crèche bookings and register entries go with it.
    public var registerEntries: Int
}

/// The day `years` years before `today` (29 February falls back to the 28th).
func yearsBefore(_ today: LocalDate, _ years: Int) -> LocalDate {
    LocalDate(year: today.year - years, month: today.month, day: min(today.day, 28)) ?? today
}

extension AppDatabase {
    /// Everything due for deletion, each kind after its own period (a setting per kind):
    /// children with their bookings and registers, `retention-children-years` after their
    /// last attendance (never-booked children are never due by accident); former champions'
    /// contact details and DBS, `retention-champion-years` after they left; vouchers and
    /// expenses, `retention-reward-years` after the end of their financial year.
    public func retentionDue(as actor: Actor, today: LocalDate) throws(StoreError) -> [RetentionItem] {
        var due: [RetentionItem] = []
        try forEachRetentionDue(as: actor, today: today) { due.append($0) }
        return due
    }

    /// The same records as ``retentionDue(as:today:)``, in the same order, each handed to
    /// `body` as it is read (in one read transaction), so the report is printed with memory
    /// for one record however many are due.
    public func forEachRetentionDue(as actor: Actor, today: LocalDate, _ body: (RetentionItem) throws -> Void) throws(StoreError) {
        try authorize(actor, .read, .child)
        try authorize(actor, .read, .booking)
        try authorize(actor, .read, .championPrivate)
        try authorize(actor, .read, .reward)
        try authorize(actor, .read, .incident)
        let incidentAge = try number(of: .retentionIncidentAgeMonths)
        let cutoff = yearsBefore(today, try number(of: .retentionChildrenYears))
        let leftBefore = yearsBefore(today, try number(of: .retentionChampionYears))
        // A reward is due once its financial year ended more than the period ago.
        let rewardYears = try number(of: .retentionRewardYears)
        let rewardYearsEndedBefore = FinancialYear(startYear: FinancialYear(containing: today).startYear - rewardYears).first
        try streamingRead { db in
            let children = try Row.fetchCursor(db, sql: """
                SELECT k.id, k.firstName || ' ' || k.familyName AS name, MAX(m.date) AS lastUsed,
                       (SELECT COUNT(*) FROM booking b2 WHERE b2.childId = k.id)
                       + (SELECT COUNT(*) FROM registerEvent e WHERE e.childId = k.id) AS entries
                FROM child k JOIN booking b ON b.childId = k.id JOIN meeting m ON m.id = b.meetingId
                GROUP BY k.id HAVING MAX(m.date) < ? ORDER BY lastUsed
                """, arguments: [cutoff.iso]).map {
                RetentionItem(kind: RetentionKind.child.rawValue, id: $0["id"], name: $0["name"],
                              lastUsed: ($0["lastUsed"] as String?).flatMap(LocalDate.init(iso:)), registerEntries: $0["entries"])
            }
            while let item = try children.next() { try body(item) }
            let champions = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.name, c.statusSince FROM champion c JOIN championPrivate p ON p.championId = c.id
                WHERE c.status = 'left' AND c.statusSince < ? ORDER BY c.statusSince
                """, arguments: [leftBefore.iso]).map {
                RetentionItem(kind: RetentionKind.championDetails.rawValue, id: $0["id"], name: $0["name"],
                              lastUsed: ($0["statusSince"] as String?).flatMap(LocalDate.init(iso:)), registerEntries: 0)
            }
            while let item = try champions.next() { try body(item) }
            let rewards = try Row.fetchCursor(db, sql: """
                SELECT r.id, coalesce(c.name, o.name) AS name, r.date FROM reward r
                LEFT JOIN champion c ON c.id = r.championId LEFT JOIN otherParent o ON o.id = r.otherParentId
                WHERE r.date < ? ORDER BY r.date
                """, arguments: [rewardYearsEndedBefore.iso]).map {
                RetentionItem(kind: RetentionKind.reward.rawValue, id: $0["id"], name: $0["name"],
                              lastUsed: ($0["date"] as String?).flatMap(LocalDate.init(iso:)), registerEntries: 0)
            }
            while let item = try rewards.next() { try body(item) }
            // An incident is kept until the child reaches the age set, whatever happens to the
            // child's own record (it keeps the child's name and date of birth for that).
            let incidents = try Row.fetchCursor(db, sql: """
                SELECT id, childName, at, childBorn FROM incident
                WHERE date(childBorn, '+' || ? || ' months') <= ? ORDER BY at
                """, arguments: [incidentAge, today.iso]).map {
                RetentionItem(kind: RetentionKind.incident.rawValue, id: $0["id"], name: $0["childName"],
                              lastUsed: LocalDateTime(Date(timeIntervalSince1970: $0["at"])).date, registerEntries: 0)
            }
            while let item = try incidents.next() { try body(item) }
        }
    }

    /// Deletes what ``retentionDue(as:today:)`` lists (admins only), in one transaction, and
    /// records how many in the audit trail. The personal values in earlier audit entries about
    /// each purged record are redacted in the same transaction, leaving the marker
    /// ``AuditLog/redactedByRetention``: who did what, and when, stays.
    @discardableResult
    public func purge(as actor: Actor, today: LocalDate, now: Date = Date()) throws(StoreError) -> Int {
        try authorize(actor, .write, .wholeDatabase)
        let due = try retentionDue(as: actor, today: today)
        guard !due.isEmpty else { return 0 }
        try write { db in
            // The register and the audit trail refuse deletes and changes by trigger; the
            // triggers are lifted for this transaction alone and put back, as they were,
            // before it commits.
            let guards = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
                AND name IN ('registerEvent_no_delete', 'audit_no_update', 'incident_no_delete', 'incidentFollowUp_no_delete',
                             'uncollectedStep_no_delete')
                """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
            for guardTrigger in guards { try db.execute(sql: "DROP TRIGGER \(guardTrigger.name)") }
            for item in due {
                guard let kind = RetentionKind(rawValue: item.kind) else { continue }
                try AuditLog.redact(db, about: kind, id: item.id)
                // What goes, from the registry of personal data, rows that hang on a record first.
                for (table, key) in PersonalDataRegistry.deleted(by: kind) {
                    try db.execute(sql: "DELETE FROM \(table) WHERE \(key) = ?", arguments: [item.id])
                }
            }
            // Another parent is known only for their vouchers and expenses: with the last of
            // them gone, so is their name.
            try db.execute(sql: "DELETE FROM otherParent WHERE NOT EXISTS (SELECT 1 FROM reward r WHERE r.otherParentId = otherParent.id)")
            for guardTrigger in guards { try db.execute(sql: guardTrigger.sql) }
            try AuditLog.append(db, actor: actor, action: "purge", kind: "child", recordID: nil,
                                changes: RetentionKind.allCases.map { kind in
                                    FieldChange(field: kind.rawValue, before: String(due.filter { $0.kind == kind.rawValue }.count), after: "0")
                                } + [
                                          FieldChange(field: "register entries", before: String(due.reduce(0) { $0 + $1.registerEntries }),
                                                      after: "0")], at: now)
        }
        return due.count
    }
}
