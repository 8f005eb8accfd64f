import Coproduction
import CoproductionStore
import Foundation
import Testing

/// The register of crèche staff keeps what makes each person count, and refuses what cannot be.
@Suite struct SaveStaffMemberTests {
    func database() throws -> (AppDatabase, TemporaryFolder) {
        let folder = TemporaryFolder()
        return (try AppDatabase.open(path: folder.path("staff.sqlite")), folder)
    }

    @Test func everyRecordIsKeptAndAudited() throws {
        let (db, folder) = try database()
        _ = folder
        var kim = StaffMember(name: "Kim Ray", level: 3, paediatricFirstAid: false)
        kim.firstAid = .emergency
        kim.firstAidOn = LocalDate(iso: "2026-02-01")
        kim.dateOfBirth = LocalDate(iso: "2007-05-04")
        kim.student = true
        kim.competent = true
        kim.safeguardingOn = LocalDate(iso: "2026-09-01")
        kim.dbsOn = LocalDate(iso: "2026-08-15")
        let id = try db.saveStaffMember(as: testAdmin, kim, today: fixedToday)
        kim.id = id
        #expect(try db.staffMembers(as: testAdmin) == [kim])
        kim.safeguardingOn = LocalDate(iso: "2026-11-20")
        try db.saveStaffMember(as: testAdmin, kim, today: fixedToday)
        let audit = try db.auditEntries(as: testAdmin).first { $0.recordKind == "staff" && $0.action == "update" }
        #expect(audit?.changes.map(\.field) == ["safeguardingOn"])
    }

    @Test func aDateOfBirthUnder16YearsAgoIsRefusedBesideItsField() throws {
        let (db, folder) = try database()
        _ = folder
        var sam = StaffMember(name: "Sam Lee", level: 2, paediatricFirstAid: false)
        sam.dateOfBirth = LocalDate(iso: "2010-11-28")
        #expect(throws: StoreError.fields([FieldIssue(field: "date_of_birth", message: "born 28 Nov 2010 makes them under 16; nobody under 16 works in the crèche. Check the year.")])) {
            try db.saveStaffMember(as: testAdmin, sam, today: fixedToday)
        }
        sam.dateOfBirth = LocalDate(iso: "2010-11-27")
        #expect(throws: Never.self) { try db.saveStaffMember(as: testAdmin, sam, today: fixedToday) }
    }

    @Test func aFirstAidDateWithoutACertificateOrInTheFutureIsRefused() throws {
        let (db, folder) = try database()
        _ = folder
        var dan = StaffMember(name: "Dan Mills", level: 2, paediatricFirstAid: false)
        dan.firstAidOn = LocalDate(iso: "2026-01-01")
        dan.dbsOn = LocalDate(iso: "2026-12-01")
        #expect(throws: StoreError.fields([
            FieldIssue(field: "dbs_on", message: "the DBS check cannot be dated after today (1 Dec 2026)."),
            FieldIssue(field: "first_aid_on", message: "a first aid date is given but no certificate: choose full or emergency, or clear the date."),
        ])) { try db.saveStaffMember(as: testAdmin, dan, today: fixedToday) }
        #expect(try db.staffMembers(as: testAdmin).isEmpty, "nothing was saved")
    }

    @Test func theRulesShippedAreTheLawsRowsWithTheirSources() throws {
        let (db, folder) = try database()
        _ = folder
        let book = try db.crecheRules()
        #expect(book.rows.map(\.effectiveFrom.iso) == ["2021-09-01", "2023-09-04", "2024-01-04", "2025-09-01"])
        #expect(book.rows.map(\.two) == [4, 5, 5, 5])
        #expect(book.rows.map(\.studentsAtLevelBelow) == [false, false, true, true])
        #expect(book.rows.map(\.safeguardingRenewalYears) == [nil, nil, nil, 2])
        #expect(book.rows.allSatisfy { $0.source.contains("EYFS statutory framework") })
        #expect(try db.barrierChecker().settings.rules == book)
    }
}
