import Coproduction
import CoproductionStore
import Testing

@Suite struct MeetingQueriesTests {
    @Test func aMeetingRoundTripsWithItsChampionsCrecheAndPreMeeting() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("rt.sqlite"))
        let date = try #require(LocalDate(iso: "2027-01-12"))
        let (meetingID, zoe) = try db.write { db -> (Int64, Int64) in
            let kursaal = try RecordWrites.insertArea(db, name: "Kursaal", position: 0)
            let zoe = try RecordWrites.insertChampion(db, name: "Zoe Adams", areaID: kursaal, trainedOn: nil, active: true)
            let id = try RecordWrites.insertMeeting(db, Meeting(
                id: 0, kind: .taskAndFinish(group: "Community play"), title: "Community play", date: date,
                start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 0)!,
                venue: "Kursaal Children's Centre", championIDs: [zoe], otherParents: 2))
            try RecordWrites.setCrechePlan(db, meetingID: id, CrechePlan(booked: [.underTwo: 2, .two: 1, .threeAndOver: 3],
                                                                         staffBooked: 2, roomCapacity: 8, level6WithOlderGroup: true))
            try RecordWrites.insertMeeting(db, Meeting(
                id: 0, kind: .preMeeting(forMeeting: id), title: "Pre-meeting", date: date.adding(days: -3),
                start: TimeOfDay(hour: 9, minute: 45)!, end: TimeOfDay(hour: 10, minute: 30)!, venue: "Kursaal"))
            return (id, zoe)
        }
        let detail = try db.meetingDetail(as: testAdmin, id: meetingID)
        let m = detail.facts.meeting
        #expect(m.kind == .taskAndFinish(group: "Community play"))
        #expect(m.date == date && m.start.description == "10:00" && m.end.description == "12:00")
        #expect(m.championIDs == [zoe] && m.otherParents == 2)
        #expect(detail.championNames == ["Zoe Adams"] && detail.championAreas == ["Kursaal"])
        #expect(detail.facts.creche == CrechePlan(booked: [.underTwo: 2, .two: 1, .threeAndOver: 3], staffBooked: 2,
                                                 roomCapacity: 8, level6WithOlderGroup: true))
        #expect(detail.facts.preMeetingDates == [date.adding(days: -3)])
        #expect(detail.preMeetings.map(\.title) == ["Pre-meeting"])
        #expect(throws: StoreError.notFound(what: "Meeting 999")) { try db.meetingDetail(as: testAdmin, id: 999) }
    }

    @Test func listsArePagedAndFilteredInTheDatabase() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("demo.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let total = try db.countMeetings(as: testAdmin, from: fixedToday)
        let all = try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 1000)
        #expect(all.count == total)
        #expect(all.allSatisfy { $0.meeting.date >= fixedToday })
        #expect(all.map(\.meeting.startsAt) == all.map(\.meeting.startsAt).sorted())
        let page = try db.meetings(as: testAdmin, from: fixedToday, offset: 5, limit: 4)
        #expect(page.map(\.meeting.id) == all[5..<9].map(\.meeting.id))

        let boards = try db.meetings(as: testAdmin, from: fixedToday, filter: "board", offset: 0, limit: 100)
        #expect(!boards.isEmpty)
        #expect(boards.count == (try db.countMeetings(as: testAdmin, from: fixedToday, filter: "board")))
        #expect(boards.allSatisfy { $0.meeting.title.localizedCaseInsensitiveContains("board") })
        // Every word must match; LIKE wildcards typed by the user are taken literally.
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "pre board") < boards.count)
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "%") == 0)
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "task and finish") > 0)
    }
}
