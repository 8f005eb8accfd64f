import Foundation
import Testing

/// Picking by name and lists of rows in a real terminal: two champions and a child chosen by
/// typing part of their names, and the second of three actions marked done.
@Suite(.serialized) struct PickAndListEndToEndTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    /// Presses Tab until the screen shows `text` (a field reached), at most `limit` times.
    func tab(_ tmux: Tmux, until text: String, limit: Int = 30) throws {
        for _ in 0..<limit where !(try tmux.capture().contains(text)) {
            try tmux.keys("Tab")
            Thread.sleep(forTimeInterval: 0.05)
        }
        _ = try tmux.waitFor { $0.contains(text) }
    }

    @Test func choosingByPartOfANameAndMarkingTheSecondOfThreeActionsDone() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)", width: 100, height: 40)
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") && $0.contains("Kursaal") }

        // Two champions by part of their names; Renée typed without her accent.
        try tmux.keys("n")
        _ = try tmux.waitFor { $0.contains("New meeting") }
        try tmux.type("Speech and language")
        try tab(tmux, until: "▶ Confirmed")
        try tmux.type("zo")
        _ = try tmux.waitFor { $0.contains("Zoe Adams  Kursaal") }
        try tmux.keys("Enter")
        try tmux.type("ren")
        _ = try tmux.waitFor { $0.contains("Renée Dubois  Milton") }
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Zoe Adams, Renée Dubois,") }
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Barrier checks") && $0.contains("Speech and language") }
        let json = try Binary.run(["meetings", "list", "--json", "--db", db], environment: env).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let saved = try #require(rows.first { $0["title"] as? String == "Speech and language" })
        #expect(Set(saved["confirmed"] as? [Int] ?? []) == [1, 15])

        // A child by part of their name, into a crèche nobody is booked into yet.
        try tmux.keys("Escape")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }
        try tmux.keys("3", "j", "r")
        _ = try tmux.waitFor { $0.contains("Crèche register") }
        try tmux.keys("b")
        _ = try tmux.waitFor { $0.contains("Book which child") }
        try tmux.type("oliv")
        _ = try tmux.waitFor { $0.contains("Oliver Shah") }
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Oliver Shah booked.") }
        try tmux.keys("Escape")

        // Three actions on a past meeting, one row each, owners picked from the champions.
        try tmux.keys("Escape", "P")
        _ = try tmux.waitFor { $0.contains("Past meetings") }
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Agenda") }
        try tmux.keys("h")
        _ = try tmux.waitFor { $0.contains("Record:") }
        try tab(tmux, until: "▶ Action 1")
        for (i, what) in ["Book the room", "Send the minutes", "Ask about Saturdays"].enumerated() {
            if i > 0 { try tmux.keys("C-n") }
            try tmux.type(what)
            try tmux.keys("Tab")
            try tmux.type("pri")
            _ = try tmux.waitFor { $0.contains("Priya Shah  Kursaal") }
            try tmux.keys("Down", "Enter")
            _ = try tmux.waitFor { $0.contains("Priya Shah") && !$0.contains("Priya Shah  Kursaal") }
        }
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Recorded:") }
        var open = try Binary.run(["meetings", "actions", "--db", db], environment: env).stdout
        #expect(open.contains("Book the room") && open.contains("Send the minutes") && open.contains("Ask about Saturdays"))

        // The second action marked done with Ctrl-T on its row; the other two stay open.
        try tmux.keys("h")
        _ = try tmux.waitFor { $0.contains("Record:") }
        try tab(tmux, until: "▶ Action 2")
        try tmux.keys("C-t")
        _ = try tmux.waitFor { $0.contains("Action 2 marked done.") }
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("Recorded:") }
        open = try Binary.run(["meetings", "actions", "--db", db], environment: env).stdout
        #expect(open.contains("Book the room") && open.contains("Ask about Saturdays"))
        #expect(!open.contains("Send the minutes"), "the second action is still open")
        try tmux.keys("Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }
}
