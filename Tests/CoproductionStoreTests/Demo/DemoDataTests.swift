import Coproduction
import CoproductionStore
import GRDB
import Testing

@Suite struct DemoDataTests {
    @Test func theDemoHasTheWardsChampionsAndEightWeeksOfMeetings() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("demo.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let areas = try db.areas(as: testAdmin, today: fixedToday, offset: 0, limit: 10)
        #expect(areas.map(\.area.name) == Area.defaultWards)
        #expect(areas.reduce(0) { $0 + $1.champions } >= 12)
        let upcoming = try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 500)
        let last = try #require(upcoming.last?.meeting.date)
        #expect(last.days(since: fixedToday) >= 49)
        #expect(upcoming.contains { $0.meeting.kind == .partnershipBoard })
        #expect(upcoming.contains { $0.meeting.kind.preparedMeetingID != nil })
        #expect(upcoming.contains { $0.facts.creche != nil })
    }

    @Test func theDemoBreaksTheRulesOnPurposeSoWarningsShow() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("demo.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        var checker = BarrierChecker()
        checker.today = fixedToday
        let items = try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 500, checker: checker)
        let failures = items.flatMap { checker.check($0.facts) }.filter { $0.status == .fail }
        #expect(failures.contains { $0.barrier == .schoolRun && $0.reason.contains("15:00") || $0.reason.contains("Ends at 16:30") })
        #expect(failures.contains { $0.barrier == .parentVoice })
        #expect(failures.contains { $0.barrier == .creche && $0.reason.contains("more") })
        // Most meetings are fine: the breaks stand out.
        #expect(items.filter { $0.status == .pass }.count > items.count / 2)
    }

    @Test func theDemoIsTheSameEveryTimeForTheSameDay() throws {
        let folder = TemporaryFolder()
        let a = try AppDatabase.open(path: folder.path("a.sqlite"))
        let b = try AppDatabase.open(path: folder.path("b.sqlite"))
        try DemoData.write(into: a, today: fixedToday)
        try DemoData.write(into: b, today: fixedToday)
        #expect(try a.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 500) == b.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 500))
        #expect(throws: StoreError.self) { try DemoData.write(into: a, today: fixedToday) }
    }

    @Test func theLargeDemoHasBenchmarkVolumes() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("large.sqlite"))
        try DemoData.write(into: db, today: fixedToday, size: .large)
        let counts = Dictionary(uniqueKeysWithValues: try db.recordCounts())
        #expect(counts["Meetings"] == 10_000)
        #expect(counts["Champions"] == 2_000)
        let children = try db.read { db in
            try Int.fetchOne(db, sql: "SELECT SUM(underTwo + two + threeAndOver) FROM crechePlan") ?? 0
        }
        #expect(children >= 50_000)
    }
}
