import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

/// The registry of personal data is what subject access, retention and the access policy read,
/// so a table that names a person and is missing from it would be left out of all three.
@Suite struct PersonalDataRegistryTests {
    /// The tables whose rows are people.
    static let personTables: Set<String> = ["champion", "child", "user", "staffMember"]

    /// Whether a column's name says it names a person.
    static func namesAPerson(_ column: String) -> Bool {
        let lower = column.lowercased()
        return ["champion", "child", "user", "staff", "parent", "owner", "reviewer"].contains { lower.contains($0) }
            || column.hasSuffix("By")
    }

    static func demo() throws -> (TemporaryFolder, AppDatabase) {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("p.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return (folder, db)
    }

    @Test func everyColumnThatNamesAPersonIsInTheRegistry() throws {
        let (folder, db) = try Self.demo()
        _ = folder
        let listed = Set(PersonalDataRegistry.kinds.map { "\($0.table).\($0.column)" })
        var missing: [String] = [], stale = listed
        try db.pool.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                """)
            for table in tables {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                let foreign = try Row.fetchAll(db, sql: "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)", arguments: [table])
                    .filter { Self.personTables.contains($0["table"]) }.map { $0["from"] as String }
                for column in columns {
                    let key = "\(table).\(column)"
                    stale.remove(key)
                    let personal = foreign.contains(column) || Self.namesAPerson(column) || (Self.personTables.contains(table) && column == "id")
                    let excused = PersonalDataRegistry.notPersonal[key] != nil || PersonalDataRegistry.notPersonal[column] != nil
                    if personal && !listed.contains(key) && !excused { missing.append(key) }
                }
            }
        }
        #expect(missing == [], "These columns name a person but are not in PersonalDataRegistry.kinds (or notPersonal, with a reason).")
        #expect(stale.isEmpty, "The registry names columns the schema does not have: \(stale.sorted())")
    }

    @Test func whatChampionsAndCrecheStaffMayNotAllReadIsNotOpenToThem() {
        for kind in PersonalDataRegistry.kinds where kind.openBecause == nil {
            for role in [Role.champion, .crecheStaff] {
                #expect(AccessPolicy.scope(role, .read, kind.access) != .all,
                        "\(kind.table).\(kind.column) is read by every \(role.name) through \(kind.access.name), and the registry gives no reason")
            }
        }
    }

    @Test func retentionDeletesWhatTheRegistrySaysInTheRightOrder() {
        #expect(PersonalDataRegistry.deleted(by: .child).map { "\($0.table).\($0.key)" }
                    == ["mustNotCollect.childId", "temporaryCollector.childId", "collectorPassword.childId", "uncollectedStep.childId",
                        "registerEvent.childId", "booking.childId", "child.id"])
        #expect(PersonalDataRegistry.deleted(by: .championDetails).map(\.table) == ["reminderSent", "contactPreference", "accessNeed", "championPrivate"])
        #expect(PersonalDataRegistry.deleted(by: .reward).map { "\($0.table).\($0.key)" } == ["reward.id"])
        // Every kind with a retention period deletes something.
        for kind in RetentionKind.allCases { #expect(!PersonalDataRegistry.deleted(by: kind).isEmpty) }
    }

    @Test func subjectAccessReportsEverySectionTheRegistryNames() throws {
        let (folder, db) = try Self.demo()
        _ = folder
        let report = try db.subjectAccess(as: testAdmin, championID: 1, parentName: nil)
        #expect(report.sections.map(\.heading) == PersonalDataRegistry.parentSections)
        #expect(Set(AppDatabase.subjectAccessQueries.keys) == Set(PersonalDataRegistry.parentSections))
        // A parent who is not a champion: their children and the crèche.
        try db.addChild(as: testAdmin, Child(firstName: "Ava", familyName: "Reid", dateOfBirth: LocalDate(iso: "2024-03-01")!,
                                             parentName: "Kim Reid"), today: fixedToday)
        let theirs = try db.subjectAccess(as: testAdmin, championID: nil, parentName: "Kim Reid")
        #expect(theirs.sections.map(\.heading) == ["Children", "Crèche bookings and register", "Who may collect", "Accidents and incidents"])
        #expect(theirs.sections[0].records.count >= 1)
        // Thanked for coming to a focus group: their voucher is theirs to see too.
        _ = try db.addReward(as: testAdmin, Reward(recipient: .parent(0), kind: .voucher, reason: .focusGroup, amount: .pounds(20), date: fixedToday),
                         forOtherParentNamed: "Kim  Reid")
        let withVoucher = try db.subjectAccess(as: testAdmin, championID: nil, parentName: "Kim Reid")
        #expect(withVoucher.sections.map(\.heading).first == "Vouchers and expenses")
        #expect(withVoucher.sections[0].records.count == 1)
    }
}
