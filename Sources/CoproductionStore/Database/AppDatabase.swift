import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The one SQLite database of the programme, in WAL mode: reads through one connection that
/// never writes, writes through GRDB's `DatabasePool`, opened at the first write.
///
/// Owns the schema migrations and every write. Opening is safe when several processes
/// open a fresh file at the same moment: an exclusive lock file is held around open and
/// migrate, because GRDB's migrator does not guard against that on Linux.
///
/// Readers never wait for a writer: opening a pool writes to the file when its `-wal` is
/// empty (GRDB's guard against SQLite's cannot-open on read-only WAL connections), so a
/// command that only reads, and the app until its first save, never open one. A write
/// transaction held by another program does not delay them.
public final class AppDatabase: Sendable {
    /// The connection every read goes through (each read a read-only transaction).
    private let reader: DatabaseQueue
    /// The writer, once opened.
    private let writer: WriterSlot
    /// The file's path, for messages.
    public let path: String
    /// How long a write waits for another process's write before giving up, in seconds.
    public let busyTimeout: Double
    /// The configuration the writer is opened with.
    private let configuration: Configuration

    private init(reader: DatabaseQueue, writer: DatabasePool?, configuration: Configuration, path: String, busyTimeout: Double) {
        self.reader = reader
        self.writer = WriterSlot(writer)
        self.configuration = configuration
        self.path = path
        self.busyTimeout = busyTimeout
    }

    /// The GRDB pool that writes, opened now if it is not yet (which may wait for another
    /// program's write, up to the busy timeout). Package-only: outside this package every read
    /// and write goes through the typed API, which checks the access rules.
    package var pool: DatabasePool {
        get throws(StoreError) { try writerPool(waiting: busyTimeout) }
    }

    /// The writer, opened when it is not yet; a busy database is tried again until `waiting`
    /// seconds have passed.
    /// `checking: false` is for `restore` alone, which replaces a damaged file whole.
    func writerPool(waiting: Double, checking: Bool = true) throws(StoreError) -> DatabasePool {
        do {
            return try writer.get {
                // Nothing is written into a damaged file, not even GRDB's opening write: writing
                // could spread the damage. Checked once, through the reading connection, before
                // the writer opens (about 0.1 s at 10,000 meetings; BENCHMARKS.md).
                if checking { try reader.read { db in try Self.quickCheck(db, path: path) } }
                return try Self.openWriter(path: path, configuration: configuration, busyTimeout: busyTimeout, waiting: waiting)
            }
        } catch {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Opens the pool that writes. GRDB writes to the file while opening a pool whose `-wal`
    /// is empty, so that write must not hang: it is tried without waiting, again every 20 ms
    /// until `waiting` seconds have passed. Then the writer waits up to the busy timeout.
    /// The caller checks the file first (``quickCheck(_:path:)``).
    private static func openWriter(path: String, configuration: Configuration, busyTimeout: Double, waiting: Double) throws -> DatabasePool {
        var config = configuration
        config.busyMode = .immediateError
        let deadline = Date().addingTimeInterval(waiting)
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                // A write reported done survives a power cut: WAL with synchronous = FULL (GRDB
                // sets NORMAL, which may lose the last commits). The cost is in BENCHMARKS.md.
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA busy_timeout = \(Int(busyTimeout * 1000))")
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                }
                return pool
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// Throws ``StoreError/damaged(path:detail:)`` when the file fails SQLite's quick check.
    static func quickCheck(_ db: Database, path: String) throws {
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
        guard check == ["ok"] else { throw StoreError.damaged(path: path, detail: check.joined(separator: "; ")) }
    }

    /// Whether a write could start now without waiting for another program (the app asks
    /// before a save, so that a save that would wait keeps the screen live instead).
    public func canWriteWithoutWaiting() -> Bool {
        guard let pool = try? writerPool(waiting: 0) else { return false }
        let free = try? pool.writeWithoutTransaction { db -> Bool in
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(busyTimeout * 1000))") }
            do {
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "ROLLBACK")
                return true
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                return false
            }
        }
        return free ?? false
    }

