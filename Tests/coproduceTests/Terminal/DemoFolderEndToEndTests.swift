import Foundation
import Testing

/// `coproduce --demo` keeps its database in a temporary folder, removed however the app ends:
/// quitting, or a signal (SIGTERM from a shutdown, SIGHUP from a closed terminal, SIGINT).
@Suite(.serialized) struct DemoFolderEndToEndTests {
    func demoFolders(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("coproduce-demo-") }
    }

    @Test(arguments: ["TERM", "HUP", "INT"]) func theDemoFolderGoesOnASignal(signal: String) throws {
        let scratch = Scratch()
        let tmp = scratch.path("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let tmux = Tmux()
        try tmux.start("TMPDIR=\(tmp) COPRODUCE_NOW=2026-11-27T10:00 \(Binary.url.path) --demo")
        _ = try tmux.waitFor { $0.contains("Upcoming meetings") }
        #expect(try demoFolders(in: tmp).count == 1, "the demo's folder is there while it runs")
        let shell = try tmux.run(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let app = try Spawn.start(["pgrep", "-P", shell], environment: ProcessInfo.processInfo.environment).wait().stdout
            .split(separator: "\n").first.map(String.init) ?? ""
        #expect(!app.isEmpty, "found the app's process")
        _ = try Spawn.start(["kill", "-\(signal)", app], environment: ProcessInfo.processInfo.environment).wait()
        _ = try tmux.waitFor { $0.contains("EXIT:") }
        let left = try demoFolders(in: tmp)
        #expect(left.isEmpty, "SIG\(signal) left \(left)")
    }
}
