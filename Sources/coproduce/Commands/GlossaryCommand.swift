import ArgumentParser
import Coproduction
import CoproductionStore

/// `coproduce glossary list|add|remove`: the jargon the plain-language check looks for.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary", abstract: "The jargon the plain-language check looks for, with plainer words.",
        subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the glossary.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            for e in try CommandSession.attempt({ () throws(StoreError) in try db.glossary(as: actor) }) {
                print("\(e.term) → \(e.plain)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an entry (or change its plain words).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The jargon, for example \"synergy\".") var term: String
        @Argument(help: "What to say instead.") var plain: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            try CommandSession.attempt { () throws(StoreError) in try db.addGlossaryEntry(as: actor, term: term, plain: plain) }
            print("\(term) → \(plain)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an entry.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The jargon to remove.") var term: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            try CommandSession.attempt { () throws(StoreError) in try db.removeGlossaryEntry(as: actor, term: term) }
            print("Removed \(term).")
        }
    }
}
