import ArgumentParser
import Foundation

/// Writing files whole or not at all, and private: into a temporary file beside the target,
/// created 0600 whatever the umask (every file the app writes may hold personal data), then
/// renamed into place.
enum FileOutput {
    /// Writes `data` to `path` atomically and privately, or prints why not and exits with status 1.
    static func write(_ data: Data, to path: String) throws {
        try refuseUnusual(path)
        do {
            try writePrivately(data, to: path)
        } catch {
            Console.error("Cannot write \(path): \(error.localizedDescription). Nothing was written.")
            throw ExitCode(1)
        }
    }

    /// Writes `data` to a new 0600 temporary file beside `path`, flushes it to disk, and
    /// renames it over `path`; the temporary file is removed if anything fails.
    static func writePrivately(_ data: Data, to path: String) throws {
        try streamPrivately(to: path) { write in try write(data) }
    }

    /// Like ``writePrivately(_:to:)``, but the content is written as `body` makes it, piece
    /// by piece, so a large export never has to be held in memory whole. Only a whole file is
    /// renamed into place: if `body` throws, nothing is left behind.
    static func streamPrivately(to path: String, _ body: (_ write: (Data) throws -> Void) throws -> Void) throws {
        let temporary = path + ".partial-\(UUID().uuidString)"
        let file = try PrivateFile(path: temporary)
        var ok = false
        defer { if !ok { unlink(temporary) } }
        try body { data in try file.write(data) }
        try file.finish()
        guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        ok = true
    }

    /// A new file, created 0600 whatever the umask, written a piece at a time and flushed to
    /// disk by ``finish()`` (for files inside a folder that is itself renamed into place when
    /// whole, as `export all` writes).
    final class PrivateFile {
        private var fd: Int32
        /// Creates the file; it must not exist.
        init(path: String) throws {
            fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            fchmod(fd, 0o600)
        }
        /// Appends `data`.
        func write(_ data: Data) throws {
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                    }
                    offset += n
                }
            }
        }
        /// Flushes to disk and closes.
        func finish() throws {
            defer { fd = -1 }
            guard fsync(fd) == 0, close(fd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        deinit { if fd >= 0 { close(fd) } }
    }

    /// `--out` names a regular file or a new name: never a FIFO, a device or a symbolic link
    /// (which could send personal data somewhere else, or hang on a pipe nobody reads).
    static func refuseUnusual(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // a new name
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK {
            Console.error("\(path) is a symbolic link: give the file itself, or a new name. Nothing was written.")
            throw ExitCode(1)
        }
        if kind != S_IFREG {
            let what = kind == S_IFIFO ? "a pipe (FIFO)" : kind == S_IFDIR ? "a folder" : kind == S_IFCHR || kind == S_IFBLK ? "a device" : "not a regular file"
            Console.error("\(path) is \(what): give a regular file, or a new name. Nothing was written.")
            throw ExitCode(1)
        }
    }
}
