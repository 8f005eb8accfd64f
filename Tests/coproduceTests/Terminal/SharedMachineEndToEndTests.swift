import Foundation
import Testing

/// The shared machine and the crèche day in a real terminal, with a clock that runs fast
/// (`COPRODUCE_CLOCK_SPEED`): the lock, its countdown, the register that stays with the
/// children, its alerts, and coming back to the screen that was open.
@Suite(.serialized) struct SharedMachineEndToEndTests {
    /// A demo database made at 10:00 on the demo's day.
    func demo(_ scratch: Scratch, lockMinutes: Int = 5) throws -> String {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: ["COPRODUCE_NOW": "2026-11-27T10:00"]).status == 0)
        #expect(try Binary.run(["settings", "set", "auto-lock-minutes", "\(lockMinutes)", "--db", db]).status == 0)
        return db
    }

    /// Starts the app at `now`, its clock running `speed` times as fast, with everything the
    /// terminal is sent copied to `log`.
    func start(_ tmux: Tmux, db: String, now: String = "2026-11-27T10:00", speed: Int = 0, log: String? = nil) throws {
        try tmux.start("COPRODUCE_CLOCK_SPEED=\(speed) COPRODUCE_NOW=\(now) \(Binary.url.path) --db \(db)")
        if let log { try tmux.run(["pipe-pane", "-o", "-t", "0", "cat >> \(log)"]) }
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }
    }

    func signIn(_ tmux: Tmux, _ name: String, _ pin: String = "1234", closeToday: Bool = true) throws {
        try tmux.keys("L", "Escape")
        _ = try tmux.waitFor { $0.contains("PIN or passphrase") }
        try tmux.type(name)
        try tmux.keys("Tab")
        try tmux.type(pin)
        try tmux.keys("Enter")
        // Today comes first after signing in; Esc goes on to the main screen.
        _ = try tmux.waitFor { $0.contains("Signed in as \(name)") && $0.contains("Today: what needs you") }
        guard closeToday else { return }
        try tmux.keys("Escape")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }
    }

    @Test func aChampionsLockShowsNoNameAndTheNextPersonsPINIsTheirs() throws {
        let scratch = Scratch()
        let db = try demo(scratch, lockMinutes: 1)
        let tmux = Tmux()
        // Ten times as fast: the 1-minute lock comes after 6 seconds, its countdown in the last 3.
        try start(tmux, db: db, speed: 10)
        // She stays on her Today screen: the lock comes there too.
        try signIn(tmux, "Zoe Adams", closeToday: false)
        var screen = try tmux.waitFor(timeout: 20) { $0.contains("Signing you out in") }
        #expect(screen.contains("Signing you out in") && screen.contains("anything not saved is lost"), "the countdown warns before the lock")
        screen = try tmux.waitFor(timeout: 20) { $0.contains("Locked after 1 minute") }
        #expect(screen.contains("Locked after 1 minute") && screen.contains("PIN or passphrase"))
        #expect(!screen.contains("Zoe Adams"), "the lock screen names nobody")
        // The next person types their own name and PIN: it is theirs, not a wrong try for Zoe.
        try tmux.type("Office Demo")
        try tmux.keys("Tab")
        try tmux.type("1234")
        try tmux.keys("Enter")
        _ = try tmux.waitFor { ($0.contains("Office Demo (Office staff)") || $0.contains("Office Demo  Fri")) && $0.contains("for Office Demo") }
        try tmux.keys("Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
        let audit = try Binary.run(["audit", "--db", db]).stdout
        #expect(!audit.contains("sign-in refused"), "nothing counted against anyone: \(audit.prefix(400))")
    }

    @Test func anOfficeLockSaysNotYouAndTheRegisterComesBackAfterTheirPIN() throws {
        let scratch = Scratch()
        let db = try demo(scratch, lockMinutes: 1)
        let tmux = Tmux()
        try start(tmux, db: db, speed: 10)
        try signIn(tmux, "Office Demo")
        try tmux.keys("3", "r")
        _ = try tmux.waitFor { $0.contains("Crèche register") }
        let screen = try tmux.waitFor(timeout: 20) { $0.contains("Not Office Demo?") }
        #expect(screen.contains("Not Office Demo?") && screen.contains("Office Demo"))
        #expect(!screen.contains("Amara"), "nothing of the register shows while locked")
        try tmux.type("1234")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor { $0.contains("Crèche register") && $0.contains("Amara Okafor") }.contains("Amara Okafor"),
                "unlocking returns to the register")
        try tmux.keys("Escape", "Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }

    @Test func theRegisterStaysWithTheChildrenHidesNotesAndAlertsAtOneFortyFiveAndTwoHours() throws {
        let scratch = Scratch()
        let db = try demo(scratch)
        let log = scratch.path("terminal.log")
        let tmux = Tmux()
        // 11:35, a minute a second: Amara and Leo came in at 09:40, so 1 h 55 now, 2 h in 5 s.
        try start(tmux, db: db, now: "2026-11-27T11:35", speed: 60, log: log)
        try signIn(tmux, "Crèche Demo")
        try tmux.keys("3", "r")
        var screen = try tmux.waitFor { $0.contains("Crèche register") && $0.contains("near 2 h") }
        #expect(screen.contains("peanuts"))
        screen = try tmux.waitFor(timeout: 20) { $0.contains("over 2 h") && $0.contains("notes hidden") }
        #expect(screen.contains("over 2 h") && screen.contains("notes hidden"))
        #expect(screen.contains("Crèche register") && screen.contains("In the crèche now: 2"), "the register stayed open")
        #expect(!screen.contains("peanuts"), "notes are hidden after the lock time")
        // Open at 1 h 55 (past 1 h 45 and the session's end): one alert; then 2 h: another.
        let sent = try Data(contentsOf: URL(fileURLWithPath: log))
        #expect(sent.filter { $0 == 0x07 }.count >= 2, "the bell rang for each alert")
        // The worker's PIN shows the notes again.
        try tmux.keys("p")
        _ = try tmux.waitFor { $0.contains("Show the children's notes") }
        try tmux.type("1234")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor { $0.contains("peanuts") }.contains("peanuts"))
        try tmux.keys("Escape", "q")
        #expect(try tmux.waitFor { $0.contains("EXIT:") }.contains("EXIT:0"))
    }
}
