import Foundation
import Testing

/// Setting up a real install from the full-screen app alone, at 80×24: from `coproduce init`
/// to a Partnership Board whose eight checks all pass; and a child who turns up unbooked,
/// registered and signed in by the crèche worker on the session.
@Suite(.serialized) struct SetupEndToEndTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    /// Types `text`, then waits for `shown`.
    func type(_ tmux: Tmux, _ text: String, then keys: [String] = [], until shown: String? = nil) throws {
        try tmux.type(text)
        if !keys.isEmpty { try tmux.keys(keys) }
        if let shown { _ = try tmux.waitFor { $0.contains(shown) } }
    }

    /// Presses keys, then waits for `shown`.
    func press(_ tmux: Tmux, _ keys: String..., until shown: String) throws -> String {
        try tmux.keys(keys)
        return try tmux.waitFor { $0.contains(shown) }
    }

    @Test func aFreshInstallSetUpInTheAppReachesABoardThatPassesEveryCheck() throws {
        let scratch = Scratch()
        let db = scratch.path("programme.sqlite")
        #expect(try Binary.run(["init", "--db", db, "--admin", "Alison Griffin"], environment: env, stdin: "correct horse\n").status == 0)
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        _ = try tmux.waitFor { $0.contains("PIN or passphrase") }

        // The first admin signs in; the first run asks for the programme's name and areas.
        try type(tmux, "Alison Griffin", then: ["Tab"])
        try type(tmux, "correct horse", then: ["Enter"], until: "Welcome: set up Coproduce")
        var screen = try tmux.capture()
        #expect(screen.contains("Kursaal") && screen.contains("West Shoebury"), "the six wards are offered")
        try type(tmux, "A Better Start Southend", then: ["Enter"], until: "6 areas added")
        screen = try tmux.capture()
        #expect(screen.hasPrefix(" A Better Start Southend"), "the title bar shows the programme's name")
        #expect(screen.contains("[Champions]"), "the first run goes on to the champions")

        // Two champions, each in their area, picked by part of its name.
        for (name, area, shown) in [("Jade Turner", "kur", "Kursaal"), ("Sam Okafor", "milt", "Milton")] {
            _ = try press(tmux, "n", until: "New Parent Champion")
            try type(tmux, name, then: ["Tab"])
            try type(tmux, area, until: "▶ \(shown)")
            _ = try press(tmux, "Enter", "Enter", until: "\(name) added to \(shown)")
        }

        // Their accounts, each linked to the champion and given a PIN typed twice.
        _ = try press(tmux, "Tab", until: "[Accounts]")
        for (name, part, pin) in [("Jade Turner", "jad", "2468"), ("Sam Okafor", "sam", "1357")] {
            _ = try press(tmux, "n", until: "New account")
            try type(tmux, name, then: ["Tab", "Right", "Right"], until: "◀ Parent Champion ▶")
            try tmux.keys("Tab")
            try type(tmux, part, then: ["Enter", "Tab"])
            try type(tmux, pin, then: ["Tab"])
            try type(tmux, pin, then: ["Enter"], until: "\(name) can sign in now, as Parent Champion.")
        }
        screen = try tmux.capture()
        #expect(!screen.contains("2468") && !screen.contains("1357"), "a PIN is never shown")

        // A child, whose parent is a champion: picking the parent names the champion too.
        _ = try press(tmux, "Tab", until: "[Children]")
        _ = try press(tmux, "n", until: "Register a child")
        try type(tmux, "Mia", then: ["Tab"])
        try type(tmux, "Turner", then: ["Tab"])
        try type(tmux, "14/03/2024", then: ["Tab"])
        try type(tmux, "jad", then: ["Down", "Enter"], until: "Champion      Jade Turner")
        try tmux.keys("Tab", "Tab")
        try type(tmux, "Lee Turner", then: ["Tab"])
        try type(tmux, "Lee Turner 07700 900123", then: ["Enter"], until: "Mia Turner registered")

        // Two crèche staff in the register, with what makes them count: one level 3 with full
        // first aid, one level 2 (gained before July 2016) without, recorded as 17 or over.
        _ = try press(tmux, "Tab", until: "[Crèche staff]")
        _ = try press(tmux, "n", until: "Someone who works the crèches")
        try type(tmux, "Grace Hill", then: ["Tab", "Tab", "Tab"])
        try type(tmux, "01/09/2012", then: ["Tab", "Tab"])
        try type(tmux, "01/03/2026", then: ["Tab"])
        try type(tmux, "12/05/1990", then: ["Tab", "Tab", "Tab", "Tab"])
        try type(tmux, "01/10/2026", then: ["Tab"])
        try type(tmux, "01/10/2026", then: ["Enter"], until: "Grace Hill added")
        _ = try press(tmux, "n", until: "Someone who works the crèches")
        try type(tmux, "Tom Reid", then: ["Tab", "Left", "Tab", "Tab"])
        try type(tmux, "01/09/2014", then: ["Tab", "Right", "Right", "Tab", "Tab", "Tab", "Right", "Tab", "Tab", "Tab"])
        try type(tmux, "15/09/2026", then: ["Tab"])
        try type(tmux, "15/09/2026", then: ["Enter"], until: "Tom Reid added")
        screen = try tmux.capture()
        #expect(screen.contains("Level 3          full first aid") && screen.contains("Level 2          no first aid"))
        #expect(!screen.contains("records to add") && !screen.contains("does not count"), "both have every record the rules need")

        // The Board: both champions confirmed, a parent coming, a crèche room, a plain agenda.
        _ = try press(tmux, "Escape", until: "Upcoming meetings")
        _ = try press(tmux, "n", until: "New meeting")
        screen = try tmux.capture()
        #expect(!screen.contains("Zoe Adams") && !screen.contains("Priya Shah"), "no demo people in placeholders")
        try type(tmux, "Partnership Board", then: ["Tab"])
        // Date, start, end, repeats (left as "does not repeat"), then the venue.
        try type(tmux, "08/12/2026", then: ["Tab", "Tab", "Tab", "Tab"])
        try type(tmux, "Kursaal Children's Centre", then: ["Tab"])
        try type(tmux, "jad", then: ["Enter"])
        try type(tmux, "sam", then: ["Enter"], until: "Jade Turner, Sam Okafor,")
        try tmux.keys("Tab", "Tab")
        try type(tmux, "1", then: ["Tab", "Tab", "Tab"])
        try type(tmux, "Money for play sessions", then: ["Tab"])
        try type(tmux, "How we share the money for play sessions next year", then: ["Enter"], until: "Saved: Partnership Board")

        // Its pre-meeting, filled in from the Board: Enter saves it.
        _ = try press(tmux, "p", until: "New pre-meeting")
        _ = try press(tmux, "Enter", until: "Saved: Pre-meeting: Partnership Board")

        // The Board's crèche: the child booked, both staff on the rota, picked by name.
        screen = try press(tmux, "Escape", until: "Upcoming meetings")
        #expect(screen.contains("Pre-meeting: Partnershi"))
        _ = try press(tmux, "j", "Enter", until: "Barrier checks")
        screen = try press(tmux, "r", until: "Crèche register")
        #expect(screen.contains("Staff: none on the rota yet: s adds someone."))
        _ = try press(tmux, "b", until: "Book which child")
        try type(tmux, "mia", then: ["Enter"], until: "Mia Turner booked.")
        for (part, name) in [("gra", "Grace Hill"), ("tom", "Tom Reid")] {
            _ = try press(tmux, "s", until: "Crèche staff for this session")
            try type(tmux, part, then: ["Enter"], until: "\(name) is on this session's rota.")
        }
        _ = try press(tmux, "Escape", until: "Barrier checks")
        // The checks follow the agenda (its standing items first): from the page's foot, scroll
        // up a line at a time until the first of them shows.
        screen = try press(tmux, "End", until: "Rules")
        var steps = 0
        while !screen.contains("✓ ok    School run") && steps < 30 {
            let before = screen
            try tmux.keys("k")
            screen = try tmux.waitFor { $0 != before }
            steps += 1
        }
        for check in ["School run", "Parent voice", "Crèche", "Pre-meeting", "Plain words", "Papers"] {
            #expect(screen.contains("✓ ok    \(check)"), "\(check) passes on screen")
        }
        #expect(screen.contains("2 staff for 1 child"))
        screen = try press(tmux, "Escape", until: "Upcoming meetings")
        let rows = screen.split(separator: "\n").filter { $0.contains(" 8 Dec ") && $0.contains("–") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.contains("✓ ok") }, "both meetings pass in the pane: \(rows)")

        // A champion signs in with the PIN set on screen.
        _ = try press(tmux, "L", "Escape", until: "PIN or passphrase")
        try type(tmux, "Jade Turner", then: ["Tab"])
        try type(tmux, "2468", then: ["Enter"], until: "Jade Turner (Parent Champion)")
        // Her Today: her Board is 11 days off, past this week, so nothing needs her yet.
        screen = try tmux.waitFor { $0.contains("Today: what needs you") && $0.contains("for Jade Turner") }
        #expect(screen.contains("Nothing needs you today"), "\(screen)")
        let (setupKeys, typed) = (tmux.pressed, tmux.typed)
        try tmux.keys("Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))

        // All eight checks pass for the Board, read back through the command line.
        #expect(try Binary.run(["login", "--db", db, "--name", "Alison Griffin"], environment: env, stdin: "correct horse\n").status == 0)
        let check = try Binary.run(["check", "--json", "--db", db], environment: env)
        #expect(check.status == 0, "check exits 0 when nothing fails: \(check.stdout)")
        let meetings = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let board = try #require(meetings.first { $0["kind"] as? String == "board" })
        let checks = try #require(board["checks"] as? [[String: Any]])
        #expect(Set(checks.compactMap { $0["check"] as? String })
                == ["school-run", "parent-voice", "creche", "pre-meeting", "plain-language", "clash", "papers", "access"])
        #expect(checks.allSatisfy { $0["status"] as? String == "pass" }, "\(checks)")
        let audit = try Binary.run(["audit", "--db", db], environment: env).stdout
        #expect(audit.contains("Alison Griffin") && audit.contains("Mia Turner") && audit.contains("Grace Hill"))
        print("Setting up from init to a Board that passes every check: \(setupKeys) keys pressed in the app at 80×24, \(typed) of them typing names, dates and words, \(setupKeys - typed) other keys.")
    }

    @Test func aChildWhoTurnsUpUnbookedIsRegisteredAndSignedInByTheCrecheWorker() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }
        _ = try press(tmux, "L", "Escape", until: "PIN or passphrase")
        try type(tmux, "Crèche Demo", then: ["Tab"])
        try type(tmux, "1234", then: ["Enter"], until: "Crèche Demo")
        // Today's first line is the worker's session this morning: Enter opens its register.
        let today = try tmux.waitFor { $0.contains("Today: what needs you") && $0.contains("Today 09:45–10:45") }
        #expect(today.contains("5 children") && today.contains("3 staff on the rota"))
        _ = try press(tmux, "Enter", until: "Crèche register")

        // The parent has no date of birth to hand: an age of 7 is refused, "2" is taken.
        _ = try press(tmux, "w", until: "A child who has turned up")
        try type(tmux, "Leo", then: ["Tab"])
        try type(tmux, "Smith", then: ["Tab"])
        try type(tmux, "7", then: ["Tab"])
        try type(tmux, "Kim Smith", then: ["Enter"], until: "too old for the crèche")
        var screen = try tmux.capture()
        #expect(screen.contains("Who to call in an emergency"), "the emergency contact is needed at the door")
        #expect(screen.contains("Leo") && screen.contains("Smith") && screen.contains("Kim Smith"), "nothing typed is lost")
        try type(tmux, "2", then: ["Tab", "Tab", "Tab"])
        try type(tmux, "Kim Smith 07700 900456", then: ["Enter"], until: "Leo Smith booked in")
        screen = try tmux.capture()
        let row = try #require(screen.split(separator: "\n").first { $0.contains("Leo Smith") })
        #expect(row.contains("▶") && row.contains("aged 2") && row.contains("not arrived"), "the new child is chosen: \(row)")

        // Signed in at once with i.
        screen = try press(tmux, "i", until: "Leo signed in at 10:00")
        #expect(screen.split(separator: "\n").first { $0.contains("Leo Smith") }?.contains("in since 10:00") == true)
        // Back to Today, then the main screen, then quit.
        try tmux.keys("Escape", "Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))

        // The office sees the record marked, with the age-only date of birth, to complete.
        let children = try Binary.run(["creche", "children", "--db", db], environment: env).stdout
        let leo = try #require(children.split(separator: "\n").first { $0.contains("Leo Smith") })
        #expect(leo.contains("added on the day") && leo.contains("from the age given") && leo.contains("aged 2 today"), "\(leo)")
        let audit = try Binary.run(["audit", "--db", db], environment: env).stdout
        #expect(audit.contains("Crèche Demo  create child") && audit.contains("dateOfBirthEstimated: — → yes"), "\(audit.prefix(600))")
    }
}
