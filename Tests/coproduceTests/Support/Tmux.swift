import Foundation

/// A tmux server on a private socket, for driving the real binary as a person would:
/// keys in, the screen read back with `capture-pane`, polled until it stops changing.
final class Tmux {
    let socket = "coproduce-test-\(UUID().uuidString.prefix(8))"

    @discardableResult
    func run(_ args: [String]) throws -> String {
        let env = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }
        return try Spawn.start(["tmux", "-L", socket, "-f", "/dev/null"] + args, environment: env).wait().stdout
    }

    /// Starts `command` in a new window of the given size. When the command ends the shell
    /// prints `EXIT:<status>` and stays, so the test can read how it ended.
    func start(_ command: String, width: Int = 80, height: Int = 24) throws {
        try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-e", "LANG=C.UTF-8",
                 "sh -c '\(command); echo EXIT:$?; sleep 120'"])
    }

    /// Keys pressed so far: one per named key, one per character of typed text (`-l`).
    private(set) var pressed = 0
    /// Of those, the characters of typed text.
    private(set) var typed = 0

    func keys(_ keys: String...) throws { try self.keys(keys) }

    /// Types text as a person would, then waits for the screen to change, so the keys sent
    /// next are not read in the same burst (which the app would rightly take for a paste).
    func type(_ text: String) throws {
        let before = try capture()
        try keys(["-l", text])
        _ = try waitFor(timeout: 5) { $0 != before }
    }

    func keys(_ keys: [String]) throws {
        let text = keys.first == "-l" ? keys.dropFirst().reduce(0) { $0 + $1.count } : 0
        typed += text
        pressed += keys.first == "-l" ? text : keys.count
        try run(["send-keys", "-t", "0"] + keys)
    }

    /// Pastes text into the pane as a terminal does: with `bracketed`, between the paste
    /// markers (tmux sends them when the app has asked for them); without, as raw text.
    func paste(_ text: String, bracketed: Bool) throws {
        try run(["set-buffer", "--", text])
        try run(["paste-buffer", "-t", "0"] + (bracketed ? ["-p"] : []))
    }

    func resize(_ width: Int, _ height: Int) throws {
        try run(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    func capture() throws -> String { try run(["capture-pane", "-p", "-t", "0"]) }

    /// Polls the screen until `condition` holds and the screen is the same twice in a row.
    /// Returns the screen; after `timeout` returns the last screen seen.
    func waitFor(timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            let screen = try capture()
            if condition(screen) && screen == last { return screen }
            last = screen
            Thread.sleep(forTimeInterval: 0.05)
        }
        return last
    }

    deinit { _ = try? run(["kill-server"]) }
}
