/// A key press, as the backend reports it.
public enum Key: Hashable, Sendable {
    /// A printable character.
    case character(Character)
    /// Control plus a letter, for example `.control("c")` for Ctrl-C.
    case control(Character)
    /// Arrow keys.
    case up, down, left, right
    /// Paging and jumping.
    case pageUp, pageDown, home, end
    /// Tab, Shift-Tab, Enter, Esc, Backspace and Delete.
    case tab, backTab, enter, escape, backspace, delete
    /// A function key, F1 to F12.
    case function(Int)
    /// Alt (or Meta) with a character, for example `.alt("b")` for Alt-B.
    case alt(Character)
    /// Ctrl with the left or right arrow.
    case controlLeft, controlRight
    /// Ctrl with the up or down arrow.
    case controlUp, controlDown

    /// How the key is written in help, for example `Ctrl-C`, `PgDn`, `↑`.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .alt(let c): return "Alt-\(c.uppercased())"
        case .controlLeft: return "Ctrl-←"
        case .controlRight: return "Ctrl-→"
        case .controlUp: return "Ctrl-↑"
        case .controlDown: return "Ctrl-↓"
        }
    }
}

/// A mouse event: a click of the first button, or the wheel, at a cell.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Hashable, Sendable {
        /// The first button pressed.
        case click
        /// The wheel turned up (away from you).
        case wheelUp
        /// The wheel turned down.
        case wheelDown
    }
    /// What the mouse did.
    public var kind: Kind
    /// The column.
    public var x: Int
    /// The row.
    public var y: Int

    /// A mouse event at a cell.
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// What the terminal reports: a key or a new size. (Both are ``Message``s to `update`.)
public typealias Event = Message

/// A terminal size in columns and rows.
public struct Size: Hashable, Sendable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest size the screens are drawn at: 80×24.
    public static let minimum = Size(width: 80, height: 24)
}
