import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The one SQLite database of the programme, opened through GRDB's `DatabasePool` (WAL).
///
/// Owns the schema migrations and every write. Opening is safe when several processes
/// open a fresh file at the same moment: an exclusive lock file is held around open and
/// migrate, because GRDB's migrator does not guard against that on Linux.
public final class AppDatabase: Sendable {
    /// The GRDB pool: readers in parallel, one writer at a time. Package-only: outside this
    /// package every read and write goes through the typed API, which checks the access rules.
    package let pool: DatabasePool
    /// The file's path, for messages.
    public let path: String
    /// How long a write waits for another process's write before giving up, in seconds.
    public let busyTimeout: Double

    private init(pool: DatabasePool, path: String, busyTimeout: Double) {
        self.pool = pool
        self.path = path
        self.busyTimeout = busyTimeout
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
                    (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
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
            let pool = try DatabasePool(path: path, configuration: config)
            // A write reported done survives a power cut: WAL with synchronous = FULL (GRDB
            // sets NORMAL, which may lose the last commits). Only the writer connection writes;
            // the setting is its own and writes nothing to the file. The cost is in BENCHMARKS.md.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            if !complete { try migrator.migrate(pool) }
            return AppDatabase(pool: pool, path: path, busyTimeout: busyTimeout)
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

    /// The names of the schema migrations applied, oldest first.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    /// Runs a read, turning failures into ``StoreError`` (package-only, like ``pool``).
    package func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout) }
    }

    /// Runs a write in one transaction, turning failures into ``StoreError`` (package-only).
    package func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout) }
    }

    /// SQLite's `data_version`: changes whenever another connection (another process
    /// included) commits. Polled to show other terminals' changes.
    public func dataVersion() throws(StoreError) -> Int {
        // data_version is per connection, so it is read on the single writer connection
        // (the pool's readers rotate); it does not change for this process's own writes.
        do {
            return try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreError.wrap(error, path: path, busyTimeout: busyTimeout)
        }
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
