import Coproduction
import CoproductionStore
import Foundation
import GRDB
import Testing

/// The counts the first screen shows are kept by triggers as the data changes (v33): they
/// must equal a count of the rows themselves after every kind of change.
@Suite struct KeptCountsTests {
    func demo(_ folder: TemporaryFolder) throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.path("counts.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return db
    }

    /// The meetings and crèches from and before `day`, counted row by row from the plans
    /// themselves (not from the flag the tallies are kept from).
    func counted(_ db: AppDatabase, _ day: LocalDate) throws -> [Int] {
        try db.pool.read { db in
            try [">=", "<"].flatMap { op in
                [try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting WHERE date \(op) ?", arguments: [day.iso]) ?? -1,
                 try Int.fetchOne(db, sql: """
                     SELECT COUNT(*) FROM meeting m WHERE m.date \(op) ? AND EXISTS (SELECT 1 FROM crechePlan c WHERE c.meetingId = m.id)
                     """, arguments: [day.iso]) ?? -1]
            }
        }
    }

    func kept(_ db: AppDatabase, _ day: LocalDate) throws -> [Int] {
        [try db.countMeetings(as: testAdmin, from: day), try db.countMeetings(as: testAdmin, from: day, withCrecheOnly: true),
         try db.countMeetings(as: testAdmin, from: day, past: true), try db.countMeetings(as: testAdmin, from: day, withCrecheOnly: true, past: true)]
    }

    @Test func theMeetingAndCrecheTotalsFollowEveryChange() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let days = [fixedToday, fixedToday.adding(days: -30), fixedToday.adding(days: 3), fixedToday.adding(days: 400)]
        func agree(_ step: String) throws {
            for day in days { #expect(try kept(db, day) == counted(db, day), "after \(step), from \(day.iso)") }
        }
        try agree("the demo")
        #expect(try kept(db, fixedToday)[0] > 0 && kept(db, fixedToday)[1] > 0, "the demo has meetings and crèches to come")
        // A new meeting, then its crèche, then a move to another day, then its deletion.
        var meeting = Meeting(id: 0, kind: .serviceDesign, title: "Play spaces", date: fixedToday.adding(days: 3),
                              start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!, venue: "Milton Hall", otherParents: 0)
        let id = try db.addMeeting(as: testAdmin, meeting)
        try agree("adding a meeting")
        try db.setCrechePlan(as: testAdmin, meetingID: id, CrechePlan(booked: [:], staffBooked: 0, roomCapacity: 8))
        try agree("adding its crèche")
        meeting.id = id
        meeting.date = fixedToday.adding(days: -2)
        try db.updateMeeting(as: testAdmin, id: id, expectedVersion: 1, to: meeting)
        try agree("moving it into the past")
        try db.pool.write { db in try db.execute(sql: "DELETE FROM crechePlan WHERE meetingId = ?", arguments: [id]) }
        try agree("removing its crèche")
        try db.setCrechePlan(as: testAdmin, meetingID: id, CrechePlan(booked: [:], staffBooked: 0, roomCapacity: 8))
        let version = try db.meetingDetail(as: testAdmin, id: id).version
        try db.deleteMeeting(as: testAdmin, id: id, expectedVersion: version)
        try agree("deleting it with its crèche")
        // A filtered count still counts the rows (the tallies know no titles).
        #expect(try db.countMeetings(as: testAdmin, from: fixedToday, filter: "Board") < kept(db, fixedToday)[0])
    }

    @Test func eachAreasIdeaCountsFollowEveryChange() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        func counted() throws -> [String: [Int]] {
            let cutoff = fixedToday.adding(days: -28).iso
            return try db.pool.read { db in
                var out: [String: [Int]] = [:]
                for r in try Row.fetchAll(db, sql: """
                    SELECT a.name,
                           (SELECT COUNT(*) FROM idea i WHERE i.areaId = a.id AND i.status IN ('new', 'ready', 'on-agenda', 'decided')) AS open,
                           (SELECT COUNT(*) FROM idea i WHERE i.areaId = a.id AND i.status = 'decided') AS awaiting,
                           (SELECT COUNT(*) FROM idea i WHERE i.areaId = a.id AND i.status = 'decided' AND i.decidedOn < ?) AS overdue
                    FROM area a
                    """, arguments: [cutoff]) {
                    out[r["name"]] = [r["open"], r["awaiting"], r["overdue"]]
                }
                return out
            }
        }
        func kept() throws -> [String: [Int]] {
            Dictionary(uniqueKeysWithValues: try db.areas(as: testAdmin, today: fixedToday, offset: 0, limit: 100).map {
                ($0.area.name, [$0.ideasOpen, $0.awaitingFeedback, $0.feedbackOverdue])
            })
        }
        #expect(try kept() == counted(), "the demo")
        #expect(try kept().values.contains { $0[2] > 0 }, "the demo has ideas overdue for feedback")
        let kursaal = try #require(try db.areas(as: testAdmin, today: fixedToday, offset: 0, limit: 100).first { $0.area.name == "Kursaal" }).area.id
        let id = try db.addIdea(as: testAdmin, Idea(areaID: kursaal, raisedOn: fixedToday, raisedBy: nil, text: "Buggy parking"))
        #expect(try kept() == counted(), "a new idea")
        try db.moveIdea(as: testAdmin, id: id, IdeaStep(to: .ready, on: fixedToday))
        #expect(try kept() == counted(), "ready")
        let board = try #require(try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 50).first { $0.meeting.kind == .partnershipBoard })
        _ = try db.pullReadyIdeas(as: testAdmin, meetingID: board.meeting.id)
        #expect(try kept() == counted(), "on a Board agenda")
        try db.moveIdea(as: testAdmin, id: id, IdeaStep(to: .decided, on: fixedToday.adding(days: -60), outcome: "Racks go in by the door."))
        #expect(try kept() == counted(), "decided two months ago: overdue")
        try db.pool.write { db in try db.execute(sql: "UPDATE idea SET decidedOn = NULL WHERE id = ?", arguments: [id]) }
        #expect(try kept() == counted(), "decided, no day")
        try db.pool.write { db in try db.execute(sql: "DELETE FROM idea WHERE id = ?", arguments: [id]) }
        #expect(try kept() == counted(), "deleted")
    }
}
