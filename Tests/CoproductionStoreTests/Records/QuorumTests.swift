import Coproduction
import CoproductionStore
import Foundation
import Testing

/// A held meeting against the quorum of parents: one that did not count keeps its decisions as
/// provisional, the next meeting of the same body opens with agreeing them, and the report
/// shows the share that counted. Committees are meetings like any other.
@Suite struct QuorumTests {
    func setUp(_ folder: TemporaryFolder) throws -> (AppDatabase, Actor, Int64, Int64) {
        let db = try AppDatabase.open(path: folder.path("quorum.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let area = try db.addArea(as: admin, name: "Kursaal")
        return (db, admin, try db.addChampion(as: admin, name: "Zoe Adams", areaID: area, trainedOn: nil),
                try db.addChampion(as: admin, name: "Priya Shah", areaID: area, trainedOn: nil))
    }

    func meeting(_ db: AppDatabase, _ admin: Actor, _ kind: MeetingKind, _ date: String, champions: [Int64]) throws -> Int64 {
        try db.addMeeting(as: admin, Meeting(id: 0, kind: kind, title: "\(kind.name) \(date)", date: LocalDate(iso: date)!,
                                             start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 0)!,
                                             venue: "Kursaal", championIDs: champions))
    }

    @Test func aMeetingWithTooFewParentsThereKeepsItsDecisionsProvisionalForTheNextOne() throws {
        let folder = TemporaryFolder()
        let (db, admin, zoe, priya) = try setUp(folder)
        let finance = MeetingKind.committee(name: "Finance")
        let first = try meeting(db, admin, finance, "2026-11-02", champions: [zoe, priya])
        let other = try meeting(db, admin, .committee(name: "Risk"), "2026-11-20", champions: [zoe])
        let next = try meeting(db, admin, finance, "2026-12-07", champions: [zoe, priya])
        // Priya sent apologies and nobody else came: one parent, the quorum is 2.
        try db.recordMeeting(as: admin, id: first, expectedVersion: 1,
                             MeetingRecord(attendance: [zoe: .attended, priya: .apologies], otherParentsAttended: 0, minutes: "",
                                           decisions: ["Pay for the summer trips"], actions: [ActionItem(what: "Send the figures", owner: "Office", due: nil)]),
                             today: fixedToday)
        let held = try db.meetingDetail(as: admin, id: first)
        #expect(held.quorate == false)
        let standing = try db.meetingDetail(as: admin, id: next).standingItems.map(\.title)
        #expect(standing == ["Agree the decisions of 2 Nov 2026, made when too few parents were there",
                             "Minutes of the last meeting (2 Nov 2026)", "Actions from last time"])
        #expect(try db.meetingDetail(as: admin, id: next).standingItems[0].summary == "Pay for the summer trips")
        // Another committee is another body: nothing carried over.
        #expect(try db.meetingDetail(as: admin, id: other).standingItems.isEmpty)
        // Exactly the quorum there counts.
        try db.recordMeeting(as: admin, id: other, expectedVersion: 1,
                             MeetingRecord(attendance: [zoe: .attended], otherParentsAttended: 1, minutes: "", decisions: ["Keep the reserve"],
                                           actions: []), today: fixedToday)
        #expect(try db.meetingDetail(as: admin, id: other).quorate == true)
        let report = try db.report(as: admin, from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!)
        #expect(report.quorateShare["committee"] == 0.5)
        #expect(report.meetingsHeld["committee"] == 2)
    }

    @Test func aBoardOpensWithDeclarationsOfInterest() throws {
        let folder = TemporaryFolder()
        let (db, admin, zoe, _) = try setUp(folder)
        let board = try meeting(db, admin, .partnershipBoard, "2026-12-08", champions: [zoe])
        #expect(try db.meetingDetail(as: admin, id: board).standingItems.first?.title == "Declarations of interest")
    }

    @Test func theQuorumSettingTakesOneToTwentyAndTheKindsMustBeKnown() throws {
        let folder = TemporaryFolder()
        let (db, admin, _, _) = try setUp(folder)
        for bad in ["0", "21", "two"] { #expect(throws: StoreError.self, "\(bad)") { try db.set(.parentQuorum, to: bad, as: admin) } }
        try db.set(.parentQuorum, to: "3", as: admin)
        #expect(try db.barrierChecker().settings.parentQuorum == 3)
        #expect(throws: StoreError.self) { try db.set(.parentQuorumKinds, to: "board, parish-council", as: admin) }
        try db.set(.parentQuorumKinds, to: "committee,board", as: admin)
        #expect(try db.barrierChecker().settings.quorumKinds == ["board", "committee"])
    }
}
