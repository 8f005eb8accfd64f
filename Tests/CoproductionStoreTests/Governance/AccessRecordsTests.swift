import Coproduction
import CoproductionStore
import Foundation
import Testing

/// Access needs through the store: recorded, read only by the office and the person, and
/// read into each meeting's check, named or not by who is looking.
@Suite struct AccessRecordsTests {
    let folder = TemporaryFolder()

    @Test func theCheckNamesTheNeedOnlyToThoseWhoMaySeeIt() throws {
        let db = try AppDatabase.open(path: folder.path("access.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        // A meeting both Zoe and another champion are coming to.
        let shared = try #require(try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 100).first {
            $0.meeting.confirmedChampionIDs.contains(zoe.championID!) && $0.meeting.confirmedChampionIDs.count > 1
        })
        let other = try #require(shared.meeting.confirmedChampionIDs.first { $0 != zoe.championID })
        try db.addAccessNeed(as: testAdmin, championID: other, need: .quietRoom)
        let office = try #require(try db.meetings(as: testAdmin, ids: [shared.meeting.id]).first)
        #expect(office.facts.access.needs.map(\.person).allSatisfy { $0 != nil })
        let hers = try #require(try db.meetings(as: zoe, ids: [shared.meeting.id]).first)
        #expect(hers.facts.access.needs.contains { $0.person == nil && $0.need == .quietRoom }, "another's need, not named to a champion")
        #expect(throws: StoreError.self) { try db.accessNeeds(as: zoe, championID: other) }
        try db.addAccessNeed(as: zoe, championID: zoe.championID!, need: .largePrint)
        #expect(try db.accessNeeds(as: zoe, championID: zoe.championID!).map(\.need) == [.largePrint])
        #expect(throws: StoreError.self) { try db.addAccessNeed(as: zoe, championID: other, need: .largePrint) }
        #expect(throws: StoreError.self, "an interpreter needs a language") {
            try db.addAccessNeed(as: testAdmin, championID: other, need: .interpreter)
        }
        // Arranged for the meeting: the check passes.
        try db.arrange(as: testAdmin, meetingID: shared.meeting.id, Arrangement(need: .quietRoom, note: "Side room kept free"))
        try db.arrange(as: testAdmin, meetingID: shared.meeting.id, Arrangement(need: .largePrint, note: "Papers in 18 point"))
        let after = try #require(try db.meetings(as: testAdmin, ids: [shared.meeting.id]).first)
        #expect(BarrierChecker().access(after.meeting, after.facts.access).status == .pass)
        #expect(throws: StoreError.self, "a venue cannot offer an interpreter") {
            try db.setVenueFacilities(as: testAdmin, venue: "Kursaal Children's Centre", offers: [.interpreter])
        }
    }
}
