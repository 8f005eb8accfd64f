import Coproduction
import CoproductionStore
import Foundation
import GRDB
import Testing

/// Counting a venue's days with a child over two hours from bookings and sign-ins, across the
/// 1 January boundary, and the warning before the booking that would pass 14.
@Suite struct RegistrationQueriesTests {
    func empty() throws -> (AppDatabase, TemporaryFolder, Int64) {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("registration.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let child = try db.addChild(as: testAdmin, Child(firstName: "Long", familyName: "Stay", dateOfBirth: LocalDate(iso: "2023-05-05")!,
                                                         parentName: "Pat Stay"), today: fixedToday)
        return (db, folder, child)
    }

    /// A crèche at the Registration Test Hall on `day` from 10:00 for `minutes`.
    func session(_ db: AppDatabase, _ day: LocalDate, minutes: Int, book child: Int64?) throws -> Int64 {
        let id = try db.addMeeting(as: testAdmin, Meeting(id: 0, kind: .serviceDesign, title: "Long day \(day.iso)", date: day,
                                                          start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(minutes: 600 + minutes)!,
                                                          venue: "Registration Test Hall"))
        try db.arrangeCreche(as: testAdmin, meetingID: id, roomCapacity: 10)
        if let child { _ = try db.book(as: testAdmin, childID: child, meetingID: id) }
        return id
    }

    @Test func aStayOfExactlyTwoHoursIsNotCountedAndAMinuteMoreIs() throws {
        let (db, folder, child) = try empty()
        _ = folder
        let two = try session(db, LocalDate(iso: "2027-02-01")!, minutes: 120, book: child)
        #expect(try db.venueYears(as: testAdmin, year: 2027).first { $0.venue == "Registration Test Hall" } == nil)
        #expect(try db.registrationStanding(as: testAdmin, meetingID: two)?.words == "no child over 2 hours")
        let more = try session(db, LocalDate(iso: "2027-02-08")!, minutes: 121, book: child)
        let year = try #require(try db.venueYears(as: testAdmin, year: 2027).first { $0.venue == "Registration Test Hall" })
        #expect(year.longDays == [LocalDate(iso: "2027-02-08")!])
        // No notice on file: the day fails, saying what to do (the crèche check reports it).
        let facts = try db.meetingDetail(as: testAdmin, id: more).facts
        #expect(facts.registration?.status == .fail && facts.registration?.words.contains("notice must reach Ofsted by 25 Jan 2027") == true)
        try db.recordRegistrationNotice(as: testAdmin, venue: "registration test hall", year: 2027, sentOn: fixedToday,
                                        now: LocalDateTime(iso: "2026-11-27T12:00")!.instant)
        #expect(try db.meetingDetail(as: testAdmin, id: more).facts.registration?.status == .pass)
        #expect(try db.registrationStanding(as: testAdmin, meetingID: more)?.words.contains("exempt with notice: 1 of 14 days used; notice sent on 27 Nov 2026") == true)
    }

    @Test func theFifteenthDayAcrossTheNewYearIsCountedInItsOwnYearAndWarnedBeforeBooking() throws {
        let (db, folder, child) = try empty()
        _ = folder
        // Fourteen long days in 2027, the last on 31 December.
        for i in 0..<13 { _ = try session(db, LocalDate(iso: "2027-01-04")!.adding(days: i * 7), minutes: 150, book: child) }
        _ = try session(db, LocalDate(iso: "2027-12-31")!, minutes: 150, book: child)
        let y2027 = try #require(try db.venueYears(as: testAdmin, year: 2027).first)
        #expect(y2027.longDays.count == 14)
        // 1 January 2028 starts a new year's count: no warning.
        let newYear = try session(db, LocalDate(iso: "2028-01-01")!, minutes: 150, book: nil)
        #expect(try db.registrationWarning(as: testAdmin, childID: child, meetingID: newYear) == nil)
        // A fifteenth in 2027 is warned before it is booked.
        let fifteenth = try session(db, LocalDate(iso: "2027-06-01")!, minutes: 150, book: nil)
        let warning = try #require(try db.registrationWarning(as: testAdmin, childID: child, meetingID: fifteenth))
        #expect(warning.contains("day 15 this year, past the 14 allowed"))
        _ = try db.book(as: testAdmin, childID: child, meetingID: fifteenth)
        #expect(try db.registrationStanding(as: testAdmin, meetingID: fifteenth)?.status == .fail)
        #expect(try db.registrationStanding(as: testAdmin, meetingID: newYear)?.words == "no child over 2 hours")
    }

    @Test func aChildKeptLongerThanBookedCountsOnceSignedOut() throws {
        let (db, folder, child) = try empty()
        _ = folder
        let day = LocalDate(iso: "2027-03-01")!
        let id = try session(db, day, minutes: 90, book: child)
        let booking = try #require(try db.register(as: testAdmin, meetingID: id).first).bookingID
        let start = LocalDateTime(date: day, time: TimeOfDay(hour: 10, minute: 0)!).instant
        try db.signIn(as: testAdmin, bookingID: booking, at: start)
        #expect(try db.venueYears(as: testAdmin, year: 2027).isEmpty, "while still in, the booking counts")
        try db.signOut(as: testAdmin, bookingID: booking, at: start + 121 * 60, collectedBy: "Pat Stay")
        #expect(try db.venueYears(as: testAdmin, year: 2027).first?.longDays == [day])
    }
}
