import Foundation
import Testing

/// The README's shared set-up, as written: a group, a setgid folder, two OS users. Each opens
/// the database in turn; the lock file, `-wal` and `-shm` get the database's group and mode, so
/// the second is never told "the lock file cannot be created".
@Suite(.serialized, .enabled(if: geteuid() == 0, "creating two OS users and a group needs root (CI runs as root)"))
struct SharedGroupTests {
    func sh(_ line: String, stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let r = try Spawn.start(["sh", "-c", line], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"], stdin: stdin).wait()
        return (r.status, r.stdout, r.stderr)
    }

    @Test func twoUsersInOneGroupBothOpenTheDatabase() throws {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let group = "cpg\(tag)", first = "cpa\(tag)", second = "cpb\(tag)"
        let root = "/tmp/coproduce-shared-\(tag)"
        defer { _ = try? sh("userdel \(first); userdel \(second); groupdel \(group); rm -rf \(root)") }
        #expect(try sh("groupadd \(group) && useradd -M -N -g users -G \(group) \(first) && useradd -M -N -g users -G \(group) \(second)").status == 0)
        // The binary where both may run it, and the README's setgid folder.
        #expect(try sh("install -d -m 0755 \(root) && install -m 0755 '\(Binary.url.path)' \(root)/coproduce && install -d -m 2770 -g \(group) \(root)/data"
                       + " && install -d -m 0700 -o \(first) \(root)/\(first) && install -d -m 0700 -o \(second) \(root)/\(second)").status == 0)
        let db = "\(root)/data/coproduce.sqlite"
        func run(_ user: String, _ args: String, stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
            try sh("cd /tmp && umask 022 && runuser -u \(user) -- env HOME=\(root)/\(user) COPRODUCE_NOW=2026-11-27T10:00 \(root)/coproduce \(args) --db \(db)", stdin: stdin)
        }
        let made = try run(first, "init --admin 'Alison Griffin'", stdin: "correct horse\n")
        #expect(made.status == 0, "\(made.err)")
        // The second user opens it, signs in (a write), and reads.
        for user in [second, first, second] {
            let info = try run(user, "info")
            #expect(info.status == 0 && !info.err.contains("lock file cannot be created"), "\(user): \(info.err)")
            let login = try run(user, "login --name 'Alison Griffin'", stdin: "correct horse\n")
            #expect(login.status == 0, "\(user): \(login.err)")
        }
        // The first user's sign-in copied into the second's account does not work there.
        let copied = try sh("cp \(root)/\(first)/.local/state/coproduce/sessions/*.token \(root)/\(second)/.local/state/coproduce/sessions/"
                            + " && chown \(second) \(root)/\(second)/.local/state/coproduce/sessions/*.token"
                            + " && chmod 600 \(root)/\(second)/.local/state/coproduce/sessions/*.token")
        #expect(copied.status == 0, "\(copied.err)")
        let stolen = try run(second, "meetings list")
        #expect(stolen.status == 1 && stolen.err.contains("sign-in has ended"), "\(stolen.err)")
        #expect(try run(first, "meetings list").status == 0, "the first user's own sign-in still works")
        // Every file beside the database is the group's, readable and writable by it.
        let files = try sh("stat -c '%n %G %a' \(db) \(db).lock \(db)-wal \(db)-shm 2>/dev/null").out
        for line in files.split(separator: "\n") {
            #expect(line.contains(" \(group) ") && (line.hasSuffix(" 660") || line.hasSuffix(" 664")), "\(line)")
        }
        #expect(files.contains(".lock"), "\(files)")
    }
}
