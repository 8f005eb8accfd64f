import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Glibc's module map leaves out the pseudo-terminal calls (they need _XOPEN_SOURCE).
@_silgen_name("posix_openpt") private func c_posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func c_grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func c_unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func c_ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>?

/// The real `coproduce` binary running on a pseudo-terminal of 80×24, through real ncurses:
/// what it writes is read back from the master side, byte for byte and with the time it came.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    let started: UInt64
    private(set) var received = [UInt8]()

    /// Starts `binary` with `arguments` on a new pseudo-terminal.
    init(binary: String, arguments: [String], environment: [String: String]) throws {
        master = c_posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, c_grantpt(master) == 0, c_unlockpt(master) == 0, let name = c_ptsname(master) else {
            throw POSIXError(.ENOTTY)
        }
        let slave = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID (glibc): its own session, the pty its terminal
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        started = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&child, binary, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        pid = child
    }

    /// Reads what is waiting, for up to `timeout` ms; returns the bytes and when the last came.
    func read(quietFor quiet: Int32, until deadline: Double = 5000) -> (bytes: Int, lastAt: UInt64) {
        var total = 0
        var last = DispatchTime.now().uptimeNanoseconds
        let begin = last
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6 < deadline {
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, quiet)
            if ready <= 0 { break }
            let n = Glibc.read(master, &buffer, buffer.count)
            if n <= 0 { break }
            total += n
            received.append(contentsOf: buffer[0..<n])
            last = DispatchTime.now().uptimeNanoseconds
        }
        return (total, last)
    }

    /// Waits until the output so far contains `text`; returns when its last byte came, in
    /// milliseconds since the process was started.
    func waitFor(_ text: String, timeout: Double = 10_000) -> Double? {
        let needle = Array(text.utf8)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6 < timeout {
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, 100) <= 0 { continue }
            let n = Glibc.read(master, &buffer, buffer.count)
            if n <= 0 { return nil }
            received.append(contentsOf: buffer[0..<n])
            if contains(needle) { return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6 }
        }
        return nil
    }

    private func contains(_ needle: [UInt8]) -> Bool {
        guard received.count >= needle.count else { return false }
        let start = Swift.max(0, received.count - 65536 - needle.count)
        var i = start
        while i + needle.count <= received.count {
            if received[i] == needle[0] && Array(received[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }

    /// Sends keys as typed.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        // A long paste may not fit the terminal's buffer in one write.
        while sent < bytes.count {
            let n = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress! + sent, $0.count - sent) }
            if n <= 0 { break }
            sent += n
        }
    }

    /// The child's peak resident memory (VmHWM) in kilobytes.
    func peakMemoryKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// Quits with `q` and reaps the child (killing it if it does not go).
    func finish() {
        send("q")
        for _ in 0..<50 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { close(master); return }
            _ = read(quietFor: 20, until: 100)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }
}
