import ArgumentParser
import CoproductionStore

extension Setting: ExpressibleByArgument {}

/// `coproduce settings show|set`.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change settings (changing: office staff and admins).",
        subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every setting.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            _ = try CommandSession.actor(for: db)
            for setting in Setting.allCases {
                let value = try CommandSession.attempt { () throws(StoreError) in try db.text(of: setting) }
                print("\(setting.rawValue) = \(value)")
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a setting, for example: settings set auto-lock-minutes 10, or settings set school-run-to 14:45")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The setting: \(Setting.allCases.map(\.rawValue).joined(separator: ", ")).") var setting: Setting
        @Argument(help: "The new value: minutes or days as a number, times as 09:30.") var value: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            try CommandSession.attempt { () throws(StoreError) in try db.set(setting, to: value, as: actor) }
            print("\(setting.rawValue) = \(try CommandSession.attempt { () throws(StoreError) in try db.text(of: setting) })")
        }
    }
}
