import Coproduction
@testable import CoproductionStore
import GRDB
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
                                                                         staffBooked: 0, roomCapacity: 8))
            try db.execute(sql: "INSERT INTO crecheStaff (meetingId, name, level, firstAid) VALUES (?, 'Bev', 6, 1), (?, 'Dan', 2, 0)",
                           arguments: [id, id])
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
        var plan = try #require(detail.facts.creche)
        #expect(plan.rota?.map(\.name) == ["Bev", "Dan"] && plan.rota?.map(\.level) == [6, 2])
        plan.rota = nil
        #expect(plan == CrechePlan(booked: [.underTwo: 2, .two: 1, .threeAndOver: 3], staffBooked: 2,
                                   roomCapacity: 8, level6WithOlderGroup: true, firstAidBooked: true))
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
        // Counting can stop early, for a filter being typed.
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, atMost: 3) == 3)
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "board", atMost: 1000) == boards.count)
    }

    @Test(arguments: [false, true]) func windowsReadFromTheEndMatchWindowsReadFromTheStart(past: Bool) throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("demo.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let total = try db.countMeetings(as: testAdmin, from: fixedToday, past: past)
        let all = try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 1000, past: past).map(\.meeting.id)
        #expect(all.count == total && total > 10)
        for offset in stride(from: 0, through: total, by: 3) {
            let window = try db.meetings(as: testAdmin, from: fixedToday, offset: offset, limit: 7, past: past, total: total)
            #expect(window.map(\.meeting.id) == Array(all[min(offset, total)..<min(total, offset + 7)]), "offset \(offset)")
        }
    }

    @Test func theFilterFollowsEditsToTitleVenueAndGroup() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("demo.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        var m = Meeting(id: 0, kind: .serviceDesign, title: "Nappy bank", date: fixedToday.adding(days: 3),
                        start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!, venue: "Pier Hill")
        let id = try db.addMeeting(as: testAdmin, m)
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "nappy pier") == 1)
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "service design nappy") == 1)
        m.title = "Baby bank"
        m.venue = "Leigh Library"
        try db.updateMeeting(as: testAdmin, id: id, expectedVersion: 1, to: m)
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "nappy") == 0)
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "baby leigh") == 1)
        #expect(try db.meetingDetail(as: testAdmin, id: id).version == 2, "keeping the filter column does not count as a change")
    }
}

@Suite struct ClashQueryTests {
    func at(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }

    @Test func overlappingMeetingsSharingAVenueOrAChampionClash() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("clash.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let area = try db.addArea(as: admin, name: "Kursaal")
        let zoe = try db.addChampion(as: admin, name: "Zoe Adams", areaID: area, trainedOn: nil)
        let day = try #require(LocalDate(iso: "2027-01-12"))
        func add(_ title: String, _ s: TimeOfDay, _ e: TimeOfDay, venue: String, champions: [Int64] = []) throws -> Int64 {
            try db.addMeeting(as: admin, Meeting(id: 0, kind: .serviceDesign, title: title, date: day, start: s, end: e,
                                                 venue: venue, championIDs: champions))
        }
        let a = try add("A", at(10), at(12), venue: "Kursaal Centre", champions: [zoe])
        let b = try add("B", at(11), at(13), venue: "kursaal centre ")
        let c = try add("C", at(12), at(13), venue: "Library", champions: [zoe])   // touches A's end: no clash
        let d = try add("D", at(9), at(10, 30), venue: "Library", champions: [zoe]) // overlaps A through Zoe
        let clashes = { (id: Int64) in try db.meetingDetail(as: admin, id: id).facts.clashes }
        #expect(try clashes(a).contains { $0.otherID == b && $0.shared == .venue("Kursaal Centre") })
        #expect(try clashes(a).contains { $0.otherID == d && $0.shared == .champion("Zoe Adams") })
        #expect(try !clashes(a).contains { $0.otherID == c })
        #expect(try clashes(c).isEmpty)
        // Apologies and cancellations end a clash.
        try db.respond(as: admin, meetingID: d, championID: zoe, .apologies)
        #expect(try !clashes(a).contains { $0.otherID == d })
        try db.cancelMeeting(as: admin, id: b, expectedVersion: 1, reason: "Moved online")
        #expect(try clashes(a).isEmpty)
    }
}

/// A child's age on the day of a meeting, worked out from the text of the two days for a
/// whole page of bookings at once: the same whole years as the SQL the crèche screens use.
@Suite struct AgeOnTheDayTests {
    @Test func theAgeFromTheTextIsTheOneTheSQLGives() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("age.sqlite"))
        let days = ["2027-01-12", "2027-02-28", "2028-02-29", "2027-03-01", "2026-12-31", "2027-01-01"]
        let births = ["2025-01-12", "2025-01-13", "2024-02-29", "2025-03-01", "2024-12-31", "2020-01-02", "2027-01-12", "2025-02-28"]
        for day in days {
            for born in births {
                let sql = try db.read { db in
                    try Int.fetchOne(db, sql: "SELECT \(AppDatabase.ageOnMeetingDay) FROM (SELECT ? AS date) m, (SELECT ? AS dateOfBirth) k",
                                     arguments: [day, born])
                }
                #expect(AppDatabase.age(on: day, bornOn: born) == sql, "born \(born), on \(day)")
                // The same from the bytes, as the loop over bookings reads them.
                let bytes = Array(born.utf8)
                #expect(bytes.withUnsafeBufferPointer { AppDatabase.age(on: Array(day.utf8), bornOn: $0) } == sql, "born \(born), on \(day), as bytes")
            }
        }
    }
}
