import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

/// A family's crèche places, cancelled after apologies: only places not yet used, only by
/// those allowed, all or none.
@Suite struct FamilyPlacesTests {
    func demo(_ folder: TemporaryFolder) throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.path("places.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return db
    }

    @Test func aFamilysPlacesLeaveOutChildrenAlreadySignedInAndOthersFamilies() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let places = try db.familyPlaces(as: zoe, meetingID: 14, championID: 1)
        #expect(places.map(\.childName) == ["Maisie"], "Leo is signed in already")
        #expect(throws: StoreError.self) { _ = try db.familyPlaces(as: zoe, meetingID: 14, championID: 2) }
    }

    @Test func cancellingDropsTheHeadcountAndIsAudited() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let before = try #require(try db.meetingDetail(as: testAdmin, id: 14).facts.creche).totalChildren
        let places = try db.familyPlaces(as: zoe, meetingID: 14, championID: 1)
        #expect(try db.cancelPlaces(as: zoe, bookingIDs: places.map(\.bookingID)) == ["Maisie"])
        #expect(try #require(try db.meetingDetail(as: testAdmin, id: 14).facts.creche).totalChildren == before - 1)
        let entry = try #require(try db.auditEntries(as: testAdmin).first { $0.action == "unbook" })
        #expect(entry.userName == "Zoe Adams" && entry.changes.first?.before == "Maisie Adams")
    }

    @Test func aPlaceInUseOrAnotherFamilysIsRefusedAndNothingIsCancelled() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let rows = try db.register(as: testAdmin, meetingID: 14)
        let maisie = try #require(rows.first { $0.child.firstName == "Maisie" }).bookingID
        let leo = try #require(rows.first { $0.child.firstName == "Leo" }).bookingID
        let ruby = try #require(rows.first { $0.child.firstName == "Ruby" }).bookingID
        #expect(throws: StoreError.invalid("Leo Adams is signed in already, so their place stays: sign them out on the register.")) {
            try db.cancelPlaces(as: zoe, bookingIDs: [maisie, leo])
        }
        #expect(throws: StoreError.self) { try db.cancelPlaces(as: zoe, bookingIDs: [ruby]) }
        #expect(try db.register(as: testAdmin, meetingID: 14).count == rows.count, "all or none: Maisie keeps her place too")
    }
}
