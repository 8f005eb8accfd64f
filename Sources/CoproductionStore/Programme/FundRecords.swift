import Coproduction
import Foundation
import GRDB

/// A panel member's review, as listed.
public struct FundReviewRow: Hashable, Sendable, Codable {
    /// Who reviewed.
    public var reviewer: String
    /// What they recommend.
    public var recommendation: Recommendation
    /// Their comment.
    public var comment: String
    /// When.
    public var on: LocalDate
}

/// A proposal as listed: the proposal, the names it refers to, and its panel reviews.
public struct ProposalRow: Hashable, Sendable {
    /// The proposal.
    public var proposal: FundProposal
    /// The applicant's name (a champion's, or the group's).
    public var applicantName: String
    /// The area's name.
    public var areaName: String
    /// The panel's reviews, oldest first.
    public var reviews: [FundReviewRow]
}

/// Money committed in one area.
public struct AreaMoney: Hashable, Sendable, Codable {
    /// The area.
    public var area: String
    /// Committed there.
    public var committed: Money
    /// Proposals from there.
    public var proposals: Int
}

/// A year of the fund: its budget, proposals by status, and the spread by area.
public struct FundOverview: Hashable, Sendable {
    /// The budget, committed and remaining.
    public var budget: FundBudget
    /// Whether a budget has been set for the year (no budget means nothing can be approved).
    public var budgetSet: Bool
    /// The year's proposals, newest first.
    public var proposals: [ProposalRow]
    /// Money committed by area.
    public var byArea: [AreaMoney]
    /// The most one proposal may ask for.
    public var limit: Money
    /// The signed-in champion's own area, for their proposals.
    public var ownArea: String?

    /// How many proposals are at each status.
    public var byStatus: [ProposalStatus: Int] {
        var out: [ProposalStatus: Int] = [:]
        for p in proposals { out[p.proposal.status, default: 0] += 1 }
        return out
    }
}

extension AppDatabase {
    /// The fund's rules for this database (the limit is a setting).
    public func fundRules() throws(StoreError) -> FundRules { FundRules(limit: try money(of: .fundLimit)) }

    /// Sets the fund's budget for a financial year (office staff and admins).
    public func setFundBudget(as actor: Actor, year: FinancialYear, total: Money, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .fund)
        try write { db in
            let before = try Int64.fetchOne(db, sql: "SELECT pence FROM fundBudget WHERE year = ?", arguments: [year.startYear])
            let committed = try Int64.fetchOne(db, sql: """
                SELECT COALESCE(SUM(approvedPence), 0) FROM fundProposal WHERE year = ? AND status IN ('approved', 'delivered', 'closed')
                """, arguments: [year.startYear]) ?? 0
            if total.pence < committed {
                throw StoreError.problems([FundProblem(.budget, "\(Money(pence: committed)) is already committed in \(year); the budget cannot be less.")])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO fundBudget (year, pence) VALUES (?, ?)", arguments: [year.startYear, total.pence])
            try AuditLog.append(db, actor: actor, action: before == nil ? "create" : "update", kind: "fund budget", recordID: Int64(year.startYear),
                                changes: [FieldChange(field: "\(year)", before: before.map { Money(pence: $0).description },
                                                      after: total.description)], at: now)
        }
    }

    /// The fund for a financial year: budget, proposals and spread by area.
    public func fundOverview(as actor: Actor, year: FinancialYear) throws(StoreError) -> FundOverview {
        try authorize(actor, .read, .fund)
        let limit = try fundRules().limit
        return try read { db in
            let ownArea = try String.fetchOne(db, sql: "SELECT a.name FROM champion c JOIN area a ON a.id = c.areaId WHERE c.id = ?",
                                              arguments: [actor.championID ?? -1])
            let total = try Int64.fetchOne(db, sql: "SELECT pence FROM fundBudget WHERE year = ?", arguments: [year.startYear])
            let rows = try Self.proposalRows(db, where: "p.year = ?", arguments: [year.startYear])
            var areas: [String: AreaMoney] = [:]
            for r in rows {
                var a = areas[r.areaName] ?? AreaMoney(area: r.areaName, committed: .zero, proposals: 0)
                a.committed = a.committed + r.proposal.committed
                a.proposals += 1
                areas[r.areaName] = a
            }
            return FundOverview(budget: FundBudget.of(year, total: Money(pence: total ?? 0), proposals: rows.map(\.proposal)),
                                budgetSet: total != nil, proposals: rows, byArea: areas.values.sorted { $0.area < $1.area },
                                limit: limit, ownArea: ownArea)
        }
    }

