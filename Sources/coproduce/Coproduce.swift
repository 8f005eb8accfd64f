import ArgumentParser

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
        subcommands: [RunCommand.self, InitCommand.self, LoginCommand.self, LogoutCommand.self, UserCommand.self,
                      MeetingsCommand.self, CrecheCommand.self, ChampionsCommand.self, IdeasCommand.self, AreasCommand.self, FundCommand.self, MarketingCommand.self, RewardsCommand.self, CheckCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self, BackupCommand.self, RestoreCommand.self, SubjectAccessCommand.self, RetentionCommand.self, GlossaryCommand.self, AuditCommand.self, SettingsCommand.self, InfoCommand.self, KeysCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
