import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct AppControllerTests {
    @Test func allThreePanesAreFilledFromTheDatabase() throws {
        let f = try Fixture()
        let s = f.controller.state
        #expect(s[.meetings].total > 20 && !s.meetings.items.isEmpty)
        #expect(s[.areas].total == 6 && s.areas.items.count == 6)
        #expect(s[.creche].total > 0 && !s.creches.items.isEmpty)
    }

    @Test func listsReadOnlyTheRowsTheyShow() throws {
        let f = try Fixture()
        let visible = MainLayout(size: f.controller.state.size).visibleRows(.meetings)
        #expect(f.controller.state.meetings.items.count == visible)
        f.press(.end)
        let s = f.controller.state
        #expect(s.meetings.offset == s[.meetings].total - visible)
        #expect(s.meetings.items.count == visible)
        #expect(s.meetings.item(at: s[.meetings].selected) != nil)
    }

    @Test func filteringQueriesTheWholeListNotJustTheScreen() throws {
        let f = try Fixture()
        f.press(.character("/"))
        f.type("welcome")
        let s = f.controller.state
        #expect(s[.meetings].total == (try f.database.countMeetings(as: try #require(try f.database.demoActor()), from: Fixture.today, filter: "welcome")))
        #expect(s[.meetings].total > 0)
        #expect(s.meetings.items.allSatisfy { $0.meeting.title.localizedCaseInsensitiveContains("welcome") })
        f.type("zzz")
        #expect(f.controller.state[.meetings].total == 0)
        #expect(f.screen.text.contains("No meetings match “welcomezzz”"))
        f.press(.escape)
        #expect(f.controller.state[.meetings].total > 20)
    }

    @Test func enterOpensTheSelectedRowsDetailAndEscReturns() throws {
        let f = try Fixture()
        f.press(.character("3"), .enter)
        guard case .creche(let detail)? = f.controller.state.detail?.content else {
            Issue.record("no crèche detail opened")
            return
        }
        #expect(detail.facts.creche != nil)
        #expect(f.screen.text.contains("Crèche for"))
        f.press(.escape)
        #expect(f.controller.state.detail == nil)
        #expect(f.screen.text.contains("Crèche headcounts"))
    }

    @Test func anotherConnectionsCommitShowsOnThePoll() throws {
        let f = try Fixture()
        let before = f.controller.state[.meetings].total
        let other = try AppDatabase.open(path: f.database.path)
        _ = try other.write { db in
            try RecordWrites.insertMeeting(db, Meeting(
                id: 0, kind: .serviceDesign, title: "Added elsewhere", date: Fixture.today.adding(days: 1),
                start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!, venue: "SAVS"))
        }
        #expect(f.controller.pollForChanges())
        #expect(f.controller.state[.meetings].total == before + 1)
        #expect(!f.controller.pollForChanges())
    }

    @Test func detailScrollingStopsAtTheEnd() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter)
        for _ in 0..<100 { f.press(.down) }
        let scrolled = try #require(f.controller.state.detail).scroll
        f.press(.up)
        #expect(try #require(f.controller.state.detail).scroll == scrolled - 1)
    }
}
