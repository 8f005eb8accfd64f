import ArgumentParser
import CoproductionTUI
import Foundation

/// `coproduce config`: where the configuration file is, what it sets, and every problem in
/// it by line and key (the app says the first of them when it opens).
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check your configuration file (keys, theme, mouse, plain mode) and say what it sets.",
        discussion: """
            The file is $XDG_CONFIG_HOME/coproduce/config.toml, else ~/.config/coproduce/config.toml. \
            Exits 1 when it has problems; the app then uses the defaults for what is wrong.
            """)

    @Option(help: "Check this file instead of your own.") var file: String?

    func run() throws {
        guard let path = file ?? UserConfiguration.path(environment: ProcessInfo.processInfo.environment) else {
            Console.error("Neither XDG_CONFIG_HOME nor HOME is set, so there is no configuration file to read.")
            throw ExitCode(1)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            print("\(path): no file there, so the defaults are used (theme dark, mouse on, plain mode off, the usual keys).")
            return
        }
        let (config, problems) = UserConfiguration.load(path: path)
        for problem in problems { Console.error("\(path): \(problem)") }
        print("\(path):")
        print("  theme = \(config.palette.rawValue)")
        print("  mouse = \(config.mouse)")
        print("  plain = \(config.plain)")
        for (action, keys) in config.keyMap.overrides.sorted(by: { $0.key.configName < $1.key.configName }) {
            print("  keys.\(action.configName) = \(keys.map(\.label).joined(separator: " "))")
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
