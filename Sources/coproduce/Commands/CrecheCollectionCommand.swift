import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension CrecheCommand {
    /// `coproduce creche collection show|password|temporary|must-not-collect|remove-must-not-collect`:
    /// who may and may not collect a child.
    struct CollectionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "collection",
            abstract: "Who may collect a child: collection passwords (stored hashed), temporary collectors for one day, the must-not-collect list.",
            subcommands: [Show.self, Password.self, Temporary.self, Bar.self, Unbar.self], defaultSubcommand: Show.self)

        /// One line read from standard input (a password is never an argument: it would show
        /// in the shell's history and the process list).
        static func readSecret(_ what: String) throws -> String {
            guard let line = readLine(strippingNewline: true) else {
                try MeetingsCommand.refuse(["\(what): give it on standard input, as: printf '%s\\n' WORD | coproduce …"])
            }
            return line
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Show who may collect a child, who has a password (never the password) and who must not collect.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The child: their id or full name.") var child: String

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                let childID = try Lookup.child(child, in: db, as: actor, option: "child")
                let record = try CommandSession.attempt { () throws(StoreError) in try db.children(as: actor) }.first { $0.id == childID }
                let safety = try CommandSession.attempt { () throws(StoreError) in try db.collectionSafety(as: actor, childID: childID) }
                guard let record else { return }
                func password(_ name: String) -> String { safety.withPassword.contains { CollectionSafety.same($0, name) } ? " (password set)" : "" }
                print("\(record.fullName): who may collect")
                for name in [record.parentName] + record.collectors { print("  \(name)\(password(name))") }
                for t in safety.temporary where t.validOn >= Clock.now().date {
                    print("  \(t.name) on \(t.validOn.inWords) only\(password(t.name)) (added by \(t.addedBy))")
                }
                if safety.mustNotCollect.isEmpty {
                    print("Must not collect: nobody recorded.")
                } else {
                    print("MUST NOT COLLECT:")
                    for b in safety.mustNotCollect {
                        print("  ✗ \(b.name): \(b.reason)\(b.courtOrderSeen ? " (court order seen)" : "") — recorded by \(b.recordedBy), entry \(b.id)")
                    }
                }
            }
        }

        struct Password: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "password",
                abstract: "Set a collector's collection password, read from standard input (4 characters or more; stored hashed).")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The child: their id or full name.") var child: String
            @Option(help: "The collector (the parent, someone on the child's list, or a temporary collector).") var collector: String
            @Flag(help: "Remove their password instead.") var clear = false

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                let childID = try Lookup.child(child, in: db, as: actor, option: "child")
                if clear {
                    try FieldRefusal.attempt([:]) { () throws(StoreError) in
                        try db.clearCollectorPassword(as: actor, childID: childID, collector: collector, now: Clock.date())
                    }
                    print("\(collector)'s collection password is removed.")
                    return
                }
                let secret = try CollectionCommand.readSecret("The password")
                try FieldRefusal.attempt(["password": "password (standard input)", "collector": "--collector"]) { () throws(StoreError) in
                    try db.setCollectorPassword(as: actor, childID: childID, collector: collector, password: secret, today: Clock.now().date,
                                                now: Clock.date())
                }
                print("Collection password set for \(collector).")
            }
        }

        struct Temporary: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "temporary", abstract: "Let someone collect a child on one day only.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The child: their id or full name.") var child: String
            @Option(help: "Who will collect.") var name: String
            @Option(help: "The day: 04/12/2026 or 2026-12-04 (default today).") var on: String?

            func run() throws {
                let today = Clock.now().date
                let day = try on.map { try Lookup.day($0, option: "--on") } ?? today
                let (db, actor) = try database.openSignedIn()
                let childID = try Lookup.child(child, in: db, as: actor, option: "child")
                try FieldRefusal.attempt(["name": "--name", "on": "--on"]) { () throws(StoreError) in
                    try db.addTemporaryCollector(as: actor, childID: childID, name: name, on: day, today: today, now: Clock.date())
                }
                print("\(name) may collect on \(day.inWords) only.")
            }
        }

        struct Bar: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "must-not-collect", abstract: "Record someone who must not collect a child: a sign-out to them is refused, loudly, and audited.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The child: their id or full name.") var child: String
            @Option(help: "Who must not collect.") var name: String
            @Option(help: "Why (what the parent said, the order).") var reason: String
            @Flag(help: "A court order was seen.") var courtOrderSeen = false
            @Flag(help: "When they are on the child's list of collectors, take them off it (the must-not-collect entry stands).")
            var takeOffCollectors = false

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                let childID = try Lookup.child(child, in: db, as: actor, option: "child")
                let id = try FieldRefusal.attempt(["name": "--name", "reason": "--reason", "stands": "--take-off-collectors"]) { () throws(StoreError) in
                    try db.addMustNotCollect(as: actor, childID: childID, MustNotCollect(name: name, reason: reason, courtOrderSeen: courtOrderSeen),
                                             mustNotCollectStands: takeOffCollectors, now: Clock.date())
                }
                print("\(name) must not collect (entry \(id)).")
            }
        }

        struct Unbar: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove-must-not-collect", abstract: "Take an entry off a child's must-not-collect list (office staff and admins).")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The entry's number (collection show lists them).") var entry: Int64

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                try CommandSession.attempt { () throws(StoreError) in try db.removeMustNotCollect(as: actor, id: entry, now: Clock.date()) }
                print("Entry \(entry) is off the must-not-collect list.")
            }
        }
    }
}
