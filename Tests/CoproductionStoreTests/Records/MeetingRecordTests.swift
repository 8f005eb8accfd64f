import Coproduction
import CoproductionStore
import Foundation
import Testing

@Suite struct MeetingRecordTests {
    func setUp(_ folder: TemporaryFolder) throws -> (AppDatabase, Actor, Int64, Int64) {
        let db = try AppDatabase.open(path: folder.path("record.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let area = try db.addArea(as: admin, name: "Kursaal")
        let zoe = try db.addChampion(as: admin, name: "Zoe Adams", areaID: area, trainedOn: nil)
        let priya = try db.addChampion(as: admin, name: "Priya Shah", areaID: area, trainedOn: nil)
        _ = priya
        return (db, admin, zoe, priya)
    }

    func meeting(_ db: AppDatabase, _ admin: Actor, _ date: String, champions: [Int64]) throws -> Int64 {
        try db.addMeeting(as: admin, Meeting(id: 0, kind: .partnershipBoard, title: "Board \(date)", date: LocalDate(iso: date)!,
                                             start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 0)!,
                                             venue: "Kursaal", championIDs: champions))
    }

    @Test func recordingMarksItHeldAndKeepsEverything() throws {
        let folder = TemporaryFolder()
        let (db, admin, zoe, priya) = try setUp(folder)
        let id = try meeting(db, admin, "2026-11-20", champions: [zoe, priya])
        let record = MeetingRecord(attendance: [zoe: .attended, priya: .apologies], otherParentsAttended: 3,
                                   minutes: "Talked about the crèche.", decisions: ["Move the crèche upstairs"],
                                   actions: [ActionItem(what: "Book the room", owner: "Office", due: LocalDate(iso: "2026-11-25"))])
        try db.recordMeeting(as: admin, id: id, expectedVersion: 1, record, today: fixedToday)
        let d = try db.meetingDetail(as: admin, id: id)
        #expect(d.facts.meeting.status == .held)
        let saved = try #require(d.record)
        #expect(saved.attendance == [zoe: .attended, priya: .apologies])
        #expect(saved.otherParentsAttended == 3 && saved.minutes == "Talked about the crèche.")
        #expect(saved.decisions == ["Move the crèche upstairs"])
        #expect(saved.actions.first?.isOverdue(on: fixedToday) == true)
        #expect(try db.openActions(as: admin).map(\.meetingID) == [id])
        #expect(try db.auditEntries(as: admin).first?.action == "record")
    }

    @Test func aFutureOrCancelledMeetingCannotBeRecorded() throws {
        let folder = TemporaryFolder()
        let (db, admin, zoe, _) = try setUp(folder)
        let future = try meeting(db, admin, "2027-01-12", champions: [zoe])
        let record = MeetingRecord(attendance: [zoe: .attended], otherParentsAttended: 0, minutes: "", decisions: [], actions: [])
        #expect(throws: StoreError.invalid("This meeting is on Tue 12 Jan 2027: record what happened on or after the day.")) {
            try db.recordMeeting(as: admin, id: future, expectedVersion: 1, record, today: fixedToday)
        }
        let past = try meeting(db, admin, "2026-11-20", champions: [zoe])
        try db.cancelMeeting(as: admin, id: past, expectedVersion: 1, reason: "Snow")
        #expect(throws: StoreError.self) { try db.recordMeeting(as: admin, id: past, expectedVersion: 2, record, today: fixedToday) }
        let noOwner = MeetingRecord(attendance: [:], otherParentsAttended: 0, minutes: "", decisions: [],
                                    actions: [ActionItem(what: "Something", owner: " ", due: nil)])
        let other = try meeting(db, admin, "2026-11-19", champions: [])
        #expect(throws: StoreError.fields([FieldIssue(field: "actions", message: "action 1 needs an owner.")])) {
            try db.recordMeeting(as: admin, id: other, expectedVersion: 1, noOwner, today: fixedToday)
        }
    }

    @Test func attendanceFiguresLeaveCancelledMeetingsOut() throws {
        let folder = TemporaryFolder()
        let (db, admin, zoe, priya) = try setUp(folder)
        let first = try meeting(db, admin, "2026-11-02", champions: [zoe, priya])
        let second = try meeting(db, admin, "2026-11-09", champions: [zoe, priya])
        let third = try meeting(db, admin, "2026-11-16", champions: [zoe, priya])
        try db.recordMeeting(as: admin, id: first, expectedVersion: 1,
                             MeetingRecord(attendance: [zoe: .attended, priya: .absent], otherParentsAttended: 1, minutes: "", decisions: [], actions: []),
                             today: fixedToday)
        try db.recordMeeting(as: admin, id: second, expectedVersion: 1,
                             MeetingRecord(attendance: [zoe: .attended, priya: .apologies], otherParentsAttended: 1, minutes: "", decisions: [], actions: []),
                             today: fixedToday)
        try db.cancelMeeting(as: admin, id: third, expectedVersion: 1, reason: "Storm")
        let figures = try db.attendanceFigures(as: admin, from: LocalDate(iso: "2026-11-01")!, to: fixedToday)
        let z = try #require(figures.first { $0.championID == zoe })
        let p = try #require(figures.first { $0.championID == priya })
        #expect((z.attended, z.apologies, z.absent) == (2, 0, 0))
        #expect((p.attended, p.apologies, p.absent) == (0, 1, 1))
    }
}
