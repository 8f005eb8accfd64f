import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce feeds --out DIR`: every person's own calendar, one file each, for the
/// organisation's web server to publish (each person subscribes to their own link).
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Write each Parent Champion's and crèche worker's own calendar into a folder, for a web server to publish.",
        discussion: """
            Each file is named for the person with a part nobody can guess (kept from run to run, \
            so a subscribed link keeps working), and is replaced whole: a calendar app reading it \
            mid-run sees the old file or the new one, never half of one. Files of people no longer \
            there are removed. Run it from cron or a systemd timer (see the README).
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The folder to write into (made when missing).") var out: String
    @Option(help: "From this day (default: 30 days ago).") var from: String?
    @Option(help: "To this day (default: a year ahead).") var to: String?

    func run() throws {
        let (start, end) = try Lookup.calendarWindow(from: from, to: to)
        let (db, actor) = try database.openSignedIn()
        guard actor.role == .admin || actor.role == .office else {
            Console.error("Only office staff and admins write everyone's calendars: `coproduce export ics --for YOUR NAME` writes your own.")
            throw ExitCode(1)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            try MeetingsCommand.refuse(["--out: \(out) is a file, not a folder: give a folder for the calendars."])
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            try MeetingsCommand.refuse(["--out: cannot make \(out): \(error.localizedDescription)"])
        }
        var people: [(String, CalendarPerson)] = try CommandSession.attempt { () throws(StoreError) in try db.champions(as: actor) }
            .filter(\.active).map { ($0.name, .champion($0.id)) }
        people += try CommandSession.attempt { () throws(StoreError) in try db.accounts(as: actor) }
            .filter { $0.role == .crecheStaff && !$0.disabled }.map { ($0.name, .staffUser($0.id)) }
        var written: Set<String> = []
        for (name, person) in people {
            let events = try CommandSession.attempt { () throws(StoreError) in try db.calendarEvents(as: actor, from: start, to: end, for: person) }
            let token = try CommandSession.attempt { () throws(StoreError) in try db.feedToken(for: person) }
            let file = "\(Self.slug(name))-\(token).ics"
            let path = (out as NSString).appendingPathComponent(file)
            let partial = (out as NSString).appendingPathComponent(".\(file).partial-\(UUID().uuidString)")
            do {
                try Data(ICalendarWriter.calendar(events, stamp: Clock.date()).utf8).write(to: URL(fileURLWithPath: partial))
                chmod(partial, 0o644)  // the web server reads it
                guard rename(partial, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                Console.error("Cannot write \(path): \(error.localizedDescription). The file there before (if any) is as it was.")
                throw ExitCode(1)
            }
            written.insert(file)
            print("\(name): \(file)")
        }
        // Calendars of people no longer there (left, disabled) come down.
        let ours = try NSRegularExpression(pattern: "^[a-z0-9-]+-[0-9a-f]{24}\\.ics$")
        for file in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        where !written.contains(file) && ours.firstMatch(in: file, range: NSRange(file.startIndex..., in: file)) != nil {
            try? FileManager.default.removeItem(atPath: (out as NSString).appendingPathComponent(file))
            print("Removed \(file): nobody it belongs to is still here.")
        }
        print("\(Plural.count(written.count, "calendar")) written to \(out).")
    }

    /// "zoe-adams" from "Zoë Adams": letters and digits, the rest as single dashes.
    static func slug(_ name: String) -> String {
        let plain = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB")).lowercased()
        var out = ""
        for ch in plain.unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) { out.unicodeScalars.append(ch) } else if !out.hasSuffix("-") { out += "-" }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "person" : trimmed
    }
}
