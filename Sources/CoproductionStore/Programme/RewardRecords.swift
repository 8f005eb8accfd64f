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
                SELECT r.*, c.name FROM reward r JOIN champion c ON c.id = r.championId
                WHERE r.date BETWEEN ? AND ? AND (? = 0 OR r.championId = ?) ORDER BY r.date DESC, r.id DESC
                """, arguments: [year.first.iso, year.last.iso, own, actor.championID ?? -1]).map(Self.rewardRow)
        }
    }

    static func rewardRow(_ r: Row) -> RewardRow {
        RewardRow(reward: Reward(id: r["id"], championID: r["championId"], kind: RewardKind(rawValue: r["kind"]) ?? .voucher,
                                 reason: RewardReason(rawValue: r["reason"]) ?? .other, amount: Money(pence: r["pence"]),
                                 date: LocalDate(iso: r["date"]) ?? LocalDate(year: 2000, month: 1, day: 1)!, declined: r["declined"],
                                 benefitsAdviceOffered: r["benefitsAdvice"], note: r["note"]),
                  parent: r["name"])
    }

    /// Totals per parent for a financial year (declined offers shown apart).
    public func rewardTotals(as actor: Actor, year: FinancialYear) throws(StoreError) -> [RewardTotalsRow] {
        let rows = try rewards(as: actor, year: year)
        let names = Dictionary(rows.map { ($0.reward.championID, $0.parent) }, uniquingKeysWith: { a, _ in a })
        return RewardTotals.of(rows.map(\.reward)).map { RewardTotalsRow(totals: $0, parent: names[$0.championID] ?? "") }
            .sorted { $0.parent < $1.parent }
    }

    /// Records a voucher or expenses (office staff and admins); ``rewardPolicy()`` gives the
    /// amount stated up front for a voucher.
    @discardableResult
    public func addReward(as actor: Actor, _ reward: Reward, now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .reward)
        let problems = RewardRules.problems(reward)
        if !problems.isEmpty { throw .problems(problems) }
        return try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [reward.championID]) ?? false else {
                throw StoreError.problems([RewardProblem(.parent, "there is no Parent Champion with id \(reward.championID).")])
            }
            try db.execute(sql: """
                INSERT INTO reward (championId, kind, reason, pence, date, declined, benefitsAdvice, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [reward.championID, reward.kind.rawValue, reward.reason.rawValue, reward.amount.pence, reward.date.iso,
                                 reward.declined, reward.benefitsAdviceOffered, reward.note.trimmingCharacters(in: .whitespaces)])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "create", kind: "reward", recordID: id,
                                changes: [FieldChange(field: reward.kind.rawValue, before: nil,
                                                      after: "\(reward.amount)\(reward.declined ? " (declined)" : "")")], at: now)
            return id
        }
    }
}
