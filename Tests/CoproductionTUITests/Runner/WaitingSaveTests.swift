import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import GRDB
import Testing

/// Another program holding a write transaction: the app's save waits on the clock, not in
/// SQLite, so the screen stays live, says why it waits, keeps what was typed, and reports the
/// outcome.
@Suite struct WaitingSaveTests {
    /// Another connection to the fixture's file that holds a write transaction open.
    static func holdWriteLock(_ f: Fixture) throws -> DatabaseQueue {
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: f.database.path, configuration: config)
        try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        return other
    }

    static func release(_ other: DatabaseQueue) throws {
        try other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
    }

    static func typeAnIdea(_ f: Fixture) {
        f.press(.character("2"), .down, .enter)  // Milton
        f.press(.character("I"))
        f.type("Baby swimming at Leisure Park")
        f.press(.enter)
    }

    @Test func aSaveThatMustWaitSaysSoKeepsTheTextAndSavesWhenTheOtherProgramIsDone() throws {
        let f = try Fixture()
        let other = try Self.holdWriteLock(f)
        Self.typeAnIdea(f)
        #expect(f.controller.state.status.hasPrefix("Saving… another program is writing"))
        #expect(f.screen.text.contains("Saving… another program is writing"))
        #expect(f.controller.state.prompt?.text == "Baby swimming at Leisure Park", "the text stays in the question")
        f.advance(seconds: 2)
        #expect(f.controller.state.status.contains("(2 s)"), "the screen stays live and counts: \(f.controller.state.status)")
        try Self.release(other)
        f.advance(seconds: 1)
        #expect(f.controller.state.status.hasPrefix("Idea #"), "\(f.controller.state.status)")
        #expect(f.controller.state.prompt == nil)
        #expect(f.screen.text.contains("Baby swimming at Leisure Park"))
    }

    @Test func aSaveThatWaitsTooLongIsNotMadeAndTheTextIsKept() throws {
        let f = try Fixture()
        let other = try Self.holdWriteLock(f)
        defer { try? Self.release(other) }
        Self.typeAnIdea(f)
        f.advance(seconds: f.database.busyTimeout + 1)
        #expect(f.controller.state.status.hasPrefix("Not saved: another program has been writing to the database for more than 5 s"))
        #expect(f.controller.state.prompt?.text == "Baby swimming at Leisure Park")
        // Nothing was saved; a later Enter tries again once the other program is done.
        try Self.release(other)
        f.press(.enter)
        #expect(f.controller.state.status.hasPrefix("Idea #"))
    }

    @Test func escStopsAWaitingSave() throws {
        let f = try Fixture()
        let other = try Self.holdWriteLock(f)
        Self.typeAnIdea(f)
        f.press(.escape)
        #expect(f.controller.state.status == "Stopped: nothing was saved. What you typed is kept.")
        #expect(f.controller.state.prompt?.text == "Baby swimming at Leisure Park")
        try Self.release(other)
        f.advance(seconds: 1)
        let admin = try #require(try f.database.demoActor())
        let all = try f.database.areas(as: admin, today: Fixture.today, offset: 0, limit: 10).map(\.area.id)
            .flatMap { (try? f.database.ideas(as: admin, areaID: $0)) ?? [] }
        #expect(!all.contains { $0.text == "Baby swimming at Leisure Park" }, "a stopped save is never made later")
    }
}
