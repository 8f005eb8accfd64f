/// Draws the whole screen from the state. Pure: the same state and size always give the
/// same screen, so every screen can be tested as text. The stack is drawn from the last
/// screen that covers the body upward, so a question or the help sits over what it is about.
public func view(_ state: AppState, size: Size) -> Screen {
    let lines = state.theme.lines == .terminal
    let folding = DisplayWidth.Folding(ascii: state.theme.asciiOnly, symbols: lines, keepLines: lines)
    var screen = DisplayWidth.$folding.withValue(folding) { drawView(state, size: size) }
    if state.theme.palette == .highContrast {
        // Nothing dim in the high-contrast theme, wherever a screen asked for it.
        screen.restyle(Rect(x: 0, y: 0, width: size.width, height: size.height)) { $0.dim = false }
    }
    return screen
}

/// The frame itself, drawn with the text folding for this terminal in force.
private func drawView(_ state: AppState, size: Size) -> Screen {
    let terminalLines = state.theme.lines == .terminal
    var screen = Screen(width: size.width, height: size.height, asciiOnly: state.theme.asciiOnly, keepsLines: terminalLines,
                        foldsSymbols: terminalLines)
    if size.width < Size.minimum.width || size.height < Size.minimum.height {
        TooSmallView.render(size: size, keysIgnored: state.status.hasPrefix(TooSmallView.ignored), on: &screen)
        return screen
    }
    let layout = MainLayout(size: size, plain: state.theme.plain, focus: state.focus)
    TitleBar.render(state, in: layout.title, on: &screen)
    // The plain mode shows one screen at a time: a question or the help alone, not over
    // what is under it, so a screen reader reads only what is in front of the person.
    let base = state.theme.plain ? (state.stack.isEmpty ? nil : state.stack.count - 1) : state.stack.lastIndex { !$0.isOverlay }
    if base == nil { MainPage.render(state, layout: layout, on: &screen) }
    for entry in state.stack[(base ?? 0)...] {
        switch entry {
        case .signIn(let form): SignInPage.render(form, state, in: layout.body, on: &screen)
        case .detail(let detail): DetailPages.render(detail, state, in: layout.body, on: &screen)
        case .meetingForm(let form): MeetingFormPage.render(form, state, in: layout.body, on: &screen)
        case .recordForm(let form): RecordFormPage.render(form, state, in: layout.body, on: &screen)
        case .stepForm(let form): StepFormPage.render(form, state, in: layout.body, on: &screen)
        case .prompt(let prompt): PromptPage.render(prompt, state, in: layout.body, on: &screen)
        case .help(let help): HelpPage.render(help, state, in: layout.body, on: &screen)
        }
    }
    StatusLine.render(state, in: layout.status, on: &screen)
    if state.session != nil { HintLine.render(state, in: layout.hints, on: &screen) }
    if var cursor = screen.cursor, state.cursorAlwaysVisible { cursor.visible = true; screen.cursor = cursor }
    return screen
}

/// Shown instead of the screens when the terminal is smaller than 80×24.
enum TooSmallView {
    /// The start of the status line while keys are typed into a window too small.
    static let ignored = "Not used: the window is too small"

    static func render(size: Size, keysIgnored: Bool = false, on screen: inout Screen) {
        var message = "Terminal too small: need \(Size.minimum.width)×\(Size.minimum.height), have \(size.width)×\(size.height)"
        if keysIgnored { message += ". Keys typed now are not used." }
        let lines = DisplayWidth.wrap(message, width: max(1, size.width))
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            screen.put(line, x: x, y: top + i, style: .bold)
        }
    }
}

/// The top row: the programme, a banner such as "Demo data", and the date and time.
enum TitleBar {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        if state.theme.plain {
            // One sentence: who, where and when, nothing abbreviated.
            let place = state.programmeName.isEmpty ? "Coproduce" : state.programmeName
            let banner = state.banner.isEmpty ? "" : ", \(state.banner.lowercased())"
            let who = state.session.map { " \($0.name), \($0.role.name)." } ?? ""
            let when = " \(state.now.date.long), \(state.now.time)."
            // The date and who is signed in are never cut: the programme's name gives way.
            var words = place + banner + "." + who + when
            if DisplayWidth.of(words) > rect.width {
                let room = rect.width - DisplayWidth.of(banner + "." + who + when)
                words = DisplayWidth.truncate(place, to: max(1, room), ellipsis: state.theme.glyphs.ellipsis) + banner + "." + who + when
            }
            screen.put(words, x: rect.x, y: rect.y, style: .bold, maxWidth: rect.width)
            return
        }
        let style = state.theme.titleBar
        screen.fill(rect, style: style)
        var right = "\(state.now.date.long) \(state.now.time) "
        if let who = state.session { right = "\(who.name) (\(who.role.name))  " + right }
        var left = " Coproduce" + (state.programmeName.isEmpty ? "" : " \(state.theme.glyphs.dot) \(state.programmeName)")
        if !state.banner.isEmpty { left += "  [\(state.banner)]" }
        // Tight for room: the programme's name alone (shortened if need be, never replaced by
        // the app's), then the role left out of who is signed in.
        let banner = state.banner.isEmpty ? "" : " [\(state.banner)]"
        let room = { rect.width - DisplayWidth.of(right) - 1 }
        if DisplayWidth.of(left) > room() && !state.programmeName.isEmpty { left = " " + state.programmeName + banner }
        if DisplayWidth.of(left) > room(), let who = state.session {
            right = "\(who.name)  \(state.now.date.long) \(state.now.time) "
        }
        if DisplayWidth.of(left) > room() {
            left = " " + DisplayWidth.truncate(state.programmeName.isEmpty ? "Coproduce" : state.programmeName,
                                               to: max(1, room() - 1 - DisplayWidth.of(banner)), ellipsis: state.theme.glyphs.ellipsis) + banner
        }
        screen.put(left, x: rect.x, y: rect.y, style: style, maxWidth: room())
        screen.put(right, x: rect.maxX - DisplayWidth.of(right), y: rect.y, style: style)
    }
}

