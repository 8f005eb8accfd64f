/// Draws the whole screen from the state. Pure: the same state and size always give the
/// same screen, so every screen can be tested as text.
public func view(_ state: AppState, size: Size) -> Screen {
    var screen = Screen(width: size.width, height: size.height, asciiOnly: state.theme.asciiOnly)
    if size.width < Size.minimum.width || size.height < Size.minimum.height {
        TooSmallView.render(size: size, on: &screen)
        return screen
    }
    let layout = MainLayout(size: size)
    TitleBar.render(state, in: layout.title, on: &screen)
    if state.session == nil {
        SignInView.render(state, in: layout.body, on: &screen)
        StatusLine.render(state, in: layout.status, on: &screen)
        return screen
    }
    if let detail = state.detail, detail.target.isProgrammeList {
        ProgrammeView.render(detail, state: state, in: layout.body, on: &screen)
    } else if let detail = state.detail {
        DetailView.render(detail, state: state, in: layout.body, on: &screen)
    } else {
        MeetingsPane.render(state, in: layout.rect(.meetings), on: &screen)
        AreasPane.render(state, in: layout.rect(.areas), on: &screen)
        CrechePane.render(state, in: layout.rect(.creche), on: &screen)
    }
    if let form = state.form { FormView.render(form, state: state, in: layout.body, on: &screen) }
    if let form = state.recordForm { FormView.render(form, state: state, in: layout.body, on: &screen) }
    if let form = state.stepForm { FormView.render(form, state: state, in: layout.body, on: &screen) }
    if let prompt = state.prompt { PromptView.render(prompt, state: state, in: layout.body, on: &screen) }
    StatusLine.render(state, in: layout.status, on: &screen)
    HintLine.render(state, in: layout.hints, on: &screen)
    if state.helpVisible { HelpOverlay.render(state, in: layout.body, on: &screen) }
    return screen
}

/// Shown instead of the screens when the terminal is smaller than 80×24.
enum TooSmallView {
    static func render(size: Size, on screen: inout Screen) {
        let message = "Terminal too small: need \(Size.minimum.width)×\(Size.minimum.height), have \(size.width)×\(size.height)"
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
        let style = state.theme.titleBar
        screen.fill(rect, style: style)
        var right = "\(state.now.date.long) \(state.now.time) "
        if let who = state.session { right = "\(who.name) (\(who.role.name))  " + right }
        var left = " Coproduce \(state.theme.glyphs.dot) A Better Start Southend"
        if !state.banner.isEmpty { left += "  [\(state.banner)]" }
        if DisplayWidth.of(left) + DisplayWidth.of(right) + 1 > rect.width {
            left = " Coproduce" + (state.banner.isEmpty ? "" : " [\(state.banner)]")
        }
        screen.put(left, x: rect.x, y: rect.y, style: style, maxWidth: rect.width - DisplayWidth.of(right) - 1)
        screen.put(right, x: rect.maxX - DisplayWidth.of(right), y: rect.y, style: style)
    }
}

/// The line above the hints: the filter being typed, or what just happened.
enum StatusLine {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        if state.editingFilter && state.detail == nil && state.form == nil {
            let f = state[state.focus].filter
            screen.put(" Filter \(state.focus.title.lowercased()): ", x: rect.x, y: rect.y, style: .bold)
            let x = rect.x + DisplayWidth.of(" Filter \(state.focus.title.lowercased()): ")
            let w = screen.put(f, x: x, y: rect.y, style: .plain, maxWidth: rect.width - x - 30)
            screen.put("▏", x: x + w, y: rect.y, style: .bold)
            screen.put("Enter keeps  Esc clears ", x: rect.maxX - 24, y: rect.y, style: state.theme.secondary)
        } else if !state.status.isEmpty {
            screen.put(" " + state.status, x: rect.x, y: rect.y, style: .plain, maxWidth: rect.width)
        }
    }
}

/// The bottom row: the main keys, made from the action table.
enum HintLine {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let specs: [ActionSpec]
        if state.form != nil || state.recordForm != nil || state.stepForm != nil || state.prompt != nil {
            specs = ActionTable.all.filter { [.help, .forceQuit].contains($0.action) }
        } else if let target = state.detail?.target, target.isProgrammeList {
            // The programme screens' own words for the shared keys.
            var words: [(Action, String)] = [(.back, "back"), (.newMeeting, "new")]
            if target != .rewards { words += [(.review, "review"), (.moveIdea, "next step")] }
            if target == .marketing { words.append((.editMeeting, "new version")) }
            if target == .fund { words.append((.editMeeting, "budget")) }
            words.append((.help, "help"))
            draw(words.map { (ActionTable.spec($0.0).keys.first?.label ?? "", $0.1) }, state: state, in: rect, on: &screen)
            return
        } else if case .register? = state.detail?.target {
            specs = ActionTable.all.filter { [.back, .signInChild, .signOutChild, .bookChild, .help].contains($0.action) }
        } else if case .meeting? = state.detail?.target, state.session?.role == .champion {
            specs = ActionTable.all.filter { [.back, .accept, .apologies, .help, .lock].contains($0.action) }
        } else if case .meeting? = state.detail?.target {
            specs = ActionTable.all.filter { [.back, .editMeeting, .preMeeting, .cancelMeeting, .help, .lock].contains($0.action) }
        } else if state.detail != nil {
            specs = ActionTable.all.filter { [.moveDown, .back, .help, .lock, .forceQuit].contains($0.action) }
        } else {
            // Esc has nothing to go back to on the main screen; it clears a filter, which
            // the status line says while one is set.
            specs = ActionTable.all.filter { $0.hint != nil && $0.action != .back }
        }
        draw(specs.map { ($0.keys.first.map(\.label) ?? $0.keyLabel, $0.action == .editMeeting ? "edit" : $0.hint ?? $0.help.lowercased()) },
             state: state, in: rect, on: &screen)
    }

    static func draw(_ pairs: [(String, String)], state: AppState, in rect: Rect, on screen: inout Screen) {
        var x = rect.x + 1
        for (key, word) in pairs {
            let needed = DisplayWidth.of(key) + 1 + DisplayWidth.of(word) + 2
            if x + needed > rect.maxX { break }
            x += screen.put(key, x: x, y: rect.y, style: state.theme.key)
            x += screen.put(" " + word + "  ", x: x, y: rect.y, style: .plain)
        }
    }
}
