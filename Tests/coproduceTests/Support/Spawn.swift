import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts programs with `posix_spawn` and reaps them with `waitpid`: plain and predictable
/// where a test needs to run a command and read what it printed (output goes through files,
/// so a daemon that inherits them cannot keep a pipe open).
enum Spawn {
    /// A started child process.
    struct Child {
        let pid: pid_t
        let stdoutPath: String
        let stderrPath: String

        /// Waits for the child and returns its status and output.
        func wait() -> (status: Int32, stdout: String, stderr: String) {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            let exited = raw & 0x7f == 0
            let status = exited ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
            let out = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
            let err = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
            unlink(stdoutPath)
            unlink(stderrPath)
            return (status, out, err)
        }
    }

    /// Starts `arguments[0]` (looked up on PATH) with the rest as arguments.
    static func start(_ arguments: [String], environment: [String: String], stdin: String? = nil) throws -> Child {
        let base = NSTemporaryDirectory() + "coproduce-spawn-\(UUID().uuidString)"
        let outPath = base + ".out", errPath = base + ".err", inPath = base + ".in"
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))
        defer { unlink(inPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        return Child(pid: pid, stdoutPath: outPath, stderrPath: errPath)
    }
}
