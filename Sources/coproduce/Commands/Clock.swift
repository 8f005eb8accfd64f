import Coproduction
import Foundation

/// The time now, UK wall clock. `COPRODUCE_NOW=2026-11-27T10:00` fixes it, for tests and
/// screenshots that must come out the same every time.
enum Clock {
    static func now() -> LocalDateTime { LocalDateTime(date()) }

    /// The instant now (fixed by `COPRODUCE_NOW` when set).
    static func date() -> Date { fixed ?? Date() }

    /// `COPRODUCE_NOW`, read once: the clock is asked on every key, and reading the
    /// environment each time showed in the benchmark's profile.
    private static let fixed: Date? = ProcessInfo.processInfo.environment["COPRODUCE_NOW"]
        .flatMap(LocalDateTime.init(iso:))?.instant

    /// Seconds a write waits for another process's write (`COPRODUCE_BUSY_TIMEOUT`, default 5).
    static var busyTimeout: Double {
        ProcessInfo.processInfo.environment["COPRODUCE_BUSY_TIMEOUT"].flatMap(Double.init) ?? 5
    }
}
