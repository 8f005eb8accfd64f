import ArgumentParser
import Foundation

/// Writing files whole or not at all: into a temporary file beside the target, then renamed.
enum FileOutput {
    /// Writes `data` to `path` atomically, or prints why not and exits with status 1.
    static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Console.error("Cannot write \(path): \(error.localizedDescription). Nothing was written.")
            throw ExitCode(1)
        }
    }
}
