import Foundation
import Testing

/// The real binary in tmux: a click of the mouse chooses a row, the plain mode reads as
/// sentences, a bad configuration file is named with its line and key and the app runs on
/// with the defaults, and a terminal without the glyphs gets none of them.
@Suite(.serialized) struct InclusionEndToEndTests {
    let app = "COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --demo"

    /// A press and release of the first button at a cell (0-based), as an xterm-style terminal
    /// sends them (X10 encoding: ESC [ M, then button, column and row, each plus 32, 1-based).
    func click(_ tmux: Tmux, x: Int, y: Int) throws {
        for button in [0, 3] {
            let bytes = [0x1B, 0x5B, 0x4D, 32 + button, 33 + x, 33 + y].map { String(format: "%02x", $0) }
            try tmux.run(["send-keys", "-t", "0", "-H"] + bytes)
        }
    }

    /// The 0-based column and row where text first appears on the screen.
    func place(of text: String, in screen: String) -> (x: Int, y: Int)? {
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let r = line.range(of: text) { return (line[line.startIndex..<r.lowerBound].count, y) }
        }
        return nil
    }

    @Test func aClickChoosesARowInAnotherPaneAndASecondClickOpensIt() throws {
        let tmux = Tmux()
        try tmux.start(app)
        var screen = try tmux.waitFor { $0.contains("Crèche headcounts") && $0.contains("Westbor") }
        let row = try #require(place(of: "Westbor", in: screen))
        try click(tmux, x: row.x, y: row.y)
        screen = try tmux.waitFor { $0.contains("▶ Westbor") }
        #expect(screen.contains("▶ 2 Parent Champion areas"))
        #expect(screen.contains("4/6"))
        try click(tmux, x: row.x, y: row.y)
        screen = try tmux.waitFor { $0.contains("Westborough") && $0.contains("Champions") }
        #expect(!screen.contains("Crèche headcounts"))
        try tmux.keys("Escape")
        _ = try tmux.waitFor { $0.contains("Crèche headcounts") }
        try tmux.keys("q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }

    /// Whether the app has asked the terminal for mouse reports (tmux's own record of it).
    func mouseAsked(_ tmux: Tmux) throws -> Bool {
        try tmux.run(["display-message", "-p", "-t", "0", "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines).contains("1")
    }

    @Test func withTheMouseTurnedOffTheTerminalKeepsTheMouseForSelectingText() throws {
        let on = Tmux()
        try on.start(app)
        _ = try on.waitFor { $0.contains("Crèche headcounts") }
        #expect(try mouseAsked(on))

        let scratch = Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("config/coproduce"), withIntermediateDirectories: true)
        try "mouse = false\n".write(toFile: scratch.path("config/coproduce/config.toml"), atomically: true, encoding: .utf8)
        let off = Tmux()
        try off.start("XDG_CONFIG_HOME=\(scratch.path("config")) \(app)")
        _ = try off.waitFor { $0.contains("Crèche headcounts") }
        // No mouse reports asked for: a click or a drag selects text in the terminal as usual.
        #expect(try !mouseAsked(off))
    }

    @Test func aBadConfigurationFileIsNamedByLineAndKeyAndTheAppRunsOnTheDefaults() throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("config/coproduce"), withIntermediateDirectories: true)
        let file = scratch.path("config/coproduce/config.toml")
        try "theme = \"light\"\n\n[keys]\nnew = \"Ctrl-\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let checked = try Binary.run(["config"], environment: ["XDG_CONFIG_HOME": scratch.path("config")])
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("\(file): line 4, keys.new: \"Ctrl-\" is not a key"))
        #expect(checked.stdout.contains("theme = light"))

        let tmux = Tmux()
        try tmux.start("XDG_CONFIG_HOME=\(scratch.path("config")) \(app)")
        var screen = try tmux.waitFor { $0.contains("Crèche headcounts") }
        #expect(screen.contains("Your configuration file has a problem"))
        #expect(screen.contains("line 4, keys.new"))
        // n still makes a new meeting: the usual key was kept.
        try tmux.keys("n")
        screen = try tmux.waitFor { $0.contains("New meeting") }
        #expect(screen.contains("Title"))
    }

    @Test func thePlainModeReadsAsSentencesWithNoLines() throws {
        let tmux = Tmux()
        try tmux.start(app + " --plain")
        var screen = try tmux.waitFor { $0.contains("Upcoming meetings, 1 of 37.") }
        #expect(screen.contains("Friday 27 November 2026, 09:45 to 10:45"))
        #expect(screen.contains("Keys: Tab pane,"))
        for line in ["─", "│", "┃", "━", "┌", "┏"] { #expect(!screen.contains(line)) }
        try tmux.keys("3")
        screen = try tmux.waitFor { $0.contains("Crèche headcounts, list 3 of 3") }
        #expect(screen.contains("Crèche for"))
        #expect(!screen.contains("Upcoming meetings, 1 of 37."))
    }

    @Test func aLinuxConsoleGetsItsOwnLinesAndNoTicks() throws {
        let tmux = Tmux()
        try tmux.start("TERM=linux " + app)
        let screen = try tmux.waitFor { $0.contains("Creche headcounts") || $0.contains("Crèche headcounts") }
        for glyph in ["✓", "✗", "▶", "━", "┃", "…"] { #expect(!screen.contains(glyph), "\(glyph) on a Linux console") }
        #expect(screen.contains("+ ok"))
        #expect(screen.contains("x short"))
        // tmux shows the console's line-drawing characters as the light box lines.
        #expect(screen.contains("│") || screen.contains("|"))
    }
}
