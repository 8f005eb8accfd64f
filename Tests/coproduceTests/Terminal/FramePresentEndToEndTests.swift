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
        for keys in [["j", "j", "j"], ["Tab"], ["Enter"], ["Escape"], ["?"], ["Escape"], ["F"], ["j"], ["M"], ["R"], ["End"],
                     ["Escape"], ["/"], ["b", "o"], ["BSpace", "BSpace"], ["Escape"], ["3"], ["k"]] {
            try tmux.keys(keys)
            Thread.sleep(forTimeInterval: 0.15)
            let drawn = try tmux.capture()
            try tmux.keys("C-l")
            Thread.sleep(forTimeInterval: 0.15)
            let whole = try tmux.capture()
            #expect(drawn == whole, "after \(keys) the screen differs from a whole redraw")
        }
        try tmux.keys("C-c")
        _ = try tmux.waitFor { $0.contains("EXIT:") }
    }
}
