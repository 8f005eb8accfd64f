import Foundation

/// A column of a table: a fixed width, or the one flexible column that takes what is left.
public struct Column: Sendable {
    /// The heading.
    public var title: String
    /// Columns taken; ignored for the flexible column.
    public var width: Int
    /// Takes the width left over (at most one column should).
    public var flexible: Bool
    /// Right-aligned (numbers).
    public var alignRight: Bool

    /// A fixed-width column.
    public static func fixed(_ title: String, _ width: Int, right: Bool = false) -> Column {
        Column(title: title, width: width, flexible: false, alignRight: right)
    }

    /// The flexible column.
    public static func flex(_ title: String) -> Column {
        Column(title: title, width: 0, flexible: true, alignRight: false)
    }
}

/// One cell of a table row: text and an optional style of its own.
public struct TableCell: Sendable {
    /// The text.
    public var text: String
    /// The style, or nil for the row's style.
    public var style: Style?

    /// Creates a cell.
    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }
}

/// A table of rows under a heading, with a cursor column marking the selected row (so
/// selection shows without colour as well as in reverse video on its first column).
public struct Table {
    /// The columns, left to right.
    public var columns: [Column]
    /// The rows that are visible, top first.
    public var rows: [[TableCell]]
    /// Which of `rows` is selected, if any.
    public var selected: Int?
    /// Whether the pane has the focus (the selection is drawn in reverse only then).
    public var focused: Bool
    /// Shown when there are no rows.
    public var emptyMessage: String
    /// Each row as a whole sentence, for the plain mode (nil: the headings and cells joined).
    public var sentences: [String]?
    /// What a click on each row chooses (nil: nothing).
    public var targets: [HitTarget]?

    /// Creates a table.
    public init(columns: [Column], rows: [[TableCell]], selected: Int?, focused: Bool, emptyMessage: String) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.focused = focused
        self.emptyMessage = emptyMessage
    }

    /// Widths of the columns within `width` (after the cursor column); columns that do not
    /// fit are given 0 and not drawn.
    public func widths(for width: Int) -> [Int] {
        let available = width - 2  // cursor and its space
        // A space after each column but the last.
        let fixed = columns.filter { !$0.flexible }.reduce(0) { $0 + $1.width + 1 }
        let flex = max(0, available - fixed + 1)
        var used = 0
        return columns.map { c in
            let w = c.flexible ? (flex >= 4 ? flex - 1 : 0) : c.width
            if w == 0 || used + w > available { return 0 }
            used += w + 1
            return w
        }
    }

    /// A row as a sentence from its headings and cells ("Date 27 Nov, Staff 3/3."), where
    /// no sentence of its own was given.
    public func sentence(_ row: [TableCell]) -> String {
        let parts = zip(columns, row).compactMap { c, cell -> String? in
            let text = cell.text.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : c.title.isEmpty ? text : "\(c.title) \(text)"
        }
        let joined = parts.joined(separator: ", ")
        return joined.hasSuffix(".") ? joined : joined + "."
    }

    /// Draws the heading and rows into `rect`. Returns the row the selection is drawn on.
    @discardableResult
    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) -> Int? {
        guard rect.height > 0, rect.width > 2 else { return nil }
        if theme.plain { return renderPlain(in: rect, on: &screen, theme: theme) }
        let widths = self.widths(for: rect.width)
        var x = rect.x + 2
        for (c, w) in zip(columns, widths) where w > 0 {
            screen.put(DisplayWidth.pad(c.title, to: w, alignRight: c.alignRight, ellipsis: theme.glyphs.ellipsis),
                       x: x, y: rect.y, style: theme.heading)
            x += w + 1
        }
        if rows.isEmpty {
            // What to do next, wrapped so the key that does it is never cut off.
            let lines = DisplayWidth.wrap(emptyMessage, width: max(1, rect.width - 2))
            for (i, line) in lines.prefix(max(0, rect.height - 1)).enumerated() {
                screen.put(line, x: rect.x + 2, y: rect.y + 1 + i, style: theme.secondary)
            }
            return nil
        }
        var selectedY: Int?
        for (i, row) in rows.prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + i
            let isSelected = i == selected
            if isSelected { selectedY = y }
            if let targets, i < targets.count { screen.hit(Rect(x: rect.x, y: y, width: rect.width, height: 1), targets[i]) }
            if isSelected {
                screen.put(theme.glyphs.cursor, x: rect.x, y: y, style: .bold)
            }
            var x = rect.x + 2
            for (j, (c, w)) in zip(columns, widths).enumerated() where w > 0 {
                let cell = j < row.count ? row[j] : TableCell("")
                screen.put(DisplayWidth.pad(cell.text, to: w, alignRight: c.alignRight, ellipsis: theme.glyphs.ellipsis),
                           x: x, y: y, style: cell.style ?? .plain)
                x += w + 1
            }
            if isSelected && focused, let first = widths.first(where: { $0 > 0 }) {
                // The cursor and the first column in reverse: enough to see at a glance, and a
                // move rewrites two short runs of cells, not two whole rows (about 130 bytes
                // over ssh instead of 300; see BENCHMARKS.md).
                screen.restyle(Rect(x: rect.x + 2, y: y, width: first, height: 1)) { $0.reverse = true }
            }
        }
        return selectedY
    }

    /// The plain mode: no heading row, every row a whole sentence wrapped under itself, and
    /// the selected row always whole on screen with the marker before it.
    private func renderPlain(in rect: Rect, on screen: inout Screen, theme: Theme) -> Int? {
        if rows.isEmpty {
            for (i, line) in DisplayWidth.wrap(emptyMessage, width: max(1, rect.width - 2)).prefix(rect.height).enumerated() {
                screen.put(line, x: rect.x + 2, y: rect.y + i)
            }
            return nil
        }
        let wrapped = rows.indices.map { i in
            DisplayWidth.wrap(sentences.flatMap { i < $0.count ? $0[i] : nil } ?? sentence(rows[i]), width: max(1, rect.width - 2))
        }
        var start = 0
        if let selected, selected < rows.count {
            while start < selected, wrapped[start...selected].reduce(0, { $0 + $1.count }) > rect.height { start += 1 }
        }
        var y = rect.y
        var selectedY: Int?
        for i in start..<rows.count where y < rect.maxY {
            let isSelected = i == selected
            if isSelected {
                selectedY = y
                screen.put(theme.glyphs.cursor, x: rect.x, y: y, style: .bold)
            }
            let top = y
            for line in wrapped[i] where y < rect.maxY {
                screen.put(line, x: rect.x + 2, y: y, style: isSelected && focused ? Style(bold: true) : .plain)
                y += 1
            }
            if let targets, i < targets.count { screen.hit(Rect(x: rect.x, y: top, width: rect.width, height: y - top), targets[i]) }
        }
        return selectedY
    }
}
