import Coproduction
import CoproductionStore
import Foundation
import Testing

/// The set-up form's champion, saved in one transaction: everything, or nothing.
@Suite struct SaveChampionTests {
    func database() throws -> (AppDatabase, TemporaryFolder) {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("champion.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return (db, folder)
    }

    let contact = ChampionContact(phone: "07700 900111", email: "jade@example.org", dbsNumber: "001234567890",
                                  dbsIssued: LocalDate(iso: "2026-01-10"), dbsRenewalDue: LocalDate(iso: "2029-01-10"))

    @Test func aNewChampionIsSavedWithTrainingStatusAndContactTogether() throws {
        let (db, _folder) = try database()
        _ = _folder
        let id = try db.saveChampion(as: testAdmin, ChampionEdit(
            id: nil, name: "Jade Turner", areaID: 1, trained: LocalDate(iso: "2026-10-01"), course: "Parent Champion induction",
            refresher: LocalDate(iso: "2027-10-01"), status: .paused, reason: "new baby", since: LocalDate(iso: "2026-11-02"),
            contact: contact), today: fixedToday)
        let record = try #require(try db.championRecords(as: testAdmin).first { $0.champion.id == id })
        #expect(record.champion.name == "Jade Turner" && record.status == .paused && record.statusReason == "new baby")
        #expect(record.statusSince == LocalDate(iso: "2026-11-02"))
        #expect(record.trainingCourse == "Parent Champion induction" && record.refresherDue == LocalDate(iso: "2027-10-01"))
        #expect(record.phone == "07700 900111" && record.dbsNumber == "001234567890")
        // The audit names the area, not its id.
        let created = try #require(try db.auditEntries(as: testAdmin).first { $0.action == "create" && $0.recordID == id })
        #expect(created.changes.contains { $0.field == "area" && $0.after == "Kursaal" })
    }

    @Test func aRefusedSaveWritesNothing() throws {
        let (db, _folder) = try database()
        _ = _folder
        let before = try db.championRecords(as: testAdmin).count
        let audits = try db.auditEntries(as: testAdmin).count
        // A retired area is refused after nothing else has been written.
        try db.setAreaRetired(as: testAdmin, id: 6, retired: true)
        #expect(throws: StoreError.self) {
            try db.saveChampion(as: testAdmin, ChampionEdit(id: nil, name: "Nobody New", areaID: 6, trained: fixedToday, course: "x",
                                                            refresher: nil, status: .active, reason: "", contact: contact), today: fixedToday)
        }
        #expect(try db.championRecords(as: testAdmin).count == before)
        #expect(try db.auditEntries(as: testAdmin).count == audits + 1, "only the area's retirement is in the audit")
        // A status changed on a day still to come is refused.
        #expect(throws: StoreError.invalid("since: Mon 30 Nov 2026 is in the future.")) {
            try db.saveChampion(as: testAdmin, ChampionEdit(id: 3, name: "Hannah Clarke", areaID: 2, trained: nil, course: "", refresher: nil,
                                                            status: .left, reason: "moved", since: LocalDate(iso: "2026-11-30"), contact: nil),
                                today: fixedToday)
        }
        // Paused without a reason is refused too.
        #expect(throws: StoreError.invalid("why: say why the champion has paused.")) {
            try db.saveChampion(as: testAdmin, ChampionEdit(id: 3, name: "Hannah Clarke", areaID: 2, trained: nil, course: "",
                                                            refresher: nil, status: .paused, reason: " ", contact: nil), today: fixedToday)
        }
    }

    @Test func savingUnchangedDetailsWritesNoAuditEntry() throws {
        let (db, _folder) = try database()
        _ = _folder
        let hannah = try #require(try db.championRecords(as: testAdmin).first { $0.champion.name == "Hannah Clarke" })
        let audits = try db.auditEntries(as: testAdmin).count
        try db.saveChampion(as: testAdmin, ChampionEdit(
            id: hannah.champion.id, name: hannah.champion.name, areaID: hannah.champion.areaID, trained: hannah.champion.trainedOn,
            course: hannah.trainingCourse ?? "", refresher: hannah.refresherDue, status: hannah.status, reason: hannah.statusReason ?? "",
            contact: ChampionContact(phone: hannah.phone ?? "", email: hannah.email ?? "", dbsNumber: hannah.dbsNumber ?? "",
                                     dbsIssued: hannah.dbsIssued, dbsRenewalDue: hannah.dbsRenewalDue)), today: fixedToday)
        #expect(try db.auditEntries(as: testAdmin).count == audits)
    }

    @Test func onlyOfficeStaffAndAdminsSaveAChampionAndOnlyTheyTouchContactDetails() throws {
        let (db, _folder) = try database()
        _ = _folder
        for role in Role.allCases {
            let name = try #require(DemoData.accounts.first { $0.role == role }).name
            let actor = try db.signIn(name: name, secret: DemoData.demoPIN)
            let edit = ChampionEdit(id: 3, name: "Hannah Clarke", areaID: 2, trained: nil, course: "", refresher: nil,
                                    status: .active, reason: "", contact: contact)
            let denied = refused { () throws(StoreError) in try db.saveChampion(as: actor, edit, today: fixedToday) }
            #expect(denied == ![.admin, .office].contains(role), "\(role)")
        }
    }

    /// Whether the store refused the call for the actor's role.
    func refused(_ body: () throws(StoreError) -> Int64) -> Bool {
        do {
            _ = try body()
            return false
        } catch {
            if case .denied = error { return true }
            return false
        }
    }
}
