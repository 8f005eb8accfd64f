import Coproduction
import CoproductionStore
import Foundation
import Testing

/// Minutes are a draft until the next meeting of the same body approves them; then they change
/// only by a dated addendum.
@Suite struct MinutesRecordsTests {
    let folder = TemporaryFolder()

    @Test func theNextMeetingApprovesTheMinutesAndOnlyAddendaChangeThemAfter() throws {
        let db = try AppDatabase.open(path: folder.path("minutes.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let area = try db.addArea(as: admin, name: "Kursaal")
        let zoe = try db.addChampion(as: admin, name: "Zoe Adams", areaID: area, trainedOn: nil)
        func board(_ date: String) throws -> Int64 {
            try db.addMeeting(as: admin, Meeting(id: 0, kind: .committee(name: "Risk"), title: "Risk \(date)", date: LocalDate(iso: date)!,
                                                 start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!, venue: "Kursaal",
                                                 championIDs: [zoe], otherParents: 2))
        }
        let first = try board("2026-10-05"), second = try board("2026-11-02")
        let record = MeetingRecord(attendance: [zoe: .attended], otherParentsAttended: 2, minutes: "We looked at the risks.", decisions: ["Keep it"],
                                   actions: [])
        try db.recordMeeting(as: admin, id: first, expectedVersion: 1, record, today: fixedToday)
        // A draft: an addendum is refused, an edit is fine.
        #expect(throws: StoreError.self) { try db.addMinutesAddendum(as: admin, meetingID: first, text: "Late note", on: fixedToday) }
        #expect(try db.meetingDetail(as: admin, id: first).minutes?.approved == false)
        #expect(throws: StoreError.self, "the first meeting of a body has none to approve") {
            try db.approveLastMinutes(as: admin, atMeeting: first, today: fixedToday)
        }
        #expect(try db.approveLastMinutes(as: admin, atMeeting: second, today: fixedToday) == first)
        #expect(throws: StoreError.self, "approved once") { try db.approveLastMinutes(as: admin, atMeeting: second, today: fixedToday) }
        let approved = try db.meetingDetail(as: admin, id: first)
        #expect(approved.minutes?.approvedAt?.on == LocalDate(iso: "2026-11-02"))
        // Approved: the record's minutes and decisions no longer change, except by addendum.
        var changed = record
        changed.minutes = "We did not look at the risks."
        let refused = #expect(throws: StoreError.self) {
            try db.recordMeeting(as: admin, id: first, expectedVersion: approved.version, changed, today: fixedToday)
        }
        guard case .fields(let issues)? = refused else { Issue.record("expected a field problem, got \(String(describing: refused))"); return }
        #expect(issues.first?.message.contains("they change only by a dated addendum") == true)
        try db.addMinutesAddendum(as: admin, meetingID: first, text: "The risk register was tabled as well.", on: fixedToday)
        #expect(try db.meetingDetail(as: admin, id: first).minutes?.addenda.map(\.text) == ["The risk register was tabled as well."])
        #expect(throws: (any Error).self, "an addendum is kept as written") {
            try db.write { db in try db.execute(sql: "UPDATE minutesAddendum SET text = 'x'") }
        }
    }
}
