import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension Role: ExpressibleByArgument {}

/// `coproduce user add|list|disable|enable|reset`: accounts, for admins.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage sign-in accounts (admins).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Reset.self, Plain.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account. The PIN or passphrase is asked for (or read from standard input).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The name they sign in with.") var name: String
        @Option(help: "admin, office, creche or champion.") var role: Role
        @Option(help: ArgumentHelp("For a champion account: the Parent Champion, by name or id.", valueName: "name")) var champion: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            try CommandSession.require(actor, .write, .user)
            let championID = try champion.map { try Lookup.champion($0, in: db, as: actor, option: "champion") }
            guard let secret = Prompt.newSecret(name) else { throw ExitCode(1) }
            let id = try CommandSession.attempt { () throws(StoreError) in
                try db.addUser(as: actor, name: name, role: role, championID: championID, secret: secret)
            }
            print("Added \(name) (\(role.name)), account \(id).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let accounts = try CommandSession.attempt { () throws(StoreError) in try db.accounts(as: actor) }
            if json {
                let rows: [[String: String]] = accounts.map { a in
                    ["id": String(a.id), "name": a.name, "role": a.role.rawValue, "champion": a.championID.map(String.init) ?? "",
                     "disabled": String(a.disabled)]
                }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            for a in accounts {
                var notes: [String] = []
                if a.disabled { notes.append("disabled") }
                if let until = a.lockedUntil, until > Date() { notes.append("locked until \(LocalDateTime(until).time)") }
                print("\(a.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(a.role.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(notes.joined(separator: ", "))")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop an account signing in (its sign-ins end now).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account's name.") var name: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            try CommandSession.attempt { () throws(StoreError) in try db.setDisabled(as: actor, name: name, disabled: true) }
            print("\(name) can no longer sign in.")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled account sign in again.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account's name.") var name: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            try CommandSession.attempt { () throws(StoreError) in try db.setDisabled(as: actor, name: name, disabled: false) }
            print("\(name) can sign in again.")
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset",
            abstract: "Set a new PIN or passphrase (admins for anyone, everyone for themselves); clears a lockout.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account's name.") var name: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let own = name.caseInsensitiveCompare(actor.name) == .orderedSame
            try CommandSession.require(actor, .write, .user, needed: own ? .own : .all)
            guard let secret = Prompt.newSecret(name) else { throw ExitCode(1) }
            try CommandSession.attempt { () throws(StoreError) in try db.resetSecret(as: actor, name: name, secret: secret) }
            print("New PIN or passphrase set for \(name).")
        }
    }

    struct Plain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plain",
            abstract: "Open the full-screen app in its plain mode for screen readers when this account signs in (on or off).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The account's name (your own, or anyone's for an admin).") var name: String
        @Argument(help: "on or off.") var setting: String

        func validate() throws {
            guard ["on", "off"].contains(setting.lowercased()) else {
                throw ValidationError("Say on or off, for example: coproduce user plain \"\(name)\" on")
            }
        }

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let on = setting.lowercased() == "on"
            try CommandSession.attempt { () throws(StoreError) in try db.setPlainMode(as: actor, name: name, on: on) }
            print(on ? "\(name) now opens the app in the plain mode (F2 in the app switches it for the moment)."
                     : "\(name) now opens the app with its usual panes and lines.")
        }
    }
}
