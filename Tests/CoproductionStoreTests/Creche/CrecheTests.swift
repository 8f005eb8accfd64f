import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

@Suite struct CrecheTests {
    func demo(_ folder: TemporaryFolder) throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.path("creche.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return db
    }

    func todaysSession(_ db: AppDatabase) throws -> Int64 {
        try #require(try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 5, withCrecheOnly: true).first).meeting.id
    }

    @Test func aChampionSeesOnlyTheirOwnChildrenAndNeverTheNotes() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let own = try db.children(as: zoe)
        #expect(own.map(\.firstName).sorted() == ["Leo", "Maisie"])
        #expect(own.allSatisfy { $0.notes == nil && $0.emergencyContact == nil })
        #expect(own.contains { $0.hasNotes }, "she is told notes exist, not what they say")
        let register = try db.register(as: zoe, meetingID: try todaysSession(db))
        #expect(register.map(\.child.firstName).sorted() == ["Leo", "Maisie"])
    }

    @Test func creheStaffSeeNotesOnlyForTheSessionsTheyStaff() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let worker = try db.signIn(name: "Crèche Demo", secret: DemoData.demoPIN)
        let session = try todaysSession(db)
        let amara = try #require(try db.register(as: worker, meetingID: session).first { $0.child.firstName == "Amara" })
        #expect(amara.child.notes == "Allergy: peanuts. Carries an adrenaline pen.")
        let other = try #require(try db.meetings(as: testAdmin, from: fixedToday.adding(days: 3), offset: 0, limit: 1, withCrecheOnly: true).first)
        #expect(throws: StoreError.self) { try db.register(as: worker, meetingID: other.meeting.id) }
    }

    /// A fresh database with its first admin and one Service Design session with a crèche on
    /// Tuesday 12 January 2027, 10:00 to 11:00.
    func oneSession(_ folder: TemporaryFolder, venue: String, otherParents: Int) throws -> (db: AppDatabase, admin: Actor, meeting: Int64) {
        let db = try AppDatabase.open(path: folder.path("session.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let meeting = try db.addMeeting(as: admin, Meeting(id: 0, kind: .serviceDesign, title: "Design", date: LocalDate(iso: "2027-01-12")!,
                                                           start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!,
                                                           venue: venue, otherParents: otherParents))
        try db.setCrechePlan(as: admin, meetingID: meeting, CrechePlan(booked: [:], staffBooked: 0, roomCapacity: 10))
        return (db, admin, meeting)
    }

    @Test func namedBookingsCountInTheirAgeBandOnTheMeetingDay() throws {
        let folder = TemporaryFolder()
        let (db, admin, meeting) = try oneSession(folder, venue: "SAVS", otherParents: 2)
        // Turns 2 on the meeting day; turns 3 on the meeting day; still 1 the day before turning 2.
        for (name, born) in [("Two", "2025-01-12"), ("Three", "2024-01-12"), ("One", "2025-01-13")] {
            let id = try db.addChild(as: admin, Child(firstName: name, familyName: "Test", dateOfBirth: LocalDate(iso: born)!,
                                                      parentName: "Parent"), today: fixedToday)
            try db.book(as: admin, childID: id, meetingID: meeting)
        }
        let plan = try #require(try db.meetingDetail(as: admin, id: meeting).facts.creche)
        #expect(plan.count(.underTwo) == 1 && plan.count(.two) == 1 && plan.count(.threeAndOver) == 1)
        let bands = try db.register(as: admin, meetingID: meeting).map { ($0.child.firstName, $0.band) }
        #expect(bands.contains { $0 == ("Two", .two) } && bands.contains { $0 == ("Three", .threeAndOver) })
        // No staff yet, then staff without first aid: both fail; with first aid it passes.
        let checker = BarrierChecker()
        #expect(checker.creche(try db.meetingDetail(as: admin, id: meeting).facts.meeting, plan).status == .fail)
        // One member of staff per band (1:3, 1:5, 1:8, each rounded up): three.
        for name in ["Bev", "Dan", "Ola"] {
            try db.addStaff(as: admin, meetingID: meeting, StaffMember(name: name, level: 2, paediatricFirstAid: false))
        }
        var facts = try db.meetingDetail(as: admin, id: meeting).facts
        #expect(checker.creche(facts.meeting, facts.creche).reason.contains("paediatric first aid"))
        try db.addStaff(as: admin, meetingID: meeting, StaffMember(name: "Kerry", level: 3, paediatricFirstAid: true))
        facts = try db.meetingDetail(as: admin, id: meeting).facts
        #expect(checker.creche(facts.meeting, facts.creche).status == .pass)
    }

    /// A pre-meeting straight before the Board at the same venue: a child booked into both
    /// is there for one stay; over two hours fails the Board's crèche check, and the Board's
    /// register times them from their sign-in at the pre-meeting.
    @Test(arguments: [(30, CheckStatus.pass), (31, .fail)])
    func aChildsStayRunsAcrossAPreMeetingAndItsMeeting(boardEndsAt minute: Int, status: CheckStatus) throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("stay.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let day = try #require(LocalDate(iso: "2027-01-12"))
        func meeting(_ kind: MeetingKind, _ start: (Int, Int), _ end: (Int, Int)) throws -> Int64 {
            let id = try db.addMeeting(as: admin, Meeting(id: 0, kind: kind, title: "\(kind.code)", date: day,
                                                          start: TimeOfDay(hour: start.0, minute: start.1)!, end: TimeOfDay(hour: end.0, minute: end.1)!,
                                                          venue: "Kursaal Children's Centre", otherParents: 1))
            try db.setCrechePlan(as: admin, meetingID: id, CrechePlan(booked: [:], staffBooked: 0, roomCapacity: 10))
            for name in ["Bev", "Kerry"] {
                try db.addStaff(as: admin, meetingID: id, StaffMember(name: name, level: 3, paediatricFirstAid: true))
            }
            return id
        }
        let board = try meeting(.partnershipBoard, (10, 0), (11, minute))
        let pre = try meeting(.preMeeting(forMeeting: board), (9, 30), (10, 0))
        let maisie = try db.addChild(as: admin, Child(firstName: "Maisie", familyName: "Adams", dateOfBirth: LocalDate(iso: "2023-03-28")!,
                                                      parentName: "Zoe Adams"), today: fixedToday)
        let early = try db.book(as: admin, childID: maisie, meetingID: pre)
        let late = try db.book(as: admin, childID: maisie, meetingID: board)
        let item = try #require(try db.meetings(as: admin, ids: [board]).first)
        let check = BarrierChecker().creche(item.facts.meeting, item.facts.creche, longestStay: item.facts.longestStay)
        #expect(item.facts.longestStay?.minutes == 90 + minute)
        #expect(check.status == status, "\(check.reason)")
        // The register: in at 09:28 for the pre-meeting, in again at 10:00 for the Board.
        let nine = LocalDateTime(date: day, time: TimeOfDay(hour: 9, minute: 28)!).instant
        try db.signIn(as: admin, bookingID: early, at: nine)
        try db.signIn(as: admin, bookingID: late, at: nine.addingTimeInterval(32 * 60))
        let row = try #require(try db.register(as: admin, meetingID: board).first)
        #expect(row.stayStartedAt == nine, "the Board's timer runs from the pre-meeting's sign-in")
        #expect(try db.register(as: admin, meetingID: pre).first?.stayStartedAt == nil)
    }

    /// The joined stay is found whichever meetings are read together (the other session in
    /// the same page or not), for the venue written with other capitals and spaces, and not
    /// across a cancelled session.
    @Test func aJoinedStayIsFoundInAnyPageAndNotAcrossACancelledSession() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("pages.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let day = try #require(LocalDate(iso: "2027-01-12"))
        func meeting(_ kind: MeetingKind, _ start: Int, _ end: Int, venue: String) throws -> Int64 {
            let id = try db.addMeeting(as: admin, Meeting(id: 0, kind: kind, title: "\(kind.code)", date: day,
                                                          start: TimeOfDay(minutes: start)!, end: TimeOfDay(minutes: end)!,
                                                          venue: venue, otherParents: 1))
            try db.setCrechePlan(as: admin, meetingID: id, CrechePlan(booked: [:], staffBooked: 0, roomCapacity: 10))
            return id
        }
        let board = try meeting(.partnershipBoard, 600, 690, venue: "Kursaal Children's Centre")
        let pre = try meeting(.preMeeting(forMeeting: board), 570, 600, venue: "  KURSAAL Children's Centre ")
        let elsewhere = try meeting(.serviceDesign, 690, 720, venue: "Milton Hall")
        let maisie = try db.addChild(as: admin, Child(firstName: "Maisie", familyName: "Adams", dateOfBirth: LocalDate(iso: "2023-03-28")!,
                                                      parentName: "Zoe Adams"), today: fixedToday)
        for session in [pre, board, elsewhere] { try db.book(as: admin, childID: maisie, meetingID: session) }
        let alone = try #require(try db.meetings(as: admin, ids: [board]).first?.facts.longestStay)
        let together = try #require(try db.meetings(as: admin, ids: [pre, elsewhere, board]).first { $0.meeting.id == board }?.facts.longestStay)
        #expect(alone == LongestStay(childName: "Maisie", minutes: 120, sessions: 2))
        #expect(together == alone)
        #expect(try db.meetings(as: admin, ids: [elsewhere]).first?.facts.longestStay == nil, "another venue is another stay")
        try db.cancelMeeting(as: admin, id: pre, expectedVersion: 1, reason: "Room double-booked")
        #expect(try db.meetings(as: admin, ids: [pre, board]).first { $0.meeting.id == board }?.facts.longestStay == nil)
    }

    /// A child's age band is taken from their date of birth as it is now: correcting it moves
    /// them into another band at every session they are booked into.
    @Test func correctingADateOfBirthMovesTheChildIntoItsAgeBand() throws {
        let folder = TemporaryFolder()
        let (db, admin, session) = try oneSession(folder, venue: "Milton Hall", otherParents: 1)
        var child = Child(firstName: "Ivy", familyName: "Shaw", dateOfBirth: LocalDate(iso: "2023-06-01")!, parentName: "Jo Shaw")
        let ivy = try db.addChild(as: admin, child, today: fixedToday)
        try db.book(as: admin, childID: ivy, meetingID: session)
        func bands() throws -> [Int] {
            let plan = try #require(try db.meetings(as: admin, ids: [session]).first?.facts.creche)
            return [plan.count(.underTwo), plan.count(.two), plan.count(.threeAndOver)]
        }
        #expect(try bands() == [0, 0, 1], "three on the day")
        child.dateOfBirth = LocalDate(iso: "2025-06-01")!
        try db.updateChild(as: admin, id: ivy, child, today: fixedToday)
        #expect(try bands() == [1, 0, 0], "under two on the day, once the date of birth is put right")
    }

    @Test func badBookingsAreRefusedWithAReasonAndNothingSaved() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let session = try todaysSession(db)
        #expect(throws: StoreError.invalid("date of birth: Sun 27 Dec 2026 is in the future.")) {
            try db.addChild(as: testAdmin, Child(firstName: "Baby", familyName: "Soon", dateOfBirth: fixedToday.adding(days: 30),
                                                 parentName: "P"), today: fixedToday)
        }
        #expect(throws: StoreError.invalid("date of birth: the child is over 5, too old for the crèche.")) {
            try db.addChild(as: testAdmin, Child(firstName: "Big", familyName: "Kid", dateOfBirth: LocalDate(iso: "2020-01-01")!,
                                                 parentName: "P"), today: fixedToday)
        }
        let leo = try #require(try db.children(as: testAdmin).first { $0.firstName == "Leo" })
        #expect(throws: StoreError.invalid("Leo Adams is already booked into this crèche.")) {
            try db.book(as: testAdmin, childID: leo.id, meetingID: session)
        }
        try db.cancelMeeting(as: testAdmin, id: session, expectedVersion: 1, reason: "Heating broken")
        let fresh = try db.addChild(as: testAdmin, Child(firstName: "New", familyName: "Kid", dateOfBirth: LocalDate(iso: "2025-05-05")!,
                                                         parentName: "P"), today: fixedToday)
        #expect(throws: StoreError.self) { try db.book(as: testAdmin, childID: fresh, meetingID: session) }
        #expect(try db.register(as: testAdmin, meetingID: session).count == 5)
    }

    @Test func theRegisterKeepsEverySignInAndOutAndCheckedCollections() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let worker = try db.signIn(name: "Crèche Demo", secret: DemoData.demoPIN)
        let session = try todaysSession(db)
        let rows = try db.register(as: worker, meetingID: session)
        let ruby = try #require(rows.first { $0.child.firstName == "Ruby" })
        let amara = try #require(rows.first { $0.child.firstName == "Amara" })
        let ten = LocalDateTime(iso: "2026-11-27T10:00")!.instant
        #expect(throws: StoreError.self) { try db.signOut(as: worker, bookingID: ruby.bookingID, at: ten, collectedBy: "Hannah Clarke") }
        try db.signIn(as: worker, bookingID: ruby.bookingID, at: ten)
        #expect(throws: StoreError.invalid("The sign-out time is before the sign-in time: check the time.")) {
            try db.signOut(as: worker, bookingID: ruby.bookingID, at: ten.addingTimeInterval(-60), collectedBy: "Hannah Clarke")
        }
        #expect(throws: StoreError.self) {
            try db.signOut(as: worker, bookingID: amara.bookingID, at: ten, collectedBy: "A Stranger")
        }
        try db.signOut(as: worker, bookingID: amara.bookingID, at: ten, collectedBy: "A Stranger", reason: "Aunt; Grace phoned ahead",
                       collectorAge: 40)
        try db.signOut(as: worker, bookingID: ruby.bookingID, at: ten.addingTimeInterval(3600), collectedBy: "sam clarke")
        let after = try db.register(as: worker, meetingID: session)
        #expect(try #require(after.first { $0.child.firstName == "Amara" }).collectedByStranger)
        #expect(try #require(after.first { $0.child.firstName == "Ruby" }).collectedByStranger == false)
        let history = try db.registerHistory(as: worker, meetingID: session)
        #expect(history.filter(\.signedIn).count == 3 && history.filter { !$0.signedIn }.count == 2)
        #expect(history.last?.recordedBy == "Crèche Demo")
        #expect(throws: DatabaseError.self) { try db.pool.write { try $0.execute(sql: "DELETE FROM registerEvent") } }
        // A champion books their own child but does not keep the register.
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let leo = try #require(after.first { $0.child.firstName == "Leo" })
        #expect(throws: StoreError.self) { try db.signIn(as: zoe, bookingID: leo.bookingID, at: ten) }
    }
}

