import ArgumentParser
import Coproduction
import Foundation

/// The time now, UK wall clock. `COPRODUCE_NOW=2026-11-27T10:00` fixes it, for tests and
/// screenshots that must come out the same every time.
enum Clock {
    static func now() -> LocalDateTime { LocalDateTime(date()) }

    /// The instant now (fixed by `COPRODUCE_NOW` when set; with `COPRODUCE_CLOCK_SPEED=N`
    /// it starts there and runs N times as fast, so tests can watch a lock or a timer).
    static func date() -> Date {
        guard let fixed else { return Date() }
        return speed == 0 ? fixed : fixed.addingTimeInterval(Date().timeIntervalSince(started) * speed)
    }

    /// When the process started its clock.
    private static let started = Date()

    /// `COPRODUCE_CLOCK_SPEED`: how many times real time the fixed clock runs (0: stopped).
    private static let speed: Double = ProcessInfo.processInfo.environment["COPRODUCE_CLOCK_SPEED"].flatMap(Double.init) ?? 0

    /// `COPRODUCE_NOW`, read once: the clock is asked on every key, and reading the
    /// environment each time showed in the benchmark's profile.
    private static let fixed: Date? = ProcessInfo.processInfo.environment["COPRODUCE_NOW"]
        .flatMap(LocalDateTime.init(iso:))?.instant

    /// Seconds a write waits for another process's write (`COPRODUCE_BUSY_TIMEOUT`, default 5).
    static var busyTimeout: Double {
        get throws {
            guard let text = ProcessInfo.processInfo.environment["COPRODUCE_BUSY_TIMEOUT"] else { return 5 }
            guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite, (0...600).contains(seconds) else {
                Console.error("COPRODUCE_BUSY_TIMEOUT must be a number of seconds from 0 to 600; “\(text)” is not. Unset it for the usual 5.")
                throw ExitCode(1)
            }
            return seconds
        }
    }
}
