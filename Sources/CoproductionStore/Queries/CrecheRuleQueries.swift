import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Every dated row of crèche rules (anyone signed in may read the law).
    public func crecheRules() throws(StoreError) -> CrecheRuleBook {
        try read { db in try Self.crecheRules(db) }
    }

    static func crecheRules(_ db: Database) throws -> CrecheRuleBook {
        CrecheRuleBook(try Row.fetchAll(db, sql: "SELECT * FROM crecheRule ORDER BY effectiveFrom").compactMap { r -> CrecheRules? in
            guard let from = LocalDate(iso: r["effectiveFrom"]), let pfa = LocalDate(iso: r["firstAidNeededForLevelsFrom"]) else { return nil }
            return CrecheRules(effectiveFrom: from, source: r["source"], underTwo: r["underTwo"], two: r["two"],
                               threeAndOver: r["threeAndOver"], threeAndOverWithLevel6: r["threeAndOverLevel6"],
                               minimumStaffAge: r["minimumStaffAge"], firstAidValidYears: r["firstAidValidYears"],
                               firstAidNeededForLevelsFrom: pfa, studentsAtLevelBelow: r["studentsAtLevelBelow"],
                               studentsNeedFirstAid: r["studentsNeedFirstAid"], safeguardingRenewalYears: r["safeguardingRenewalYears"])
        })
    }
}

extension StaffMember {
    /// A member as a `staffMember` row holds them.
    static func register(_ r: Row) -> StaffMember {
        var m = StaffMember(id: r["id"], name: r["name"], level: r["level"], paediatricFirstAid: r["firstAid"], accountID: r["userId"])
        m.firstAid = FirstAidCertificate(rawValue: r["firstAidKind"] ?? "") ?? (r["firstAid"] ? .full : .none)
        m.firstAidOn = (r["firstAidOn"] as String?).flatMap(LocalDate.init(iso:))
        m.dateOfBirth = (r["dateOfBirth"] as String?).flatMap(LocalDate.init(iso:))
        m.seventeenOrOver = r["seventeenOrOver"] ?? false
        m.fullAndRelevant = r["fullAndRelevant"] ?? true
        m.qualifiedOn = (r["qualifiedOn"] as String?).flatMap(LocalDate.init(iso:))
        m.student = r["student"] ?? false
        m.competent = r["competent"] ?? false
        m.safeguardingOn = (r["safeguardingOn"] as String?).flatMap(LocalDate.init(iso:))
        m.dbsOn = (r["dbsOn"] as String?).flatMap(LocalDate.init(iso:))
        return m
    }

    /// What the register's audit entries name, field by field.
    var auditFields: [String: String?] {
        ["name": name, "level": String(level), "firstAid": firstAid.word, "firstAidOn": firstAidOn?.iso,
         "dateOfBirth": dateOfBirth?.iso, "over17": seventeenOrOver ? "yes" : "no", "fullAndRelevant": fullAndRelevant ? "yes" : "no",
         "qualifiedOn": qualifiedOn?.iso, "student": student ? "yes" : "no", "competent": competent ? "yes" : "no",
         "safeguardingOn": safeguardingOn?.iso, "dbsOn": dbsOn?.iso]
    }
}
