import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce papers MEETING --out FILE [--large-print]`: the numbered pack of papers a
/// meeting's parents are sent, as print-ready HTML.
struct PapersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papers",
        abstract: "Write the pack of papers for a meeting's parents as print-ready HTML (A4, page numbers).",
        discussion: """
            The pack holds a cover (what, when, where, the crèche and how to book it, the \
            pre-meeting), the agenda with its plain summaries, what the last meeting of the same \
            group decided, "you said, we did" for the areas of the parents invited, and the \
            terms that could not be avoided. Print it from a browser, or turn it into a PDF with \
            chromium --headless --print-to-pdf. Words above the reading-age setting, or jargon, \
            are named on standard error so they can be changed first.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The meeting: its id or its title.") var meeting: String
    @Option(help: ArgumentHelp("The file to write (.html).", valueName: "file")) var out: String
    @Flag(help: "Large print: 18 pt text.") var largePrint = false

    func run() throws {
        let (db, actor) = try database.openSignedIn()
        let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
        let pack = try CommandSession.attempt { () throws(StoreError) in try db.papersPack(as: actor, meetingID: meetingID) }
        let checker = try CommandSession.attempt { () throws(StoreError) in try db.barrierChecker() }
        try FileOutput.write(Data(PapersHTML.render(pack, largePrint: largePrint).utf8), to: out)
        // The same plain-words check as the agenda's, on everything the pack says.
        if let advice = checker.plainWords(pack.text.split(separator: "\n").map { $0.hasSuffix(".") ? String($0) : $0 + "." }.joined(separator: " ")) {
            Console.error("Plain words: \(advice)")
        }
        print("Papers for \(pack.meeting.title) (\(pack.meeting.date.long)) written to \(out)\(largePrint ? " in large print" : "").")
    }
}
