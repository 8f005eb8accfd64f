import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce remind`: e-mail reminders of meetings to the champions who agreed to them,
/// through the machine's own mail transport (`sendmail -t`), each sent once.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "E-mail meeting reminders, with the meeting attached, to the Parent Champions who agreed to them.",
        discussion: """
            Each reminder goes once for each person, meeting and offset (the reminder-offsets \
            setting): run it as often as you like, from cron or a systemd timer (see the README). \
            Messages are handed to the sendmail-command setting (default /usr/sbin/sendmail -t); \
            one that fails or hangs is reported, not recorded, and tried again next run.
            """)

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Show what would be sent; send and record nothing.") var dryRun = false
    @Option(help: "Seconds to wait for the mail transport to take each message (1 to 300).") var timeout = 30

    func run() throws {
        guard (1...300).contains(timeout) else { throw ValidationError("--timeout must be from 1 to 300 seconds.") }
        let (db, actor) = try database.openSignedIn()
        guard actor.role == .admin || actor.role == .office else {
            Console.error("Only office staff and admins send reminders.")
            throw ExitCode(1)
        }
        let from = try CommandSession.attempt { () throws(StoreError) in try db.text(of: .mailFrom) }
        if from.isEmpty && !dryRun {
            Console.error("mail-from is not set, so reminders would come from nobody: `coproduce settings set mail-from office@example.org`. Nothing was sent.")
            throw ExitCode(1)
        }
        let command = try CommandSession.attempt { () throws(StoreError) in try db.text(of: .sendmailCommand) }
            .split(separator: " ").map(String.init)
        let now = Clock.date()
        let due = try CommandSession.attempt { () throws(StoreError) in try db.remindersDue(as: actor, now: now) }
        let checker = try CommandSession.attempt { () throws(StoreError) in try db.barrierChecker() }
        let language = checker.language
        let readingAge = checker.settings.readingAge
        if due.isEmpty {
            print("No reminders are due.")
            return
        }
        var failed = 0
        var sent = 0
        for reminder in due {
            let m = reminder.message
            let who = "\(m.toName) <\(m.toAddress)>"
            // The app's own plain-words rules, on every message: the words a meeting's title
            // brings in are named, with the plain ones to use.
            for hit in language.hits(in: m.subject + "\n" + m.body) {
                Console.error("Note for \(m.toName): “\(hit.found)” in the message; plainer: \(hit.entry.plain).")
            }
            let reading = Readability(m.body)
            if !reading.meets(readingAge) {
                Console.error("Note for \(m.toName): the message is above the reading-age target. \(reading.summary(target: readingAge))")
            }
            if dryRun {
                print("Would send to \(who): \(m.subject) (\(m.offset.words) before).")
                continue
            }
            let messageID = "\(UUID().uuidString.lowercased())@coproduce"
            switch Self.deliver(m.text(messageID: messageID, date: now), with: command, timeout: timeout) {
            case .success:
                try CommandSession.attempt { () throws(StoreError) in try db.recordReminderSent(as: actor, reminder, at: now) }
                print("Sent to \(who): \(m.subject).")
                sent += 1
            case .failure(let problem):
                Console.error("Not sent to \(who): \(problem) It will be tried again next run.")
                failed += 1
            }
        }
        if dryRun { print("\(Plural.count(due.count, "reminder")) would be sent; nothing was sent or recorded."); return }
        print("\(sent) sent, \(failed) not sent.")
        if failed > 0 { throw ExitCode(1) }
    }

    /// Why a message could not be handed over.
    struct Undelivered: Error, CustomStringConvertible {
        var description: String
    }

    /// Hands `message` to the mail transport on its standard input, without a shell; waits
    /// at most `timeout` seconds.
    static func deliver(_ message: String, with command: [String], timeout: Int) -> Result<Void, Undelivered> {
        guard let program = command.first else { return .failure(Undelivered(description: "sendmail-command is empty.")) }
        let path = program.hasPrefix("/") ? program
            : (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
                .map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? program
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return .failure(Undelivered(description: "the mail command \(program) does not exist here: install msmtp-mta or Postfix, or change the sendmail-command setting."))
        }
        // A transport that exits before reading the message must not take this command with it.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(command.dropFirst())
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            return .failure(Undelivered(description: "\(program) could not be started: \(error.localizedDescription)."))
        }
        // Written from another thread, so a transport that stops reading cannot hang us here.
        let data = Data(message.utf8)
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        if done.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + .seconds(2)) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            return .failure(Undelivered(description: "\(program) did not finish within \(timeout) seconds (the mail server may be down)."))
        }
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last.map(String.init) ?? ""
            return .failure(Undelivered(description: "\(program) failed (status \(process.terminationStatus))\(said.isEmpty ? "" : ": \(said)")."))
        }
        return .success(())
    }
}
