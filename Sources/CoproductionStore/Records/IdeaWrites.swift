import Coproduction
import Foundation
import GRDB

/// What moving an idea to its next step needs to know.
public struct IdeaStep: Sendable {
    /// Where it goes.
    public var to: IdeaStatus
    /// The day it happened (decided, fed back, closed).
    public var on: LocalDate
    /// For "on an agenda": the agenda item (see ``AppDatabase/pullReadyIdeas(as:meetingID:now:)``).
    public var agendaItemID: Int64?
    /// For "decided": what was decided, in plain words.
    public var outcome: String?
    /// For "fed back": the champion who told the parents.
    public var fedBackBy: Int64?
    /// For "fed back": how.
    public var channel: FeedbackChannel?
    /// For "closed": why (a duplicate, withdrawn).
    public var reason: String?

    /// Creates a step.
    public init(to: IdeaStatus, on: LocalDate, agendaItemID: Int64? = nil, outcome: String? = nil, fedBackBy: Int64? = nil,
                channel: FeedbackChannel? = nil, reason: String? = nil) {
        self.to = to
        self.on = on
        self.agendaItemID = agendaItemID
        self.outcome = outcome
        self.fedBackBy = fedBackBy
        self.channel = channel
        self.reason = reason
    }
}

/// Counts of an area's activity on each rung of the ladder of co-production.
public typealias LadderSpread = [Rung: Int]

extension AppDatabase {
    /// The area of the actor's champion record (a champion's "own" ideas are their area's).
    static func championArea(_ db: Database, _ actor: Actor) throws -> Int64? {
        guard let champion = actor.championID else { return nil }
        return try Int64.fetchOne(db, sql: "SELECT areaId FROM champion WHERE id = ?", arguments: [champion])
    }

    static func checkIdeaAccess(_ db: Database, _ actor: Actor, _ op: Coproduction.Operation, areaID: Int64) throws {
        switch AccessPolicy.scope(actor.role, op, .idea) {
        case .all: return
        case .own where try championArea(db, actor) == areaID: return
        case .own:
            // A champion working on another area's ideas: say what they can do.
            let own = try championArea(db, actor).flatMap { try String.fetchOne(db, sql: "SELECT name FROM area WHERE id = ?", arguments: [$0]) }
            let other = try String.fetchOne(db, sql: "SELECT name FROM area WHERE id = ?", arguments: [areaID]) ?? "that area"
            let instead = own.map { "You can log and move on ideas for \($0), your own area. For \(other), tell one of its champions or the office." }
            throw StoreError.denied(AccessDenied(role: actor.role, operation: op, kind: .idea, instead: instead))
        default: throw StoreError.denied(AccessDenied(role: actor.role, operation: op, kind: .idea))
        }
    }

