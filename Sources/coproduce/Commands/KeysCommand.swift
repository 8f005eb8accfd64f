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

    /// The table: one row per key and the screens where it means one thing, with who may
    /// use it there.
    static func markdown() -> String {
        var lines = ["| Keys | What they do | Where | Who |", "| --- | --- | --- | --- |"]
        for spec in ActionTable.all {
            for use in spec.uses {
                // On screens where letters are text, only the other keys do it.
                let onlyText = use.screens.allSatisfy(\.takesText)
                let label = onlyText ? spec.keys.filter { !$0.isText }.map(\.label).joined(separator: " ") : spec.keyLabel
                let where_ = use.screens.count == ScreenID.allCases.count ? "every screen" : use.screens.map(\.name).joined(separator: ", ")
                lines.append("| \(label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")) | \(use.help) | \(where_) | \(use.permission.roleNames) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
