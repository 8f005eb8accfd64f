import Coproduction
import Foundation
import GRDB

/// A reward as listed, with the parent's name.
public struct RewardRow: Hashable, Sendable {
    /// The reward.
    public var reward: Reward
    /// The parent's name.
    public var parent: String
}

/// A parent's totals for a year, with their name.
public struct RewardTotalsRow: Hashable, Sendable {
    /// The totals.
    public var totals: RewardTotals
    /// The parent's name.
    public var parent: String
}

extension AppDatabase {
    /// The amounts stated up front (settings).
    public func rewardPolicy() throws(StoreError) -> RewardPolicy {
        RewardPolicy(amounts: [.focusGroup: try money(of: .rewardFocusGroup), .meeting: try money(of: .rewardMeeting),
                               .review: try money(of: .rewardReview)])
    }

    /// Rewards in a financial year, newest first (office staff and admins see everyone's; a
    /// champion only their own).
    public func rewards(as actor: Actor, year: FinancialYear) throws(StoreError) -> [RewardRow] {
        try authorize(actor, .read, .reward, needed: .own)
        let own = AccessPolicy.scope(actor.role, .read, .reward) != .all
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, coalesce(c.name, o.name) AS name FROM reward r
                LEFT JOIN champion c ON c.id = r.championId LEFT JOIN otherParent o ON o.id = r.otherParentId
                WHERE r.date BETWEEN ? AND ? AND (? = 0 OR r.championId = ?) ORDER BY r.date DESC, r.id DESC
                """, arguments: [year.first.iso, year.last.iso, own, actor.championID ?? -1]).map(Self.rewardRow)
        }
    }

    static func rewardRow(_ r: Row) -> RewardRow {
        let recipient: RewardRecipient = (r["championId"] as Int64?).map { .champion($0) } ?? .parent(r["otherParentId"] ?? 0)
        return RewardRow(reward: Reward(id: r["id"], recipient: recipient, kind: RewardKind(rawValue: r["kind"]) ?? .voucher,
                                 reason: RewardReason(rawValue: r["reason"]) ?? .other, amount: Money(pence: r["pence"]),
                                 date: LocalDate(iso: r["date"]) ?? LocalDate(year: 2000, month: 1, day: 1)!, declined: r["declined"],
                                 benefitsAdviceOffered: r["benefitsAdvice"], note: r["note"]),
                  parent: r["name"])
    }

    /// Totals per parent for a financial year (declined offers shown apart).
    public func rewardTotals(as actor: Actor, year: FinancialYear) throws(StoreError) -> [RewardTotalsRow] {
        let rows = try rewards(as: actor, year: year)
        let names = Dictionary(rows.map { ($0.reward.recipient, $0.parent) }, uniquingKeysWith: { a, _ in a })
        return RewardTotals.of(rows.map(\.reward)).map { RewardTotalsRow(totals: $0, parent: names[$0.recipient] ?? "") }
            .sorted { $0.parent < $1.parent }
    }

    /// Records a voucher or expenses (office staff and admins); ``rewardPolicy()`` gives the
    /// amount stated up front for a voucher.
    @discardableResult
    public func addReward(as actor: Actor, _ reward: Reward, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .reward)
        let problems = RewardRules.problems(reward)
        if !problems.isEmpty { throw .problems(problems) }
        return try write { db in try Self.insertReward(db, reward, actor: actor, now: now) }
    }

    static func insertReward(_ db: Database, _ reward: Reward, actor: Actor, now: Date) throws -> Int64 {
        var champion: Int64?, other: Int64?
        switch reward.recipient {
        case .champion(let id):
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [id]) ?? false else {
                throw StoreError.problems([RewardProblem(.parent, "there is no Parent Champion with id \(id).")])
            }
            champion = id
        case .parent(let id):
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM otherParent WHERE id = ?)", arguments: [id]) ?? false else {
                throw StoreError.problems([RewardProblem(.parent, "there is no other parent with id \(id).")])
            }
            other = id
        }
        try db.execute(sql: """
            INSERT INTO reward (championId, otherParentId, kind, reason, pence, date, declined, benefitsAdvice, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [champion, other, reward.kind.rawValue, reward.reason.rawValue, reward.amount.pence, reward.date.iso,
                             reward.declined, reward.benefitsAdviceOffered, reward.note.trimmingCharacters(in: .whitespaces)])
        let id = db.lastInsertedRowID
        try AuditLog.append(db, actor: actor, action: "create", kind: "reward", recordID: id,
                            changes: [FieldChange(field: reward.kind.rawValue, before: nil,
                                                  after: "\(reward.amount)\(reward.declined ? " (declined)" : "")")], at: now)
        return id
    }
}

/// Another parent the app knows (not a Parent Champion): someone who came to a meeting, a
/// focus group or a review and was thanked or paid back.
public struct OtherParent: Hashable, Sendable {
    /// Their id.
    public var id: Int64
    /// Their full name.
    public var name: String
}

extension AppDatabase {
    /// The other parents the app knows, by name (office staff and admins: as private as
    /// champions' details, and read with the rewards).
    public func otherParents(as actor: Actor) throws(StoreError) -> [OtherParent] {
        try authorize(actor, .read, .reward)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM otherParent ORDER BY name").map { OtherParent(id: $0["id"], name: $0["name"]) }
        }
    }

    /// Records a voucher or expenses for another parent by full name, adding them to the app
    /// first if new, in one transaction: if the reward is refused, nobody is added. Returns
    /// its id and whether the parent was new.
    public func addReward(as actor: Actor, _ reward: Reward, forOtherParentNamed name: String,
                          now: Date = Date()) throws(StoreError) -> (id: Int64, newParent: Bool) {
        try authorize(actor, .write, .reward)
        let problems = RewardRules.problems(reward)
        if !problems.isEmpty { throw .problems(problems) }
        let trimmed = try Self.otherParentName(name)
        return try write { db in
            let (parent, new) = try Self.findOrAddOtherParent(db, trimmed, actor: actor, now: now)
            var r = reward
            r.recipient = .parent(parent)
            return (try Self.insertReward(db, r, actor: actor, now: now), new)
        }
    }

    /// A full name as kept: spaces made single, and at least a first and a family name.
    static func otherParentName(_ name: String) throws(StoreError) -> String {
        let trimmed = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard trimmed.split(separator: " ").count >= 2 else {
            throw .fields([FieldIssue(field: "parent", message: "Give the parent's first and family name, as Ann Smith, so the app knows who it is for.")])
        }
        guard trimmed.count <= TextLimits.name else { throw .fields([FieldIssue(field: "parent", message: TextLimits.tooLong(TextLimits.name))]) }
        return trimmed
    }

    static func findOrAddOtherParent(_ db: Database, _ name: String, actor: Actor, now: Date) throws -> (id: Int64, new: Bool) {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM otherParent WHERE name = ?", arguments: [name]) { return (id, false) }
        try db.execute(sql: "INSERT INTO otherParent (name, recordedBy, recordedAt) VALUES (?, ?, ?)",
                       arguments: [name, actor.name, now.timeIntervalSince1970])
        let id = db.lastInsertedRowID
        try AuditLog.append(db, actor: actor, action: "create", kind: "other parent", recordID: id,
                            changes: [FieldChange(field: "name", before: nil, after: name)], at: now)
        return (id, true)
    }
}
