import Coproduction
import CoproductionStore
import Foundation
import GRDB
import Testing

/// Who may collect, through the store: passwords kept hashed and answered match or no match,
/// the must-not-collect list refusing a sign-out (and saying so in the audit trail), temporary
/// collectors for their one day, the minimum age for someone not on the list.
@Suite struct CollectionWritesTests {
    /// The demo's pre-meeting (meeting 14) and Amara Okafor, signed in there.
    func demo() throws -> (AppDatabase, TemporaryFolder, RegisterRow) {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("collect.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let row = try #require(try db.register(as: testAdmin, meetingID: 14).first { $0.child.firstName == "Amara" })
        return (db, folder, row)
    }
    let ten = LocalDateTime(iso: "2026-11-27T10:00")!.instant

    @Test func aPasswordIsStoredHashedAndAnsweredMatchOrNoMatch() throws {
        let (db, folder, row) = try demo()
        _ = folder
        let short = #expect(throws: StoreError.self) {
            try db.setCollectorPassword(as: testAdmin, childID: row.child.id, collector: "Grace Okafor", password: "abc", today: fixedToday)
        }
        guard case .fields(let issues)? = short else { Issue.record("expected a field problem"); return }
        #expect(issues.map(\.field) == ["password"] && issues[0].message.contains("at least 4"))
        try db.setCollectorPassword(as: testAdmin, childID: row.child.id, collector: "grace okafor", password: "blue", today: fixedToday)
        let stored = try db.read { db in try Data.fetchOne(db, sql: "SELECT secretHash FROM collectorPassword") }
        #expect(stored != nil && stored != Data("blue".utf8) && stored?.count == 32)
        #expect(try db.collectionSafety(as: testAdmin, childID: row.child.id).withPassword == ["Grace Okafor"])
        #expect(throws: StoreError.self, "no password given") {
            try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: "Grace Okafor")
        }
        let wrong = #expect(throws: StoreError.self) {
            try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: "Grace Okafor", password: "bleu")
        }
        #expect(wrong?.description.contains("NO MATCH") == true)
        #expect(try db.auditEntries(as: testAdmin).contains { $0.action == "collection password no match" })
        try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: "Grace Okafor", password: "blue")
        #expect(try db.register(as: testAdmin, meetingID: 14).first { $0.bookingID == row.bookingID }.map {
            if case .signedOut = $0.state { return true } else { return false }
        } == true)
    }

    @Test func mustNotCollectBlocksTheSignOutAndIsAudited() throws {
        let (db, folder, row) = try demo()
        _ = folder
        // Tunde is a named collector: which stands is asked, and nothing is saved until it is said.
        let clash = #expect(throws: StoreError.self) {
            try db.addMustNotCollect(as: testAdmin, childID: row.child.id, MustNotCollect(name: "tunde okafor", reason: "court order"))
        }
        guard case .fields(let issues)? = clash else { Issue.record("expected a field problem"); return }
        #expect(issues.first?.field == "stands" && issues[0].message.contains("Which stands?"))
        #expect(try db.collectionSafety(as: testAdmin, childID: row.child.id).mustNotCollect.isEmpty)
        try db.addMustNotCollect(as: testAdmin, childID: row.child.id, MustNotCollect(name: "Tunde Okafor", reason: "court order", courtOrderSeen: true),
                                 mustNotCollectStands: true)
        #expect(try db.children(as: testAdmin).first { $0.id == row.child.id }?.collectors.contains("Tunde Okafor") == false)
        let refused = #expect(throws: StoreError.self) {
            try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: " TUNDE  okafor ", reason: "says he is dad")
        }
        #expect(refused?.description.contains("MUST NOT COLLECT AMARA") == true)
        #expect(try db.auditEntries(as: testAdmin).contains { $0.action == "collection refused" })
        #expect(try db.register(as: testAdmin, meetingID: 14).first { $0.bookingID == row.bookingID }.map {
            if case .inCreche = $0.state { return true } else { return false }
        } == true, "still in the crèche")
        // Putting them back on the child's list is refused beside the field.
        var child = try #require(try db.children(as: testAdmin).first { $0.id == row.child.id })
        child.collectors.append("Tunde Okafor")
        #expect(throws: StoreError.self) { try db.updateChild(as: testAdmin, id: child.id, child, today: fixedToday) }
    }

    @Test func aTemporaryCollectorCountsOnTheirOneDayOnly() throws {
        let (db, folder, row) = try demo()
        _ = folder
        try db.addTemporaryCollector(as: testAdmin, childID: row.child.id, name: "Auntie Bisi", on: fixedToday.adding(days: 1), today: fixedToday)
        #expect(throws: StoreError.self, "tomorrow's collector is not on today's list: a reason is asked") {
            try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: "Auntie Bisi")
        }
        try db.addTemporaryCollector(as: testAdmin, childID: row.child.id, name: "Auntie Bisi", on: fixedToday, today: fixedToday)
        try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: "Auntie Bisi")
        let out = try #require(try db.register(as: testAdmin, meetingID: 14).first { $0.bookingID == row.bookingID })
        #expect(!out.collectedByStranger, "a temporary collector on their day is on the list")
        #expect(throws: StoreError.self, "a day gone by") {
            try db.addTemporaryCollector(as: testAdmin, childID: row.child.id, name: "X", on: fixedToday.adding(days: -1), today: fixedToday)
        }
    }

    @Test func someoneNotOnTheListMustBeTheMinimumAgeOrOver() throws {
        let (db, folder, row) = try demo()
        _ = folder
        #expect(try db.number(of: .collectorMinimumAge) == 16)
        let young = #expect(throws: StoreError.self) {
            try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: "Sam Smith", reason: "neighbour", collectorAge: 15)
        }
        #expect(young?.description.contains("must be 16 or over") == true)
        #expect(throws: StoreError.self, "the age is asked") {
            try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: "Sam Smith", reason: "neighbour")
        }
        try db.signOut(as: testAdmin, bookingID: row.bookingID, at: ten, collectedBy: "Sam Smith", reason: "neighbour", collectorAge: 16)
        #expect(try db.register(as: testAdmin, meetingID: 14).first { $0.bookingID == row.bookingID }?.collectionReason == "neighbour (aged 16)")
    }

    @Test func onlyTheOfficeTheSessionsStaffAndTheChildsOwnParentSeeIt() throws {
        let (db, folder, row) = try demo()
        _ = folder
        try db.addMustNotCollect(as: testAdmin, childID: row.child.id, MustNotCollect(name: "Someone Else", reason: "parent asked"))
        let staff = try db.signIn(name: "Crèche Demo", secret: DemoData.demoPIN)
        #expect(try db.collectionSafety(as: staff, childID: row.child.id).mustNotCollect.map(\.name) == ["Someone Else"])
        #expect(try db.register(as: staff, meetingID: 14).first { $0.bookingID == row.bookingID }?.mustNotCollect == ["Someone Else"])
        let champion = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let amarasParent = try db.read { db in try Int64.fetchOne(db, sql: "SELECT parentChampionId FROM child WHERE id = ?", arguments: [row.child.id]) }
        if amarasParent == champion.championID {
            #expect(try db.collectionSafety(as: champion, childID: row.child.id).mustNotCollect.count == 1)
        } else {
            #expect(throws: StoreError.self) { try db.collectionSafety(as: champion, childID: row.child.id) }
        }
        let own = try db.children(as: champion)
        for child in own { _ = try db.collectionSafety(as: champion, childID: child.id) }
        #expect(throws: StoreError.self, "a champion never writes it") {
            try db.addTemporaryCollector(as: champion, childID: own.first?.id ?? row.child.id, name: "X", on: fixedToday, today: fixedToday)
        }
        // A champion's own register rows carry no must-not-collect names.
        #expect(try db.register(as: champion, meetingID: 14).allSatisfy { $0.mustNotCollect.isEmpty })
    }
}
