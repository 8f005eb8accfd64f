import Coproduction
import CoproductionStore
import Foundation
import GRDB
import Testing

/// A failing check accepted through the store: for one meeting or its whole series, shown as
/// accepted with the reason and name, withdrawn again, refused without a reason or to a
/// Parent Champion, audited, and counted apart from passes in the report.
@Suite struct AcceptedCheckWritesTests {
    let folder = TemporaryFolder()
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    let office = Actor(userID: 0, name: "Olive Office", role: .office)

    /// Saturday evenings, weekly for four weeks: every one fails the school-run check.
    func dadsGroup(_ db: AppDatabase) throws -> [Int64] {
        let m = Meeting(id: 0, kind: .taskAndFinish(group: "Dads"), title: "Dads' group", date: day("2027-03-06"),
                        start: TimeOfDay(hour: 18, minute: 0)!, end: TimeOfDay(hour: 19, minute: 30)!, venue: "Shoebury Hub", championIDs: [1])
        return try db.addMeetingSeries(as: office, m, rule: SeriesRule(.weekly(interval: 1), first: day("2027-03-06"), until: day("2027-03-27")))
    }

    func schoolRun(_ db: AppDatabase, _ id: Int64) throws -> BarrierResult? {
        let detail = try db.meetingDetail(as: office, id: id)
        return BarrierChecker().check(detail.facts).first { $0.barrier == .schoolRun }
    }

    func open() throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.path("accept-\(UUID().uuidString).sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return db
    }

    @Test func oneMeetingOrTheWholeSeries() throws {
        let db = try open()
        let ids = try dadsGroup(db)
        #expect(try schoolRun(db, ids[0])?.status == .fail)
        try db.acceptCheck(as: office, meetingID: ids[0], barrier: .schoolRun, reason: "the dads work weekdays", now: Date())
        #expect(try schoolRun(db, ids[0])?.accepted?.reason == "the dads work weekdays")
        #expect(try schoolRun(db, ids[0])?.reason.hasPrefix("accepted: the dads work weekdays (Olive Office,") == true)
        #expect(try schoolRun(db, ids[1])?.status == .fail, "the next one is not covered")

        try db.acceptCheck(as: office, meetingID: ids[1], barrier: .schoolRun, reason: "chosen with the dads at the first session",
                           wholeSeries: true, now: Date())
        for id in ids.dropFirst() { #expect(try schoolRun(db, id)?.accepted?.wholeSeries == true) }
        #expect(try schoolRun(db, ids[0])?.accepted?.reason == "the dads work weekdays", "the meeting's own acceptance is kept first")
        #expect(try db.meetings(as: office, ids: ids).allSatisfy { $0.facts.accepted[.schoolRun] != nil })

        let gone = try db.withdrawAcceptedCheck(as: office, meetingID: ids[2], barrier: .schoolRun, now: Date())
        #expect(gone?.wholeSeries == true)
        #expect(try schoolRun(db, ids[2])?.status == .fail)
        #expect(try db.withdrawAcceptedCheck(as: office, meetingID: ids[2], barrier: .schoolRun, now: Date()) == nil)
        #expect(try schoolRun(db, ids[0])?.accepted != nil)

        let audit = try db.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit WHERE action LIKE '%accept%' ORDER BY id") }
        #expect(audit == ["accept check", "accept check", "withdraw accepted check"])
    }

    @Test func aReasonIsNeededAndOnlyTheOfficeMayAccept() throws {
        let db = try open()
        let ids = try dadsGroup(db)
        #expect(throws: StoreError.self) { try db.acceptCheck(as: office, meetingID: ids[0], barrier: .schoolRun, reason: "  ", now: Date()) }
        let champion = Actor(userID: 99, name: "Zoe Adams", role: .champion, championID: 1)
        #expect(throws: StoreError.self) { try db.acceptCheck(as: champion, meetingID: ids[0], barrier: .schoolRun, reason: "we chose it", now: Date()) }
        let single = try db.meetings(as: office, from: fixedToday, offset: 0, limit: 1)[0].meeting.id
        #expect(throws: StoreError.self, "a meeting with no series") {
            try db.acceptCheck(as: office, meetingID: single, barrier: .schoolRun, reason: "we chose it", wholeSeries: true, now: Date())
        }
        #expect(try schoolRun(db, ids[0])?.accepted == nil)
    }

    @Test func theReportCountsAcceptedChecksApart() throws {
        let db = try open()
        let ids = try dadsGroup(db)
        let before = try db.report(as: office, from: day("2027-03-01"), to: day("2027-03-31"))
        try db.acceptCheck(as: office, meetingID: ids[0], barrier: .schoolRun, reason: "the dads work weekdays", wholeSeries: true, now: Date())
        let after = try db.report(as: office, from: day("2027-03-01"), to: day("2027-03-31"))
        #expect(before.accepted["school-run"] == nil)
        #expect(after.accepted["school-run"] == 4)
        #expect(after.meetingsChecked == before.meetingsChecked)
        #expect(after.passRate["school-run"] == before.passRate["school-run"], "accepted is not counted as passed")
        #expect(after.charts.contains { $0.title.hasPrefix("Checks accepted as failing") && $0.bars.contains { $0.label == "School run" && $0.value == 4 } })
    }
}
