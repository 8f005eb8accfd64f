import Foundation
import Testing

/// `coproduce init` at a real terminal (a pseudo-terminal driven by Python's pexpect): the
/// rules come before the question, a PIN too short and two entries that differ are asked for
/// again, the last line says how to open the app, and an attempt that stops makes nothing.
@Suite(.serialized) struct InitPromptTests {
    /// Runs a pexpect script against `coproduce init --db PATH`; returns what it printed as JSON.
    func drive(_ path: String, _ steps: String) throws -> [String: Any] {
        try Python.json("""
            import json, sys, pexpect
            child = pexpect.spawn(sys.argv[1], ['init', '--db', sys.argv[2]], encoding='utf-8', timeout=20,
                                  env={'PATH': '/usr/bin:/bin', 'HOME': sys.argv[3], 'LANG': 'C.UTF-8', 'TERM': 'xterm'})
            seen = []
            def want(text):
                child.expect(text)
                seen.append(child.before + child.after)
            \(steps)
            child.expect(pexpect.EOF)
            seen.append(child.before)
            child.close()
            print(json.dumps({'status': child.exitstatus, 'out': ''.join(seen)}))
            """, Binary.url.path, path, NSTemporaryDirectory())
    }

    @Test func theRulesComeFirstAndAShortOrMismatchedPinIsAskedForAgain() throws {
        let scratch = Scratch()
        let path = scratch.path("new/coproduce.sqlite")
        let result = try drive(path, """
            want('Name of the first admin: ')
            child.sendline('Alison Griffin')
            want('at least 4 characters')
            want('New PIN or passphrase for Alison Griffin: ')
            child.sendline('12')
            want('needs at least 4. Try again.')
            want('New PIN or passphrase for Alison Griffin: ')
            child.sendline('correct horse')
            want('Type it again: ')
            child.sendline('correct hose')
            want('The two entries differ. Type it again, the same both times.')
            want('New PIN or passphrase for Alison Griffin: ')
            child.sendline('correct horse')
            want('Type it again: ')
            child.sendline('correct horse')
            """)
        let out = try #require(result["out"] as? String)
        #expect(result["status"] as? Int == 0, "\(out)")
        // The secret is never shown.
        #expect(!out.contains("correct horse"))
        #expect(out.contains("with Alison Griffin as its first admin"))
        let lastLine = out.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        #expect(lastLine.contains("Open the app with: coproduce --db '\(path)'"))
        #expect(lastLine.contains("COPRODUCE_DB"))
        // The passphrase set is the one that works.
        let signIn = try Binary.run(["login", "--db", path, "--name", "Alison Griffin"], stdin: "correct horse\n")
        #expect(signIn.status == 0, "\(signIn.stderr)")
    }

    @Test func anAttemptThatStopsCreatesNothing() throws {
        let scratch = Scratch()
        let path = scratch.path("coproduce.sqlite")
        // Three entries too short: the command ends, and no database file is left behind.
        let result = try drive(path, """
            want('Name of the first admin: ')
            child.sendline('Alison Griffin')
            for _ in range(3):
                want('New PIN or passphrase for Alison Griffin: ')
                child.sendline('1')
            want('Three tries gave no PIN or passphrase')
            """)
        #expect(result["status"] as? Int == 1)
        #expect((result["out"] as? String)?.contains("nothing was created") == true)
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(left.isEmpty, "left behind: \(left)")

        // End of input at the name: nothing either.
        let empty = try Binary.run(["init", "--db", path], stdin: "")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("Nothing was created"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func demoDataIntoAFileWithRecordsSaysSoPlainly() throws {
        let scratch = Scratch()
        let path = scratch.path("demo.sqlite")
        let first = try Binary.run(["init", "--demo", "--db", path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("Open the app with: coproduce --db"))
        let again = try Binary.run(["init", "--demo", "--db", path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("demo data goes only into a new file"))
        #expect(!again.stderr.contains("The database reported a problem"))
        let help = try Binary.run(["init", "--help"])
        #expect(help.stdout.contains("six areas"))
        #expect(!help.stdout.contains("wards"))
    }
}
