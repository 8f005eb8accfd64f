import Foundation
import Testing

/// A meeting made and mended in a real terminal: a 15:00 start fails the school-run check
/// in the pane; moved to 10:00, it passes.
@Suite(.serialized) struct MeetingFormEndToEndTests {
    @Test func aLateMeetingFailsTheSchoolRunUntilItIsMovedToTen() throws {
        let scratch = Scratch()
        let db = scratch.path("office.sqlite")
        let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]
        #expect(try Binary.run(["init", "--db", db, "--admin", "Alison Griffin"], environment: env, stdin: "correct horse\n").status == 0)
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        _ = try tmux.waitFor { $0.contains("PIN or passphrase") }
        try tmux.type("Alison Griffin")
        try tmux.keys("Enter")
        try tmux.type("correct horse")
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Welcome: set up Coproduce") }
        try tmux.keys("Escape")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }

        try tmux.keys("n")
        _ = try tmux.waitFor { $0.contains("New meeting") }
        try tmux.type("Family hubs design")
        for (text, field) in [("30/11/2026", "date"), ("15:00", "start"), ("16:00", "end"), ("SAVS", "venue")] {
            // Repeats sits between the end and the venue; left empty, the meeting does not repeat.
            if field == "venue" { try tmux.keys("Tab") }
            try tmux.keys("Tab", "C-u")
            try tmux.type(text)
        }
        try tmux.keys("Enter")
        var screen = try tmux.waitFor { $0.contains("Barrier checks") }
        #expect(screen.contains("Family hubs design"))
        try tmux.keys("Escape")
        screen = try tmux.waitFor { $0.contains("Upcoming meetings") && $0.contains("Family hubs design") }
        let late = try #require(screen.split(separator: "\n").first { $0.contains("Family hubs design") })
        #expect(late.contains("15:00–16:00"))
        #expect(late.contains("✗ fail: school run"))

        // Select it and edit: Title → Date → Start.
        let rows = screen.split(separator: "\n")
        let firstRow = try #require(rows.firstIndex { $0.contains("Fri 27 Nov") || $0.contains("Mon 30 Nov") })
        let target = try #require(rows.firstIndex { $0.contains("Family hubs design") })
        for _ in 0..<(target - firstRow) { try tmux.keys("j") }
        try tmux.keys("e")
        _ = try tmux.waitFor { $0.contains("Edit Partnership Board") }
        try tmux.keys("Tab", "Tab", "C-u")
        try tmux.type("10:00")
        try tmux.keys("Tab", "C-u")
        try tmux.type("11:00")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("Barrier checks") && $0.contains("10:00–11:00") }
        #expect(screen.contains("✓ ok    School run"))
        try tmux.keys("Escape")
        screen = try tmux.waitFor { $0.contains("Upcoming meetings") && $0.contains("10:00–11:00") }
        let fixed = try #require(screen.split(separator: "\n").first { $0.contains("Family hubs design") })
        #expect(!fixed.contains("school run"))
        try tmux.keys("q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }
}
