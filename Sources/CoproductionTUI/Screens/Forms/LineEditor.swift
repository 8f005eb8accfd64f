/// Editing one line of text as a shell or a browser does: the cursor moves by grapheme
/// (so an emoji, a letter with a combining accent or a wide CJK character is one step), by
/// word, to either end; text is typed, rubbed out and cut at the cursor. A field entered
/// with text in it starts with all of it selected, so the first letter typed replaces it;
/// a move keeps the text and drops the selection.
public struct LineEditor: Hashable, Sendable {
    /// The text.
    public private(set) var text: String
    /// Where the cursor is, in graphemes from the start (0 to `text.count`).
    public private(set) var cursor: Int
    /// Whether the whole text is selected (typing replaces it).
    public private(set) var selectedAll: Bool

    /// An editor on some text, the cursor at its end and all of it selected when there is any.
    public init(_ text: String, selectAll: Bool = true) {
        self.text = text
        self.cursor = text.count
        self.selectedAll = selectAll && !text.isEmpty
    }

    /// An editor on a field as it was left: the cursor where it was (kept inside the text).
    public init(_ text: String, caret: Caret) {
        self.text = text
        self.cursor = min(max(0, caret.cursor), text.count)
        self.selectedAll = caret.selectedAll && !text.isEmpty
    }

    /// Where the cursor is and whether all is selected, to keep with a form's field.
    public var caret: Caret { Caret(cursor: cursor, selectedAll: selectedAll) }

    /// Applies an edit to a field kept as its text and caret (every field keeps them so).
    /// Returns whether the text changed.
    @discardableResult
    public static func apply(_ edit: Edit, to text: inout String, caret: inout Caret) -> Bool {
        var editor = LineEditor(text, caret: caret)
        editor.apply(edit)
        caret = editor.caret
        guard editor.text != text else { return false }
        text = editor.text
        return true
    }

    /// One edit.
    public enum Edit: Hashable, Sendable {
        /// Types text at the cursor (replacing the selection).
        case insert(String)
        /// One grapheme left or right.
        case left, right
        /// To the start or end.
        case home, end
        /// To the start of this or the previous word; past the end of this or the next word.
        case wordLeft, wordRight
        /// Rubs out the grapheme before the cursor (Backspace), or under it (Delete).
        case backspace, delete
        /// Rubs out the word before the cursor (Ctrl-W).
        case deleteWordBack
        /// Cuts from the cursor to the end (Ctrl-K), or from the start to the cursor (Ctrl-U).
        case killToEnd, killToStart
    }

    /// Applies an edit. The cursor always ends on a grapheme boundary inside the text.
    public mutating func apply(_ edit: Edit) {
        var chars = Array(text)
        if selectedAll {
            selectedAll = false
            switch edit {
            case .insert, .backspace, .delete, .deleteWordBack, .killToEnd, .killToStart:
                chars = []
                cursor = 0
                if case .insert = edit {} else {
                    text = ""
                    return
                }
            case .left, .home, .wordLeft:
                cursor = chars.count
            default:
                break
            }
        }
        switch edit {
        case .insert(let s):
            // Typed text joins the grapheme before it when it is a combining mark, so the
            // cursor is counted on the text as it reads afterwards.
            let before = String(chars[..<cursor]) + s
            let after = String(chars[cursor...])
            text = before + after
            cursor = min(before.count, text.count)
            return
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = chars.count
        case .wordLeft: cursor = Self.wordStart(chars, before: cursor)
        case .wordRight: cursor = Self.wordEnd(chars, after: cursor)
        case .backspace:
            guard cursor > 0 else { return }
            chars.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < chars.count else { return }
            chars.remove(at: cursor)
        case .deleteWordBack:
            let start = Self.wordStart(chars, before: cursor)
            chars.removeSubrange(start..<cursor)
            cursor = start
        case .killToEnd:
            chars.removeSubrange(cursor...)
        case .killToStart:
            chars.removeSubrange(..<cursor)
            cursor = 0
        }
        text = String(chars)
        cursor = min(cursor, text.count)
    }

    private static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    private static func wordStart(_ chars: [Character], before index: Int) -> Int {
        var i = index
        while i > 0 && !isWord(chars[i - 1]) { i -= 1 }
        while i > 0 && isWord(chars[i - 1]) { i -= 1 }
        return i
    }

    private static func wordEnd(_ chars: [Character], after index: Int) -> Int {
        var i = index
        while i < chars.count && !isWord(chars[i]) { i += 1 }
        while i < chars.count && isWord(chars[i]) { i += 1 }
        return i
    }

