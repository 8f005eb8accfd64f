import Coproduction

/// How pane borders are drawn: Unicode box lines, the terminal's own line-drawing set
/// (ncurses' alternate character set), or plain ASCII.
public enum LineDrawing: String, Hashable, Sendable {
    /// Unicode box lines, light and heavy (a UTF-8 terminal with the glyphs).
    case unicode
    /// The terminal's alternate character set: light lines only, drawn by the backend
    /// through ncurses' `ACS_*` characters (the Linux console, a VT100).
    case terminal
    /// `-`, `|` and `+`.
    case ascii
}

/// The characters the screens draw with: Unicode box lines and ✓ ✗, or ASCII stand-ins
/// when the locale or the terminal cannot show them.
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
    /// Plain ASCII for terminals without UTF-8. A status glyph is a letter-free mark that
    /// is always followed by its word ("+ ok", "x fail"), so no meaning rests on the mark.
    public static let ascii = Glyphs(h: "-", v: "|", tl: "+", tr: "+", bl: "+", br: "+",
                                     fh: "=", fv: "#", ftl: "#", ftr: "#", fbl: "#", fbr: "#",
                                     cursor: ">", pass: "+", warn: "!", fail: "x", dot: ".", dash: "-", ellipsis: "...")
    /// The terminal's own line drawing (light lines, which the backend sends as ncurses'
    /// ACS characters) with ASCII marks: what a Linux console or a VT100 can show. The
    /// focused pane's border is drawn bold, as the alternate set has no heavy lines.
    public static let terminalLines = Glyphs(h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘",
                                             fh: "─", fv: "│", ftl: "┌", ftr: "┐", fbl: "└", fbr: "┘",
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

/// The colour themes a person can choose (in the configuration file): the dark one the app
/// has always had, one for a light background, and a high-contrast one.
public enum Palette: String, Hashable, Sendable, CaseIterable {
    /// Cyan and yellow on the terminal's (dark) background.
    case dark
    /// Blue and magenta, which read on a white background; nothing yellow or cyan.
    case light
    /// Bold and reverse video for everything that matters, no dim text, no colour but red
    /// for a failure.
    case highContrast = "high-contrast"
}

/// Colours and glyphs together. `NO_COLOR` gives the monochrome theme; a non-UTF-8 locale
/// gives ASCII glyphs; a terminal without the glyphs gives its own line drawing.
public struct Theme: Hashable, Sendable {
    /// The glyph set.
    public var glyphs: Glyphs
    /// False under `NO_COLOR`: no colour anywhere, only bold, reverse and dim.
    public var colour: Bool
    /// True when text must be folded to ASCII.
    public var asciiOnly: Bool
    /// How borders are drawn.
    public var lines: LineDrawing
    /// The plain (linear) mode for screen readers and braille displays: no borders, one
    /// pane or screen at a time, every row a sentence.
    public var plain: Bool
    /// The colour theme.
    public var palette: Palette

    /// Creates a theme. Without `lines`, borders follow `asciiOnly`.
    public init(colour: Bool, asciiOnly: Bool, lines: LineDrawing? = nil, plain: Bool = false, palette: Palette = .dark) {
        let drawing = lines ?? (asciiOnly ? .ascii : .unicode)
        switch drawing {
        case .unicode: self.glyphs = asciiOnly ? .ascii : .unicode
        case .terminal: self.glyphs = .terminalLines
        case .ascii: self.glyphs = .ascii
        }
        self.lines = drawing == .unicode && asciiOnly ? .ascii : drawing
        self.colour = colour
        self.asciiOnly = asciiOnly
        self.plain = plain
        self.palette = palette
    }

    /// The theme for a terminal: `NO_COLOR` set (to anything) turns colour off; the locale
    /// decides whether text can be UTF-8, and the
    /// terminal type whether the Unicode box lines and ✓ ✗ can be drawn. A Linux console,
    /// a VT100 and their kind have fonts without them, so they get the terminal's own line
    /// drawing (when its terminfo entry has one, `acsc`) and ASCII marks; without the
    /// alternate set, ASCII lines.
    public static func forTerminal(environment: [String: String], utf8: Bool, term: String?, hasLineDrawing: Bool,
                                   plain: Bool = false, palette: Palette = .dark) -> Theme {
        let colour = environment["NO_COLOR"] == nil
        let limited = Self.lacksUnicodeGlyphs(term: term)
        let lines: LineDrawing = utf8 && !limited ? .unicode : hasLineDrawing ? .terminal : .ascii
        return Theme(colour: colour, asciiOnly: !utf8, lines: lines, plain: plain, palette: palette)
    }

    /// Terminal types whose usual fonts lack the heavy box lines, ✓ and ✗ even in a UTF-8
    /// locale: the Linux console and the DEC VT family (and `ansi`, `cons25`, `sun`).
    public static func lacksUnicodeGlyphs(term: String?) -> Bool {
        guard let term = term?.lowercased(), !term.isEmpty else { return true }
        let prefixes = ["linux", "vt52", "vt100", "vt102", "vt220", "vt320", "vt420", "ansi", "cons25", "sun", "pcansi", "dumb"]
        return prefixes.contains { term == $0 || term.hasPrefix($0 + "-") }
    }

    /// Style of a status word and glyph.
    public func status(_ s: CheckStatus) -> Style {
        guard colour else {
            if palette == .highContrast { return s == .fail ? Style(bold: true, reverse: true) : s == .warn ? Style(bold: true, underline: true) : .bold }
            return s == .fail ? .bold : .plain
        }
        switch (palette, s) {
        case (.dark, .pass): return Style(foreground: .green)
        case (.dark, .warn): return Style(foreground: .yellow, bold: true)
        case (.dark, .fail): return Style(foreground: .red, bold: true)
        case (.light, .pass): return Style(foreground: .green, bold: true)
        case (.light, .warn): return Style(foreground: .magenta, bold: true)
        case (.light, .fail): return Style(foreground: .red, bold: true)
        case (.highContrast, .pass): return Style(bold: true)
        case (.highContrast, .warn): return Style(bold: true, underline: true)
        case (.highContrast, .fail): return Style(foreground: .red, bold: true, reverse: true)
        }
    }

    /// The title bar.
    public var titleBar: Style {
        guard colour else { return Style(bold: true, reverse: true) }
        switch palette {
        case .dark: return Style(foreground: .cyan, bold: true, reverse: true)
        case .light: return Style(foreground: .blue, bold: true, reverse: true)
        case .highContrast: return Style(bold: true, reverse: true)
        }
    }
    /// Column headings.
    public var heading: Style {
        guard colour else { return Style(bold: true, underline: true) }
        switch palette {
        case .dark: return Style(foreground: .cyan, bold: true)
        case .light: return Style(foreground: .blue, bold: true)
        case .highContrast: return Style(bold: true, underline: true)
        }
    }
    /// Secondary text (never dim in the high-contrast theme).
    public var secondary: Style { palette == .highContrast ? .plain : .dim }
    /// The border of the focused pane.
    public var focusedBorder: Style {
        guard colour else { return .bold }
        switch palette {
        case .dark: return Style(foreground: .cyan, bold: true)
        case .light: return Style(foreground: .blue, bold: true)
        case .highContrast: return .bold
        }
    }
    /// Key names in the hint line and help.
    public var key: Style {
        guard colour else { return palette == .highContrast ? Style(bold: true, underline: true) : .bold }
        switch palette {
        case .dark: return Style(foreground: .yellow, bold: true)
        case .light: return Style(foreground: .magenta, bold: true)
        case .highContrast: return Style(bold: true, underline: true)
        }
    }

    /// Text as this theme writes it: folded to ASCII (arrows as words) when it must be, so
    /// widths can be measured before it is drawn.
    public func text(_ s: String) -> String { asciiOnly ? ASCIIFold.keyLabel(s) : s }
}
