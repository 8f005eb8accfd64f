import Foundation
import Testing

/// Runs a Python script that prints JSON (a reader of what the binary wrote) and returns what
/// it printed, decoded; the test fails with Python's own message when the script does.
enum Python {
    static func json<T>(_ script: String, _ arguments: String..., as: T.Type = T.self) throws -> T {
        let result = try Spawn.start(["python3", "-c", script] + arguments, environment: ProcessInfo.processInfo.environment).wait()
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? T)
    }
}
