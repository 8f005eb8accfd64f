import Coproduction
import Foundation
import GRDB

/// A champion to import.
public struct ChampionImport: Sendable {
    /// Name.
    public var name: String
    /// Area id.
    public var areaID: Int64
    /// Trained on, if known.
    public var trainedOn: LocalDate?
    /// The course.
    public var course: String
    /// Refresher due, if known.
    public var refresherDue: LocalDate?

    /// Creates a row.
    public init(name: String, areaID: Int64, trainedOn: LocalDate?, course: String, refresherDue: LocalDate?) {
        self.name = name
        self.areaID = areaID
        self.trainedOn = trainedOn
        self.course = course
        self.refresherDue = refresherDue
    }
}

extension AppDatabase {
    /// Imports champions in one transaction: all or none.
    public func importChampions(as actor: Actor, _ rows: [ChampionImport], now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .champion)
        try write { db in
            for r in rows {
                let id = try RecordWrites.insertChampion(db, name: r.name, areaID: r.areaID, trainedOn: r.trainedOn, active: true)
                try db.execute(sql: "UPDATE champion SET trainingCourse = ?, refresherDue = ? WHERE id = ?",
                               arguments: [r.course.isEmpty ? nil : r.course, r.refresherDue?.iso, id])
            }
            try AuditLog.append(db, actor: actor, action: "import", kind: "champion", recordID: nil,
                                changes: [FieldChange(field: "rows", before: nil, after: String(rows.count))], at: now)
        }
    }

    /// Imports children in one transaction: all or none. Each must pass ``Child/problems(today:)``.
    public func importChildren(as actor: Actor, _ children: [Child], today: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .child)
        for (i, c) in children.enumerated() where !c.problems(today: today).isEmpty {
            throw .invalid("row \(i + 1): " + c.problems(today: today).map { "\($0.field.words): \($0.message)" }.joined(separator: "; "))
        }
        try write { db in
            for c in children {
                try db.execute(sql: """
                    INSERT INTO child (firstName, familyName, dateOfBirth, parentName, parentChampionId, collectors, emergencyContact, notes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [c.firstName, c.familyName, c.dateOfBirth.iso, c.parentName, c.parentChampionID,
                                     c.collectors.joined(separator: "\n"), c.emergencyContact ?? "", c.notes ?? ""])
            }
            try AuditLog.append(db, actor: actor, action: "import", kind: "child", recordID: nil,
                                changes: [FieldChange(field: "rows", before: nil, after: String(children.count))], at: now)
        }
    }
}
