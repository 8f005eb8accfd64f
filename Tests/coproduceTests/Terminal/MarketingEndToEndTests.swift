import Foundation
import Testing

/// Parent Approved Marketing in a real terminal: parents' answers change a material's status.
@Suite(.serialized) struct MarketingEndToEndTests {
    @Test func parentsApproveAMaterialAndItsStatusChangesOnScreen() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") && $0.contains("Kursaal") }
        try tmux.keys("M")
        _ = try tmux.waitFor { $0.contains("Parent Approved Marketing") }
        try tmux.keys("j")
        var screen = try tmux.waitFor { $0.contains("Laura Mitchell") }
        #expect(screen.contains("! with parents      v1 web page"))
        // A second parent approves: still with parents (one more is needed).
        try tmux.keys("w")
        _ = try tmux.waitFor { $0.contains("Parent's answer") }
        try tmux.type("Zoe Adams")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("Answer recorded") }
        #expect(screen.contains("now with parents"))
        // The same parent again is refused, and what was typed stays.
        try tmux.keys("w")
        _ = try tmux.waitFor { $0.contains("Parent's answer") }
        try tmux.type("Zoe Adams")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("already answered") }
        #expect(screen.contains("Zoe Adams▏") || screen.contains("Zoe Adams"))
        try tmux.keys("Escape")
        _ = try tmux.waitFor { $0.contains("Throw away the changes?") }
        try tmux.keys("y")
        // A third parent, from another area: parent approved.
        try tmux.keys("w")
        _ = try tmux.waitFor { $0.contains("Parent's answer") }
        try tmux.type("Hannah Clarke")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("now parent approved") }
        #expect(screen.contains("✓ parent approved   v1 web page"))
        try tmux.keys("Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
        let list = try Binary.run(["marketing", "list", "--json", "--db", db], environment: env)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first { ($0["id"] as? Int) == 3 }?["status"] as? String == "parent-approved")
    }
}
