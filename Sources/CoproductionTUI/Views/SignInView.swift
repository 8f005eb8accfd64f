/// The sign-in screen: a name, a PIN or passphrase shown only as dots, and a message. It
/// shows no data at all, so a locked screen on a shared machine gives nothing away.
enum SignInView {
    static func render(_ state: AppState, in body: Rect, on screen: inout Screen) {
        let form = state.signIn
        let g = state.theme.glyphs
        let rect = body.centred(width: 60, height: 13)
        let inner = Box(title: "Sign in", footer: "", focused: true).render(in: rect, on: &screen, theme: state.theme)
        var y = inner.y + 1
        screen.put("Sign in to see meetings, areas and crèches.", x: inner.x + 2, y: y, style: state.theme.secondary)
        y += 2
        let fieldWidth = inner.width - 26
        for (field, label, value) in [(SignInForm.Field.name, "Name", form.name),
                                      (.secret, "PIN or passphrase", String(repeating: "•", count: form.secret.count))] {
            let focused = form.field == field
            screen.put((focused ? g.cursor : " ") + " " + DisplayWidth.pad(label, to: 19), x: inner.x + 1, y: y,
                       style: focused ? .bold : .plain)
            let shown = DisplayWidth.of(value) > fieldWidth - 1
                ? String(value.suffix(fieldWidth - 2)) : value
            screen.put(DisplayWidth.pad(shown + (focused ? "▏" : ""), to: fieldWidth), x: inner.x + 23, y: y,
                       style: Style(underline: true))
            y += 2
        }
        for line in DisplayWidth.wrap(form.message, width: inner.width - 4).prefix(3) where !form.message.isEmpty {
            screen.put(line, x: inner.x + 2, y: y, style: state.theme.status(.warn))
            y += 1
        }
        screen.put("Tab next field  Enter sign in  Esc clear  Ctrl-C quit", x: inner.x + 2, y: inner.maxY - 1,
                   style: state.theme.secondary)
    }
}
