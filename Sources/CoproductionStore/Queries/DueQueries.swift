import Coproduction
import Foundation
import GRDB

/// One thing that needs the person signed in: a meeting failing a check, an action due, an
/// idea not told back, a certificate running out, a child not collected.
public struct DueItem: Hashable, Sendable {
    /// What it is about.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case meeting, notRecorded = "not-recorded", action, idea, training, incident, uncollected, session, review
    }

    /// The record a line opens.
    public enum Target: Hashable, Sendable {
        case meeting(Int64)
        case area(Int64)
        case register(Int64)
        case staff
        case marketing
        case fund
    }

    /// What it is about.
    public var kind: Kind
    /// Fail: overdue or failing now; warn: coming up; pass: for information (a champion's own meeting).
    public var status: CheckStatus
    /// Whether it is past its day (what `coproduce due` exits 1 for).
    public var overdue: Bool
    /// The day it is about or due, if it has one.
    public var day: LocalDate?
    /// In plain words, saying what to do.
    public var words: String
    /// What Enter opens.
    public var target: Target

    /// Creates an item.
    public init(_ kind: Kind, _ status: CheckStatus, overdue: Bool = false, day: LocalDate?, _ words: String, target: Target) {
        self.kind = kind
        self.status = status
        self.overdue = overdue
        self.day = day
        self.words = words
        self.target = target
    }
}

extension AppDatabase {
    /// Days after a held meeting by which it should be recorded.
    public static let recordWithinDays = 2

    /// What needs `actor` as at `now`, looking `days` ahead (14 for meetings): overdue first,
    /// then by day. Office staff and admins get the programme's; a Parent Champion their own
    /// meetings, actions, area's ideas and reviews; crèche staff their sessions today and
    /// tomorrow and the children in them needing attention. Nothing a role may not read.
    public func due(as actor: Actor, now: LocalDateTime, days: Int = 14) throws(StoreError) -> [DueItem] {
        let today = now.date
        var items: [DueItem]
        switch actor.role {
        case .admin, .office: items = try officeDue(actor, now: now, days: days)
        case .champion: items = try championDue(actor, today: today, days: min(days, 7))
        case .crecheStaff: items = try crecheDue(actor, now: now)
        }
        return items.sorted { a, b in
            if a.overdue != b.overdue { return a.overdue }
            if a.status != b.status { return a.status > b.status }
            return (a.day ?? today) < (b.day ?? today)
        }
    }

    private func officeDue(_ actor: Actor, now: LocalDateTime, days: Int) throws(StoreError) -> [DueItem] {
        let today = now.date
        var out: [DueItem] = []
        var checker = try barrierChecker()
        checker.today = today
        // Meetings in the window failing a check, each with the checks it fails.
        let upcoming = try meetings(as: actor, from: today, offset: 0, limit: 500, checker: checker)
            .filter { $0.meeting.date <= today.adding(days: days) && $0.meeting.status == .planned }
        for item in upcoming {
            let failing = checker.check(item.facts).filter { $0.status == .fail }
            guard let first = failing.first else { continue }
            let m = item.meeting
            out.append(DueItem(.meeting, .fail, day: m.date,
                               "\(m.title), \(m.date.medium.trimmingCharacters(in: .whitespaces)) \(m.start): fails \(failing.map { $0.barrier.name.lowercased() }.joined(separator: ", ")). \(first.reason)",
                               target: .meeting(m.id)))
        }
        let feedbackDays = Int(try text(of: .ideaFeedbackDays)) ?? 28
        out += try read { db in
            var found: [DueItem] = []
            // Held meetings not recorded two days after.
            for r in try Row.fetchAll(db, sql: """
                SELECT id, title, date FROM meeting WHERE status = 'planned' AND kind <> 'pre-meeting' AND date <= ? AND date >= ?
                ORDER BY date
                """, arguments: [today.adding(days: -Self.recordWithinDays).iso, today.adding(days: -90).iso]) {
                guard let day = LocalDate(iso: r["date"]) else { continue }
                found.append(DueItem(.notRecorded, .fail, overdue: true, day: day,
                                   "\(r["title"] as String) on \(day.long) is not recorded: press h on it to record who came and what was decided.",
                                   target: .meeting(r["id"])))
            }
            // Ideas decided and not told back to parents in time.
            for r in try Row.fetchAll(db, sql: """
                SELECT i.id, i.areaId, i.text, i.decidedOn, a.name FROM idea i JOIN area a ON a.id = i.areaId
                WHERE i.status = 'decided' AND i.decidedOn < ? ORDER BY i.decidedOn
                """, arguments: [today.adding(days: -feedbackDays).iso]) {
                guard let day = LocalDate(iso: r["decidedOn"]) else { continue }
                found.append(DueItem(.idea, .fail, overdue: true, day: day,
                                   "\(r["name"] as String): an idea decided on \(day.long) is not told back to parents (\(feedbackDays) days): \"\(Self.short(r["text"]))\".",
                                   target: .area(r["areaId"])))
            }
            return found
        }
        out += try actionsDue(actor, today: today, owner: nil)
        // Champions' refreshers and DBS renewals, within 30 days or past.
        let seesDBS = AccessPolicy.scope(actor.role, .read, .championPrivate) == .all
        out += try read { db in
            var found: [DueItem] = []
            for r in try Row.fetchAll(db, sql: """
                SELECT c.id, c.name, c.areaId, c.refresherDue, p.dbsRenewalDue FROM champion c
                LEFT JOIN championPrivate p ON p.championId = c.id WHERE c.status <> 'left' ORDER BY c.name
                """) {
                for flag in ChampionChecks.flags(refresherDue: (r["refresherDue"] as String?).flatMap(LocalDate.init(iso:)),
                                                 dbsRenewalDue: seesDBS ? (r["dbsRenewalDue"] as String?).flatMap(LocalDate.init(iso:)) : nil,
                                                 today: today) {
                    let what = flag.what == "DBS" ? "DBS check" : "refresher training"
                    found.append(DueItem(.training, flag.status, overdue: flag.status == .fail, day: flag.due,
                                       flag.status == .fail ? "\(r["name"] as String)'s \(what) ran out on \(flag.due.long): renew it."
                                                            : "\(r["name"] as String)'s \(what) runs out on \(flag.due.long).",
                                       target: .area(r["areaId"])))
                }
            }
            return found
        }
        // Crèche staff: first aid, DBS and training under the rules in force today.
        if let rules = checker.settings.rules.inForce(on: today) {
            for member in try staffMembers(as: actor) {
                let standing = StaffStanding(member, on: today, rules: rules)
                if let ran = standing.firstAidRanOut {
                    out.append(DueItem(.training, .fail, overdue: true, day: ran,
                                       "\(member.name)'s paediatric first aid ran out on \(ran.long): book the course.", target: .staff))
                }
                for what in standing.expiring {
                    out.append(DueItem(.training, .warn, day: nil, what, target: .staff))
                }
            }
        }
        out += try incidentsDue(actor, now: now)
        out += try uncollectedDue(actor, now: now)
        return out
    }

