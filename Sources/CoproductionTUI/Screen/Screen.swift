/// One cell of the screen: a grapheme, the columns it takes, and its style. The cell to
/// the right of a wide grapheme is a continuation with an empty grapheme and width 0.
public struct Cell: Hashable, Sendable {
    /// The text drawn, one grapheme (a space when blank; empty for a continuation).
    public var grapheme: String
    /// Columns taken: 1, 2 for wide characters, 0 for a continuation.
    public var width: Int
    /// How it is drawn.
    public var style: Style

    /// A blank cell.
    public static let blank = Cell(grapheme: " ", width: 1, style: .plain)
}

/// Where the terminal cursor goes: on the selection in lists, in the text in fields, so
/// screen readers, braille displays and magnifiers follow what the user is working on.
public struct Cursor: Hashable, Sendable {
    /// The column.
    public var x: Int
    /// The row.
    public var y: Int
    /// Whether it is shown (always in a text field; on a list only when asked for).
    public var visible: Bool

    /// A cursor position.
    public init(x: Int, y: Int, visible: Bool) {
        self.x = x
        self.y = y
        self.visible = visible
    }
}

/// What a click on part of the screen chooses: recorded by the views as they draw, so a
/// click lands on exactly what was drawn there.
public enum HitTarget: Hashable, Sendable {
    /// A main-screen pane, and the row of its whole list under the click (nil: its frame).
    case pane(PaneID, row: Int?)
    /// A row of a detail screen's list.
    case detailRow(Int)
    /// A form's field, by its place in the form.
    case field(Int)
}

/// A part of the screen a click chooses something on.
public struct Hit: Hashable, Sendable {
    /// Where it is.
    public var rect: Rect
    /// What it chooses.
    public var target: HitTarget
}

/// A whole frame as a grid of cells: what `view` returns and the backend copies to the
/// terminal. Tests read it as lines of text.
public struct Screen: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// When true, text is folded to ASCII as it is written (a locale without UTF-8).
    public let asciiOnly: Bool
    /// When true (with `asciiOnly`), light box lines are kept for the backend to draw with
    /// the terminal's own line-drawing characters.
    public let keepsLines: Bool
    /// When true, symbols a console font lacks (✓, ✗, ▶, …, arrows) are written as ASCII
    /// while letters such as é and £ stay: a UTF-8 Linux console or VT terminal.
    public let foldsSymbols: Bool
    /// Row-major cells.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes, or nil to leave it out of the way.
    public var cursor: Cursor?
    /// What clicks choose, later entries over earlier ones.
    public var hits: [Hit] = []

    /// Records that a click in `rect` chooses `target`.
    public mutating func hit(_ rect: Rect, _ target: HitTarget) {
        guard !rect.isEmpty else { return }
        hits.append(Hit(rect: rect, target: target))
    }

    /// What a click at a cell chooses: the last target drawn there.
    public func target(x: Int, y: Int) -> HitTarget? {
        hits.last { $0.rect.contains(x: x, y: y) }?.target
    }

    /// A blank screen.
    public init(width: Int, height: Int, asciiOnly: Bool = false, keepsLines: Bool = false, foldsSymbols: Bool = false) {
        self.foldsSymbols = foldsSymbols
        self.width = max(0, width)
        self.height = max(0, height)
        self.asciiOnly = asciiOnly
        self.keepsLines = keepsLines
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a column and row.
    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `text` from column `x` of row `y`, cut at `maxWidth` columns (or the screen's
    /// edge). Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var limit = min(width, x + (maxWidth ?? width))
        var col = x
        var source = text
        if (asciiOnly || foldsSymbols) && !text.allSatisfy(\.isASCII) {
            // Folding can lengthen text (`£` is `GBP`, `…` is `...`), but the caller measured
            // the text before it was folded: it never takes more columns than measured, so
            // nothing runs through a border. Trailing padding gives way first.
            let measured = DisplayWidth.of(text)
            source = asciiOnly ? ASCIIFold.fold(text, keepingLines: keepsLines) : ASCIIFold.foldSymbols(text)
            var over = DisplayWidth.of(source) - measured
            while over > 0, source.last == " " { source.removeLast(); over -= 1 }
            limit = min(limit, x + measured)
        }
        for ch in source {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A lone combining mark joins the previous cell.
                if col > 0, col - 1 >= x, col - 1 < width { cells[y * width + col - 1].grapheme.append(ch) }
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                clearWide(at: col, y: y)
                cells[y * width + col] = Cell(grapheme: String(ch), width: w, style: style)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    cells[y * width + col + 1] = Cell(grapheme: "", width: 0, style: style)
                }
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Keeps wide characters whole: overwriting either half of one blanks the other half.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let c = cells[y * width + x]
        if c.width == 2, x + 1 < width { cells[y * width + x + 1] = .blank }
        if c.width == 0, x > 0 { cells[y * width + x - 1] = .blank }
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x] = Cell(grapheme: String(character), width: 1, style: style) }
        }
    }

    /// Applies a style to every cell of a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { change(&cells[y * width + x].style) }
        }
    }

    /// The text of each row, trailing spaces kept, so the screen can be compared as text.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += cells[y * width + x].grapheme }
            return s
        }
    }

    /// The whole screen as text, one row a line.
    public var text: String { lines.joined(separator: "\n") }

    /// The style of every cell as a letter a cell, under a legend naming each letter's style,
    /// so a golden file shows a lost highlight or a status drawn without its colour.
    public var styleLayer: String {
        var letters: [Style: Character] = [.plain: "."]
        var legend: [String] = [". plain"]
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var rows: [String] = []
        for y in 0..<height {
            var row = ""
            for x in 0..<width {
                let style = cells[y * width + x].style
                if letters[style] == nil {
                    let letter = alphabet[min(alphabet.count - 1, letters.count - 1)]
                    letters[style] = letter
                    legend.append("\(letter) \(style.name)")
                }
                row.append(letters[style]!)
            }
            rows.append(row)
        }
        return (legend + [""] + rows).joined(separator: "\n")
    }
}
