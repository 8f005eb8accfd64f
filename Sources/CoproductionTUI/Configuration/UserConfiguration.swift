import Foundation
import TOMLKit

/// A person's own configuration file, `$XDG_CONFIG_HOME/coproduce/config.toml` (or
/// `~/.config/coproduce/config.toml`): their keys, colour theme, mouse and plain mode.
///
/// ```toml
/// theme = "light"          # dark, light or high-contrast
/// mouse = true             # clicks and the wheel (false leaves the mouse to the terminal)
/// plain = false            # the plain mode for screen readers, as --plain
///
/// [keys]                   # an action's keys, instead of its usual ones
/// new = "N"
/// help = ["?", "F1"]
/// ```
///
/// It is checked when the app starts: each problem names its line, its key and what is
/// wrong, and the app then runs with the defaults for what was wrong.
public struct UserConfiguration: Hashable, Sendable {
    /// The colour theme.
    public var palette: Palette = .dark
    /// Whether clicks and the wheel do anything.
    public var mouse = true
    /// Whether the plain mode is on.
    public var plain = false
    /// The keys chosen for actions.
    public var keyMap = KeyMap()

    /// The defaults.
    public init() {}

    /// A problem in the file: where, which key, and what is wrong.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The line (1-based), when it could be found.
        public var line: Int?
        /// The key, as written in the file (`keys.new`), or empty for the file as a whole.
        public var key: String
        /// What is wrong and how to put it right.
        public var words: String

        /// `line 4, keys.new: …`
        public var description: String {
            let place = [line.map { "line \($0)" }, key.isEmpty ? nil : key].compactMap { $0 }.joined(separator: ", ")
            return place.isEmpty ? words : "\(place): \(words)"
        }
    }

    /// Where the file is for an environment: `$XDG_CONFIG_HOME/coproduce/config.toml`, or
    /// `$HOME/.config/coproduce/config.toml`.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/coproduce/config.toml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/coproduce/config.toml"
    }

    /// Reads the file at `path`: none there gives the defaults and no problems.
    public static func load(path: String) -> (UserConfiguration, [Problem]) {
        guard FileManager.default.fileExists(atPath: path) else { return (UserConfiguration(), []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (UserConfiguration(), [Problem(line: nil, key: "", words: "cannot be read as UTF-8 text; the defaults are used.")])
        }
        return parse(text)
    }

    /// Reads the text of a configuration file. What is wrong is left at its default.
    public static func parse(_ text: String) -> (UserConfiguration, [Problem]) {
        var config = UserConfiguration()
        var problems: [Problem] = []
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (config, [Problem(line: error.source.begin.line, key: "",
                                     words: "\(error.description) (column \(error.source.begin.column)); nothing in the file is used until it is fixed.")])
        } catch {
            return (config, [Problem(line: nil, key: "", words: "is not TOML; nothing in it is used.")])
        }
        let lines = text.components(separatedBy: "\n")
        func line(of key: String, in section: String? = nil) -> Int? {
            var current: String?
            for (i, raw) in lines.enumerated() {
                let t = raw.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("[") { current = t.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")); continue }
                guard current == section else { continue }
                let name = t.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")) }
                if name == key { return i + 1 }
            }
            return nil
        }
        let known = ["theme", "mouse", "plain", "keys"]
        for key in table.keys where !known.contains(key) {
            problems.append(Problem(line: line(of: key), key: key,
                                    words: "is not a setting; the settings are \(known.joined(separator: ", ")). It is left out."))
        }
        if let value = table["theme"] {
            if let name = value.string, let palette = Palette(rawValue: name) {
                config.palette = palette
            } else {
                problems.append(Problem(line: line(of: "theme"), key: "theme",
                                        words: "must be \"dark\", \"light\" or \"high-contrast\"; the dark theme is used."))
            }
        }
        for name in ["mouse", "plain"] {
            guard let value = table[name] else { continue }
            if let on = value.bool {
                if name == "mouse" { config.mouse = on } else { config.plain = on }
            } else {
                problems.append(Problem(line: line(of: name), key: name, words: "must be true or false (no quotes); left as \(name == "mouse").") )
            }
        }
        if let value = table["keys"] {
            guard let keys = value.table else {
                problems.append(Problem(line: line(of: "keys"), key: "keys", words: "must be a section, [keys], of action = \"key\" lines."))
                return (config, problems)
            }
            var overrides: [Action: [Key]] = [:]
            var owners: [(Action, String)] = []
            for name in keys.keys.sorted(by: { (line(of: $0, in: "keys") ?? 0) < (line(of: $1, in: "keys") ?? 0) }) {
                let at = line(of: name, in: "keys")
                guard let action = Action(rawValue: name) ?? Action.allCases.first(where: { $0.configName == name }) else {
                    problems.append(Problem(line: at, key: "keys.\(name)",
                                            words: "is not an action; `coproduce keys` lists them (for example new, edit, help). Left out."))
                    continue
                }
                let written: [String]
                if let one = keys[name]?.string {
                    written = [one]
                } else if let many = keys[name]?.array, many.allSatisfy({ $0.string != nil }), !many.isEmpty {
                    written = many.compactMap(\.string)
                } else {
                    problems.append(Problem(line: at, key: "keys.\(name)", words: "must be a key in quotes, or a list of them, such as \"N\" or [\"N\", \"F2\"]."))
                    continue
                }
                var parsed: [Key] = []
                for text in written {
                    guard let key = Key(name: text) else {
                        problems.append(Problem(line: at, key: "keys.\(name)",
                                                words: "\"\(text)\" is not a key; write a character, Ctrl-S, Alt-B, F2, Enter, Esc, Tab, Space, Up or PgDn. "
                                                    + "\(action.configName) keeps its usual keys."))
                        parsed = []
                        break
                    }
                    parsed.append(key)
                }
                guard !parsed.isEmpty else { continue }
                if let clash = clash(parsed, for: action, with: overrides) {
                    problems.append(Problem(line: at, key: "keys.\(name)", words: clash + " \(action.configName) keeps its usual keys."))
                    continue
                }
                overrides[action] = parsed
                owners.append((action, name))
            }
            config.keyMap = KeyMap(overrides)
        }
        return (config, problems)
    }

    /// Why keys cannot be given to an action: another action on one of its screens would lose
    /// the key (and so could no longer be reached by it), or nil when they can.
    static func clash(_ keys: [Key], for action: Action, with chosen: [Action: [Key]]) -> String? {
        let screens = ActionTable.spec(action).uses.flatMap(\.screens)
        let current = KeyMap(chosen)
        for key in keys {
            for screen in screens {
                if screen.takesText && key.isText { continue }
                if let other = current.action(for: key, on: screen), other != action, ActionTable.use(other, on: screen) != nil {
                    return "\(key.label) already does \(other.configName) on the \(screen.name.lowercased()) screen; choose another key."
                }
            }
        }
        return nil
    }
}

extension Action {
    /// The action's name in the configuration file and in `coproduce keys`: its own name in
    /// lower case with hyphens (`next-pane`, `new`).
    public var configName: String {
        var out = ""
        for ch in rawValue {
            if ch.isUppercase { out += "-" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}
