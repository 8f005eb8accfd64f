/// The `?` overlay: every key, made from the same table that drives the key map.
enum HelpOverlay {
    static func lines() -> [(key: String, help: String, heading: Bool)] {
        var out: [(String, String, Bool)] = []
        for section in ActionTable.sections {
            out.append((section, "", true))
            for spec in ActionTable.all where spec.section == section {
                out.append((spec.keyLabel, spec.help, false))
            }
        }
        return out
    }

    static func render(_ state: AppState, in body: Rect, on screen: inout Screen) {
        let entries = lines()
        let keyWidth = entries.filter { !$0.heading }.map { DisplayWidth.of($0.key) }.max() ?? 8
        let helpWidth = entries.map { DisplayWidth.of($0.help) }.max() ?? 20
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
        let columnWidth = keyWidth + 2 + helpWidth
        let width = min(body.width, (split ? 2 * columnWidth + 2 : columnWidth) + 4)
        let height = min(body.height, max(left.count, right.count) + 2)
        let rect = body.centred(width: width, height: height)
        screen.fill(rect)
        let inner = Box(title: "Help: keys", footer: "? or Esc closes", focused: true).render(in: rect, on: &screen, theme: state.theme)
        for (column, list) in [left, right].enumerated() {
            let x = inner.x + 1 + column * (columnWidth + 2)
            for (i, entry) in list.enumerated() where i < inner.height {
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