    /// The SQLite file header every database starts with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Opens (creating when missing) the database at `path`, migrating it to the current
    /// schema. A new folder is made 0700 and a new file 0600.
    ///
    /// - Throws: ``StoreError`` with a message a user can act on; the file is left untouched
    ///   when it is not a database, is newer than this program, or is busy.
    public static func open(path: String, busyTimeout: Double = 5) throws(StoreError) -> AppDatabase {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .inaccessible(path: path, reason: "no file was named; give --db a path, or leave it out for the usual place")
        }
        guard busyTimeout.isFinite, (0...600).contains(busyTimeout) else {
            throw .invalid("The busy timeout must be from 0 to 600 seconds; \(busyTimeout) is not.")
        }
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !fm.fileExists(atPath: folder) {
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            } catch {
                throw .inaccessible(path: path, reason: "its folder \(folder) cannot be created")
            }
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .inaccessible(path: path, reason: "it is a folder, not a file") }
            guard access(path, R_OK) == 0 else { throw .inaccessible(path: path, reason: "it cannot be read") }
            guard access(path, W_OK) == 0 else { throw .inaccessible(path: path, reason: "it is read-only") }
            // Empty may be another process making it right now: looked at again under the lock.
            try checkHeader(path: path, allowEmpty: true)
        } else {
            guard folder.isEmpty || access(folder, W_OK | X_OK) == 0 else {
                throw .inaccessible(path: path, reason: "its folder \(folder) is not writable")
            }
        }

        // In a shared install's setgid, group-writable folder a new database is the group's
        // (0660, the folder's group); anywhere else it is the owner's alone (0600).
        var dir = stat()
        let groupFolder = stat(folder.isEmpty ? "." : folder, &dir) == 0 && dir.st_mode & S_ISGID != 0 && dir.st_mode & 0o020 != 0
        let newMode: mode_t = groupFolder ? 0o660 : 0o600
        let lock = try LockFile(path: path + ".lock", database: path, newMode: newMode)
        defer { lock.release() }
        var createdHere = false
        if !fm.fileExists(atPath: path) {
            createdHere = true
            let fd = Glibc.open(path, O_CREAT | O_WRONLY | O_CLOEXEC, newMode)
            guard fd >= 0 else { throw .inaccessible(path: path, reason: String(cString: strerror(errno))) }
            fchmod(fd, newMode)  // whatever the umask
            close(fd)
        }
        // Another process may have created the file between our checks and the lock. Under the
        // lock, an empty file we did not just make is someone's (a creator finishes before
        // releasing the lock), and is refused.
        try checkHeader(path: path, allowEmpty: createdHere)

        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "coproduce"
        do {
            let migrator = Schema.migrator
            // Look before opening the pool: opening a pool may write to the file, and a
            // database from a newer version must be left exactly as it was.
            var complete = false
            if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 {
                var probeConfig = config
                probeConfig.readonly = true
                let sidecars = [path + "-wal", path + "-shm"].filter { !fm.fileExists(atPath: $0) }
                let probe = try DatabaseQueue(path: path, configuration: probeConfig)
                let (superseded, done) = try probe.read { db in
                    let state = (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
                    // A file to be migrated is checked before anything is written to it.
                    if !state.0 && !state.1 { try quickCheck(db, path: path) }
                    return state
                }
                try probe.close()
                if superseded {
                    // Leave no trace: remove the empty WAL files the probe made.
                    if (try? fm.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0 == 0 {
                        for file in sidecars { try? fm.removeItem(atPath: file) }
                    }
                    throw StoreError.newerVersion(path: path)
                }
                complete = done
            }
            // A database that needs no migration is opened for reading only: nothing is written
            // until the first write asks for the writer.
            var pool: DatabasePool?
            if !complete {
                let writer = try openWriter(path: path, configuration: config, busyTimeout: busyTimeout, waiting: busyTimeout)
                try migrator.migrate(writer)
                pool = writer
            }
            let reader = try DatabaseQueue(path: path, configuration: config)
            return AppDatabase(reader: reader, writer: pool, configuration: config, path: path, busyTimeout: busyTimeout)
        } catch {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Refuses a non-empty file that does not start with the SQLite header.
    private static func checkHeader(path: String, allowEmpty: Bool) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .inaccessible(path: path, reason: "it cannot be read")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        // An empty file is not silently made into a database: it may be a mistake (a path
        // typed wrong, a file emptied by accident), and it is someone else's file.
        if head.isEmpty && !allowEmpty {
            throw .inaccessible(path: path, reason: "it is an empty file, not a Coproduce database; remove it first, or choose another path")
        }
        if !head.isEmpty && Array(head) != sqliteHeader { throw .notADatabase(path: path) }
    }

    /// The schema this version of coproduce writes: how many migrations, and the last one's name.
    public static var schemaVersion: (number: Int, latest: String) {
        let all = Schema.migrator.migrations
        return (all.count, all.last ?? "")
    }

    /// The names of the schema migrations applied, oldest first.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    /// Runs a read, turning failures into ``StoreError`` (package-only, like ``pool``).
    package func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try reader.read(body) } catch { throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout) }
    }

    /// Another connection for reading alongside the first (a walk through every meeting
    /// reads pages on two at once); nil when it cannot be opened. The caller closes it.
    ///
    /// It is opened read-only: a connection that can write is made read-only for each read
    /// (`PRAGMA query_only`), and that pragma makes SQLite prepare every statement the
    /// connection holds again, so each page of a walk would compile its dozen queries anew.
    func secondReader() -> DatabaseQueue? {
        var config = configuration
        config.readonly = true
        return try? DatabaseQueue(path: path, configuration: config)
    }

    /// Runs a long read in one transaction whose body hands its results out as it goes (a
    /// page at a time, to a file): the body need not be sendable, as it runs on this thread.
    /// The database's failures become ``StoreError``; any other error of the body's (a full
    /// disk) becomes ``StoreError/invalid(_:)`` saying it stopped (package-only).
    package func streamingRead(_ body: (Database) throws -> Void) throws(StoreError) {
        do {
            try reader.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        } catch {
            throw .invalid("Stopped: \(error.localizedDescription). Nothing more was written.")
        }
    }

    /// Runs a write in one transaction, turning failures into ``StoreError`` (package-only).
    package func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        let pool = try self.pool
        do { return try pool.write(body) } catch { throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout) }
    }

    /// Copies the whole database into `destination` from the reading connection (a backup
    /// writes nothing to the file it copies). Package-only.
    package func copy(to destination: DatabaseQueue) throws(StoreError) {
        do { try reader.backup(to: destination) } catch { throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout) }
    }

    /// SQLite's `data_version`: changes whenever another connection (another process
    /// included) commits. Polled to show other terminals' changes.
    public func dataVersion() throws(StoreError) -> Int {
        // data_version is per connection, so it is read on the one reading connection; it
        // moves for this process's own writes too (the writer is another connection), which
        // the app reads as a change it already knows about.
        do {
            return try reader.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        }
    }
}

