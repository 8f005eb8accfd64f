import Foundation
import Testing

/// Files that hold personal data are private whatever the umask, output goes only where it
/// is meant to, and output that cannot be written is an error.
@Suite struct PrivateFilesTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    /// Runs the binary under a permissive umask.
    func run(_ args: [String]) throws -> Binary.Result {
        let line = (["umask 022; exec", Binary.url.path] + args.map { "'\($0)'" }).joined(separator: " ")
        let r = try Spawn.start(["sh", "-c", line], environment: Binary.environment(env)).wait()
        return Binary.Result(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func exportsBackupsAndSubjectAccessFilesAreReadableOnlyByTheirOwner() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try run(["init", "--demo", "--db", db]).status == 0)
        let csv = scratch.path("children.csv"), ics = scratch.path("meetings.ics"), all = scratch.path("handover")
        let sar = scratch.path("sar"), backup = scratch.path("backup.sqlite")
        for args in [["export", "csv", "creche", "--include-sensitive", "--out", csv], ["export", "ics", "--out", ics],
                     ["export", "all", "--out", all], ["sar", "--champion", "Zoe Adams", "--out", sar], ["backup", "--out", backup]] {
            let r = try run(args + ["--db", db])
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        for file in [csv, ics, backup] {
            let m = try mode(file)
            #expect(m == 0o600, "\(file) is \(String(m, radix: 8))")
        }
        for folder in [all, sar] {
            #expect(try mode(folder) == 0o700)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let path = (folder as NSString).appendingPathComponent(name)
                let m = try mode(path)
                #expect(m == 0o600, "\(path) is \(String(m, radix: 8))")
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func outRefusesAPipeADeviceAndALinkAndAFullDiskIsAnError() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try run(["init", "--demo", "--db", db]).status == 0)
        let fifo = scratch.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = scratch.path("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scratch.path("elsewhere.csv"))
        for (target, words) in [(fifo, "is a pipe (FIFO)"), ("/dev/null", "is a device"), (link, "is a symbolic link")] {
            let r = try run(["export", "csv", "meetings", "--db", db, "--out", target])
            #expect(r.status == 1 && r.stderr.contains(words), "\(target): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("elsewhere.csv")), "nothing went through the link")
        // Standard output on a full disk.
        for args in [["meetings", "list"], ["export", "csv", "meetings"]] {
            let line = ([Binary.url.path] + args + ["--db", db]).map { "'\($0)'" }.joined(separator: " ") + " > /dev/full"
            let r = try Spawn.start(["sh", "-c", line], environment: Binary.environment(env)).wait()
            #expect(r.status == 1 && r.stderr.contains("The output could not be written"), "\(args): \(r.status) \(r.stderr)")
        }
    }
}
