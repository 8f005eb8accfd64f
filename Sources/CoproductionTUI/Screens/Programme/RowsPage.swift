import Foundation
import Coproduction
import CoproductionStore

/// A page of rows to choose from: a summary at the top, the rows, and the chosen row's
/// details under a rule at the bottom (the fund, marketing, rewards and actions).
protocol RowsPage: DetailPage {
    /// The summary, the rows and the chosen row's details.
    static func parts(_ content: DetailContent, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line])
}

extension RowsPage {
    static func render(_ detail: DetailState, _ state: AppState, in body: Rect, on screen: inout Screen) {
        let inner = Box(title: ParentWords.fit(title, state), footer: "", focused: true).render(in: body, on: &screen, theme: state.theme)
        guard let content = detail.content else { return }
        let width = inner.width - 2
        let (header, rows, details) = parts(content, selected: detail.selected, state: state, width: width)
        // The chosen row's details take what they need (a child's notes are never cut), leaving
        // the list at least three rows.
        let detailHeight = min(details.count, max(3, inner.height / 2 - 1, inner.height - header.count - 4))
        let listHeight = inner.height - header.count - (detailHeight > 0 ? detailHeight + 1 : 0)
        var y = inner.y
        func draw(_ line: Line, _ style: Style? = nil) {
            var x = inner.x + 1
            if let style { screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            for (text, spanStyle) in line.spans {
                let room = inner.maxX - 1 - x
                guard room > 0 else { break }
                x += screen.put(DisplayWidth.truncate(text, to: room, ellipsis: state.theme.glyphs.ellipsis), x: x, y: y,
                                style: style.map { Style(foreground: $0.foreground, bold: spanStyle.bold, reverse: true) } ?? spanStyle)
            }
            y += 1
        }
        for line in header { draw(line) }
        if state.theme.plain {
            // The plain mode: each row whole, its text wrapped under itself rather than cut, and
            // the chosen row always on screen with the cursor on it.
            let wrapped = rows.map { row in
                DisplayWidth.wrap(row.spans.map(\.0).joined().trimmingCharacters(in: .whitespaces)
                                      .replacingOccurrences(of: "  +", with: " ", options: .regularExpression), width: max(1, width - 2))
            }
            let bottom = y + max(0, listHeight)
            var start = 0
            if wrapped.indices.contains(detail.selected) {
                while start < detail.selected, wrapped[start...detail.selected].reduce(0, { $0 + $1.count }) > listHeight { start += 1 }
            }
            for i in rows.indices.dropFirst(start) where y < bottom {
                let selected = i == detail.selected
                let first = y
                if selected {
                    screen.cursor = Cursor(x: inner.x + 1, y: y, visible: false)
                    screen.put(state.theme.glyphs.cursor, x: inner.x + 1, y: y, style: .bold)
                }
                for text in wrapped[i] where y < bottom {
                    screen.put(text, x: inner.x + 3, y: y, style: selected ? .bold : .plain, maxWidth: width - 2)
                    y += 1
                }
                screen.hit(Rect(x: inner.x, y: first, width: inner.width, height: y - first), .detailRow(i))
            }
            y = bottom
        }
        let top = rows.isEmpty || state.theme.plain ? 0 : max(0, min(detail.selected - listHeight + 1, rows.count - listHeight, detail.selected))
        let shown = rows.isEmpty || state.theme.plain ? [] : Array(rows.indices.dropFirst(max(0, top)).prefix(max(0, listHeight)))
        for i in shown {
            let selected = i == detail.selected
            if selected { screen.cursor = Cursor(x: inner.x + 1, y: y, visible: false) }
            screen.hit(Rect(x: inner.x, y: y, width: inner.width, height: 1), .detailRow(i))
            var line = rows[i]
            line.spans.insert(((selected ? state.theme.glyphs.cursor : " ") + " ", .bold), at: 0)
            draw(line, selected ? Style(reverse: true) : nil)
        }
        if rows.count > listHeight, listHeight > 0, !state.theme.plain {
            // Where the list is goes in the box's bottom edge, never over a row's text (the
            // plain mode says it on the status line instead).
            let note = " \(top + 1)–\(min(rows.count, top + listHeight)) of \(rows.count) "
            screen.put(note, x: body.maxX - 2 - DisplayWidth.of(note), y: body.maxY - 1, style: state.theme.focusedBorder)
        }
        guard detailHeight > 0 else { return }
        y = inner.maxY - detailHeight - 1
        if !state.theme.plain { screen.put(String(repeating: state.theme.glyphs.h, count: inner.width), x: inner.x, y: y, style: state.theme.secondary) }
        y += 1
        for line in details.prefix(detailHeight) { draw(line) }
    }
}

