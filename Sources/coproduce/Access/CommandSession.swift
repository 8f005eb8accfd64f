import ArgumentParser
import Coproduction
import CoproductionStore
import Crypto
import Foundation

/// Who a command runs as: the demo admin on a demo database, otherwise the account that
/// signed in with `coproduce login` (a token file only this OS user can read, for 8 hours).
enum CommandSession {
    /// The token file for a database: `$XDG_STATE_HOME/coproduce/sessions/<hash of path>`
    /// (`~/.local/state/...` when unset).
    static func tokenPath(for databasePath: String) -> String {
        let env = ProcessInfo.processInfo.environment
        let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/state")
        let absolute = URL(fileURLWithPath: databasePath).standardizedFileURL.path
        let digest = SHA256.hash(data: Data(absolute.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        return "\(state)/coproduce/sessions/\(digest).token"
    }

    /// The signed-in actor, or a clear message and exit status 1.
    /// Who is signed in, if anyone, without a word when nobody is (for commands that show
    /// more once signed in).
    static func quietActor(for db: AppDatabase) -> Actor? {
        if let demo = try? db.demoActor() { return demo }
        guard let token = readToken(at: tokenPath(for: db.path)) else { return nil }
        return (try? db.actor(forCLIToken: token, osUser: Int(geteuid()))) ?? nil
    }

    static func actor(for db: AppDatabase) throws -> Actor {
        if let demo = try? db.demoActor() { return demo }
        let path = tokenPath(for: db.path)
        guard let token = readToken(at: path) else {
            Console.error("You are not signed in. Run `coproduce login` first (a sign-in lasts 8 hours).")
            throw ExitCode(1)
        }
        let actor: Actor?
        do { actor = try db.actor(forCLIToken: token, osUser: Int(geteuid())) } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        guard let actor else {
            try? FileManager.default.removeItem(atPath: path)
            Console.error("Your sign-in has ended (after 8 hours, a logout, or a change to your account). Run `coproduce login` again.")
            throw ExitCode(1)
        }
        return actor
    }

    /// Reads a token file, refusing one that other users could read.
    static func readToken(at path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attributes[.posixPermissions] as? Int,
              let owner = attributes[.ownerAccountID] as? NSNumber else { return nil }
        guard mode & 0o077 == 0, owner.uint32Value == getuid() else {
            Console.error("Ignoring \(path): other users can read it. Run `coproduce login` again.")
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
        return (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes a token file readable only by this OS user (folder 0700, file 0600).
    static func writeToken(_ token: String, for databasePath: String) throws {
        let path = tokenPath(for: databasePath)
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: Data((token + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    /// Checks the access rules before asking anything of the user, so a refusal comes first.
    static func require(_ actor: Actor, _ operation: Coproduction.Operation, _ kind: RecordKind, needed: Scope = .all) throws {
        do { try AccessPolicy.require(actor, operation, kind, needed: needed) } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }

    /// Runs a store call, turning a refusal into a message and exit status 1.
    static func attempt<T>(_ body: () throws(StoreError) -> T) throws -> T {
        do { return try body() } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}

/// Warns when the database file or its folder can be read by other OS users.
///
/// Private is a 0700 folder and a 0600 file. The documented set-up for several OS accounts
/// (README, "Running on a shared machine") is a setgid folder (2770) owned by a dedicated
/// group, with the file 0660: group access is accepted there. Access for everyone else is
/// always warned about.
enum FilePermissions {
    /// The warning, or nil when the file and folder are private (or the group set-up).
    static func warning(for path: String) -> String? {
        let fm = FileManager.default
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent  // a bare file name is in the current folder
        let folderMode = (try? fm.attributesOfItem(atPath: folder))?[.posixPermissions] as? Int ?? 0o700
        let shared = folderMode & 0o2000 != 0
        let forbidden = shared ? 0o007 : 0o077
        var loose: [String] = []
        if let mode = (try? fm.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & forbidden != 0 {
            loose.append("the file is \(String(mode & 0o777, radix: 8)) (run: chmod \(shared ? "660" : "600") '\(path)')")
        }
        if folderMode & forbidden != 0 {
            loose.append("its folder is \(String(folderMode & 0o777, radix: 8)) (run: chmod \(shared ? "2770" : "700") '\(folder)')")
        }
        guard !loose.isEmpty else { return nil }
        return "Warning: other users on this machine may read the database: " + loose.joined(separator: "; ")
            + ". See \"Running on a shared machine\" in the README."
    }
}
