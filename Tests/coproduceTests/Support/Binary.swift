import Foundation

/// The built `coproduce` binary, which sits beside the test bundle in the build folder.
enum Binary {
    static let url: URL = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for folder in [here, here.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("coproduce")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        // Fall back to the package's own build folder.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/coproduce")
    }()

    /// What a finished run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The environment the binary runs in: a clean one plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(extra) { $1 }
        return env
    }

    /// Runs the binary and waits for it.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil) throws -> Result {
        try start(arguments, environment: extra, stdin: stdin).wait()
    }

    /// Starts the binary without waiting.
    static func start(_ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil) throws -> Running {
        Running(child: try Spawn.start([url.path] + arguments, environment: environment(extra), stdin: stdin))
    }

    /// A started run of the binary.
    struct Running {
        let child: Spawn.Child

        /// Waits for it to end.
        func wait() -> Result {
            let r = child.wait()
            return Result(status: r.status, stdout: r.stdout, stderr: r.stderr)
        }
    }
}

/// A fresh folder for one test, removed afterwards.
final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("coproduce-e2e-\(UUID().uuidString)")
    init() {
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}
