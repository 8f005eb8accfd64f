import Coproduction
import Crypto
import Foundation
import GRDB

/// An account as admins see it (never its secret).
public struct Account: Hashable, Sendable {
    /// The id.
    public var id: Int64
    /// The name people sign in with.
    public var name: String
    /// What it may do.
    public var role: Role
    /// For a Parent Champion: their champion record.
    public var championID: Int64?
    /// A disabled account cannot sign in.
    public var disabled: Bool
    /// Until when it is locked after five wrong tries, if it is.
    public var lockedUntil: Date?
}

/// Why a sign-in was refused. Deliberately one message for every reason — unknown name,
/// wrong secret, disabled or locked account — so nobody learns which names exist.
public struct SignInRefused: Error, Hashable, Sendable, CustomStringConvertible {
    /// When the account may try again, if it is locked after too many wrong tries. An unknown
    /// name, a wrong PIN and a disabled account all leave this nil and get the same words.
    public var lockedUntil: Date?

    /// A refusal; `lockedUntil` for an account locked after too many wrong tries.
    public init(lockedUntil: Date? = nil) { self.lockedUntil = lockedUntil }

    /// The message shown.
    public var description: String {
        if let lockedUntil {
            return "This account is locked after \(SignInRules.maximumFailures) wrong tries, until \(LocalDateTime(lockedUntil).time). "
                + "Try again then, or ask the office for a new PIN."
        }
        return "That name and PIN or passphrase do not match an account that can sign in now. After 5 wrong tries an account waits 5 minutes."
    }
}

/// The sign-in rules.
public enum SignInRules {
    /// Wrong tries before an account is locked.
    public static let maximumFailures = 5
    /// How long a locked account waits, in seconds.
    public static let lockout: TimeInterval = 5 * 60
    /// How long a command-line sign-in lasts, in seconds.
    public static let cliSessionLifetime: TimeInterval = 8 * 60 * 60
    /// The shortest PIN or passphrase accepted.
    public static let minimumSecretLength = 4
}

