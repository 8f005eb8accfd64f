import Foundation

/// A value shared between two threads, read and written under a lock (the second
/// connection of a walk through the meetings hands its page back through one).
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    /// Holds `value`.
    init(_ value: Value) { stored = value }

    /// The value now.
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Changes the value in place, with no other change in between.
    func update(_ change: (inout Value) -> Void) {
        lock.lock()
        change(&stored)
        lock.unlock()
    }

    /// Replaces the value.
    func set(_ value: Value) {
        lock.lock()
        stored = value
        lock.unlock()
    }
}
