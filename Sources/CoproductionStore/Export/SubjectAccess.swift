import Coproduction
import Foundation
import GRDB

/// Everything held about one parent and their children, for a subject access request.
public struct SubjectAccessReport: Sendable {
    /// Sections in order: a heading and its records, each record as ordered field/value pairs.
    public var sections: [(heading: String, records: [[(String, String)]])]

    /// JSON: an object per section, each an array of records.
    public func json() throws -> Data {
        var object: [String: [[String: String]]] = [:]
        for s in sections { object[s.heading] = s.records.map { Dictionary($0, uniquingKeysWith: { a, _ in a }) } }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    /// A readable text version.
    public func text(title: String) -> String {
        var out = [title, String(repeating: "=", count: title.count), ""]
        for s in sections {
            out.append(s.heading)
            out.append(String(repeating: "-", count: s.heading.count))
            if s.records.isEmpty { out.append("(nothing held)") }
            for record in s.records {
                for (k, v) in record where !v.isEmpty { out.append("\(k): \(v)") }
                out.append("")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}

extension AppDatabase {
    /// Everything held about a Parent Champion (their record, contact details and DBS, their
    /// meetings and attendance, the ideas they raised or fed back, their children with every
    /// booking and register entry), or about a parent named on children's records.
    public func subjectAccess(as actor: Actor, championID: Int64?, parentName: String?) throws(StoreError) -> SubjectAccessReport {
        try authorize(actor, .read, .championPrivate)
        try authorize(actor, .read, .childNotes)
        // A write transaction: the request itself is recorded in the audit trail.
        return try write { db in
            func rows(_ sql: String, _ args: StatementArguments) throws -> [[(String, String)]] {
                try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                    row.columnNames.map { name in (name, row[name].map { "\($0)" } ?? "") }
                }
            }
            var parent = parentName ?? ""
            var byHeading: [String: [[(String, String)]]] = [:]
            if let championID {
                let champion = try rows(Self.subjectAccessQueries["Parent Champion record"]!, [championID])
                guard !champion.isEmpty else { throw StoreError.notFound(what: "Champion \(championID)") }
                parent = champion[0].first { $0.0 == "name" }?.1 ?? parent
            }
            let childFilter = championID != nil ? "parentChampionId = ? OR parentName = ?" : "parentName = ?"
            let childArgs: StatementArguments = championID != nil ? [championID!, parent] : [parent]
            // Every section the registry of personal data names, each from its own query.
            for heading in PersonalDataRegistry.parentSections {
                guard let sql = Self.subjectAccessQueries[heading] else {
                    throw StoreError.invalid("Subject access has no query for “\(heading)”: nothing was reported.")
                }
                if sql.contains("{children}") {
                    let filter = heading == "Children" ? childFilter : childFilter.replacingOccurrences(of: "parent", with: "k.parent")
                    byHeading[heading] = try rows(sql.replacingOccurrences(of: "{children}", with: filter), childArgs)
                } else if let championID {
                    byHeading[heading] = try rows(sql, StatementArguments(Array(repeating: championID, count: sql.components(separatedBy: "?").count - 1)))
                } else if heading == "Vouchers and expenses" {
                    // Another parent (not a champion) thanked or paid back, by their name.
                    let theirs = try rows(sql.replacingOccurrences(
                        of: "WHERE championId = ?", with: "WHERE otherParentId = (SELECT id FROM otherParent WHERE name = ?)"), [parent])
                    if !theirs.isEmpty { byHeading[heading] = theirs }
                }
            }
            if championID == nil && (byHeading["Children"] ?? []).isEmpty && (byHeading["Vouchers and expenses"] ?? []).isEmpty {
                throw StoreError.notFound(what: "A parent called \(parent)")
            }
            let sections: [(String, [[(String, String)]])] = PersonalDataRegistry.parentSections.compactMap { heading in
                byHeading[heading].map { (heading, $0) }
            }
            try AuditLog.append(db, actor: actor, action: "subject access", kind: championID != nil ? "champion" : "child", recordID: championID,
                                changes: [FieldChange(field: "for", before: nil, after: parent)])
            return SubjectAccessReport(sections: sections)
        }
    }
}

extension AppDatabase {
    /// The query behind each subject access section, by the heading the registry of personal
    /// data gives it. `?` is the champion's id; `{children}` is replaced by the filter that
    /// finds the parent's children.
    static let subjectAccessQueries: [String: String] = [
        "Parent Champion record": """
            SELECT c.id, c.name, a.name AS area, c.status, c.statusReason, c.statusSince, c.trainedOn, c.trainingCourse,
                   c.refresherDue, p.phone, p.email, p.dbsNumber, p.dbsIssued, p.dbsRenewalDue
            FROM champion c JOIN area a ON a.id = c.areaId LEFT JOIN championPrivate p ON p.championId = c.id WHERE c.id = ?
            """,
        "Sign-in account": """
            SELECT name, role, CASE WHEN disabled THEN 'yes' ELSE 'no' END AS disabled, datetime(createdAt, 'unixepoch') || ' UTC' AS created
            FROM user WHERE championId = ?
            """,
        "Meetings": """
            SELECT m.date, m.title, m.status, mc.response AS answer, mc.attendance FROM meetingChampion mc
            JOIN meeting m ON m.id = mc.meetingId WHERE mc.championId = ? ORDER BY m.date
            """,
        "Ideas raised or fed back": """
            SELECT raisedOn, text, status, outcome, fedBackOn, channel FROM idea WHERE raisedBy = ? OR fedBackBy = ? ORDER BY raisedOn
            """,
        "Vouchers and expenses": """
            SELECT date, kind, reason, printf('%d.%02d', pence / 100, pence % 100) AS pounds,
                   CASE WHEN declined THEN 'declined' ELSE 'given' END AS taken,
                   CASE WHEN benefitsAdvice THEN 'yes' ELSE 'no' END AS benefitsAdviceOffered, note
            FROM reward WHERE championId = ? ORDER BY date
            """,
        "Engagement Fund proposals": """
            SELECT submittedOn, title, purpose, printf('%d.%02d', requestedPence / 100, requestedPence % 100) AS requested, status,
                   decisionReason, decidedOn, deliveredOn, deliveryNote, impact
            FROM fundProposal WHERE championId = ? ORDER BY submittedOn
            """,
        "Engagement Fund reviews": """
            SELECT r.reviewedOn, p.title AS proposal, r.reviewer, r.recommendation, r.comment FROM fundReview r
            JOIN fundProposal p ON p.id = r.proposalId JOIN user u ON u.id = r.reviewerUserId
            WHERE u.championId = ? ORDER BY r.reviewedOn
            """,
        "Answers on marketing materials": """
            SELECT r.reviewedOn, m.title AS material, r.materialVersion AS version, r.verdict, r.comment FROM materialReview r
            JOIN material m ON m.id = r.materialId WHERE r.championId = ? ORDER BY r.reviewedOn
            """,
        "Materials sent in": """
            SELECT createdOn, title, kind, service, text FROM material WHERE submittedBy = ? ORDER BY createdOn
            """,
        "Children": """
            SELECT id, firstName, familyName, dateOfBirth, parentName, collectors, emergencyContact, notes FROM child WHERE {children}
            """,
        "Crèche bookings and register": """
            SELECT k.firstName || ' ' || k.familyName AS child, m.date, m.title, e.kind AS event, datetime(e.at, 'unixepoch') || ' UTC' AS at,
                   e.collectedBy, e.reason, e.recordedBy,
                   (SELECT group_concat(u.step || ' at ' || datetime(u.at, 'unixepoch') || ' UTC by ' || u.byName
                                        || CASE WHEN u.note <> '' THEN ' (' || u.note || ')' ELSE '' END, '; ')
                      FROM uncollectedStep u WHERE u.bookingId = b.id) AS callsWhenNotCollected
            FROM booking b JOIN child k ON k.id = b.childId JOIN meeting m ON m.id = b.meetingId
            LEFT JOIN registerEvent e ON e.bookingId = b.id WHERE {children}
            ORDER BY m.date, e.at
            """,
        "Who may collect": """
            WITH kids AS (SELECT k.id, k.firstName || ' ' || k.familyName AS child FROM child k WHERE {children})
            SELECT kids.child, 'collection password set (not shown)' AS entry, p.name AS person, '' AS detail, p.setBy AS recordedBy
            FROM collectorPassword p JOIN kids ON kids.id = p.childId
            UNION ALL
            SELECT kids.child, 'temporary collector', t.name, 'for ' || t.validOn, t.addedBy
            FROM temporaryCollector t JOIN kids ON kids.id = t.childId
            UNION ALL
            SELECT kids.child, 'must not collect', n.name, n.reason || CASE WHEN n.courtOrderSeen THEN ' (court order seen)' ELSE '' END,
                   n.recordedBy
            FROM mustNotCollect n JOIN kids ON kids.id = n.childId
            """,
        "Access needs": """
            SELECT need, language, recordedBy FROM accessNeed WHERE championId = ? ORDER BY id
            """,
        "E-mail reminders: consent and address": """
            SELECT CASE WHEN emailReminders THEN 'yes' ELSE 'no' END AS emailReminders, address, agreedOn, recordedBy
            FROM contactPreference WHERE championId = ?
            """,
        "E-mail reminders sent": """
            SELECT r.meetingUid, m.title AS meeting, r.offsetMinutes, datetime(r.sentAt, 'unixepoch') || ' UTC' AS sentAt
            FROM reminderSent r LEFT JOIN meeting m ON m.id = r.meetingId WHERE r.championId = ? ORDER BY r.sentAt
            """,
        "Declarations of interest": """
            SELECT person, what, fromDate AS since, untilDate AS until, recordedBy FROM interest WHERE championId = ? ORDER BY fromDate
            """,
        "Accidents and incidents": """
            SELECT i.childName AS child, m.title AS session, datetime(i.at, 'unixepoch') || ' UTC' AS at, i.place, i.what,
                   CASE WHEN i.onArrival THEN 'yes' ELSE 'no' END AS injuryNoticedOnArrival, i.firstAidBy, i.firstAidGiven, i.action,
                   CASE WHEN i.serious THEN 'yes' ELSE 'no' END AS serious, i.recordedBy,
                   (SELECT group_concat(f.kind || ': ' || f.byName || ', ' || datetime(f.at, 'unixepoch') || ' UTC'
                                        || CASE WHEN f.detail <> '' THEN ' (' || f.detail || ')' ELSE '' END, '; ')
                      FROM incidentFollowUp f WHERE f.incidentId = i.id) AS followUps
            FROM incident i JOIN child k ON k.id = i.childId JOIN meeting m ON m.id = i.meetingId WHERE {children}
            ORDER BY i.at
            """,
    ]
}