/// The line above the hints: the filter being typed, or what just happened.
enum StatusLine {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        if state.editingFilter && state.stack.isEmpty {
            let f = state[state.focus].filter
            screen.put(" Filter \(state.focus.title.lowercased()): ", x: rect.x, y: rect.y, style: .bold)
            let x = rect.x + DisplayWidth.of(" Filter \(state.focus.title.lowercased()): ")
            let (shown, column) = LineEditor(f, caret: state.main.filterCaret).visible(width: rect.width - x - 30)
            screen.put(shown, x: x, y: rect.y, style: .plain)
            screen.cursor = Cursor(x: x + column, y: rect.y, visible: true)
            screen.put("Enter keeps  Esc clears ", x: rect.maxX - 24, y: rect.y, style: state.theme.secondary)
        } else if let seconds = state.lockCountdown {
            // The last minute before a lock: what will happen, and how to stop it.
            let words: String
            if RegisterPage.staysOpen(state) {
                words = "Notes hide in \(seconds) s: press any key to keep them showing."
            } else if state.session?.role == .champion {
                words = "Signing you out in \(seconds) s (anything not saved is lost): press a key to stay."
            } else {
                words = "Locking in \(seconds) s: press any key to stay signed in."
            }
            screen.put(" " + words, x: rect.x, y: rect.y, style: state.theme.status(.warn), maxWidth: rect.width)
        } else if !state.status.isEmpty {
            screen.put(" " + ParentWords.fit(state.status, state), x: rect.x, y: rect.y, style: .plain, maxWidth: rect.width)
        }
    }
}

/// The bottom row: the keys of the screen on top that do something now, for the signed-in
/// role, in that screen's own words, made from the action table.
enum HintLine {
    /// The key and word pairs shown: the screen's own, then the shared ones (help, lock).
    static func pairs(_ state: AppState) -> (own: [(String, String)], shared: [(String, String)]) {
        let screen = state.screen
        let keys = state.keyMap.keys(on: screen, role: state.session?.role).filter { $0.hint != nil }
        let detail = state.stack.last.flatMap { DetailState(entry: $0) }
        let shown = keys.filter { key in
            if let detail { return DetailPages.available(key.action, detail, state) }
            if screen == .main { return MainPage.available(key.action, state) }
            return true
        }
        // The screen's own keys first, then help and lock.
        let own = shown.filter { !ActionTable.global.contains($0.action) }
        let shared = shown.filter { ActionTable.global.contains($0.action) }
        var ownPairs = own.map { ($0.firstKey, $0.hint ?? "") }
        if state.inTextBox, let save = ownPairs.firstIndex(where: { $0.0 == Key.enter.label }) {
            // In a text box Enter starts a new line; Ctrl-S saves.
            ownPairs[save] = (Key.control("s").label, ownPairs[save].1)
            ownPairs.insert((Key.enter.label, "new line"), at: save)
        }
        return (ownPairs, shared.map { ($0.firstKey, $0.hint ?? "") })
    }

    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        var (own, shared) = pairs(state)
        // Key names in ASCII where the terminal needs it, measured before they are drawn.
        own = own.map { (state.theme.text($0.0), $0.1) }
        shared = shared.map { (state.theme.text($0.0), $0.1) }
        if state.theme.plain {
            // A sentence: "Keys: Tab pane, Down move, ? help."
            func words(_ list: [(String, String)]) -> String { "Keys: " + list.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "." }
            while DisplayWidth.of(words(own + shared)) > rect.width - 1, !own.isEmpty { own.removeLast() }
            while DisplayWidth.of(words(own + shared)) > rect.width - 1, shared.count > 1 { shared.removeLast() }
            screen.put(words(own + shared), x: rect.x, y: rect.y, maxWidth: rect.width)
            return
        }
        // Help and lock stay in sight: the screen's own keys give way from the end.
        func width(_ list: [(String, String)]) -> Int { list.reduce(0) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 } }
        while width(own + shared) > rect.width - 1, !own.isEmpty { own.removeLast() }
        while width(own + shared) > rect.width - 1, shared.count > 1 { shared.removeLast() }
        var x = rect.x + 1
        for (key, word) in own + shared {
            x += screen.put(key, x: x, y: rect.y, style: state.theme.key)
            x += screen.put(" " + word + "  ", x: x, y: rect.y, style: .plain)
        }
    }
}
