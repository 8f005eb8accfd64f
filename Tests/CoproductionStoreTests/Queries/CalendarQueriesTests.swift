import Coproduction
import CoproductionStore
import Foundation
import Testing

/// One person's own calendar: a champion may write only their own; crèche staff theirs.
@Suite struct PersonalCalendarAccessTests {
    @Test func aChampionWritesOnlyTheirOwnCalendar() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("own.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let staff = try db.signIn(name: "Crèche Demo", secret: DemoData.demoPIN)
        let from = fixedToday.adding(days: -30), to = fixedToday.adding(days: 60)
        let hers = try db.calendarEvents(as: zoe, from: from, to: to, for: .champion(zoe.championID!))
        #expect(!hers.isEmpty)
        let other = try #require(try db.champions(as: testAdmin).first { $0.id != zoe.championID }?.id)
        #expect(throws: StoreError.self) { try db.calendarEvents(as: zoe, from: from, to: to, for: .champion(other)) }
        #expect(throws: StoreError.self) { try db.calendarEvents(as: staff, from: from, to: to, for: .champion(zoe.championID!)) }
        let sessions = try db.calendarEvents(as: staff, from: from, to: to, for: .staffUser(staff.userID))
        let everything = try db.calendarEvents(as: testAdmin, from: from, to: to)
        #expect(!sessions.isEmpty && sessions.count < everything.count)
    }
}
