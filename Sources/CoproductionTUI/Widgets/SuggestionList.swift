/// The names a picker offers under its field: the chosen one marked with the cursor glyph
/// and in reverse (never by colour alone), each with what tells it from others.
enum SuggestionList {
    /// The lines for up to ``Picker/shown`` suggestions, `width` columns wide, and a last
    /// line saying how many more there are.
    static func lines(_ offered: [Choice], highlight: Int, width: Int, state: AppState) -> [Line] {
        let g = state.theme.glyphs
        // -1: none chosen yet (a field that also takes new names).
        let chosen = highlight < 0 ? -1 : min(highlight, max(0, min(offered.count, Picker.shown) - 1))
        var out: [Line] = offered.prefix(Picker.shown).enumerated().map { i, choice in
            let text = (i == chosen ? g.cursor : " ") + " " + choice.name + (choice.detail.isEmpty ? "" : "  " + choice.detail)
            return Line(DisplayWidth.pad(text, to: width, ellipsis: g.ellipsis), i == chosen ? Style(bold: true, reverse: true) : .plain)
        }
        if offered.count > Picker.shown {
            out.append(Line(DisplayWidth.pad("  \(offered.count - Picker.shown) more: type more of the name", to: width), state.theme.secondary))
        }
        return out
    }

    /// Draws the suggestions from row `y`; returns the row after them.
    static func draw(_ offered: [Choice], highlight: Int, x: Int, y: Int, width: Int, state: AppState, on screen: inout Screen) -> Int {
        var row = y
        for line in lines(offered, highlight: highlight, width: width, state: state) {
            var column = x
            for (text, style) in line.spans { column += screen.put(text, x: column, y: row, style: style, maxWidth: x + width - column) }
            row += 1
        }
        return row
    }
}
