/// A terminal colour. The backend maps it to a colour pair; a monochrome theme never uses it.
public enum Color: Int, Hashable, Sendable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. Meaning is never carried by colour alone: every status also has a
/// glyph and a word, and focus and selection use bold and reverse video.
public struct Style: Hashable, Sendable {
    /// Foreground colour, or nil for the terminal's default.
    public var foreground: Color?
    /// Bold text.
    public var bold: Bool
    /// Reverse video (selection).
    public var reverse: Bool
    /// Underlined text.
    public var underline: Bool
    /// Dim text (secondary information).
    public var dim: Bool

    /// Creates a style.
    public init(foreground: Color? = nil, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default look.
    public static let plain = Style()
    /// Bold.
    public static let bold = Style(bold: true)
    /// Reverse video.
    public static let reversed = Style(reverse: true)
    /// Dim.
    public static let dim = Style(dim: true)
}

extension Style {
    /// The style in words, for golden files: "bold reverse red".
    public var name: String {
        var words: [String] = []
        if bold { words.append("bold") }
        if reverse { words.append("reverse") }
        if underline { words.append("underline") }
        if dim { words.append("dim") }
        if let foreground { words.append("\(foreground)") }
        return words.isEmpty ? "plain" : words.joined(separator: " ")
    }
}
