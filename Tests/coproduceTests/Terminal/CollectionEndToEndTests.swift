import Foundation
import Testing

/// Collection safety in a real terminal on the real binary: a sign-out to someone on the
/// must-not-collect list is refused loudly and audited; a collection password is typed as
/// dots and answered match or no match.
@Suite(.serialized) struct CollectionEndToEndTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func aSignOutToSomeoneWhoMustNotCollectIsRefusedAndAPasswordIsChecked() throws {
        let scratch = Scratch()
        let db = scratch.path("collect.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let barred = try Binary.run(["creche", "collection", "must-not-collect", "Amara Okafor", "--name", "Tunde Okafor",
                                     "--reason", "court order: no contact", "--court-order-seen", "--take-off-collectors", "--db", db], environment: env)
        #expect(barred.status == 0, "\(barred.stderr)")
        let password = try Binary.run(["creche", "collection", "password", "Amara Okafor", "--collector", "Grace Okafor", "--db", db],
                                      environment: env, stdin: "bluebell\n")
        #expect(password.status == 0, "\(password.stderr)")

        let tmux = Tmux()
        try tmux.start("COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --db \(db)")
        _ = try tmux.waitFor { $0.contains("Crèche headcounts") }
        try tmux.keys("3", "r")
        var screen = try tmux.waitFor { $0.contains("Crèche register") && $0.contains("Amara Okafor") }
        #expect(screen.contains("must not collect: Tunde Okafor"), "the register row warns before anyone asks")
        #expect(screen.contains("In the crèche now: 2"))
        // Amara is the first child.
        try tmux.keys("Home", "o")
        screen = try tmux.waitFor { $0.contains("Who is collecting Amara") }
        #expect(screen.contains("MUST NOT COLLECT: Tunde Okafor"))
        try tmux.type("Tunde Okafor")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("MUST NOT COLLECT AMARA") }
        #expect(screen.contains("Do not hand Amara over"))
        try tmux.keys("Escape")
        screen = try tmux.waitFor { !$0.contains("Who is collecting") && $0.contains("In the crèche now: 2") }
        // The parent has a password: what is typed shows as dots; a wrong one is no match.
        try tmux.keys("o")
        _ = try tmux.waitFor { $0.contains("Who is collecting Amara") }
        try tmux.type("Grace Okafor")
        try tmux.keys("Enter")
        _ = try tmux.waitFor { $0.contains("has a collection password") }
        try tmux.type("wrong")
        screen = try tmux.waitFor { $0.contains("•••••") }
        #expect(!screen.contains("wrong"))
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("NO MATCH") }
        #expect(screen.contains("In the crèche now: 2") || screen.contains("Collection password"))
        try tmux.keys("C-u")
        try tmux.type("bluebell")
        try tmux.keys("Enter")
        screen = try tmux.waitFor { $0.contains("Password matches") && $0.contains("In the crèche now: 1") }
        #expect(!screen.contains("bluebell"))
        try tmux.keys("Escape", "Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
        let audit = try Binary.run(["audit", "--db", db]).stdout
        #expect(audit.contains("collection refused") && audit.contains("TUNDE") == false && audit.contains("Tunde Okafor"))
        #expect(audit.contains("collection password no match"))
        #expect(!audit.contains("bluebell"), "the password is never written down")
    }
}
