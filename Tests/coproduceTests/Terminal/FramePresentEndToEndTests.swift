import Foundation
import Testing

/// The terminal is sent only the cells that changed since the last frame: after many kinds
/// of change, the screen must be exactly what a whole redraw (Ctrl-L) gives.
@Suite(.serialized) struct FramePresentEndToEndTests {
    @Test func framesDrawnAsChangesMatchTheWholeFrame() throws {
        // The terminal is sent only the cells that changed; after many kinds of change, the
        // screen must be exactly what a whole redraw (Ctrl-L) gives.
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --demo")
        _ = try tmux.waitFor { $0.contains("Crèche headcounts") && $0.contains("Kursaal") }
        // Each key with what must be on screen after it: the frame changed, and in the way
        // the key means.
        let steps: [([String], String)] = [
            (["j", "j", "j"], "4/"), (["Tab"], "┏━ ▶ 2 Parent Champion areas"), (["Enter"], "┏━ ▶ Area "),
            (["Escape"], "Crèche headcounts"), (["?"], "Help: keys"), (["Escape"], "Upcoming meetings"),
            (["F"], "Parent Engagement Fund"), (["j"], "▶ #"), (["M"], "Parent Approved Marketing"), (["R"], "Co-production report"),
            (["End"], "lines"), (["Escape"], "Upcoming meetings"), (["/"], "Filter parent champion areas"), (["b", "o"], "champion areas: bo"),
            (["BSpace", "BSpace"], "Filter parent champion areas:"), (["Escape"], "Filter cleared"), (["3"], "┏━ ▶ 3 Crèche headcounts"),
            (["T"], "Actions from meetings"), (["Escape"], "Crèche headcounts"), (["k"], "Crèche headcounts"),
        ]
        var previous = try tmux.capture()
        for (keys, expected) in steps {
            try tmux.keys(keys)
            let drawn = try tmux.waitFor { $0.contains(expected) }
            #expect(drawn.contains(expected), "after \(keys) the screen does not show “\(expected)”")
            #expect(drawn != previous || keys == ["k"], "\(keys) did not change the screen")
            Thread.sleep(forTimeInterval: 0.15)
            #expect(try tmux.capture() == drawn, "after \(keys) the screen was still changing")
            try tmux.keys("C-l")
            Thread.sleep(forTimeInterval: 0.15)
            let whole = try tmux.capture()
            #expect(drawn == whole, "after \(keys) the screen differs from a whole redraw")
            previous = whole
        }
        try tmux.keys("C-c")
        _ = try tmux.waitFor { $0.contains("EXIT:") }
    }
}
