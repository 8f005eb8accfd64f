import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension CrecheCommand {
    /// `coproduce creche rules`: every dated row of crèche rules, with its source.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "The crèche rules the checks use, each with the day it came in and its source (a session is checked against those of its day).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("Only the rules in force on this day (as 04/09/2023).", valueName: "date")) var on: String?

        func run() throws {
            let (db, _) = try database.openSignedIn()
            let book = try CommandSession.attempt { () throws(StoreError) in try db.crecheRules() }
            var rows = book.rows
            if let on {
                guard case .success(let day) = UKInput.date(on, today: Clock.now().date) else {
                    try MeetingsCommand.refuse(["--on: \(on) is not a date; give it as 04/09/2023."])
                }
                rows = book.inForce(on: day).map { [$0] } ?? []
            }
            for (i, row) in rows.enumerated() {
                if i > 0 { print("") }
                print("From \(row.effectiveFrom.inWords): \(row.source)")
                for line in row.summary { print("  " + line) }
            }
            print("")
            print("This is the app's reading of the rules; the organisation confirms it with Ofsted.")
        }
    }
}
