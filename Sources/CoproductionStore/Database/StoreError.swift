import Coproduction
import Foundation
import GRDB

/// One field's problem, from the domain's typed problems (fund, marketing, rewards).
public struct FieldIssue: Hashable, Sendable, CustomStringConvertible {
    /// The field's name (the domain's field code, such as "amount").
    public var field: String
    /// What is wrong and how to put it right.
    public var message: String
    /// Creates an issue.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
    /// "amount: …", as the command line prints it.
    public var description: String { "\(field): \(message)" }
}

extension StoreError {
    /// The domain's problems with a record, field by field: nothing was saved.
    public static func problems<Field>(_ problems: [FieldProblem<Field>]) -> StoreError {
        .fields(problems.map { FieldIssue(field: $0.field.rawValue, message: $0.message) })
    }
}

/// What went wrong opening or using the database, in words a user can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The database was written by a newer version of coproduce.
    case newerVersion(path: String)
    /// The file or its folder cannot be read or written.
    case inaccessible(path: String, reason: String)
    /// Another program held the database for longer than the busy timeout.
    case busy(path: String, seconds: Double)
    /// A record that was asked for does not exist.
    case notFound(what: String)
    /// The signed-in role may not do this.
    case denied(AccessDenied)
    /// The record changed since it was read: the save is refused so no change is lost.
    case stale(by: String, at: String)
    /// What was asked is not valid; the message says how to fix it.
    case invalid(String)
    /// What was asked is not valid, field by field (field name, what is wrong), so a form
    /// can show each problem beside its field. Nothing was saved.
    case fields([FieldIssue])
    /// The file fails SQLite's quick check (or SQLite found a damaged page): nothing is
    /// written to it.
    case damaged(path: String, detail: String)
    /// Any other database failure, with SQLite's own words.
    case database(message: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a coproduce database (it is not an SQLite file). Nothing was changed. Check the path given with --db or COPRODUCE_DB."
        case .newerVersion(let path):
            return "\(path) was written by a newer version of coproduce. Nothing was changed. Install the newer version to open it."
        case .inaccessible(let path, let reason):
            return "Cannot use the database at \(path): \(reason). Check the path and its permissions, or choose another with --db."
        case .busy(let path, let seconds):
            return "The database at \(path) is busy: another program has been writing to it for more than \(Self.format(seconds)) seconds. Nothing was changed. Try again in a moment."
        case .notFound(let what):
            return "\(what) was not found. It may have been deleted in another terminal."
        case .denied(let denied):
            return denied.description
        case .stale(let by, let at):
            return "This record was changed by \(by) at \(at) since you opened it. Nothing was saved: reload it and make your change again."
        case .invalid(let message):
            return message
        case .fields(let issues):
            return issues.map(\.description).joined(separator: "\n")
        case .damaged(let path, let detail):
            return "The database at \(path) is damaged (SQLite's check says: \(detail)). Nothing was written to it. Restore the last backup (coproduce restore FILE --yes), or ask an admin."
        case .database(let message):
            return "The database reported a problem: \(message)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// Turns any error from GRDB or the file system into a ``StoreError``.
    public static func wrap(_ error: Error, path: String, busyTimeout: Double) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? AccessDenied { return .denied(e) }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, seconds: busyTimeout)
            case .SQLITE_NOTADB: return .notADatabase(path: path)
            case .SQLITE_CORRUPT: return .damaged(path: path, detail: e.message ?? "the file is malformed")
            case .SQLITE_CONSTRAINT where (e.message ?? "").hasPrefix(Schema.tooLongMarker):
                // "coproduce-too-long child.notes 5000": the field, and its limit, for a form.
                let parts = (e.message ?? "").split(separator: " ")
                let column = parts.count > 1 ? String(parts[1].split(separator: ".").last ?? "") : "text"
                let limit = parts.count > 2 ? Int(parts[2]) ?? 0 : 0
                return .fields([FieldIssue(field: column, message: TextLimits.tooLong(limit) + " Nothing was saved.")])
            case .SQLITE_CANTOPEN: return .inaccessible(path: path, reason: "it cannot be opened")
            case .SQLITE_READONLY, .SQLITE_PERM: return .inaccessible(path: path, reason: "it is read-only")
            default: return .database(message: e.message ?? "\(e.resultCode)")
            }
        }
        return .database(message: "\(error)")
    }
}
