import Coproduction
import CoproductionStore
import Foundation
import GRDB
import Testing

/// Series through the store: made one meeting per day, changed "this one" or "this and later
/// ones", and exported as one calendar series with its exceptions.
@Suite struct SeriesWritesTests {
    let folder = TemporaryFolder()
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let ten = TimeOfDay(hour: 10, minute: 0)!
    let noon = TimeOfDay(hour: 12, minute: 0)!

    func board(_ date: String) -> Meeting {
        Meeting(id: 0, kind: .partnershipBoard, title: "Spring Board", date: day(date), start: ten, end: noon, venue: "Kursaal Children's Centre",
                championIDs: [1, 2])
    }

    func open() throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.path("series-\(UUID().uuidString).sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return db
    }

    /// Fortnightly from Tuesday 16 March 2027 to the end of May: six meetings.
    func series(_ db: AppDatabase) throws -> [Int64] {
        try db.addMeetingSeries(as: testAdmin, board("2027-03-16"), agenda: [AgendaItem(title: "Welcome", summary: "who is here")],
                                rule: SeriesRule(.weekly(interval: 2), first: day("2027-03-16"), until: day("2027-05-31")))
    }

    @Test func aSeriesIsAMeetingOnEachDayEachCheckedOnItsOwn() throws {
        let db = try open()
        let ids = try series(db)
        #expect(ids.count == 6)
        let items = try db.meetings(as: testAdmin, ids: ids)
        #expect(items.map(\.meeting.date) == ["2027-03-16", "2027-03-30", "2027-04-13", "2027-04-27", "2027-05-11", "2027-05-25"].map(day))
        #expect(items.allSatisfy { $0.facts.agenda.first?.title == "Welcome" && $0.meeting.confirmedChampionIDs == [1, 2] })
        let third = try db.meetingDetail(as: testAdmin, id: ids[2])
        #expect(third.series?.words == "every 2 weeks on Tuesday until 31/05/2027 (meeting 3 of 6)")
        #expect(third.series?.slot == day("2027-04-13"))
    }