extension AppDatabase {
    /// Whether any account exists (a new database has none until `coproduce init`).
    public func hasAccounts() throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user)") ?? false }
    }

    /// Creates the first admin of a database that has no accounts yet.
    @discardableResult
    public func createFirstAdmin(name: String, secret: String, now: Date = Date()) throws(StoreError) -> Actor {
        let hashed = try Self.hashSecret(secret)
        return try write { db in
            guard try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user)") ?? false) else {
                throw StoreError.invalid("This database already has accounts: an admin adds more with `coproduce user add`.")
            }
            let id = try Self.insertUser(db, name: name, role: .admin, championID: nil, hashed: hashed, now: now)
            let actor = Actor(userID: id, name: name, role: .admin)
            try AuditLog.append(db, actor: actor, action: "create", kind: "user", recordID: id,
                                changes: [FieldChange(field: "name", before: nil, after: name),
                                          FieldChange(field: "role", before: nil, after: Role.admin.rawValue),
                                          FieldChange(field: "secret", before: nil, after: "set")], at: now)
            return actor
        }
    }

    /// Adds an account (admins only). A Parent Champion account names its champion record.
    @discardableResult
    public func addUser(as actor: Actor, name: String, role: Role, championID: Int64? = nil, secret: String,
                        now: Date = Date()) throws(StoreError) -> Int64 {
        try authorize(actor, .write, .user)
        if role == .champion && championID == nil {
            throw .invalid("A Parent Champion account must be linked to a champion record: give --champion ID.")
        }
        if role != .champion && championID != nil {
            throw .invalid("Only a Parent Champion account is linked to a champion record: leave out --champion.")
        }
        let hashed = try Self.hashSecret(secret)
        return try write { db in
            if let championID, try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM champion WHERE id = ?)", arguments: [championID]) ?? false) {
                throw StoreError.invalid("There is no Parent Champion with id \(championID): `coproduce info` shows how many there are.")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user WHERE name = ?)", arguments: [name]) ?? false {
                throw StoreError.invalid("An account called \(name) already exists: choose another name.")
            }
            let id = try Self.insertUser(db, name: name, role: role, championID: championID, hashed: hashed, now: now)
            try AuditLog.append(db, actor: actor, action: "create", kind: "user", recordID: id,
                                changes: [FieldChange(field: "name", before: nil, after: name),
                                          FieldChange(field: "role", before: nil, after: role.rawValue),
                                          FieldChange(field: "secret", before: nil, after: "set")], at: now)
            return id
        }
    }

    /// Every account (admins), or only one's own (everyone else).
    public func accounts(as actor: Actor) throws(StoreError) -> [Account] {
        let scope = AccessPolicy.scope(actor.role, .read, .user)
        guard scope != .none else { throw .denied(AccessDenied(role: actor.role, operation: .read, kind: .user)) }
        return try read { db in
            let sql = scope == .all ? "SELECT * FROM user ORDER BY name" : "SELECT * FROM user WHERE id = ?"
            let args: StatementArguments = scope == .all ? [] : [actor.userID]
            return try Row.fetchAll(db, sql: sql, arguments: args).map(Self.account(from:))
        }
    }

    /// Disables or re-enables an account (admins only). Ends its command-line sessions.
    public func setDisabled(as actor: Actor, name: String, disabled: Bool, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .user)
        if disabled && name.caseInsensitiveCompare(actor.name) == .orderedSame {
            throw .invalid("You cannot disable your own account: ask another admin.")
        }
        try write { db in
            let id = try Self.userID(db, name: name)
            try db.execute(sql: "UPDATE user SET disabled = ?, failedAttempts = 0, failedSince = NULL, lockedUntil = NULL, version = version + 1 WHERE id = ?",
                           arguments: [disabled, id])
            if disabled { try db.execute(sql: "DELETE FROM cliSession WHERE userId = ?", arguments: [id]) }
            try AuditLog.append(db, actor: actor, action: disabled ? "disable" : "enable", kind: "user", recordID: id,
                                changes: [FieldChange(field: "disabled", before: String(!disabled), after: String(disabled))], at: now)
        }
    }

    /// Sets a new PIN or passphrase (admins for anyone; everyone for their own account).
    /// Clears a lockout and ends the account's command-line sessions.
    public func resetSecret(as actor: Actor, name: String, secret: String, now: Date = Date()) throws(StoreError) {
        let own = name.caseInsensitiveCompare(actor.name) == .orderedSame
        try authorize(actor, .write, .user, needed: own ? .own : .all)
        let hashed = try Self.hashSecret(secret)
        try write { db in
            let id = try Self.userID(db, name: name)
            try db.execute(sql: """
                UPDATE user SET secretHash = ?, salt = ?, kdf = 'scrypt', kdfN = ?, kdfR = ?, kdfP = ?,
                       failedAttempts = 0, failedSince = NULL, lockedUntil = NULL, version = version + 1 WHERE id = ?
                """, arguments: [hashed.hash, hashed.salt, hashed.parameters.n, hashed.parameters.r, hashed.parameters.p, id])
            try db.execute(sql: "DELETE FROM cliSession WHERE userId = ?", arguments: [id])
            try AuditLog.append(db, actor: actor, action: "reset secret", kind: "user", recordID: id,
                                changes: [FieldChange(field: "secret", before: "set", after: "set")], at: now)
        }
    }

    /// Signs in: the account's secret is checked with scrypt. Five wrong tries lock the
    /// account for five minutes, counted in the database so restarting does not reset it.
    /// Each try is counted before the secret is checked, in one write, so however many
    /// sign-ins run at once at most five wrong secrets are ever checked per account in five
    /// minutes. Refusals use the same words whatever the reason, except that a locked
    /// account is told until when.
    public func signIn(name: String, secret: String, now: Date = Date()) throws -> Actor {
        enum Try { case unknown, refused(Account, until: Date?), check(Account, HashedSecret, lockedBy: Bool) }
        let counted: Try = try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name]) else { return .unknown }
            let account = Self.account(from: row)
            let actor = Actor(userID: account.id, name: account.name, role: account.role, championID: account.championID)
            if let until = account.lockedUntil, until > now {
                try AuditLog.append(db, actor: actor, action: "sign-in refused: locked", kind: "user", recordID: account.id, at: now)
                return .refused(account, until: until)
            }
            if account.disabled {
                try AuditLog.append(db, actor: actor, action: "sign-in refused", kind: "user", recordID: account.id, at: now)
                return .refused(account, until: nil)
            }
            // Count this try now, in a window of five minutes (a lock that has run out, or a
            // count older than that, starts a fresh one); the fifth try in a window locks.
            try db.execute(sql: """
                UPDATE user SET failedAttempts = CASE WHEN lockedUntil IS NOT NULL OR failedSince IS NULL OR failedSince < ? THEN 1
                                                      ELSE failedAttempts + 1 END,
                                failedSince = CASE WHEN lockedUntil IS NOT NULL OR failedSince IS NULL OR failedSince < ? THEN ?
                                                   ELSE failedSince END,
                                lockedUntil = NULL WHERE id = ?
                """, arguments: [now.timeIntervalSince1970 - SignInRules.lockout, now.timeIntervalSince1970 - SignInRules.lockout,
                                 now.timeIntervalSince1970, account.id])
            try db.execute(sql: "UPDATE user SET lockedUntil = ? WHERE id = ? AND failedAttempts >= ?",
                           arguments: [now.addingTimeInterval(SignInRules.lockout).timeIntervalSince1970, account.id, SignInRules.maximumFailures])
            return .check(account, HashedSecret(hash: row["secretHash"], salt: row["salt"],
                                                parameters: ScryptParameters(n: row["kdfN"], r: row["kdfR"], p: row["kdfP"])),
                          lockedBy: db.changesCount == 1)
        }
        switch counted {
        case .unknown:
            // Spend the same time as a real check, so timing does not tell that the name is unknown.
            _ = try? PassphraseHasher.verify(secret, against: Self.decoy)
            throw SignInRefused()
        case .refused(_, let until):
            throw SignInRefused(lockedUntil: until)
        case .check(let account, let stored, let lockedBy):
            let actor = Actor(userID: account.id, name: account.name, role: account.role, championID: account.championID)
            if (try? PassphraseHasher.verify(secret, against: stored)) ?? false {
                try write { db in
                    // The right secret takes back its own try (and the lock, if it was the fifth),
                    // but not the wrong ones before it: however sign-ins interleave, at most five
                    // wrong secrets are checked in five minutes.
                    try db.execute(sql: """
                        UPDATE user SET failedAttempts = max(0, failedAttempts - 1),
                                        lockedUntil = CASE WHEN failedAttempts - 1 < ? THEN NULL ELSE lockedUntil END,
                                        failedSince = CASE WHEN failedAttempts - 1 <= 0 THEN NULL ELSE failedSince END
                        WHERE id = ?
                        """, arguments: [SignInRules.maximumFailures, account.id])
                    try AuditLog.append(db, actor: actor, action: "sign-in", kind: "user", recordID: account.id, at: now)
                }
                return actor
            }
            try write { db in try AuditLog.append(db, actor: actor, action: "sign-in refused", kind: "user", recordID: account.id, at: now) }
            throw SignInRefused(lockedUntil: lockedBy ? now.addingTimeInterval(SignInRules.lockout) : nil)
        }
    }

    // MARK: Command-line sessions

    /// Starts a command-line session for a signed-in actor and returns its token (kept by
    /// the caller in a file only the OS user can read; the database keeps only its hash, and
    /// the OS user it was made for).
    public func startCLISession(for actor: Actor, osUser: Int? = nil, now: Date = Date()) throws(StoreError) -> String {
        let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let hash = Data(SHA256.hash(data: Data(token.utf8)))
        try write { db in
            try db.execute(sql: "DELETE FROM cliSession WHERE expiresAt <= ?", arguments: [now.timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO cliSession (tokenHash, userId, expiresAt, osUser) VALUES (?, ?, ?, ?)",
                           arguments: [hash, actor.userID, now.addingTimeInterval(SignInRules.cliSessionLifetime).timeIntervalSince1970, osUser])
        }
        return token
    }

    /// The actor a command-line token stands for, or nil when it is unknown, expired, its
    /// account is disabled, or it was made for another OS user.
    public func actor(forCLIToken token: String, osUser: Int? = nil, now: Date = Date()) throws(StoreError) -> Actor? {
        let hash = Data(SHA256.hash(data: Data(token.utf8)))
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT u.* FROM cliSession s JOIN user u ON u.id = s.userId
                WHERE s.tokenHash = ? AND s.expiresAt > ? AND NOT u.disabled AND s.osUser IS ?
                """, arguments: [hash, now.timeIntervalSince1970, osUser]) else { return nil }
            let a = Self.account(from: row)
            return Actor(userID: a.id, name: a.name, role: a.role, championID: a.championID)
        }
    }

    /// Ends a command-line session.
    public func endCLISession(token: String) throws(StoreError) {
        let hash = Data(SHA256.hash(data: Data(token.utf8)))
        try write { db in try db.execute(sql: "DELETE FROM cliSession WHERE tokenHash = ?", arguments: [hash]) }
    }

    /// The demo admin of a database made with demo data, or nil for a real database.
    public func demoActor() throws(StoreError) -> Actor? {
        try read { db in
            guard try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'demo'") != nil,
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ? AND role = 'admin'",
                                             arguments: [DemoData.adminName]) else { return nil }
            let a = Self.account(from: row)
            return Actor(userID: a.id, name: a.name, role: a.role)
        }
    }

    // MARK: Helpers

    static let decoy = HashedSecret(hash: Data(count: 32), salt: Data(count: 16), parameters: .current)

    static func hashSecret(_ secret: String) throws(StoreError) -> HashedSecret {
        guard secret.count >= SignInRules.minimumSecretLength else {
            throw .invalid("A PIN or passphrase needs at least \(SignInRules.minimumSecretLength) characters.")
        }
        do { return try PassphraseHasher.hash(secret) } catch { throw .database(message: "hashing failed: \(error)") }
    }

    static func insertUser(_ db: Database, name: String, role: Role, championID: Int64?, hashed: HashedSecret, now: Date) throws -> Int64 {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw StoreError.invalid("An account needs a name.") }
        try db.execute(sql: """
            INSERT INTO user (name, role, championId, secretHash, salt, kdf, kdfN, kdfR, kdfP, createdAt)
            VALUES (?, ?, ?, ?, ?, 'scrypt', ?, ?, ?, ?)
            """, arguments: [trimmed, role.rawValue, championID, hashed.hash, hashed.salt, hashed.parameters.n,
                             hashed.parameters.r, hashed.parameters.p, now.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    static func userID(_ db: Database, name: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE name = ?", arguments: [name]) else {
            throw StoreError.invalid("There is no account called \(name): `coproduce user list` shows them.")
        }
        return id
    }

    static func account(from row: Row) -> Account {
        Account(id: row["id"], name: row["name"], role: Role(rawValue: row["role"]) ?? .champion,
                championID: row["championId"], disabled: row["disabled"],
                lockedUntil: (row["lockedUntil"] as Double?).map { Date(timeIntervalSince1970: $0) })
    }
}

// MARK: The plain mode, per account

extension AppDatabase {
    /// Whether an account opens the full-screen app in the plain (linear) mode for screen
    /// readers and braille displays.
    public func prefersPlain(userID: Int64) throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT plainMode FROM user WHERE id = ?", arguments: [userID]) ?? false }
    }

    /// Turns the plain mode on or off for the signed-in person's own account (anyone may set
    /// their own), or for `name`'s account (admins only). Kept in the audit trail.
    public func setPlainMode(as actor: Actor, name: String? = nil, on: Bool, now: Date = Date()) throws(StoreError) {
        if let name, name != actor.name, actor.role != .admin {
            throw .denied(AccessDenied(role: actor.role, operation: .write, kind: .user))
        }
        try write { db in
            let id = try name.map { try Self.userID(db, name: $0) } ?? actor.userID
            try db.execute(sql: "UPDATE user SET plainMode = ? WHERE id = ?", arguments: [on, id])
            try AuditLog.append(db, actor: actor, action: "plain mode \(on ? "on" : "off")", kind: "user", recordID: id, at: now)
        }
    }
}