    /// The edit a key makes, if it is an editing key.
    public static func edit(for key: Key) -> Edit? {
        switch key {
        case .character(let c): return .insert(String(c))
        case .left, .control("b"): return .left
        case .right, .control("f"): return .right
        case .home, .control("a"): return .home
        case .end, .control("e"): return .end
        case .alt("b"), .controlLeft: return .wordLeft
        case .alt("f"), .controlRight: return .wordRight
        case .backspace: return .backspace
        case .delete: return .delete
        case .control("w"): return .deleteWordBack
        case .control("k"): return .killToEnd
        case .control("u"): return .killToStart
        default: return nil
        }
    }

    /// What a field of `width` columns shows: a slice of the text that keeps the cursor in
    /// view (scrolled sideways as needed), and the cursor's column in that slice.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        let chars = Array(text)
        let room = max(1, width - 1)
        // Start far enough along that the cursor fits, counting display columns.
        var start = 0
        var used = chars[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while used > room && start < cursor {
            used -= DisplayWidth.of(chars[start])
            start += 1
        }
        var shown = ""
        var columns = 0
        for c in chars[start...] {
            let w = DisplayWidth.of(c)
            if columns + w > width { break }
            shown.append(c)
            columns += w
        }
        return (shown, used)
    }
}

/// Where the cursor is in the field being edited, and whether its text is all selected.
public struct Caret: Hashable, Sendable {
    /// Graphemes from the start (past the end means at the end).
    public var cursor: Int
    /// Whether typing replaces the whole text.
    public var selectedAll: Bool

    /// A caret; the default is a field just entered: at the end, all selected.
    public init(cursor: Int = .max, selectedAll: Bool = true) {
        self.cursor = cursor
        self.selectedAll = selectedAll
    }
}

// MARK: Text boxes (several lines)

extension LineEditor {
    /// One line as a text box shows it: a run of graphemes, wrapped at the box's width.
    public struct VisualLine: Hashable, Sendable {
        /// Where it starts, in graphemes from the start of the text.
        public var start: Int
        /// Its graphemes (without the line break that ends it).
        public var text: String
    }

    /// The text as a box `width` columns wide shows it: each line of the text, wrapped at
    /// spaces where it can be and inside a word where it must.
    public func lines(width: Int) -> [VisualLine] {
        let chars = Array(text)
        var out: [VisualLine] = []
        var lineStart = 0
        var i = 0
        var columns = 0
        var lastSpace: Int?
        while i <= chars.count {
            if i == chars.count || chars[i] == "\n" {
                out.append(VisualLine(start: lineStart, text: String(chars[lineStart..<i])))
                i += 1
                lineStart = i
                columns = 0
                lastSpace = nil
                continue
            }
            let w = DisplayWidth.of(chars[i])
            if columns + w > max(1, width) && i > lineStart {
                // Wrap after the last space on this line, or here.
                let cut = lastSpace.map { $0 + 1 } ?? i
                out.append(VisualLine(start: lineStart, text: String(chars[lineStart..<cut])))
                lineStart = cut
                columns = chars[cut..<i].reduce(0) { $0 + DisplayWidth.of($1) }
                lastSpace = nil
                continue
            }
            if chars[i] == " " { lastSpace = i }
            columns += w
            i += 1
        }
        return out
    }

    /// The cursor's line and column in a box `width` columns wide.
    public func position(width: Int) -> (line: Int, column: Int) {
        let all = lines(width: width)
        var index = 0
        for (n, line) in all.enumerated() where line.start <= cursor { index = n }
        let line = all[index]
        let before = Array(line.text).prefix(max(0, cursor - line.start))
        return (index, before.reduce(0) { $0 + DisplayWidth.of($1) })
    }

    /// Moves the cursor a line up or down in a box `width` columns wide, keeping its column
    /// as near as the line allows. Returns false at the first or last line.
    @discardableResult
    public mutating func moveLine(_ step: Int, width: Int) -> Bool {
        selectedAll = false
        let all = lines(width: width)
        let (line, column) = position(width: width)
        let target = line + step
        guard all.indices.contains(target) else { return false }
        var offset = 0
        var used = 0
        for c in all[target].text {
            let w = DisplayWidth.of(c)
            if used + w > column { break }
            used += w
            offset += 1
        }
        cursor = min(text.count, all[target].start + offset)
        return true
    }
}