    @Test func aRuleThatNeverEndsOrHasNoMeetingWritesNothing() throws {
        let db = try open()
        let before = try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 500).count
        let none = #expect(throws: StoreError.self) {
            try db.addMeetingSeries(as: testAdmin, board("2027-03-16"), rule: SeriesRule(.weekly(interval: 1), first: day("2027-03-16"), until: day("2027-03-01")))
        }
        guard case .fields(let issues)? = none else { Issue.record("not a field problem"); return }
        #expect(issues.first?.field == "until" && issues.first?.message.contains("no meeting") == true)
        #expect(throws: StoreError.self) {
            try db.addMeetingSeries(as: testAdmin, board("2027-03-16"), rule: SeriesRule(.weekly(interval: 1), first: day("2027-03-16"), until: day("2099-01-01")))
        }
        var pre = board("2027-03-16")
        pre.kind = .preMeeting(forMeeting: 1)
        let refused = #expect(throws: StoreError.self) {
            try db.addMeetingSeries(as: testAdmin, pre, rule: SeriesRule(.weekly(interval: 1), first: day("2027-03-16"), until: day("2027-04-01")))
        }
        guard case .fields(let preIssues)? = refused else { Issue.record("not a field problem"); return }
        #expect(preIssues.first?.field == "repeat")
        #expect(try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 500).count == before)
    }

    @Test func thisAndLaterReachesOnlyTheLaterMeetingsAndKeepsTheirOwnChanges() throws {
        let db = try open()
        let ids = try series(db)
        // The fifth meeting was moved to another venue on its own.
        var fifth = try db.meetingDetail(as: testAdmin, id: ids[4])
        var moved = fifth.facts.meeting
        moved.venue = "Centre Place"
        try db.updateMeeting(as: testAdmin, id: ids[4], expectedVersion: fifth.version, to: moved)
        // From the fourth on, it starts at 10:30.
        let fourth = try db.meetingDetail(as: testAdmin, id: ids[3])
        var later = fourth.facts.meeting
        later.start = TimeOfDay(hour: 10, minute: 30)!
        let change = try db.changeSeries(as: testAdmin, id: ids[3], expectedVersion: fourth.version, to: later,
                                         rule: SeriesRule(.weekly(interval: 2), first: day("2027-04-27"), until: day("2027-05-31")))
        #expect(change.changed == [ids[3], ids[4], ids[5]] && change.added.isEmpty && change.removed == 0)
        let all = try db.meetings(as: testAdmin, ids: ids)
        #expect(all.map(\.meeting.start.description) == ["10:00", "10:00", "10:00", "10:30", "10:30", "10:30"])
        fifth = try db.meetingDetail(as: testAdmin, id: ids[4])
        #expect(fifth.facts.meeting.venue == "Centre Place", "the venue was not changed, so its own stays")
        // Two series now: the earlier three end before the fourth.
        #expect(try db.meetingDetail(as: testAdmin, id: ids[0]).series?.rule.until == day("2027-04-26"))
        #expect(try db.meetingDetail(as: testAdmin, id: ids[0]).series?.count == 3)
        #expect(fifth.series?.words == "every 2 weeks on Tuesday until 31/05/2027 (meeting 2 of 3)")
        // The meeting edited was at version 1 once: a save from there is refused, naming who saved.
        #expect(throws: StoreError.self) {
            try db.changeSeries(as: testAdmin, id: ids[3], expectedVersion: fourth.version, to: later, rule: nil)
        }
    }

    @Test func aNewRuleMovesTheMeetingsAndCancelsOnlyThoseWithChildrenBooked() throws {
        let db = try open()
        let ids = try series(db)
        // A child is booked into the crèche of the 30 March meeting.
        try db.arrangeCreche(as: testAdmin, meetingID: ids[1], roomCapacity: 10)
        let child = try #require(try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM child ORDER BY id LIMIT 1") })
        _ = try db.book(as: testAdmin, childID: child, meetingID: ids[1])
        // From the first on: every 4 weeks instead, to the end of June.
        let first = try db.meetingDetail(as: testAdmin, id: ids[0])
        let change = try db.changeSeries(as: testAdmin, id: ids[0], expectedVersion: first.version, to: first.facts.meeting,
                                         rule: SeriesRule(.weekly(interval: 4), first: day("2027-03-16"), until: day("2027-06-30")))
        // 16 Mar, 13 Apr, 11 May keep their meetings; 8 Jun is new; 27 Apr and 25 May go; 30 Mar is kept, cancelled.
        #expect(Set(change.changed) == [ids[0], ids[2], ids[4]])
        #expect(change.added.count == 1 && change.removed == 2 && change.cancelled == 1)
        let kept = try db.meetingDetail(as: testAdmin, id: ids[1])
        #expect(kept.facts.meeting.status == .cancelled && kept.series == nil)
        #expect(kept.facts.meeting.cancelReason?.contains("No longer in the series") == true)
        #expect(throws: StoreError.self) { try db.meetingDetail(as: testAdmin, id: ids[3]) }
        let added = try db.meetingDetail(as: testAdmin, id: change.added[0])
        #expect(added.facts.meeting.date == day("2027-06-08") && added.facts.agenda.first?.title == "Welcome")
        #expect(added.series?.words == "every 4 weeks on Tuesday until 30/06/2027 (meeting 4 of 4)")
    }

    @Test func movingTheSeriesToAnotherDayMovesEveryMeetingWithIt() throws {
        let db = try open()
        let ids = try series(db)
        let first = try db.meetingDetail(as: testAdmin, id: ids[0])
        var wednesday = first.facts.meeting
        wednesday.date = day("2027-03-17")
        let change = try db.changeSeries(as: testAdmin, id: ids[0], expectedVersion: first.version, to: wednesday,
                                         rule: SeriesRule(.weekly(interval: 2), first: day("2027-03-17"), until: day("2027-05-31")))
        #expect(change.changed.count == 6 && change.added.isEmpty && change.removed == 0)
        #expect(try db.meetings(as: testAdmin, ids: ids).allSatisfy { $0.meeting.date.weekday == .wednesday })
    }

    @Test func onlyTheOfficeMakesOrChangesASeries() throws {
        let db = try open()
        let ids = try series(db)
        let first = try db.meetingDetail(as: testAdmin, id: ids[0])
        let rule = SeriesRule(.weekly(interval: 2), first: day("2027-03-16"), until: day("2027-05-31"))
        for name in ["Zoe Adams", "Crèche Demo"] {
            let someone = try db.signIn(name: name, secret: DemoData.demoPIN)
            #expect(throws: StoreError.self, "\(name) adds no series") { try db.addMeetingSeries(as: someone, board("2027-03-16"), rule: rule) }
            #expect(throws: StoreError.self, "\(name) changes no series") {
                try db.changeSeries(as: someone, id: ids[0], expectedVersion: first.version, to: first.facts.meeting, rule: nil)
            }
        }
        let office = try db.signIn(name: "Office Demo", secret: DemoData.demoPIN)
        #expect(try db.changeSeries(as: office, id: ids[0], expectedVersion: first.version, to: first.facts.meeting, rule: rule).changed.count == 6)
    }

    @Test func endingASeriesHereLeavesThisMeetingOnItsOwn() throws {
        let db = try open()
        let ids = try series(db)
        let third = try db.meetingDetail(as: testAdmin, id: ids[2])
        let change = try db.changeSeries(as: testAdmin, id: ids[2], expectedVersion: third.version, to: third.facts.meeting, rule: nil)
        #expect(change.removed == 3)
        #expect(try db.meetingDetail(as: testAdmin, id: ids[2]).series == nil)
        #expect(try db.meetingDetail(as: testAdmin, id: ids[0]).series?.count == 2)
    }

    @Test func theCalendarCarriesTheSeriesWithItsExceptions() throws {
        let db = try open()
        let ids = try series(db)
        // The second moves to Wednesday on its own; the fifth is cancelled; the sixth is deleted.
        let second = try db.meetingDetail(as: testAdmin, id: ids[1])
        var wednesday = second.facts.meeting
        wednesday.date = day("2027-03-31")
        try db.updateMeeting(as: testAdmin, id: ids[1], expectedVersion: second.version, to: wednesday)
        try db.cancelMeeting(as: testAdmin, id: ids[4], expectedVersion: 1, reason: "Half term")
        try db.deleteMeeting(as: testAdmin, id: ids[5], expectedVersion: 1)
        let events = try db.calendarEvents(as: testAdmin, from: day("2027-04-01"), to: day("2027-04-30"))
        let masters = events.filter { $0.recurrenceRule != nil }
        #expect(masters.count == 1, "one series, though only two of its meetings fall in April")
        let master = try #require(masters.first)
        #expect(master.recurrenceRule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270531T235959Z")
        #expect(master.exceptionDates == [LocalDateTime(date: day("2027-05-11"), time: ten), LocalDateTime(date: day("2027-05-25"), time: ten)])
        #expect(master.sequence >= 2, "cancelling and deleting count the series' version up")
        let overrides = events.filter { $0.recurrenceID != nil }
        #expect(overrides.allSatisfy { $0.uid == master.uid })
        #expect(overrides.contains { $0.recurrenceID == LocalDateTime(date: day("2027-03-30"), time: ten) && $0.start.date == day("2027-03-31") })
        let text = ICalendarWriter.calendar(events, stamp: Date(timeIntervalSince1970: 0))
        #expect(text.contains("EXDATE;TZID=Europe/London:20270511T100000,20270525T100000\r\n"))
        #expect(text.contains("RECURRENCE-ID;TZID=Europe/London:20270330T100000\r\n"))
    }
}
