import ArgumentParser
@testable import coproduce
import Testing

/// Every command says its own name. Left to itself, swift-argument-parser works a command's
/// name out from its Swift type's name (through `String(describing:)`) whenever the tree of
/// commands is built, which every run does: for 120 commands that was half of the time
/// `coproduce version` took (20 ms, now 10 ms).
@Suite struct CommandNamesTests {
    /// Every command in the tree, the root first.
    static func everyCommand(_ command: ParsableCommand.Type = Coproduce.self) -> [ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { everyCommand($0) }
    }

    @Test func everyCommandNamesItself() {
        let commands = Self.everyCommand()
        #expect(commands.count > 100)
        for command in commands {
            #expect(command.configuration.commandName != nil, "\(command) has no commandName")
        }
    }
}
