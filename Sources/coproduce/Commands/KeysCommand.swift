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
        var lines = ["| Keys | What they do | Where | Who | Name in config.toml |", "| --- | --- | --- | --- | --- |"]
        for spec in ActionTable.all {
            for use in spec.uses {
                // On screens where letters are text, only the other keys do it.
                let onlyText = use.screens.allSatisfy(\.takesText)
                let label = onlyText ? spec.keys.filter { !$0.isText }.map(\.label).joined(separator: " ") : spec.keyLabel
                let where_ = Self.places(use.screens)
                lines.append("| \(label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")) | \(use.help) | \(where_) | \(use.permission.roleNames) | `\(spec.action.configName)` |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The screens a key works on, in words, naming the usual groups once.
    static func places(_ screens: [ScreenID]) -> String {
        var left = screens
        var words: [String] = []
        func take(_ group: [ScreenID], _ name: String) {
            guard Set(group).isSubset(of: Set(left)) else { return }
            left.removeAll { group.contains($0) }
            words.append(name)
        }
        take(ScreenID.allCases, "every screen")
        take(ScreenID.keyScreens, "every screen where letters are keys")
        take(ScreenID.allCases.filter { $0 != .help }, "every screen but help")
        take(ScreenID.details, "every record and list")
        take(ScreenID.forms, "every form")
        return (words + left.map(\.name)).joined(separator: ", ")
    }
}
