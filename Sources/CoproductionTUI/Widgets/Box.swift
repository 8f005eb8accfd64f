/// A bordered pane with a title in its top edge and an optional note (such as `3/40`) in
/// its bottom edge. The focused pane has heavier lines and a marked, bold title.
public struct Box {
    /// The title.
    public var title: String
    /// Text set into the bottom edge, right-aligned.
    public var footer: String
    /// Whether this pane has the focus.
    public var focused: Bool

    /// Creates a box.
    public init(title: String, footer: String = "", focused: Bool = false) {
        self.title = title
        self.footer = footer
        self.focused = focused
    }

    /// Draws the border and returns the inside.
    @discardableResult
    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        if theme.plain { return renderPlain(in: rect, on: &screen, theme: theme) }
        let g = theme.glyphs
        let style = focused ? theme.focusedBorder : Style.plain
        let (h, v) = focused ? (g.fh, g.fv) : (g.h, g.v)
        let horizontal = String(repeating: h, count: rect.width - 2)
        screen.put((focused ? g.ftl : g.tl) + horizontal + (focused ? g.ftr : g.tr), x: rect.x, y: rect.y, style: style)
        screen.put((focused ? g.fbl : g.bl) + horizontal + (focused ? g.fbr : g.br), x: rect.x, y: rect.maxY - 1, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            screen.put(v, x: rect.x, y: row, style: style)
            screen.put(v, x: rect.maxX - 1, y: row, style: style)
        }
        let label = focused ? " \(g.cursor) \(title) " : " \(title) "
        let titleStyle = focused ? Style(foreground: style.foreground, bold: true, reverse: true) : Style.bold
        screen.put(DisplayWidth.truncate(label, to: rect.width - 4, ellipsis: g.ellipsis), x: rect.x + 2, y: rect.y,
                   style: titleStyle)
        if !footer.isEmpty {
            let note = " \(footer) "
            let w = DisplayWidth.of(note)
            if w + 4 <= rect.width { screen.put(note, x: rect.maxX - 2 - w, y: rect.maxY - 1, style: style) }
        }
        return rect.inset(by: 1)
    }

    /// The plain mode's pane: no lines at all, only the title as a sentence on the first
    /// row ("Upcoming meetings, 3 of 37."), and the inside as wide as a bordered one's so
    /// every width the screens measure stays the same.
    private func renderPlain(in rect: Rect, on screen: inout Screen, theme: Theme) -> Rect {
        screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        var words = title
        if !footer.isEmpty { words += ", " + Self.spoken(footer) }
        if !words.hasSuffix(".") { words += "." }
        screen.put(DisplayWidth.truncate(words, to: rect.width - 1, ellipsis: theme.glyphs.ellipsis), x: rect.x, y: rect.y,
                   style: focused ? Style(bold: true, underline: true) : .bold)
        return Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
    }

    /// A footer as words: `3/37` is "3 of 37", `0/0` is "none".
    static func spoken(_ footer: String) -> String {
        let parts = footer.split(separator: "/")
        guard parts.count == 2, parts[0].allSatisfy(\.isNumber) else { return footer }
        return parts[0] == "0" ? "none" : "\(parts[0]) of \(parts[1].replacingOccurrences(of: "+", with: " or more"))"
    }
}
