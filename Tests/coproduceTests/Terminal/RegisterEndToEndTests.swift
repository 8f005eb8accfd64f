import Foundation
import Testing

/// The crèche register in a real terminal: a child signed in and out, the headcount moving.
@Suite(.serialized) struct RegisterEndToEndTests {
    @Test func signingAChildInAndOutChangesTheHeadcount() throws {
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --demo")
        _ = try tmux.waitFor { $0.contains("Crèche headcounts") }
        try tmux.keys("3", "r")
        var screen = try tmux.waitFor { $0.contains("Crèche register") && $0.contains("Ruby Clarke") }
        #expect(screen.contains("In the crèche now: 2"))
        // Ruby is the last child: sign her in.
        try tmux.keys("End", "i")
        screen = try tmux.waitFor { $0.contains("In the crèche now: 3") }
        #expect(screen.contains("Ruby signed in at 10:00"))
        try tmux.keys("o")
        _ = try tmux.waitFor { $0.contains("Who is collecting Ruby") }
        try tmux.type("Sam Clarke")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("In the crèche now: 2") && $0.contains("signed out: 1") }
        #expect(screen.contains("out 10:00, Sam Clarke"))
        try tmux.keys("Escape", "Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }
}
