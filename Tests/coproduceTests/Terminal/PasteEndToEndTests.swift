import Foundation
import Testing

/// Pasting in a real terminal (tmux, which marks pastes when the app asks): the text goes
/// where it belongs, and its line breaks and letters never act as keys.
@Suite(.serialized) struct PasteEndToEndTests {
    @Test func pastingIntoATitleIntoMinutesAndOnTheMainScreen() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let before = try Binary.run(["meetings", "list", "--json", "--db", db], environment: env).stdout
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") && $0.contains("Kursaal") }

        // On the main screen: nothing runs (n would open a form, L lock, q quit), nothing saved.
        try tmux.paste("nLq\nDe\n", bracketed: true)
        var screen = try tmux.waitFor { $0.contains("Pasted text was ignored") }
        #expect(screen.contains("Upcoming meetings") && !screen.contains("New meeting") && !screen.contains("Locked"))

        // Into a title: two lines from an e-mail become one line; the form stays open.
        try tmux.keys("n")
        _ = try tmux.waitFor { $0.contains("New meeting") }
        try tmux.paste("Partnership Board\nAgenda attached eLq\n", bracketed: true)
        screen = try tmux.waitFor { $0.contains("line breaks became spaces") }
        #expect(screen.contains("Partnership Board Agenda attached eLq"))
        #expect(screen.contains("New meeting") && !screen.contains("Locked"))
        // The same without the terminal's paste markers: text arriving at once with a line
        // break inside is still a paste.
        try tmux.keys("C-u")
        try tmux.paste("Service Design\nfrom notes\n", bracketed: false)
        screen = try tmux.waitFor { $0.contains("Service Design from notes") }
        #expect(screen.contains("New meeting"))
        try tmux.keys("Escape")
        _ = try tmux.waitFor { $0.contains("Throw away the changes?") }
        try tmux.keys("y")
        _ = try tmux.waitFor { $0.contains("Changes thrown away") }
        let after = try Binary.run(["meetings", "list", "--json", "--db", db], environment: env).stdout
        #expect(after == before, "a paste saved a meeting")

        // Into the minutes of a past meeting: the line breaks stay.
        try tmux.keys("P")
        _ = try tmux.waitFor { $0.contains("Past meetings") }
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Agenda") }
        try tmux.keys("h")
        _ = try tmux.waitFor { $0.contains("Record:") }
        // Tab past each champion's attendance row and the other fields to the minutes.
        for _ in 0..<12 where !(try tmux.capture().contains("Ctrl-S save")) {
            try tmux.keys("Tab")
            Thread.sleep(forTimeInterval: 0.1)
        }
        screen = try tmux.waitFor { $0.contains("Ctrl-S save") }
        try tmux.paste("First point\nSecond point\nThird point", bracketed: true)
        screen = try tmux.waitFor { $0.contains("Third point") }
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Minutes") && $0.contains("First point") })
        #expect(lines.contains { $0.contains("Second point") && !$0.contains("First point") })
        #expect(screen.contains("Record:"), "the paste saved the record")
        try tmux.keys("C-c")
        screen = try tmux.waitFor { $0.contains("Quit and throw away the changes?") }
        try tmux.keys("y")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }
}
