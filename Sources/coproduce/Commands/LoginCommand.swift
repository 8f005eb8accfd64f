import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce login`: signs the command line in for 8 hours.
struct LoginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign the command line in for 8 hours (the passphrase is not echoed, or is read from standard input).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Your account name (asked for when left out).", valueName: "name")) var name: String?

    func run() throws {
        let db = try database.open()
        guard let who = name ?? Prompt.line("Name: "), let secret = Prompt.secret("PIN or passphrase: ") else {
            Console.error("A name and a PIN or passphrase are needed to sign in.")
            throw ExitCode(1)
        }
        let actor: Actor
        do {
            actor = try db.signIn(name: who.trimmingCharacters(in: .whitespaces), secret: secret)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        let token = try CommandSession.attempt { () throws(StoreError) in try db.startCLISession(for: actor, osUser: Int(geteuid())) }
        do {
            try CommandSession.writeToken(token, for: db.path)
        } catch {
            Console.error("Could not save the sign-in at \(CommandSession.tokenPath(for: db.path)): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let until = LocalDateTime(Date().addingTimeInterval(SignInRules.cliSessionLifetime))
        print("Signed in as \(actor.name) (\(actor.role.name)) until \(until.date.long) \(until.time). `coproduce logout` ends it sooner.")
    }
}

/// `coproduce logout`: ends the command line's sign-in.
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "End the command line's sign-in.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let path = CommandSession.tokenPath(for: database.path)
        guard let token = CommandSession.readToken(at: path) else {
            print("You were not signed in.")
            return
        }
        let db = try database.open()
        try CommandSession.attempt { () throws(StoreError) in try db.endCLISession(token: token) }
        try? FileManager.default.removeItem(atPath: path)
        print("Signed out.")
    }
}
