import Foundation
import Testing

/// A series edited "this and later ones" in a real terminal, at 80×24: the form asks which
/// meetings the change reaches, the earlier meetings keep their time, the later ones move.
@Suite(.serialized) struct SeriesEndToEndTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func aTimeChangedForThisAndLaterOnesMovesOnlyTheLaterMeetings() throws {
        let scratch = Scratch()
        let db = scratch.path("series.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }
        // A new Board, fortnightly from 16 March 2027 to the end of May: the rule picked from the list.
        try tmux.keys("n")
        _ = try tmux.waitFor { $0.contains("New meeting") }
        try tmux.type("Spring Board")
        try tmux.keys("Tab", "C-u")
        try tmux.type("16/03/2027")
        try tmux.keys("Tab", "Tab", "Tab")
        try tmux.type("every")
        var screen = try tmux.waitFor { $0.contains("every 2 weeks on Tuesday") && $0.contains("every month on the 3rd Tuesday") }
        try tmux.keys("Down", "Down", "Enter", "Tab")
        // No end yet: the save is refused beside Until, and what was typed stays.
        try tmux.keys("C-s")
        screen = try tmux.waitFor { $0.contains("A series needs an end") }
        #expect(screen.contains("every 2 weeks on Tuesday") && screen.contains("Spring Board"))
        try tmux.type("31/05/2027")
        try tmux.keys("Tab")
        try tmux.type("Kursaal Children's Centre")
        try tmux.keys("C-s")
        screen = try tmux.waitFor { $0.contains("Barrier checks") }
        #expect(screen.contains("every 2 weeks on Tuesday until 31/05/2027 (meeting 1 of 6)"))
        try tmux.keys("Escape")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }
        try tmux.keys("/")
        try tmux.type("Spring")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("filter: Spring") && $0.contains("Tue 25 May") }
        // The fourth, 27 April: from here on, 10:30 to 12:30.
        try tmux.keys("j", "j", "j", "e")
        _ = try tmux.waitFor { $0.contains("Edit Partnership Board") && $0.contains("27/04/2027") }
        try tmux.keys("Tab", "Tab", "C-u")
        try tmux.type("10:30")
        try tmux.keys("Tab", "C-u")
        try tmux.type("12:30")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("o this one only  l this and later ones") }
        #expect(screen.contains("Meeting 4 of 6 in a series"))
        // Esc goes back to the form with everything typed; Enter asks again; l answers.
        try tmux.keys("Escape")
        screen = try tmux.waitFor { !$0.contains("o this one only") && $0.contains("12:30") }
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("o this one only  l this and later ones") }
        try tmux.keys("l")
        screen = try tmux.waitFor { $0.contains("Saved this and later ones") }
        #expect(screen.contains("changed 3 meetings"))
        #expect(screen.contains("(meeting 1 of 3)"), "the later ones are a series of their own now")
        try tmux.keys("Escape")
        screen = try tmux.waitFor { $0.contains("filter: Spring") && $0.contains("10:30–12:30") }
        let rows = screen.split(separator: "\n").filter { $0.contains("Spring Board") }
        #expect(rows.count == 6)
        #expect(rows.prefix(3).allSatisfy { $0.contains("10:00–12:00") }, "\(rows)")
        #expect(rows.suffix(3).allSatisfy { $0.contains("10:30–12:30") }, "\(rows)")
        try tmux.keys("Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }
}
