import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Today: the first screen after sign-in, with what needs that person and nothing a role may
/// not see; O brings it back; Enter opens the record a line is about.
@Suite struct TodayPageTests {
    @Test func theOfficeLandsOnTodayAndEnterOpensTheRecord() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Office Demo", stayOnToday: true))
        #expect(f.controller.state.screen == .today)
        let text = f.screen.text
        #expect(text.contains("Today: what needs you") && text.contains("for Office Demo"))
        #expect(text.contains("overdue"))
        #expect(text.contains("is not recorded") && text.contains("Partnership Board, Tue  1 Dec 10:00: fails crèche"))
        // Overdue first; Enter on the first line opens what it is about.
        guard case .today(let items)? = f.controller.state.detail?.content else { Issue.record("not loaded"); return }
        #expect(items.first?.overdue == true)
        #expect(items.prefix { $0.overdue }.count == items.filter(\.overdue).count, "every overdue line comes before the rest")
        let board = try #require(items.firstIndex { $0.words.hasPrefix("Partnership Board, Tue  1 Dec") })
        for _ in 0..<board { f.press(.down) }
        f.press(.enter)
        #expect(f.controller.state.screen == .meeting && f.screen.text.contains("When        Tue 1 Dec 2026"))
        // Esc back to Today, Esc to the main screen; O brings Today back.
        f.press(.escape, .escape)
        #expect(f.controller.state.screen == .main)
        f.press(.character("O"))
        #expect(f.controller.state.screen == .today)
    }

    @Test func aChampionSeesOnlyTheirOwn() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Zoe Adams", stayOnToday: true))
        guard case .today(let items)? = f.controller.state.detail?.content else { Issue.record("not loaded"); return }
        let text = items.map(\.words).joined(separator: "\n")
        #expect(text.contains("Ask the library about a room"), "her own action")
        #expect(!text.contains("DBS"), "no one else's DBS")
        #expect(!text.contains("Hannah Clarke") && !text.contains("not recorded"), "nothing of the office's")
        #expect(items.contains { $0.kind == .meeting && $0.words.contains("you are coming") })
        #expect(items.contains { $0.kind == .review })
    }

    @Test func crecheStaffSeeTheirSessions() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Crèche Demo", stayOnToday: true))
        guard case .today(let items)? = f.controller.state.detail?.content else { Issue.record("not loaded"); return }
        #expect(items.contains { $0.kind == .session && $0.words.hasPrefix("Today 09:45–10:45") && $0.words.contains("children booked") })
        #expect(!items.contains { $0.kind == .action || $0.kind == .training || $0.kind == .review })
        f.press(.enter)
        #expect(f.controller.state.screen == .register)
    }

    @Test func todayIsReadAgainAsTheClockMoves() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Crèche Demo", stayOnToday: true))
        #expect(!f.screen.text.contains("not collected"))
        // 11:01: the 09:45–10:45 session is over with Amara and Leo still signed in.
        _ = f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:01")!)
        guard case .today(let items)? = f.controller.state.detail?.content else { Issue.record("not loaded"); return }
        #expect(items.first?.kind == .uncollected && items.first?.overdue == true, "\(items.map(\.words))")
        #expect(f.screen.text.contains("is not collected from"))
    }
}
