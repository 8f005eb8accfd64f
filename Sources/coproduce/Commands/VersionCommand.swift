import ArgumentParser
import CoproductionStore

/// The version of coproduce and of the database schema it writes.
enum CoproduceVersion {
    /// The release.
    static let number = "1.0.0"

    /// `coproduce 1.0.0 (database schema 33: v33: the first screen's counts kept as the data changes)`.
    static var line: String {
        let schema = AppDatabase.schemaVersion
        return "coproduce \(number) (database schema \(schema.number): \(schema.latest))"
    }
}

/// `coproduce version`: the same as `coproduce --version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version of coproduce and of the database schema it writes.")

    func run() {
        print(CoproduceVersion.line)
    }
}
