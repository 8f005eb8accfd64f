import GRDB
import GRDBSQLite

/// The rows of a cached statement, stepped through SQLite's C API with each column read where
/// it lies. For the loops over whole pages of meetings, where a GRDB row's decoding of each
/// column through its generic layers cost more than the reading (MeetingFactsBatch).
struct SQLiteRows {
    private let db: Database
    private let statement: Statement

    /// The statement for `sql` (cached on the connection), with its arguments bound.
    init(_ db: Database, sql: String, arguments: StatementArguments) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
    }

    /// Calls `body` with each row in turn; the statement is reset afterwards, whatever happens.
    func forEach(_ body: (SQLiteRow) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
            try body(SQLiteRow(handle: handle))
        }
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
