import Foundation
import Testing

/// `make install` and `make uninstall` into a DESTDIR: the binary, a man page `man -l`
/// renders, and completions for bash, zsh and fish, each where its shell looks; uninstall
/// leaves nothing behind. (From the binaries this test run built: see BUILT in the Makefile.)
@Suite(.serialized) struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func make(_ target: String, _ scratch: Scratch) throws -> (status: Int32, stdout: String, stderr: String) {
        let built = Binary.url.deletingLastPathComponent().path
        return try Spawn.start(["make", "-C", Self.root.path, target, "DESTDIR=" + scratch.path("dest"), "PREFIX=/usr/local", "BUILT=" + built],
                               environment: ProcessInfo.processInfo.environment).wait()
    }

    @Test func installPutsTheBinaryTheManualAndCompletionsWhereTheyBelongAndUninstallTakesThemAway() throws {
        let scratch = Scratch()
        let installed = try make("install", scratch)
        #expect(installed.status == 0, "\(installed.stderr)")
        let prefix = scratch.path("dest/usr/local")
        let files = ["bin/coproduce", "share/man/man1/coproduce.1", "share/bash-completion/completions/coproduce",
                     "share/zsh/site-functions/_coproduce", "share/fish/vendor_completions.d/coproduce.fish"]
        for file in files { #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) not installed") }
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/coproduce"))

        // The installed binary runs and says its version.
        let version = try Spawn.start([prefix + "/bin/coproduce", "--version"], environment: ["PATH": "/usr/bin:/bin"]).wait()
        #expect(version.stdout.hasPrefix("coproduce 1.0.0 (database schema "))

        // man renders the page: its name line, a command from the same definitions, and crèche whole.
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        env["MANWIDTH"] = "100"
        let page = try Spawn.start(["man", "-l", prefix + "/share/man/man1/coproduce.1"], environment: env).wait()
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("COPRODUCE(1)"))
        #expect(page.stdout.contains("Meetings, Parent Champions and crèches"))
        #expect(page.stdout.contains("papers"))
        #expect(page.stdout.contains("--large-print"))

        // Each completion script is one its shell reads.
        let bash = try Spawn.start(["bash", "-n", prefix + "/share/bash-completion/completions/coproduce"], environment: env).wait()
        #expect(bash.status == 0, "\(bash.stderr)")
        let zsh = try String(contentsOfFile: prefix + "/share/zsh/site-functions/_coproduce", encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef coproduce"))
        let fish = try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/coproduce.fish", encoding: .utf8)
        #expect(fish.contains("complete -c 'coproduce'"))
        #expect(fish.contains("papers"))

        let removed = try make("uninstall", scratch)
        #expect(removed.status == 0, "\(removed.stderr)")
        for file in files { #expect(!FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) left behind") }
    }

    @Test func theVersionCommandAndFlagAgree() throws {
        let flag = try Binary.run(["--version"])
        let command = try Binary.run(["version"])
        #expect(flag.status == 0 && command.status == 0)
        #expect(flag.stdout == command.stdout)
        #expect(flag.stdout.contains("database schema 33: v33: the first screen's counts kept as the data changes"))
    }
}
