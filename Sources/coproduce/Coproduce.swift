import ArgumentParser
import Foundation

/// `coproduce`: the co-production side of an early-years programme, in a terminal.
@main
struct Coproduce: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coproduce",
        abstract: "Meetings, Parent Champions and crèches for A Better Start Southend's co-production work.",
        discussion: """
            With no command, opens the full-screen app. The database is --db PATH, else \
            $COPRODUCE_DB, else $XDG_DATA_HOME/coproduce/coproduce.sqlite \
            (~/.local/share/coproduce/coproduce.sqlite when XDG_DATA_HOME is unset).
            """,
        version: CoproduceVersion.line,
        subcommands: [RunCommand.self, InitCommand.self, LoginCommand.self, LogoutCommand.self, UserCommand.self,
                      MeetingsCommand.self, CrecheCommand.self, ChampionsCommand.self, IdeasCommand.self, AreasCommand.self, FundCommand.self, MarketingCommand.self, RewardsCommand.self, CheckCommand.self, DueCommand.self, ReportCommand.self, ExportCommand.self, FeedsCommand.self, RemindCommand.self, ImportCommand.self, BackupCommand.self, RestoreCommand.self, SubjectAccessCommand.self, RetentionCommand.self, GlossaryCommand.self, InterestsCommand.self, AccessCommand.self, AuditCommand.self, SettingsCommand.self, InfoCommand.self, KeysCommand.self, ConfigCommand.self, PapersCommand.self, VersionCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Starts the program. Opening the full-screen app (no command, at most `--db PATH` and
    /// `--demo`) parses only the app's own options: building the whole command tree first
    /// would cost the first frame several milliseconds (see BENCHMARKS.md). Everything else,
    /// `--help` included, goes through the full parser.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if Self.opensTheApp(arguments) {
            do {
                var command = try RunCommand.parseAsRoot(arguments)
                try command.run()
            } catch {
                RunCommand.exit(withError: error)
            }
        } else {
            var command: any ParsableCommand
            do {
                command = try parseAsRoot(arguments)
                try command.run()
            } catch {
                finishOutput()
                exit(withError: error)
            }
            finishOutput()
        }
    }

    /// Standard output that could not be written (a full disk, a closed pipe's reader gone)
    /// ends the command with status 1 and a message, not a quiet success.
    static func finishOutput() {
        if fflush(nil) != 0 {
            Console.error("The output could not be written (\(String(cString: strerror(errno)))): it is incomplete.")
            Foundation.exit(1)
        }
    }

    /// Whether the arguments only open the full-screen app (`--demo`, `--plain`, `--db PATH`).
    static func opensTheApp(_ arguments: [String]) -> Bool {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--demo", "--plain": continue
            case "--db": if rest.popFirst() == nil { return false }
            default: if !argument.hasPrefix("--db=") { return false }
            }
        }
        return true
    }
}
