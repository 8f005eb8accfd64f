import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce audit`: the audit trail, for admins.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show who changed what and when, newest first (admins).")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print JSON (UTC times, ISO 8601).") var json = false
    @Option(help: "How many entries, newest first.") var limit = 100

    func run() throws {
        let (db, actor) = try database.openSignedIn()
        let entries = try CommandSession.attempt { () throws(StoreError) in try db.auditEntries(as: actor, limit: max(1, limit)) }
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        for e in entries {
            let when = LocalDateTime(e.at)
            print("\(when.date.iso) \(when.time)  \(e.userName)  \(e.action) \(e.recordKind)\(e.recordID.map { " \($0)" } ?? "")")
            for c in e.changes { print("    \(c.field): \(c.before ?? "—") → \(c.after ?? "—")") }
        }
    }
}
