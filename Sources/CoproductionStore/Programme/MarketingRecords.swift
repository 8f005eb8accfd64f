import Coproduction
import Foundation
import GRDB

/// A parent's review as listed, with their name and area.
public struct MaterialReviewRow: Hashable, Sendable {
    /// The review.
    public var review: MaterialReview
    /// The parent's name.
    public var parent: String
    /// Their area's name.
    public var area: String
    /// When.
    public var on: LocalDate
}

/// A material as listed: its status worked out from the reviews of its current version,
/// what the quorum still needs, and the plain-language check's hits on its text.
public struct MaterialRow: Hashable, Sendable {
    /// The material.
    public var material: Material
    /// Its status.
    public var status: MaterialStatus
    /// Reviews of every version, oldest first.
    public var reviews: [MaterialReviewRow]
    /// What the quorum still needs, or nil when it is met.
    public var shortfall: String?
    /// Jargon found in its text, with the plain words to use.
    public var jargon: [JargonHit]
    /// The name of the parent who put it forward, if a parent did.
    public var submittedByName: String?
    /// The row version, for safe saves.
    public var rowVersion: Int

    /// Reviews of the current version.
    public var currentReviews: [MaterialReviewRow] { reviews.filter { $0.review.version == material.version } }
}

extension AppDatabase {
    /// The approval quorum for this database (settings).
    public func approvalQuorum() throws(StoreError) -> ApprovalQuorum {
        ApprovalQuorum(approvals: try number(of: .marketingApprovals), areas: try number(of: .marketingAreas))
    }

    /// Every material, newest first, with its status and jargon.
    public func materials(as actor: Actor) throws(StoreError) -> [MaterialRow] {
        try authorize(actor, .read, .material)
        let quorum = try approvalQuorum()
        let checker = try barrierChecker().language
        // A champion sees what has been sent to parents and what they sent in themselves, not
        // the office's drafts.
        let champion = actor.role == .champion
        return try read { db in
            try Self.materialRows(db, where: champion ? "(m.sentToParents OR m.submittedBy IS ?)" : "1",
                                  arguments: champion ? [actor.championID ?? -1] : [], quorum: quorum, checker: checker)
        }
    }

    /// One material.
    public func material(as actor: Actor, id: Int64) throws(StoreError) -> MaterialRow {
        try authorize(actor, .read, .material)
        let quorum = try approvalQuorum()
        let checker = try barrierChecker().language
        return try read { db in
            guard let row = try Self.materialRows(db, where: "m.id = ?", arguments: [id], quorum: quorum, checker: checker).first else {
                throw StoreError.notFound(what: "Material \(id)")
            }
            return row
        }
    }