@Suite struct CrecheSettingsTests {
    @Test func theRatioTableAndMinimumAreSettings() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("s.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        #expect(try db.barrierChecker().settings.ratios == .eyfs)
        try db.set(.ratioTwo, to: "4", as: admin)
        try db.set(.crecheMinimumStaff, to: "3", as: admin)
        let ratios = try db.barrierChecker().settings.ratios
        #expect(ratios.two == 4 && ratios.minimumStaff == 3)
        #expect(throws: StoreError.self) { try db.set(.ratioUnderTwo, to: "0", as: admin) }
    }

    @Test func arrangingACrecheKeepsItsRotaAndRefusesCancelledMeetings() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("a.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "abcdefgh")
        let id = try db.addMeeting(as: admin, Meeting(id: 0, kind: .serviceDesign, title: "Design", date: fixedToday.adding(days: 3),
                                                      start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!,
                                                      venue: "SAVS", otherParents: 1))
        #expect(try db.meetingDetail(as: admin, id: id).facts.creche == nil)
        try db.arrangeCreche(as: admin, meetingID: id, roomCapacity: 10)
        try db.addStaff(as: admin, meetingID: id, StaffMember(name: "Bev", level: 3, paediatricFirstAid: true))
        try db.arrangeCreche(as: admin, meetingID: id, roomCapacity: 8, underTwoHours: false)
        let plan = try #require(try db.meetingDetail(as: admin, id: id).facts.creche)
        #expect(plan.roomCapacity == 8 && plan.staffBooked == 1 && !plan.underTwoHours)
        #expect(throws: StoreError.self) { try db.arrangeCreche(as: admin, meetingID: id, roomCapacity: 0) }
        try db.cancelMeeting(as: admin, id: id, expectedVersion: 1, reason: "Snow")
        #expect(throws: StoreError.invalid("That meeting is cancelled: no crèche is needed.")) {
            try db.arrangeCreche(as: admin, meetingID: id, roomCapacity: 10)
        }
    }
}

@Suite struct ExportAccessTests {
    @Test func privateFieldsInExportsOnlyForRolesAllowedToSeeThem() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("e.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        #expect(throws: StoreError.denied(AccessDenied(role: .champion, operation: .read, kind: .childNotes))) {
            try db.exportTable(.creche, as: zoe, includeSensitive: true)
        }
        let own = try db.exportTable(.creche, as: zoe)
        #expect(own.rows.map { $0[3] }.sorted() == ["Leo Adams", "Maisie Adams"])
        let worker = try db.signIn(name: "Crèche Demo", secret: DemoData.demoPIN)
        #expect(try db.exportTable(.creche, as: worker, includeSensitive: true).rows.contains { $0.contains("Dairy-free diet.") })
        #expect(throws: StoreError.self) { try db.exportTable(.meetings, as: zoe, includeSensitive: true) }
    }
}
