/// The `?` overlay: every key, made from the same table that drives the key map.
enum HelpOverlay {
    static func lines(headings: Bool = true) -> [(key: String, help: String, heading: Bool)] {
        var out: [(String, String, Bool)] = []
        for section in ActionTable.sections {
            if headings { out.append((section, "", true)) }
            for entry in ActionTable.helpEntries where entry.section == section {
                out.append((entry.keys, entry.help, false))
            }
        }
        return out
    }

    /// The two columns the help is laid out in for a body (the right one empty when one
    /// column fits).
    static func columns(for body: Rect) -> (left: [(key: String, help: String, heading: Bool)],
                                           right: [(key: String, help: String, heading: Bool)]) {
        let withHeadings = columns(lines(), body: body)
        if max(withHeadings.left.count, withHeadings.right.count) + 2 <= body.height { return withHeadings }
        // Every key on one screen matters more than the section headings.
        return columns(lines(headings: false), body: body)
    }

    static func columns(_ entries: [(key: String, help: String, heading: Bool)], body: Rect)
        -> (left: [(key: String, help: String, heading: Bool)], right: [(key: String, help: String, heading: Bool)]) {
        // Two columns when one is too tall, split evenly; a section that runs on into the
        // right-hand column has its heading repeated there.
        let split = entries.count + 2 > body.height
        var left = entries
        var right: [(key: String, help: String, heading: Bool)] = []
        if split {
            let half = (entries.count + 2) / 2
            left = Array(entries[..<half])
            right = Array(entries[half...])
            if let first = right.first, !first.heading,
               let heading = left.last(where: { $0.heading }) {
                right.insert((heading.key + " (continued)", "", true), at: 0)
            }
            if left.last?.heading == true { right.insert(left.removeLast(), at: 0) }
        }
        return (left, right)
    }

    /// How far the help can scroll at the state's size (0 when it all fits).
    static func maxScroll(_ state: AppState) -> Int {
        let body = MainLayout(size: state.size).body
        let (left, right) = columns(for: body)
        return max(0, max(left.count, right.count) - (body.height - 2))
    }

    static func render(_ state: AppState, in body: Rect, on screen: inout Screen) {
        let entries = lines()
        let keyWidth = entries.filter { !$0.heading }.map { DisplayWidth.of($0.key) }.max() ?? 8
        let helpWidth = entries.map { DisplayWidth.of($0.help) }.max() ?? 20
        let (left, right) = columns(for: body)
        let split = !right.isEmpty
        let columnWidth = keyWidth + 2 + helpWidth
        let width = min(body.width, (split ? 2 * columnWidth + 2 : columnWidth) + 4)
        let height = min(body.height, max(left.count, right.count) + 2)
        let rect = body.centred(width: width, height: height)
        let scroll = min(state.helpScroll, maxScroll(state))
        let more = scroll < maxScroll(state)
        screen.fill(rect)
        let footer = more ? "↓ more  ? or Esc closes" : "? or Esc closes"
        let inner = Box(title: "Help: keys", footer: footer, focused: true).render(in: rect, on: &screen, theme: state.theme)
        for (column, list) in [left, right].enumerated() {
            let x = inner.x + 1 + column * (columnWidth + 2)
            for (i, entry) in list.dropFirst(scroll).prefix(inner.height).enumerated() {
                if entry.heading {
                    screen.put(entry.key, x: x, y: inner.y + i, style: state.theme.heading)
                } else {
                    screen.put(DisplayWidth.pad(entry.key, to: keyWidth), x: x, y: inner.y + i, style: state.theme.key)
                    screen.put(entry.help, x: x + keyWidth + 2, y: inner.y + i, maxWidth: inner.maxX - x - keyWidth - 2)
                }
            }
        }
    }
}