    static func materialRows(_ db: Database, where condition: String, arguments: StatementArguments, quorum: ApprovalQuorum,
                             checker: PlainLanguageChecker?) throws -> [MaterialRow] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.*, c.name AS submitter FROM material m LEFT JOIN champion c ON c.id = m.submittedBy
            WHERE \(condition) ORDER BY m.id DESC
            """, arguments: arguments)
        var reviews: [Int64: [MaterialReviewRow]] = [:]
        if !rows.isEmpty {
            let ids = rows.map { String($0["id"] as Int64) }.joined(separator: ",")
            for r in try Row.fetchAll(db, sql: """
                SELECT r.*, c.name AS parent, c.areaId, a.name AS area FROM materialReview r JOIN champion c ON c.id = r.championId
                JOIN area a ON a.id = c.areaId WHERE r.materialId IN (\(ids)) ORDER BY r.id
                """) {
                reviews[r["materialId"], default: []].append(MaterialReviewRow(
                    review: MaterialReview(championID: r["championId"], areaID: r["areaId"], version: r["materialVersion"],
                                           verdict: Verdict(rawValue: r["verdict"]) ?? .approve, comment: r["comment"]),
                    parent: r["parent"], area: r["area"], on: LocalDate(iso: r["reviewedOn"]) ?? LocalDate(year: 2000, month: 1, day: 1)!))
            }
        }
        return rows.map { r in
            var m = Material(id: r["id"], title: r["title"], kind: MaterialKind(rawValue: r["kind"]) ?? .leaflet, service: r["service"],
                             text: r["text"], submittedBy: r["submittedBy"])
            m.version = r["materialVersion"]
            m.sentToParents = r["sentToParents"]
            let list = reviews[m.id] ?? []
            let plain = list.map(\.review)
            return MaterialRow(material: m, status: quorum.status(of: m, reviews: plain), reviews: list,
                               shortfall: quorum.shortfall(of: m, reviews: plain), jargon: checker?.hits(in: m.text) ?? [],
                               submittedByName: r["submitter"], rowVersion: r["version"])
        }
    }

    /// Adds a draft material (office staff; a champion may put one forward in their name).
    @discardableResult
    public func addMaterial(as actor: Actor, _ material: Material, now: Date = Date()) throws(StoreError) -> Int64 {
        var m = material
        if AccessPolicy.scope(actor.role, .write, .material) != .all {
            try authorize(actor, .write, .material, needed: .own)
            guard let me = actor.championID else { throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .material)) }
            m.submittedBy = me
        }
        let problems = MaterialRules.problems(m)
        if !problems.isEmpty { throw StoreError.problems(problems) }
        let day = LocalDateTime(now).date
        let saved = m
        return try write { db in
            try db.execute(sql: """
                INSERT INTO material (title, kind, service, text, submittedBy, createdOn) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [saved.title.trimmingCharacters(in: .whitespaces), saved.kind.rawValue,
                                 saved.service.trimmingCharacters(in: .whitespaces), saved.text, saved.submittedBy, day.iso])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "create", kind: "material", recordID: id,
                                changes: [FieldChange(field: "title", before: nil, after: saved.title)], at: now)
            return id
        }
    }

    /// A new version of a material's text: the parents' answers on the old version no longer
    /// count, and it goes back to draft until it is sent to parents again.
    public func reviseMaterial(as actor: Actor, id: Int64, title: String? = nil, service: String? = nil, text: String,
                               now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .material)
        let quorum = try approvalQuorum()
        try write { db in
            guard var row = try Self.materialRows(db, where: "m.id = ?", arguments: [id], quorum: quorum, checker: nil).first else {
                throw StoreError.notFound(what: "Material \(id)")
            }
            let old = row.material
            if let title { row.material.title = title }
            if let service { row.material.service = service }
            row.material.text = text
            let problems = MaterialRules.problems(row.material)
            if !problems.isEmpty { throw StoreError.problems(problems) }
            try db.execute(sql: """
                UPDATE material SET title = ?, service = ?, text = ?, materialVersion = materialVersion + 1, sentToParents = 0,
                    version = version + 1 WHERE id = ?
                """, arguments: [row.material.title.trimmingCharacters(in: .whitespaces), row.material.service.trimmingCharacters(in: .whitespaces),
                                 text, id])
            try AuditLog.append(db, actor: actor, action: "new version", kind: "material", recordID: id,
                                changes: [FieldChange(field: "version", before: String(old.version), after: String(old.version + 1))], at: now)
        }
    }

    /// Sends the current version to parents for review.
    public func sendToParents(as actor: Actor, id: Int64, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .material)
        try write { db in
            guard let sent = try Bool.fetchOne(db, sql: "SELECT sentToParents FROM material WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: "Material \(id)")
            }
            if sent { throw StoreError.problems([MaterialProblem(.status, "this version is already with parents.")]) }
            try db.execute(sql: "UPDATE material SET sentToParents = 1, version = version + 1 WHERE id = ?", arguments: [id])
            try AuditLog.append(db, actor: actor, action: "send to parents", kind: "material", recordID: id,
                                changes: [FieldChange(field: "status", before: "draft", after: "with-parents")], at: now)
        }
    }

    /// A parent's answer on the current version: approve, or ask for changes with a comment.
    /// A champion answers for themselves; office staff record a named parent's answer. One
    /// answer per parent per version; nobody answers on a material they put forward.
    /// Returns the material's status afterwards.
    @discardableResult
    public func reviewMaterial(as actor: Actor, id: Int64, championID: Int64? = nil, verdict: Verdict, comment: String,
                               on day: LocalDate, now: Date = Date()) throws(StoreError) -> MaterialStatus {
        try authorize(actor, .write, .material, needed: .own)
        let parent: Int64
        if AccessPolicy.scope(actor.role, .write, .material) == .all, let championID {
            parent = championID
        } else if let me = actor.championID, championID == nil || championID == me {
            parent = me
        } else if actor.championID != nil {
            throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .material))  // another parent's answer
        } else {
            throw StoreError.problems([MaterialProblem(.parent, "say which parent is answering: reviews are parents' answers.")])
        }
        let quorum = try approvalQuorum()
        return try write { db in
            guard let row = try Self.materialRows(db, where: "m.id = ?", arguments: [id], quorum: quorum, checker: nil).first else {
                throw StoreError.notFound(what: "Material \(id)")
            }
            guard let area = try Int64.fetchOne(db, sql: "SELECT areaId FROM champion WHERE id = ?", arguments: [parent]) else {
                throw StoreError.problems([MaterialProblem(.parent, "there is no Parent Champion with id \(parent).")])
            }
            let problems = MaterialRules.reviewProblems(row.material, by: parent, verdict: verdict, comment: comment,
                                                        existing: row.reviews.map(\.review))
            if !problems.isEmpty { throw StoreError.problems(problems) }
            try db.execute(sql: """
                INSERT INTO materialReview (materialId, materialVersion, championId, verdict, comment, reviewedOn) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, row.material.version, parent, verdict.rawValue, comment.trimmingCharacters(in: .whitespaces), day.iso])
            try db.execute(sql: "UPDATE material SET version = version + 1 WHERE id = ?", arguments: [id])
            let after = quorum.status(of: row.material, reviews: row.reviews.map(\.review)
                                      + [MaterialReview(championID: parent, areaID: area, version: row.material.version, verdict: verdict, comment: comment)])
            try AuditLog.append(db, actor: actor, action: "review", kind: "material", recordID: id,
                                changes: [FieldChange(field: "parent \(parent)", before: nil, after: verdict.rawValue),
                                          FieldChange(field: "status", before: row.status.rawValue, after: after.rawValue)], at: now)
            return after
        }
    }
}