    /// One proposal.
    public func proposal(as actor: Actor, id: Int64) throws(StoreError) -> ProposalRow {
        try authorize(actor, .read, .fund)
        return try read { db in
            guard let row = try Self.proposalRows(db, where: "p.id = ?", arguments: [id]).first else {
                throw StoreError.notFound(what: "Proposal \(id)")
            }
            return row
        }
    }

    static func proposalRows(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [ProposalRow] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*, a.name AS areaName, c.name AS championName FROM fundProposal p JOIN area a ON a.id = p.areaId
            LEFT JOIN champion c ON c.id = p.championId WHERE \(condition) ORDER BY p.submittedOn DESC, p.id DESC
            """, arguments: arguments)
        var reviews: [Int64: [FundReviewRow]] = [:]
        if !rows.isEmpty {
            let ids = rows.map { $0["id"] as Int64 }
            for r in try Row.fetchAll(db, sql: "SELECT * FROM fundReview WHERE proposalId IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY id") {
                reviews[r["proposalId"], default: []].append(FundReviewRow(
                    reviewer: r["reviewer"], recommendation: Recommendation(rawValue: r["recommendation"]) ?? .approve,
                    comment: r["comment"], on: LocalDate(iso: r["reviewedOn"]) ?? LocalDate(year: 2000, month: 1, day: 1)!))
            }
        }
        return rows.map { r in
            let champion: Int64? = r["championId"]
            var p = FundProposal(id: r["id"], applicant: champion.map { .champion($0) } ?? .group(r["groupName"] ?? ""),
                                 areaID: r["areaId"], title: r["title"], purpose: r["purpose"], requested: Money(pence: r["requestedPence"]),
                                 year: FinancialYear(startYear: r["year"]), submittedOn: LocalDate(iso: r["submittedOn"]) ?? LocalDate(year: 2000, month: 1, day: 1)!)
            p.status = ProposalStatus(rawValue: r["status"]) ?? .submitted
            p.approved = (r["approvedPence"] as Int64?).map { Money(pence: $0) }
            p.decisionReason = r["decisionReason"]
            p.decidedOn = (r["decidedOn"] as String?).flatMap(LocalDate.init(iso:))
            p.decidedAtMeetingID = r["decidedAtMeetingId"]
            p.deliveredOn = (r["deliveredOn"] as String?).flatMap(LocalDate.init(iso:))
            p.deliveryNote = r["deliveryNote"]
            p.impact = r["impact"]
            return ProposalRow(proposal: p, applicantName: r["championName"] ?? r["groupName"] ?? "", areaName: r["areaName"],
                               reviews: reviews[p.id] ?? [])
        }
    }

    /// Sends in a proposal (office staff for anyone; a champion for themselves). Checked
    /// against the limit first; nothing is saved while anything is wrong.
    @discardableResult
    public func addProposal(as actor: Actor, _ proposal: FundProposal, now: Date = Date()) throws(StoreError) -> Int64 {
        if AccessPolicy.scope(actor.role, .write, .fund) != .all {
            try authorize(actor, .write, .fund, needed: .own)
            guard case .champion(let id) = proposal.applicant, id == actor.championID else {
                throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .fund))
            }
        }
        let problems = try fundRules().problems(proposal)
        if !problems.isEmpty { throw StoreError.problems(problems) }
        return try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM area WHERE id = ? AND NOT retired)", arguments: [proposal.areaID]) ?? false else {
                throw StoreError.problems([FundProblem(.area, "there is no open area with id \(proposal.areaID).")])
            }
            var champion: Int64?, group: String?
            switch proposal.applicant {
            case .champion(let id):
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [id]) ?? false else {
                    throw StoreError.problems([FundProblem(.applicant, "there is no Parent Champion with id \(id).")])
                }
                champion = id
            case .group(let name): group = name.trimmingCharacters(in: .whitespaces)
            }
            try db.execute(sql: """
                INSERT INTO fundProposal (championId, groupName, areaId, title, purpose, requestedPence, year, submittedOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [champion, group, proposal.areaID, proposal.title.trimmingCharacters(in: .whitespaces),
                                 proposal.purpose.trimmingCharacters(in: .whitespaces), proposal.requested.pence,
                                 proposal.year.startYear, proposal.submittedOn.iso])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "create", kind: "fund proposal", recordID: id,
                                changes: [FieldChange(field: "title", before: nil, after: proposal.title),
                                          FieldChange(field: "amount", before: nil, after: proposal.requested.description)], at: now)
            return id
        }
    }

    static func loadProposal(_ db: Database, _ id: Int64) throws -> FundProposal {
        guard let row = try proposalRows(db, where: "p.id = ?", arguments: [id]).first else {
            throw StoreError.notFound(what: "Proposal \(id)")
        }
        return row.proposal
    }

    /// A panel member's review: their recommendation and comment. The reviewer is the
    /// signed-in person, or (for office staff) the panel member named.
    public func reviewProposal(as actor: Actor, id: Int64, reviewer: String? = nil, recommendation: Recommendation, comment: String,
                               on day: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .fund, needed: .own)
        let name = AccessPolicy.scope(actor.role, .write, .fund) == .all
            ? (reviewer?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? actor.name : actor.name
        let rules = try fundRules()
        try write { db in
            let p = try Self.loadProposal(db, id)
            if case .champion(let applicant) = p.applicant, applicant == actor.championID {
                throw StoreError.problems([FundProblem(.recommendation, "you applied for this grant, so you cannot review it.")])
            }
            // The office entering a review for a named panel member: that person is checked too.
            let reviewerChampion = try Int64.fetchOne(db, sql: "SELECT id FROM champion WHERE name = ? COLLATE NOCASE", arguments: [name])
            if case .champion(let applicant) = p.applicant, applicant == reviewerChampion {
                throw StoreError.problems([FundProblem(.recommendation, "\(name) applied for this grant, so cannot review it.")])
            }
            if let declared = try String.fetchOne(db, sql: """
                SELECT what FROM interest WHERE proposalId = ? AND (untilDate IS NULL OR untilDate >= ?)
                  AND ((championId IS NOT NULL AND championId IN (?, ?)) OR userId = ? OR person = ? COLLATE NOCASE)
                """, arguments: [id, day.iso, actor.championID ?? -1, reviewerChampion ?? -1, name == actor.name ? actor.userID : -1, name]) {
                throw StoreError.problems([FundProblem(.recommendation, "\(name) has declared an interest in this proposal (\(declared)), so cannot review it.")])
            }
            let problems = rules.reviewProblems(p, comment: comment)
            if !problems.isEmpty { throw StoreError.problems(problems) }
            try db.execute(sql: """
                INSERT INTO fundReview (proposalId, reviewer, reviewerUserId, recommendation, comment, reviewedOn) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, name, actor.userID, recommendation.rawValue, comment.trimmingCharacters(in: .whitespaces), day.iso])
            try db.execute(sql: "UPDATE fundProposal SET status = 'under-review', version = version + 1 WHERE id = ?", arguments: [id])
            try AuditLog.append(db, actor: actor, action: "review", kind: "fund proposal", recordID: id,
                                changes: [FieldChange(field: "review by \(name)", before: nil, after: recommendation.rawValue)], at: now)
        }
    }

    /// The decision: approved with an amount (the amount asked for when none is given) or
    /// declined, with a reason either way, at a meeting or not. Checked against the limit
    /// and what is left of the year's budget in the same transaction as the save.
    public func decideProposal(as actor: Actor, id: Int64, approve: Bool, amount: Money? = nil, reason: String, meetingID: Int64? = nil,
                               on day: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .fund)
        let rules = try fundRules()
        try write { db in
            let p = try Self.loadProposal(db, id)
            let total = try Int64.fetchOne(db, sql: "SELECT pence FROM fundBudget WHERE year = ?", arguments: [p.year.startYear])
            if approve && total == nil {
                throw StoreError.problems([FundProblem(.budget, "no budget is set for \(p.year): set it first (coproduce fund budget \(p.year.startYear) AMOUNT).")])
            }
            let others = try Self.proposalRows(db, where: "p.year = ?", arguments: [p.year.startYear]).map(\.proposal)
            let remaining = FundBudget.of(p.year, total: Money(pence: total ?? 0), proposals: others).remaining
            var problems = rules.decisionProblems(p, approve: approve, amount: amount, reason: reason, remaining: remaining)
            if let meetingID, try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meeting WHERE id = ?)", arguments: [meetingID]) ?? false) {
                problems.append(FundProblem(.meeting, "there is no meeting with id \(meetingID)."))
            }
            if !problems.isEmpty { throw StoreError.problems(problems) }
            let given = approve ? (amount ?? p.requested) : nil
            try db.execute(sql: """
                UPDATE fundProposal SET status = ?, approvedPence = ?, decisionReason = ?, decidedOn = ?, decidedAtMeetingId = ?,
                    version = version + 1 WHERE id = ?
                """, arguments: [approve ? "approved" : "declined", given?.pence, reason.trimmingCharacters(in: .whitespaces), day.iso, meetingID, id])
            try AuditLog.append(db, actor: actor, action: approve ? "approve" : "decline", kind: "fund proposal", recordID: id,
                                changes: [FieldChange(field: "status", before: p.status.rawValue, after: approve ? "approved" : "declined"),
                                          FieldChange(field: "amount", before: nil, after: given?.description)], at: now)
        }
    }

    /// Records that the activity was delivered.
    public func deliverProposal(as actor: Actor, id: Int64, on day: LocalDate, note: String, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .fund)
        let rules = try fundRules()
        try write { db in
            let p = try Self.loadProposal(db, id)
            let problems = rules.deliveryProblems(p)
            if !problems.isEmpty { throw StoreError.problems(problems) }
            try db.execute(sql: "UPDATE fundProposal SET status = 'delivered', deliveredOn = ?, deliveryNote = ?, version = version + 1 WHERE id = ?",
                           arguments: [day.iso, note.trimmingCharacters(in: .whitespaces), id])
            try AuditLog.append(db, actor: actor, action: "deliver", kind: "fund proposal", recordID: id,
                                changes: [FieldChange(field: "status", before: p.status.rawValue, after: "delivered")], at: now)
        }
    }

    /// Closes a delivered proposal with its impact statement (refused without one).
    public func closeProposal(as actor: Actor, id: Int64, impact: String, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .fund)
        let rules = try fundRules()
        try write { db in
            let p = try Self.loadProposal(db, id)
            let problems = rules.closingProblems(p, impact: impact)
            if !problems.isEmpty { throw StoreError.problems(problems) }
            try db.execute(sql: "UPDATE fundProposal SET status = 'closed', impact = ?, version = version + 1 WHERE id = ?",
                           arguments: [impact.trimmingCharacters(in: .whitespaces), id])
            try AuditLog.append(db, actor: actor, action: "close", kind: "fund proposal", recordID: id,
                                changes: [FieldChange(field: "impact", before: nil, after: impact)], at: now)
        }
    }
}
