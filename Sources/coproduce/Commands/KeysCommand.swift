import ArgumentParser
import CoproductionTUI

/// `coproduce keys`: the key list as a Markdown table, made from the same action table as
/// the key map and the help overlay (the README's key list is this output).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print every key of the full-screen app as a Markdown table.")

    func run() {
        print(Self.markdown())
    }

    /// The table.
    static func markdown() -> String {
        var lines = ["| Keys | What they do | Where |", "| --- | --- | --- |"]
        for spec in ActionTable.all {
            let keys = spec.keyLabel.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(spec.help) | \(spec.section) |")
        }
        return lines.joined(separator: "\n")
    }
}
