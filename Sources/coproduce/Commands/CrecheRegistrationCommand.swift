import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension CrecheCommand {
    /// `coproduce creche registration [list|notice]`: each venue's year against Ofsted's
    /// exemptions for occasional crèches, and the date notice was sent.
    struct RegistrationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registration",
            abstract: "Each venue's days with a child over 2 hours this year against Ofsted's exemptions: no child over 2 hours, exempt with notice (14 days), or registration needed.",
            subcommands: [List.self, Notice.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List each venue's year with its status; exits 1 when one needs registering or its notice is missing or late.")
            @OptionGroup var database: DatabaseOptions
            @Option(help: "The calendar year (default this year).") var year: Int?
            @Flag(help: "Print JSON instead of text.") var json = false

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                let year = year ?? Clock.now().date.year
                let rules = try CommandSession.attempt { () throws(StoreError) in try db.registrationRules() }
                let rule = RegistrationRule.inForce(on: LocalDate(year: year, month: 12, day: 31)!, among: rules) ?? RegistrationRule(effectiveFrom: Clock.now().date)
                let venues = try CommandSession.attempt { () throws(StoreError) in try db.venueYears(as: actor, year: year) }
                let rows = venues.map { ($0, $0.summary(rule)) }
                if json {
                    let out = rows.map { v, s -> [String: Any] in
                        ["venue": v.venue, "year": v.year, "days": v.longDays.map(\.iso), "noticeSentOn": v.noticeSentOn?.iso ?? NSNull(),
                         "status": s.status.word, "words": s.words]
                    }
                    print(String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                } else if rows.isEmpty {
                    print("\(year): no child over \(rule.limitWords) at any venue (no registration or notice needed).")
                } else {
                    for (v, s) in rows {
                        print("\(s.status == .fail ? "✗" : "✓") \(v.venue), \(year): \(s.words)")
                        if !v.longDays.isEmpty { print("    days over \(rule.limitWords): " + v.longDays.map(\.inWords).joined(separator: ", ")) }
                    }
                }
                if !json { print("Rule: \(rule.source)") }
                if rows.contains(where: { $0.1.status == .fail }) { throw ExitCode(1) }
            }
        }

        struct Notice: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "notice",
                abstract: "Record the date notice was sent to Ofsted for a venue's year (office staff and admins).")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The venue, as the meetings spell it.") var venue: String
            @Option(help: "The day it was sent: 04/12/2026 or 2026-12-04.") var sent: String
            @Option(help: "The calendar year it covers (default the year it was sent).") var year: Int?

            func run() throws {
                let day = try Lookup.day(sent, option: "--sent")
                let (db, actor) = try database.openSignedIn()
                try FieldRefusal.attempt(["venue": "venue", "sent": "--sent"]) { () throws(StoreError) in
                    try db.recordRegistrationNotice(as: actor, venue: venue, year: year ?? day.year, sentOn: day, now: Clock.date())
                }
                print("Notice to Ofsted for \(venue), \(year ?? day.year): sent on \(day.inWords).")
            }
        }
    }
}