    /// Adds an idea to an area's log (office staff; a champion for their own area).
    @discardableResult
    public func addIdea(as actor: Actor, _ idea: Idea, now: Date = Date()) throws(StoreError) -> Int64 {
        let text = idea.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .invalid("idea: write the idea in the parent's own words.") }
        guard text.count <= TextLimits.summary else { throw .invalid("idea: longer than \(TextLimits.summary) characters; shorten it.") }
        return try write { db in
            try Self.checkIdeaAccess(db, actor, .write, areaID: idea.areaID)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM area WHERE id = ? AND NOT retired)", arguments: [idea.areaID]) ?? false else {
                throw StoreError.invalid("area: there is no open area with id \(idea.areaID).")
            }
            if let by = idea.raisedBy,
               try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [by]) ?? false) {
                throw StoreError.invalid("by: there is no Parent Champion with id \(by).")
            }
            try db.execute(sql: "INSERT INTO idea (areaId, raisedOn, raisedBy, text, rung) VALUES (?, ?, ?, ?, ?)",
                           arguments: [idea.areaID, idea.raisedOn.iso, idea.raisedBy, text, idea.rung?.rawValue])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "create", kind: "idea", recordID: id,
                                changes: [FieldChange(field: "text", before: nil, after: text)], at: now)
            return id
        }
    }

    /// Moves an idea one step along (or closes it), with what that step needs; no skipping.
    public func moveIdea(as actor: Actor, id: Int64, _ step: IdeaStep, now: Date = Date()) throws(StoreError) {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM idea WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: "Idea \(id)")
            }
            try Self.checkIdeaAccess(db, actor, .write, areaID: row["areaId"])
            let from = IdeaStatus(rawValue: row["status"]) ?? .new
            if let problem = IdeaFlow.problem(from: from, to: step.to) { throw StoreError.invalid(problem) }
            switch step.to {
            case .onAgenda:
                guard let item = step.agendaItemID,
                      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM agendaItem WHERE id = ?)", arguments: [item]) ?? false else {
                    throw StoreError.invalid("An idea goes on an agenda item of a real meeting: pull it in from the Board's agenda.")
                }
                try db.execute(sql: "UPDATE idea SET status = 'on-agenda', agendaItemId = ?, version = version + 1 WHERE id = ?", arguments: [item, id])
            case .decided:
                guard let outcome = step.outcome?.trimmingCharacters(in: .whitespaces), !outcome.isEmpty else {
                    throw StoreError.invalid("outcome: say what was decided, in plain words.")
                }
                try db.execute(sql: "UPDATE idea SET status = 'decided', outcome = ?, decidedOn = ?, version = version + 1 WHERE id = ?",
                               arguments: [outcome, step.on.iso, id])
            case .fedBack:
                guard let by = step.fedBackBy, let channel = step.channel else {
                    throw StoreError.invalid("Say which champion fed it back, and how (meeting, group chat or newsletter).")
                }
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [by]) ?? false else {
                    throw StoreError.invalid("by: there is no Parent Champion with id \(by).")
                }
                try db.execute(sql: """
                    UPDATE idea SET status = 'fed-back', fedBackOn = ?, fedBackBy = ?, channel = ?, version = version + 1 WHERE id = ?
                    """, arguments: [step.on.iso, by, channel.rawValue, id])
            case .closed:
                guard let reason = step.reason?.trimmingCharacters(in: .whitespaces), !reason.isEmpty else {
                    throw StoreError.invalid("reason: say why the idea is closed (a duplicate, withdrawn).")
                }
                try db.execute(sql: "UPDATE idea SET status = 'closed', closedReason = ?, version = version + 1 WHERE id = ?",
                               arguments: [reason, id])
            case .ready, .new:
                try db.execute(sql: "UPDATE idea SET status = ?, version = version + 1 WHERE id = ?", arguments: [step.to.rawValue, id])
            }
            try AuditLog.append(db, actor: actor, action: "move", kind: "idea", recordID: id,
                                changes: [FieldChange(field: "status", before: from.rawValue, after: step.to.rawValue)], at: now)
        }
    }

    /// The agenda builder: every idea ready for the Board becomes an agenda item of a
    /// Partnership Board meeting in one step, and moves to "on an agenda". Returns how many.
    @discardableResult
    public func pullReadyIdeas(as actor: Actor, meetingID: Int64, now: Date = Date()) throws(StoreError) -> Int {
        try authorize(actor, .write, .meeting)
        return try write { db in
            guard let kind = try String.fetchOne(db, sql: "SELECT kind FROM meeting WHERE id = ? AND status <> 'cancelled'", arguments: [meetingID]) else {
                throw StoreError.notFound(what: "Meeting \(meetingID)")
            }
            guard kind == "board" else { throw StoreError.invalid("Ideas go to the Partnership Board: pull them into a Board meeting's agenda.") }
            let ideas = try Row.fetchAll(db, sql: """
                SELECT i.id, i.text, a.name AS area FROM idea i JOIN area a ON a.id = i.areaId WHERE i.status = 'ready' ORDER BY i.raisedOn, i.id
                """)
            var position = (try Int.fetchOne(db, sql: "SELECT MAX(position) + 1 FROM agendaItem WHERE meetingId = ?", arguments: [meetingID])) ?? 0
            for idea in ideas {
                let text: String = idea["text"]
                try db.execute(sql: "INSERT INTO agendaItem (meetingId, position, title, summary) VALUES (?, ?, ?, ?)",
                               arguments: [meetingID, position, "Idea from parents in \(idea["area"] as String)",
                                           String(text.prefix(TextLimits.summary))])
                try db.execute(sql: "UPDATE idea SET status = 'on-agenda', agendaItemId = ?, version = version + 1 WHERE id = ?",
                               arguments: [db.lastInsertedRowID, idea["id"] as Int64])
                position += 1
            }
            if !ideas.isEmpty {
                try db.execute(sql: "UPDATE meeting SET version = version + 1, updatedBy = ?, updatedAt = ? WHERE id = ?",
                               arguments: [actor.name, now.timeIntervalSince1970, meetingID])
                try AuditLog.append(db, actor: actor, action: "pull ideas", kind: "meeting", recordID: meetingID,
                                    changes: [FieldChange(field: "agenda", before: nil, after: "\(Plural.count(ideas.count, "idea")) from parents")], at: now)
            }
            return ideas.count
        }
    }

    /// An area's ideas (office staff: any area; a champion: their own area), newest first.
    public func ideas(as actor: Actor, areaID: Int64) throws(StoreError) -> [Idea] {
        try read { db in
            try Self.checkIdeaAccess(db, actor, .read, areaID: areaID)
            return try Row.fetchAll(db, sql: "SELECT * FROM idea WHERE areaId = ? ORDER BY raisedOn DESC, id DESC", arguments: [areaID]).map(Self.idea(from:))
        }
    }

    /// Every idea ready for the Board, oldest first, with its area.
    public func readyIdeas(as actor: Actor) throws(StoreError) -> [Idea] {
        try authorize(actor, .read, .meeting)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM idea WHERE status = 'ready' ORDER BY raisedOn, id").map(Self.idea(from:))
        }
    }

    /// How an area's ideas and the meetings its champions go to spread over the ladder.
    public func ladder(as actor: Actor, areaID: Int64) throws(StoreError) -> LadderSpread {
        try authorize(actor, .read, .area)
        return try read { db in
            var spread: LadderSpread = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT rung, COUNT(*) AS n FROM (
                    SELECT rung FROM idea WHERE areaId = ? AND rung IS NOT NULL
                    UNION ALL
                    SELECT m.rung AS rung FROM meeting m
                    WHERE m.rung IS NOT NULL AND EXISTS (SELECT 1 FROM meetingChampion mc JOIN champion c ON c.id = mc.championId
                                                         WHERE mc.meetingId = m.id AND c.areaId = ?)
                ) GROUP BY rung
                """, arguments: [areaID, areaID]) {
                if let rung = Rung(rawValue: row["rung"]) { spread[rung, default: 0] += row["n"] as Int }
            }
            return spread
        }
    }

    /// Tags a meeting with its rung on the ladder of co-production.
    public func setRung(as actor: Actor, meetingID: Int64, _ rung: Rung?, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .meeting)
        try write { db in
            try db.execute(sql: "UPDATE meeting SET rung = ?, version = version + 1 WHERE id = ?", arguments: [rung?.rawValue, meetingID])
            guard db.changesCount == 1 else { throw StoreError.notFound(what: "Meeting \(meetingID)") }
            try AuditLog.append(db, actor: actor, action: "update", kind: "meeting", recordID: meetingID,
                                changes: [FieldChange(field: "rung", before: nil, after: rung?.rawValue)], at: now)
        }
    }

    static func idea(from row: Row) -> Idea {
        func date(_ key: String) -> LocalDate? { (row[key] as String?).flatMap(LocalDate.init(iso:)) }
        var idea = Idea(id: row["id"], areaID: row["areaId"], raisedOn: date("raisedOn") ?? LocalDate(year: 2000, month: 1, day: 1)!,
                        raisedBy: row["raisedBy"], text: row["text"], status: IdeaStatus(rawValue: row["status"]) ?? .new,
                        rung: (row["rung"] as String?).flatMap(Rung.init(rawValue:)))
        idea.agendaItemID = row["agendaItemId"]
        idea.outcome = row["outcome"]
        idea.decidedOn = date("decidedOn")
        idea.fedBackOn = date("fedBackOn")
        idea.fedBackBy = row["fedBackBy"]
        idea.channel = (row["channel"] as String?).flatMap(FeedbackChannel.init(rawValue:))
        idea.closedReason = row["closedReason"]
        return idea
    }
}
