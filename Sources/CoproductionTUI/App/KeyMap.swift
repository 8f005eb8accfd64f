import Coproduction

/// The keys a person chose in their configuration file, over the action table's own: an
/// action given keys there is done by those keys instead of its usual ones, and help and the
/// hint line show them. Empty, it is the action table exactly.
public struct KeyMap: Hashable, Sendable {
    /// Each re-bound action's keys.
    public private(set) var overrides: [Action: [Key]] = [:]

    /// The action table's keys.
    public init() {}

    /// Keys chosen for some actions.
    public init(_ overrides: [Action: [Key]]) { self.overrides = overrides.filter { !$0.value.isEmpty } }

    /// The action a key does on a screen, if any.
    public func action(for key: Key, on screen: ScreenID) -> Action? {
        guard !overrides.isEmpty else { return ActionTable.action(for: key, on: screen) }
        if !(screen.takesText && key.isText) {
            for (action, keys) in overrides where keys.contains(key) && ActionTable.use(action, on: screen) != nil { return action }
        }
        let usual = ActionTable.action(for: key, on: screen)
        if let usual, overrides[usual] != nil { return nil }
        return usual
    }

    /// The keys of a screen for a role, as help and the hint line show them.
    public func keys(on screen: ScreenID, role: Role?) -> [KeyHelp] {
        let table = ActionTable.keys(on: screen, role: role)
        guard !overrides.isEmpty else { return table }
        return table.compactMap { help in
            guard let keys = overrides[help.action] else { return help }
            let usable = keys.filter { !(screen.takesText && $0.isText) }
            guard let first = usable.first else { return nil }
            var changed = help
            changed.keys = usable.map(\.label).joined(separator: " ")
            changed.firstKey = first.label
            return changed
        }
    }
}

extension Key {
    /// Reads a key as the configuration file and help write it: `n`, `N`, `Ctrl-S`, `Alt-B`,
    /// `F2`, `Enter`, `Esc`, `Tab`, `Shift-Tab`, `Space`, `Up`, `Down`, `Left`, `Right`,
    /// `PgUp`, `PgDn`, `Home`, `End`, `Backspace`, `Del`. Nil for anything else.
    public init?(name: String) {
        let named: [String: Key] = [
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
            "backtab": .backTab, "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
            "backspace": .backspace, "del": .delete, "delete": .delete,
        ]
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 1, let c = trimmed.first, !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value != 127 }) {
            self = .character(c)
            return
        }
        let lower = trimmed.lowercased()
        if let key = named[lower] { self = key; return }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter, c.isASCII {
            self = .control(c)
            return
        }
        if lower.hasPrefix("alt-"), lower.count == 5, let c = lower.last, c.isLetter, c.isASCII {
            self = .alt(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }
}
