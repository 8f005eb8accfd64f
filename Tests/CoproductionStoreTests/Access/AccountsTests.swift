import Coproduction
@testable import CoproductionStore
import Foundation
import GRDB
import Testing

@Suite struct AccountsTests {
    let start = Date(timeIntervalSince1970: 1_795_773_600)

    func freshDatabase(_ folder: TemporaryFolder) throws -> (AppDatabase, Actor) {
        let db = try AppDatabase.open(path: folder.path("accounts.sqlite"))
        let admin = try db.createFirstAdmin(name: "Alison", secret: "correct horse", now: start)
        return (db, admin)
    }

    @Test func secretsAreStoredAsSaltedScryptHashesWithTheirParameters() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try freshDatabase(folder)
        try db.addUser(as: admin, name: "Bea", role: .office, secret: "correct horse", now: start)
        let rows = try db.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY id").map { ($0["salt"] as Data, $0["secretHash"] as Data, $0["kdf"] as String, $0["kdfN"] as Int) } }
        #expect(rows.count == 2)
        #expect(rows[0].0 != rows[1].0, "salts must differ")
        #expect(rows[0].1 != rows[1].1, "the same secret must hash differently")
        #expect(rows.allSatisfy { $0.2 == "scrypt" && $0.3 == ScryptParameters.current.n })
        let file = try Data(contentsOf: URL(fileURLWithPath: db.path))
        #expect(file.range(of: Data("correct horse".utf8)) == nil)
    }

    /// Forty sign-ins at once, 39 wrong and one right: each try is counted before its secret
    /// is checked, so at most five wrong secrets are ever checked, and the rest are refused
    /// as locked without a check (today's code checked all 39 and let the right one in).
    @Test func theLockoutHoldsUnderParallelGuessing() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try freshDatabase(folder)
        try db.addUser(as: admin, name: "Bea", role: .office, secret: "2468", now: start)
        let right = Int.random(in: 0..<40)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            do {
                _ = try db.signIn(name: "Bea", secret: i == right ? "2468" : "guess\(i)", now: start)
                outcomes.add("in")
            } catch {
                outcomes.add((error as? SignInRefused)?.lockedUntil == nil ? "wrong" : "locked")
            }
        }
        let checked = try db.auditEntries(as: admin).filter { $0.action == "sign-in refused" }.count
        #expect(checked <= SignInRules.maximumFailures, "\(checked) wrong secrets were checked")
        #expect(outcomes.all.count == 40)
        #expect(outcomes.all.filter { $0 == "in" }.count <= 1)
        #expect(try db.auditEntries(as: admin).filter { $0.action == "sign-in refused: locked" }.count >= 40 - SignInRules.maximumFailures - 1)
        // Five minutes on, a fresh window.
        #expect(try db.signIn(name: "Bea", secret: "2468", now: start.addingTimeInterval(301)).name == "Bea")
    }

    /// What the parallel sign-ins ended in, gathered from many threads.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
    }

    @Test func everyRefusalSaysTheSameThing() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try freshDatabase(folder)
        try db.addUser(as: admin, name: "Dee", role: .office, secret: "dee-secret", now: start)
        try db.setDisabled(as: admin, name: "Dee", disabled: true, now: start)
        var messages: Set<String> = []
        for (name, secret) in [("Nobody", "whatever"), ("Alison", "wrong"), ("Dee", "dee-secret")] {
            do {
                _ = try db.signIn(name: name, secret: secret, now: start)
                Issue.record("\(name) signed in")
            } catch {
                messages.insert("\(error)")
            }
        }
        #expect(messages.count == 1)
        #expect(try db.signIn(name: "alison", secret: "correct horse", now: start).name == "Alison")
    }

    @Test func fiveFailuresLockForFiveMinutesEvenAcrossARestart() throws {
        let folder = TemporaryFolder()
        let (db, _) = try freshDatabase(folder)
        for i in 0..<5 {
            #expect(throws: SignInRefused.self) { try db.signIn(name: "Alison", secret: "wrong \(i)", now: start) }
        }
        // A restart: a new process opens the same file.
        let reopened = try AppDatabase.open(path: db.path)
        #expect(throws: SignInRefused.self) {
            try reopened.signIn(name: "Alison", secret: "correct horse", now: start.addingTimeInterval(60))
        }
        #expect(throws: SignInRefused.self) {
            try reopened.signIn(name: "Alison", secret: "correct horse", now: start.addingTimeInterval(299))
        }
        #expect(try reopened.signIn(name: "Alison", secret: "correct horse", now: start.addingTimeInterval(301)).name == "Alison")
    }

    /// A right PIN takes back only its own try: the wrong ones still count for five minutes
    /// (so interleaving a right one never buys more guesses), then the count starts again.
    @Test func fourFailuresThenSuccessStillCountForFiveMinutes() throws {
        let folder = TemporaryFolder()
        let (db, _) = try freshDatabase(folder)
        for _ in 0..<4 { _ = try? db.signIn(name: "Alison", secret: "nope", now: start) }
        #expect(try db.signIn(name: "Alison", secret: "correct horse", now: start).name == "Alison")
        _ = try? db.signIn(name: "Alison", secret: "nope", now: start.addingTimeInterval(10))  // the fifth wrong: locks
        #expect(throws: SignInRefused(lockedUntil: start.addingTimeInterval(10 + SignInRules.lockout))) {
            _ = try db.signIn(name: "Alison", secret: "correct horse", now: start.addingTimeInterval(20))
        }
        #expect(try db.signIn(name: "Alison", secret: "correct horse", now: start.addingTimeInterval(311)).name == "Alison")
        // Long after, a fresh count: four wrong and the right one is fine again.
        let later = start.addingTimeInterval(3600)
        for _ in 0..<4 { _ = try? db.signIn(name: "Alison", secret: "nope", now: later) }
        #expect(try db.signIn(name: "Alison", secret: "correct horse", now: later).name == "Alison")
    }

    @Test func commandLineSessionsExpireAfterEightHoursOrAtLogout() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try freshDatabase(folder)
        let token = try db.startCLISession(for: admin, now: start)
        #expect(try db.actor(forCLIToken: token, now: start.addingTimeInterval(7 * 3600))?.name == "Alison")
        #expect(try db.actor(forCLIToken: token, now: start.addingTimeInterval(8 * 3600 + 1)) == nil)
        let second = try db.startCLISession(for: admin, now: start)
        try db.endCLISession(token: second)
        #expect(try db.actor(forCLIToken: second, now: start) == nil)
        #expect(try db.actor(forCLIToken: "made-up", now: start) == nil)
        // A token is the OS user's it was made for.
        let mine = try db.startCLISession(for: admin, osUser: 1000, now: start)
        #expect(try db.actor(forCLIToken: mine, osUser: 1000, now: start)?.name == "Alison")
        #expect(try db.actor(forCLIToken: mine, osUser: 1001, now: start) == nil)
        let stored = try db.read { db in try Data.fetchAll(db, sql: "SELECT tokenHash FROM cliSession") }
        #expect(!stored.contains(Data(token.utf8)), "only the token's hash is kept")
    }

    @Test func badAccountInputIsRefusedWithAReason() throws {
        let folder = TemporaryFolder()
        let (db, admin) = try freshDatabase(folder)
        #expect(throws: StoreError.invalid("A PIN or passphrase needs at least 4 characters.")) {
            try db.addUser(as: admin, name: "Short", role: .office, secret: "123")
        }
        #expect(throws: StoreError.self) { try db.addUser(as: admin, name: "alison", role: .office, secret: "abcd") }
        #expect(throws: StoreError.self) { try db.addUser(as: admin, name: "Zed", role: .champion, secret: "abcd") }
        #expect(throws: StoreError.self) { try db.createFirstAdmin(name: "Second", secret: "abcdef") }
        #expect(throws: StoreError.invalid("You cannot disable your own account: ask another admin.")) {
            try db.setDisabled(as: admin, name: "Alison", disabled: true)
        }
    }
}
