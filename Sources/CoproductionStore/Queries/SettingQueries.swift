import Coproduction
import Foundation
import GRDB

/// The settings a user can change, with their defaults.
public enum Setting: String, CaseIterable, Sendable {
    /// Minutes without a key before the screen locks itself.
    case autoLockMinutes = "auto-lock-minutes"

    /// The value when none is stored.
    public var defaultValue: Int {
        switch self {
        case .autoLockMinutes: return 5
        }
    }

    /// The values allowed.
    public var range: ClosedRange<Int> {
        switch self {
        case .autoLockMinutes: return 1...120
        }
    }
}

extension AppDatabase {
    /// A setting's value (its default when unset). Readable without signing in: the sign-in
    /// screen itself needs the auto-lock time.
    public func value(of setting: Setting) throws(StoreError) -> Int {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [setting.rawValue]).flatMap(Int.init)
                ?? setting.defaultValue
        }
    }

    /// Changes a setting (office staff and admins), with an audit entry.
    public func set(_ setting: Setting, to value: Int, as actor: Actor, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .setting)
        guard setting.range.contains(value) else {
            throw .invalid("\(setting.rawValue) must be from \(setting.range.lowerBound) to \(setting.range.upperBound); \(value) is outside that.")
        }
        let before = try self.value(of: setting)
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [setting.rawValue, String(value)])
            try AuditLog.append(db, actor: actor, action: "update", kind: "setting", recordID: nil,
                                changes: [FieldChange(field: setting.rawValue, before: String(before), after: String(value))], at: now)
        }
    }
}
