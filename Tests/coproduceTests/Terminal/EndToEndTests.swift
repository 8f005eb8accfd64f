import CoproductionTUI
import Foundation
import Testing

/// The real binary in a real terminal (tmux on a private socket): keys in, screens out.
@Suite(.serialized) struct EndToEndTests {
    let command = "COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --demo"

    @Test func theDemoFillsThreePanesShowsHelpResizesAndQuitsCleanly() throws {
        let tmux = Tmux()
        try tmux.start(command)
        var screen = try tmux.waitFor { $0.contains("Crèche headcounts") && $0.contains("Kursaal") }
        #expect(screen.contains("Upcoming meetings"))
        #expect(screen.contains("Partnership Board"))
        #expect(screen.contains("Parent Champion areas"))
        #expect(screen.contains("West Shoe"))
        #expect(screen.contains("✗ short"))
        #expect(screen.contains("✗ fail: school run"))
        #expect(screen.contains("Fri 27 Nov 2026 10:00"))
        #expect(screen.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })

        try tmux.keys("?")
        screen = try tmux.waitFor { $0.contains("Help: keys") }
        for entry in HelpPage.entries(.main, role: .admin) where !entry.heading {
            #expect(screen.contains(entry.key), "help does not list \(entry.key)")
            #expect(screen.contains(entry.help), "help does not say \(entry.help)")
        }
        try tmux.keys("Escape")
        screen = try tmux.waitFor { !$0.contains("Help: keys") }
        #expect(screen.contains("Upcoming meetings"))

        try tmux.keys("j", "j", "j", "Enter")
        screen = try tmux.waitFor { $0.contains("Partnership Board") && $0.contains("Agenda") }
        try tmux.keys("End")
        screen = try tmux.waitFor { $0.contains("Status") && $0.contains("short") }
        #expect(screen.contains("Staff       2 booked, 3 required"))
        #expect(screen.contains("✗ short"))
        try tmux.keys("Escape")
        _ = try tmux.waitFor { $0.contains("Crèche headcounts") }

        try tmux.resize(120, 40)
        screen = try tmux.waitFor { $0.contains("Venue") }
        #expect(screen.contains("Venue"))
        #expect(screen.split(separator: "\n").contains { DisplayWidth.of(String($0)) > 100 })
        try tmux.resize(80, 24)
        screen = try tmux.waitFor { !$0.contains("Venue") && $0.contains("Crèche headcounts") }
        #expect(!screen.contains("Venue"))
        #expect(screen.contains("Upcoming meetings"))

        try tmux.resize(60, 20)
        screen = try tmux.waitFor { $0.contains("Terminal too small") }
        #expect(screen.contains("Terminal too small: need 80×24, have 60×20"))
        try tmux.resize(80, 24)
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }

        try tmux.keys("q")
        screen = try tmux.waitFor { $0.contains("EXIT:") }
        #expect(screen.contains("EXIT:0"))
        // The alternate screen is gone: nothing of the app is left on the shell's screen.
        #expect(!screen.contains("Upcoming meetings"))
    }

    @Test func ctrlCQuitsCleanlyFromADetailView() throws {
        let tmux = Tmux()
        try tmux.start(command)
        _ = try tmux.waitFor { $0.contains("Kursaal") }
        try tmux.keys("2", "Enter")
        _ = try tmux.waitFor { $0.contains("Parent Champions") }
        try tmux.keys("C-c")
        let screen = try tmux.waitFor { $0.contains("EXIT:") }
        #expect(screen.contains("EXIT:0"))
        #expect(!screen.contains("Parent Champions"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let tmux = Tmux()
        try tmux.start(command)
        _ = try tmux.waitFor { $0.contains("Kursaal") }
        let pids = try tmux.run(["list-panes", "-t", "0", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // Through posix_spawn and waitpid: Foundation's Process once waited here for ever for
        // a pkill that had already ended (it was never reaped).
        _ = try Spawn.start(["pkill", "-TERM", "-P", pids, "-f", "coproduce"], environment: ProcessInfo.processInfo.environment).wait()
        let screen = try tmux.waitFor { $0.contains("EXIT:") }
        #expect(screen.contains("EXIT:143"))
        #expect(!screen.contains("Upcoming meetings"))
        // The terminal is back in cooked mode with echo: typed text shows.
        try tmux.keys("echo restored-ok", "Enter")
        #expect(try tmux.waitFor { $0.contains("restored-ok") }.contains("restored-ok"))
    }
}

/// Signing in on the shared machine, and seeing another terminal's change.
@Suite(.serialized) struct SignInEndToEndTests {
    @Test func aWrongPinThenTheRightOneInARealTerminal() throws {
        let scratch = Scratch()
        let db = scratch.path("office.sqlite")
        #expect(try Binary.run(["init", "--db", db, "--admin", "Alison Griffin"], stdin: "2468\n").status == 0)
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        var screen = try tmux.waitFor { $0.contains("PIN or passphrase") }
        #expect(!screen.contains("Upcoming meetings"))
        try tmux.type("Alison Griffin")
        try tmux.keys("Enter")
        try tmux.type("1357")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("do not match") }
        #expect(screen.contains("do not match"))
        #expect(!screen.contains("1357") && !screen.contains("Upcoming meetings"))
        try tmux.type("2468")
        try tmux.keys("Enter")
        // The first admin's first sign-in offers the first-run set-up; Esc skips it.
        _ = try tmux.waitFor { $0.contains("Welcome: set up Coproduce") }
        try tmux.keys("Escape")
        screen = try tmux.waitFor { $0.contains("Upcoming meetings") }
        #expect(screen.contains("Alison Griffin (Admin)"))
        try tmux.keys("L")
        screen = try tmux.waitFor { $0.contains("Locked") }
        #expect(!screen.contains("Upcoming meetings"))
        try tmux.keys("C-c")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }

    @Test func anotherTerminalsChangeShowsWithinASecond() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") && $0.contains("Kursaal") }
        let add = try Binary.run(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "From terminal two",
                                  "--date", "2026-11-27", "--start", "09:30", "--end", "10:30"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let saved = Date()
        var seenAfter: TimeInterval?
        while Date().timeIntervalSince(saved) < 3 {
            if try tmux.capture().contains("From terminal two") {
                seenAfter = Date().timeIntervalSince(saved)
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let seen = try #require(seenAfter, "the other terminal's meeting never appeared")
        #expect(seen < 1.0, "took \(seen) s")
        try tmux.keys("q")
        _ = try tmux.waitFor { $0.contains("EXIT:") }
    }
}