    private func championDue(_ actor: Actor, today: LocalDate, days: Int) throws(StoreError) -> [DueItem] {
        guard let me = actor.championID else { return [] }
        var out: [DueItem] = []
        var checker = try barrierChecker()
        checker.today = today
        let hasChildren = try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM child WHERE parentChampionId = ?)", arguments: [me]) ?? false
        }
        for item in try meetings(as: actor, from: today, offset: 0, limit: 200, checker: checker)
        where item.meeting.date <= today.adding(days: days) && item.meeting.status == .planned {
            guard let answer = item.myResponse else { continue }
            let m = item.meeting
            var words = "\(m.title), \(m.date.long) \(m.start) at \(m.venue)"
            switch answer {
            case .confirmed: words += ": you are coming"
            case .apologies: words += ": you sent apologies"
            case .invited: words += ": you have not said yet (a says you are coming, x sends apologies)"
            }
            if hasChildren && answer != .apologies {
                words += item.myChildren.isEmpty
                    ? (item.facts.creche == nil ? "; no crèche at this one." : "; no crèche place booked for your child: ask the office.")
                    : "; crèche place booked for \(item.myChildren.joined(separator: " and "))."
            } else {
                words += "."
            }
            out.append(DueItem(.meeting, answer == .invited ? .warn : .pass, day: m.date, words, target: .meeting(m.id)))
        }
        let name = try read { db in try String.fetchOne(db, sql: "SELECT name FROM champion WHERE id = ?", arguments: [me]) } ?? actor.name
        out += try actionsDue(actor, today: today, owner: name)
        let feedbackDays = Int(try text(of: .ideaFeedbackDays)) ?? 28
        out += try read { db in
            var found: [DueItem] = []
            for r in try Row.fetchAll(db, sql: """
                SELECT i.text, i.decidedOn, i.areaId FROM idea i JOIN champion c ON c.areaId = i.areaId
                WHERE c.id = ? AND i.status = 'decided' ORDER BY i.decidedOn
                """, arguments: [me]) {
                guard let day = LocalDate(iso: r["decidedOn"]) else { continue }
                let late = day < today.adding(days: -feedbackDays)
                found.append(DueItem(.idea, late ? .fail : .warn, overdue: late, day: day,
                                   "Tell parents what happened to their idea (decided \(day.long)): \"\(Self.short(r["text"]))\".",
                                   target: .area(r["areaId"])))
            }
            // Materials sent to parents that this champion has not yet reviewed.
            for r in try Row.fetchAll(db, sql: """
                SELECT m.title FROM material m WHERE m.sentToParents AND (m.submittedBy IS NULL OR m.submittedBy <> ?1)
                AND NOT EXISTS (SELECT 1 FROM materialReview r WHERE r.materialId = m.id AND r.materialVersion = m.materialVersion AND r.championId = ?1)
                ORDER BY m.id
                """, arguments: [me]) {
                found.append(DueItem(.review, .warn, day: nil, "Review \"\(r["title"] as String)\" for parents (M, then choose it).", target: .marketing))
            }
            // Fund proposals waiting for the panel that are not their own and not yet reviewed by them.
            for r in try Row.fetchAll(db, sql: """
                SELECT p.title FROM fundProposal p WHERE p.status IN ('submitted', 'under-review') AND (p.championId IS NULL OR p.championId <> ?)
                AND NOT EXISTS (SELECT 1 FROM fundReview f WHERE f.proposalId = p.id AND f.reviewerUserId = ?)
                ORDER BY p.submittedOn
                """, arguments: [me, actor.userID]) {
                found.append(DueItem(.review, .warn, day: nil, "A fund proposal is waiting for the panel: \"\(r["title"] as String)\" (F).", target: .fund))
            }
            return found
        }
        return out
    }

    private func crecheDue(_ actor: Actor, now: LocalDateTime) throws(StoreError) -> [DueItem] {
        let today = now.date
        var out: [DueItem] = []
        out += try read { db in
            var found: [DueItem] = []
            for r in try Row.fetchAll(db, sql: """
                SELECT m.id, m.title, m.date, m.startMinute, m.endMinute,
                       (SELECT COUNT(*) FROM booking b WHERE b.meetingId = m.id) AS children,
                       (SELECT COUNT(*) FROM crecheStaff s WHERE s.meetingId = m.id) AS staff
                FROM meeting m WHERE m.status <> 'cancelled' AND m.date BETWEEN ? AND ?
                AND m.id IN (SELECT meetingId FROM crecheStaff WHERE userId = ?) ORDER BY m.date, m.startMinute
                """, arguments: [today.iso, today.adding(days: 1).iso, actor.userID]) {
                guard let day = LocalDate(iso: r["date"]), let start = TimeOfDay(minutes: r["startMinute"]),
                      let end = TimeOfDay(minutes: min(1439, r["endMinute"] as Int)) else { continue }
                let children: Int = r["children"]
                let staff: Int = r["staff"]
                found.append(DueItem(.session, .pass, day: day,
                                   "\(day == today ? "Today" : "Tomorrow") \(start)–\(end): \(r["title"] as String). \(children) \(children == 1 ? "child" : "children") booked, \(staff) staff on the rota.",
                                   target: .register(r["id"])))
            }
            return found
        }
        out += try incidentsDue(actor, now: now)
        out += try uncollectedDue(actor, now: now)
        return out
    }

    private func actionsDue(_ actor: Actor, today: LocalDate, owner: String?) throws(StoreError) -> [DueItem] {
        try openActionRows(as: actor, limit: 500).compactMap { row in
            if let owner, row.action.owner.compare(owner, options: [.caseInsensitive, .diacriticInsensitive]) != .orderedSame { return nil }
            guard let due = row.action.due, due <= today.adding(days: 7) else { return nil }
            let late = due < today
            let who = owner == nil ? "\(row.action.owner): " : ""
            return DueItem(.action, late ? .fail : .warn, overdue: late, day: due,
                           "\(who)\(row.action.what) — \(late ? "overdue since" : "due") \(due.long) (from \(row.meetingTitle)).",
                           target: .meeting(row.meetingID))
        }
    }

    private func incidentsDue(_ actor: Actor, now: LocalDateTime) throws(StoreError) -> [DueItem] {
        try incidentsNeedingAttention(as: actor, now: now).flatMap { a in
            a.needs.map { need in
                DueItem(.incident, need.status, overdue: need.status == .fail, day: LocalDateTime(a.incident.at).date,
                        "\(a.incident.childName), incident at \(a.meetingTitle): \(need.words)", target: .register(a.incident.meetingID))
            }
        }
    }

    private func uncollectedDue(_ actor: Actor, now: LocalDateTime) throws(StoreError) -> [DueItem] {
        try uncollectedChildren(as: actor, now: now).compactMap { u in
            guard let line = u.escalation.lines(now: now).first(where: { $0.status != .pass }) else { return nil }
            return DueItem(.uncollected, .fail, overdue: true, day: now.date,
                           "\(u.escalation.childName) is not collected from \(u.meetingTitle): \(line.words)", target: .register(u.meetingID))
        }
    }

    static func short(_ text: String) -> String { text.count > 60 ? String(text.prefix(59)) + "…" : text }
}