/// The writer pool, opened once, at the first write.
final class WriterSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var pool: DatabasePool?

    init(_ pool: DatabasePool?) { self.pool = pool }

    /// The pool, opened with `open` if it is not yet (one opening at a time).
    func get(_ open: () throws -> DatabasePool) throws -> DatabasePool {
        lock.lock()
        defer { lock.unlock() }
        if let pool { return pool }
        let opened = try open()
        pool = opened
        return opened
    }
}

/// An exclusive `flock` on a file beside the database, held while opening and migrating.
struct LockFile {
    let fd: Int32

    /// Takes the lock beside `database`. The lock file gets the database file's group and
    /// mode (a shared install's 0660 in a setgid folder), so everyone who may open the database
    /// may take its lock; a database not made yet gives 0600.
    init(path: String, database: String, newMode: mode_t) throws(StoreError) {
        var db = stat()
        let shared = stat(database, &db) == 0
        let mode = shared ? mode_t(db.st_mode & 0o666) | 0o600 : newMode
        var fd = Glibc.open(path, O_CREAT | O_RDWR | O_CLOEXEC, mode)
        if fd < 0 && errno == EACCES { fd = Glibc.open(path, O_RDONLY | O_CLOEXEC) }  // flock needs no write access
        guard fd >= 0 else {
            throw .inaccessible(path: path, reason: "the lock file cannot be created (\(String(cString: strerror(errno))))")
        }
        var lock = stat()
        if shared, fstat(fd, &lock) == 0, lock.st_uid == geteuid() {
            // Ours: match the database whatever the umask (and mend an older 0600 lock file).
            if lock.st_gid != db.st_gid { _ = fchown(fd, uid_t.max, db.st_gid) }
            if lock.st_mode & 0o777 != mode { fchmod(fd, mode) }
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                throw .inaccessible(path: path, reason: "the lock file cannot be locked")
            }
        }
        self.fd = fd
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
