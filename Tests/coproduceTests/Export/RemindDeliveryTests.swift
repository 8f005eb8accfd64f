import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// E-mail reminders delivered for real: msmtp (Debian's package) hands each message to a
/// local SMTP sink, Python's aiosmtpd on 127.0.0.1 (both installed by `make test`), and the
/// message is read back with Python's email module and its invitation with icalendar. A
/// second run sends nothing; a transport that fails, hangs or is missing leaves the reminder
/// unsent and reported, to go next time.
@Suite(.serialized) struct RemindDeliveryTests {
    /// Two days before the 09:45 pre-meeting on Tuesday 1 December that Zoe is coming to.
    let env = ["COPRODUCE_NOW": "2026-11-29T10:00"]

    static let reader = """
        import mailbox, email, email.policy, icalendar, json, sys
        out = []
        for key, raw in mailbox.Maildir(sys.argv[1]).items():
            m = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
            entry = {'to': str(m['To']), 'subject': str(m['Subject'])}
            for part in m.walk():
                if part.get_content_type() == 'text/plain':
                    entry['body'] = part.get_content()
                if part.get_content_type() == 'text/calendar':
                    entry['methodParam'] = str(part.get_param('method'))
                    cal = icalendar.Calendar.from_ical(part.get_content())
                    entry['method'] = str(cal['METHOD'])
                    e = list(cal.walk('VEVENT'))[0]
                    entry['uid'] = str(e['UID'])
                    entry['attendee'] = str(e['ATTENDEE'])
                    entry['start'] = e.decoded('DTSTART').isoformat()
            out.append(entry)
        print(json.dumps(out))
        """

    /// Starts aiosmtpd on a free port, storing what it receives in `maildir`.
    func sink(_ maildir: String) throws -> (Spawn.Child, Int) {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...45_000)
            let child = try Spawn.start(["python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir],
                                        environment: ProcessInfo.processInfo.environment)
            // Ready when it accepts a connection.
            for _ in 0..<50 {
                let probe = try Spawn.start(["python3", "-c", "import socket; socket.create_connection(('127.0.0.1', \(port)), 0.2)"],
                                            environment: ProcessInfo.processInfo.environment).wait()
                if probe.status == 0 { return (child, port) }
                Thread.sleep(forTimeInterval: 0.1)
            }
            kill(child.pid, SIGKILL)
            _ = child.wait()
        }
        throw POSIXError(.EADDRINUSE)
    }

    func received(_ maildir: String) throws -> [[String: String]] { try Python.json(Self.reader, maildir) }

    @Test func aReminderGoesOnceWithItsInvitationAndAFailingTransportSendsNothing() throws {
        let scratch = Scratch()
        let db = scratch.path("remind.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        // No consent yet: nothing is due. A bad address is refused.
        #expect(try Binary.run(["remind", "--db", db, "--dry-run"], environment: env).stdout.contains("No reminders are due"))
        let bad = try Binary.run(["champions", "contact", "Zoe Adams", "--email-reminders", "yes", "--address", "zoe at home", "--db", db], environment: env)
        #expect(bad.status == 1 && bad.stderr.contains("is not an e-mail address"))
        #expect(try Binary.run(["champions", "contact", "Zoe Adams", "--email-reminders", "yes", "--address", "zoe@example.org", "--db", db],
                               environment: env).status == 0)
        // Without mail-from, nothing goes.
        let noFrom = try Binary.run(["remind", "--db", db], environment: env)
        #expect(noFrom.status == 1 && noFrom.stderr.contains("mail-from is not set"))
        #expect(try Binary.run(["settings", "set", "mail-from", "office@example.org", "--db", db], environment: env).status == 0)

        // A transport that fails, one that is not there, and one that hangs: unsent, reported.
        for (command, words) in [("/bin/false", "failed (status 1)"), ("/usr/sbin/no-such-sendmail -t", "does not exist here"),
                                 ("/bin/sleep 30", "did not finish within 1 seconds")] {
            #expect(try Binary.run(["settings", "set", "sendmail-command", command, "--db", db], environment: env).status == 0)
            let failed = try Binary.run(["remind", "--db", db, "--timeout", "1"], environment: env)
            #expect(failed.status == 1 && failed.stderr.contains("Not sent to Zoe Adams") && failed.stderr.contains(words), "\(command): \(failed.stderr)")
        }

        let maildir = scratch.path("mail")
        let (server, port) = try sink(maildir)
        // SIGKILL: a child spawned from the test runner inherits its blocked signals, SIGTERM among them.
        defer {
            kill(server.pid, SIGKILL)
            _ = server.wait()
        }
        #expect(try Binary.run(["settings", "set", "sendmail-command", "msmtp --host=127.0.0.1 --port=\(port) --auth=off --tls=off --from=office@example.org -t",
                                "--db", db], environment: env).status == 0)
        let sent = try Binary.run(["remind", "--db", db], environment: env)
        #expect(sent.status == 0 && sent.stdout.contains("1 sent, 0 not sent"), "\(sent.stdout)\(sent.stderr)")
        var mail: [[String: String]] = []
        for _ in 0..<50 where mail.isEmpty {
            mail = try received(maildir)
            if mail.isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        }
        let message = try #require(mail.first)
        #expect(mail.count == 1)
        #expect(message["to"] == "Zoe Adams <zoe@example.org>")
        #expect(message["subject"] == "Reminder: Pre-meeting: Service Design: Mental health in pregnancy, Tuesday 1 December, 09:45")
        #expect(message["body"]?.hasPrefix("Hello Zoe,") == true && message["body"]?.contains("If you cannot come, please tell the office.") == true)
        #expect(message["method"] == "REQUEST" && message["methodParam"] == "REQUEST")
        #expect(message["attendee"] == "mailto:zoe@example.org")
        #expect(message["start"] == "2026-12-01T09:45:00+00:00")
        // The same UID as the calendar export, so the invitation and the feed are one event.
        let ics = try Binary.run(["export", "ics", "--db", db], environment: env).stdout
        #expect(ics.contains("UID:\(message["uid"] ?? "?")\r\n"))
        // Again: nothing twice.
        let again = try Binary.run(["remind", "--db", db], environment: env)
        #expect(again.status == 0 && again.stdout.contains("No reminders are due"))
        #expect(try received(maildir).count == 1)
    }
}
