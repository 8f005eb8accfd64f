import GRDB
import GRDBSQLite

/// The rows of a cached statement, stepped through SQLite's C API with each column read where
/// it lies. For the loops over whole pages of meetings, where a GRDB row's decoding of each
/// column through its generic layers cost more than the reading (MeetingFactsBatch).
///
/// Read them with `while let row = try rows.next()`: a loop's own variables stay plain local
/// variables (a closure's captured ones were checked for exclusive access on every row). The
/// statement is reset when the last row has been read, and when the rows are let go.
final class SQLiteRows {
    private let db: Database
    private let statement: Statement
    private var done = false

    /// The statement for `sql` (cached on the connection), with its arguments bound.
    init(_ db: Database, sql: String, arguments: StatementArguments) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
    }

    deinit {
        if !done { sqlite3_reset(statement.sqliteStatement) }
    }

    /// The next row (valid until the next call), or nil after the last.
    func next() throws -> SQLiteRow? {
        guard !done else { return nil }
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return SQLiteRow(handle: handle) }
        done = true
        // The message is read before the reset, which may set another.
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        if let message { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql) }
        return nil
    }
}

/// One row of ``SQLiteRows``: its columns by position (from 0), valid until the next step.
struct SQLiteRow {
    let handle: SQLiteStatement

    /// Whether the column is NULL.
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    /// The column as an integer (0 for NULL).
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    /// The column as an integer (0 for NULL).
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    /// The column as an integer, nil for NULL.
    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }
    /// The column as an integer, nil for NULL.
    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
    /// The column's text as it lies in SQLite's buffer (empty for NULL), valid until the next step.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        // The text first, then its length, as SQLite asks.
        let text = sqlite3_column_text(handle, column)
        return UnsafeBufferPointer(start: text, count: text == nil ? 0 : Int(sqlite3_column_bytes(handle, column)))
    }
    /// The column as text (empty for NULL).
    func text(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }
    /// The column as text, nil for NULL.
    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}
