import Coproduction

/// The characters the screens draw with: Unicode box lines and ✓ ✗, or ASCII stand-ins
/// when the locale cannot show UTF-8.
public struct Glyphs: Hashable, Sendable {
    /// Horizontal, vertical and the four corners of a pane border.
    public var h, v, tl, tr, bl, br: String
    /// The same for the focused pane (heavier lines, so focus shows without colour).
    public var fh, fv, ftl, ftr, fbl, fbr: String
    /// Marks the selected row.
    public var cursor: String
    /// Status glyphs.
    public var pass, warn, fail: String
    /// Separates items in a line.
    public var dot: String
    /// Between two times.
    public var dash: String
    /// Ends cut text.
    public var ellipsis: String

    /// Unicode lines and symbols.
    public static let unicode = Glyphs(h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘",
                                       fh: "━", fv: "┃", ftl: "┏", ftr: "┓", fbl: "┗", fbr: "┛",
                                       cursor: "▶", pass: "✓", warn: "!", fail: "✗", dot: "·", dash: "–", ellipsis: "…")
    /// Plain ASCII for terminals without UTF-8.
    public static let ascii = Glyphs(h: "-", v: "|", tl: "+", tr: "+", bl: "+", br: "+",
                                     fh: "=", fv: "#", ftl: "#", ftr: "#", fbl: "#", fbr: "#",
                                     cursor: ">", pass: "+", warn: "!", fail: "x", dot: ".", dash: "-", ellipsis: "...")

    /// The glyph for a status.
    public func glyph(_ status: CheckStatus) -> String {
        switch status {
        case .pass: return pass
        case .warn: return warn
        case .fail: return fail
        }
    }
}

/// Colours and glyphs together. `NO_COLOR` gives the monochrome theme; a non-UTF-8 locale
/// gives ASCII glyphs.
public struct Theme: Hashable, Sendable {
    /// The glyph set.
    public var glyphs: Glyphs
    /// False under `NO_COLOR`: no colour anywhere, only bold, reverse and dim.
    public var colour: Bool
    /// True when text must be folded to ASCII.
    public var asciiOnly: Bool

    /// Creates a theme.
    public init(colour: Bool, asciiOnly: Bool) {
        self.glyphs = asciiOnly ? .ascii : .unicode
        self.colour = colour
        self.asciiOnly = asciiOnly
    }

    /// The theme for an environment: `NO_COLOR` set (to anything) turns colour off.
    public static func from(environment: [String: String], utf8: Bool) -> Theme {
        Theme(colour: environment["NO_COLOR"] == nil, asciiOnly: !utf8)
    }

    /// Style of a status word and glyph.
    public func status(_ s: CheckStatus) -> Style {
        guard colour else { return s == .fail ? .bold : .plain }
        switch s {
        case .pass: return Style(foreground: .green)
        case .warn: return Style(foreground: .yellow, bold: true)
        case .fail: return Style(foreground: .red, bold: true)
        }
    }

    /// The title bar.
    public var titleBar: Style { colour ? Style(foreground: .cyan, bold: true, reverse: true) : Style(bold: true, reverse: true) }
    /// Column headings.
    public var heading: Style { colour ? Style(foreground: .cyan, bold: true) : Style(bold: true, underline: true) }
    /// Secondary text.
    public var secondary: Style { .dim }
    /// The border of the focused pane.
    public var focusedBorder: Style { colour ? Style(foreground: .cyan, bold: true) : .bold }
    /// Key names in the hint line and help.
    public var key: Style { colour ? Style(foreground: .yellow, bold: true) : .bold }
}
