/// The sign-in form: a name and a PIN or passphrase, which is never shown.
public struct SignInForm: Hashable, Sendable {
    /// The two fields.
    public enum Field: Hashable, Sendable { case name, secret }
    /// The name typed.
    public var name = ""
    /// The PIN or passphrase typed (shown as dots; cleared after every try).
    public var secret = ""
    /// The field keys go to.
    public var field: Field = .name
    /// Why the last try failed, or why the screen is locked.
    public var message = ""
    /// The cursor in the field keys go to.
    public var caret = Caret(selectedAll: false)
    /// Whose locked session this is, while their name is offered (Esc clears it).
    public var lockedFor: String?

    /// Applies an edit to the field keys go to.
    mutating func edit(_ edit: LineEditor.Edit) {
        if field == .name { LineEditor.apply(edit, to: &name, caret: &caret) } else { LineEditor.apply(edit, to: &secret, caret: &caret) }
    }

    /// An empty form.
    public init() {}
}

/// The sign-in and lock screen. It shows no data and nobody's name, so a locked screen on a
/// shared machine gives nothing away about who used it last.
enum SignInPage {
    /// Keys on the sign-in screen: typing goes into the fields; Enter on the secret signs in.
    static func handle(_ action: Action?, _ key: Key, _ state: inout AppState) -> [Command]? {
        guard var form = state.top(SignInForm.self) else { return nil }
        var commands: [Command] = []
        switch action {
        case .moveInText?, .moveByWord?, .rubOut?, .cutText?, nil:
            guard let edit = LineEditor.edit(for: key) else { return [] }
            form.edit(edit)
        case .nextField?, .previousField?:
            form.field = form.field == .name ? .secret : .name
            form.caret = Caret(selectedAll: false)
        case .back?:
            // Someone else at the keys: a blank form, and the last person's screens are not
            // reopened for them.
            form = SignInForm()
            state.resume = []
            state.resumeFor = nil
        case .save?:
            if form.field == .name {
                form.field = .secret
                form.caret = Caret(selectedAll: false)
            } else if form.name.trimmingCharacters(in: .whitespaces).isEmpty {
                form.message = "Type your name first."
                form.field = .name
            } else {
                commands = [.signIn(name: form.name.trimmingCharacters(in: .whitespaces), secret: form.secret)]
                form.secret = ""
            }
        default:
            return nil
        }
        state.updateTop { (top: inout SignInForm) in top = form }
        return commands
    }

    /// A refused sign-in: the same words whatever the reason, and the name kept to try again.
    static func refused(_ state: inout AppState, _ words: String) {
        state.updateTop { (form: inout SignInForm) in
            form.secret = ""
            form.message = words
        }
    }

    static func render(_ form: SignInForm, _ state: AppState, in body: Rect, on screen: inout Screen) {
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
            let caret = focused ? form.caret : Caret(cursor: 0, selectedAll: false)
            let (shown, column) = LineEditor(value, caret: caret).visible(width: fieldWidth)
            screen.put(DisplayWidth.pad(shown, to: fieldWidth), x: inner.x + 23, y: y, style: Style(underline: true))
            if focused { screen.cursor = Cursor(x: inner.x + 23 + column, y: y, visible: true) }
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
