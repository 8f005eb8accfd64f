/// libc's `wcwidth(wchar_t)`. Swift's Glibc module hides it behind `_XOPEN_SOURCE`, and this
/// module must not import the curses shim, so the symbol is bound directly (wchar_t is a
/// 32-bit int on Linux).
@_silgen_name("wcwidth")
private func libcWCWidth(_ character: Int32) -> Int32

/// Column widths of text, from libc's `wcwidth`: the same function ncurses lays cells out
/// with, so the two agree (an `é` written as two scalars, a `✓`, an emoji).
public enum DisplayWidth {
    /// How text is folded while a frame is drawn for a terminal that cannot show all of it,
    /// so text is measured, padded, cut and wrapped as it will be drawn (`£` is `GBP`, three
    /// columns, not one). `view` sets it for the frame it draws.
    public struct Folding: Hashable, Sendable {
        /// Everything to ASCII.
        public var ascii = false
        /// Only the symbols a console font lacks.
        public var symbols = false
        /// The light box lines kept (drawn with the terminal's own line characters).
        public var keepLines = false

        /// No folding.
        public static let none = Folding()

        /// The text as it will be drawn.
        public func apply(_ text: String) -> String {
            if ascii { return ASCIIFold.fold(text, keepingLines: keepLines) }
            if symbols { return ASCIIFold.foldSymbols(text) }
            return text
        }
    }

    /// The folding in force for the frame being drawn.
    @TaskLocal public static var folding = Folding.none

    /// Columns one grapheme takes: 0 for a lone combining mark, 2 for wide characters and
    /// emoji, 1 otherwise (including characters libc does not know).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x80 { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        let w = Int(libcWCWidth(Int32(bitPattern: first.value)))
        if w < 0 { return 1 }
        if w == 0 { return scalars.count == 1 && first.properties.generalCategory == .nonspacingMark ? 0 : 1 }
        return w
    }

    /// Columns a string takes (as drawn, when a frame is folded).
    public static func of(_ text: String) -> Int {
        let drawn = folding == .none || text.utf8.allSatisfy({ $0 < 0x80 }) ? text : folding.apply(text)
        return drawn.reduce(0) { $0 + of($1) }
    }

    /// The string cut to at most `width` columns; when cut, it ends with `ellipsis`.
    public static func truncate(_ text: String, to width: Int, ellipsis given: String = "…") -> String {
        guard width > 0 else { return "" }
        let text = folding == .none ? text : folding.apply(text)
        let ellipsis = folding == .none ? given : folding.apply(given)
        if of(text) <= width { return text }
        let room = width - of(ellipsis)
        var out = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > room { break }
            out.append(ch)
            used += w
        }
        return room > 0 ? out + ellipsis : String(ellipsis.prefix(width))
    }

    /// The string padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    /// Words wrapped into lines of at most `width` columns (long words are cut).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let text = folding == .none ? text : folding.apply(text)
        // Line breaks in the text (minutes typed in a text box) start new lines.
        if text.contains("\n") {
            return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(String($0), width: width) }
        }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if of(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = of(word) <= width ? word : truncate(word, to: width)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
