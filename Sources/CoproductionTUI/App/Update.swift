import Coproduction
import CoproductionStore

/// The only writer of the state. Pure: no database, no terminal, no clock. Keys go to the
/// screen on top of the stack; the root keeps only what every screen shares (quit, redraw,
/// help, lock, switch user) and the results of commands, which come back as messages.
public func update(_ state: inout AppState, _ message: Message) -> [Command] {
    let before = state.theme.plain ? state : nil
    var commands = step(&state, message)
    if let before { PlainAnnouncer.announce(from: before, to: &state) }
    // A form or question just opened asks once for the names its pickers offer.
    if let sources = state.askChoices() { commands.append(.readChoices(sources)) }
    return commands
}

private func step(_ state: inout AppState, _ message: Message) -> [Command] {
    switch message {
    case .key(let key):
        state.lockCountdown = nil
        return keyPressed(&state, key)
    case .paste(let text):
        state.lockCountdown = nil
        Paste.into(&state, text)
        return []
    case .mouse(let event):
        state.lockCountdown = nil
        return MouseInput.handle(event, &state, key: keyPressed)
    case .resize(let size):
        state.size = size
        MainPage.keepInView(&state)
        if !state.tooSmall && state.status.hasPrefix(TooSmallView.ignored) {
            state.status = "The window is big enough again: keys typed while it was too small were not used."
        }
        return []
    case .clock(let now):
        state.now = now
        state.checker.today = now.date
        return RegisterPage.alerts(&state)
    case .idle(let minutes):
        guard state.session != nil else { return [] }
        state.lockCountdown = nil
        if RegisterPage.staysOpen(state) {
            // Children are in: the register stays (anything over it closes), only their notes
            // are hidden.
            if let at = state.stack.lastIndex(where: { if case .detail(let d) = $0, case .register = d.target { return true } else { return false } }) {
                state.stack.removeSubrange((at + 1)...)
            }
            if !state.notesHidden {
                state.notesHidden = true
                state.status = "Notes hidden after \(minutes) minutes without a key: p and your PIN show them."
            }
            return []
        }
        state = state.lockedForRole("Locked after \(Plural.count(minutes, "minute")) without a key.")
        return [.forget]
    case .notesShown:
        state.notesHidden = false
        return []
    case .lockCountdown(let seconds):
        guard state.session != nil, !(RegisterPage.staysOpen(state) && state.notesHidden) else { return [] }
        state.lockCountdown = seconds
        return []
    case .signedIn(let actor):
        let reopen = state.resumeFor == actor.userID ? state.resume : []
        state.resume = []
        state.resumeFor = nil
        state.session = actor
        for target in reopen { state.stack.append(.detail(DetailState(target: target))) }
        state.status = "Signed in as \(actor.name) (\(actor.role.name))."
        return [.forget]
    case .plainPreference(let on):
        state.theme.plain = on || state.plainAtStart
        MainPage.keepInView(&state)
        return []
    case .signInRefused(let words):
        SignInPage.refused(&state, words)
        return []
    case .checkerRead(let checker):
        state.checker = checker
        state.checker.today = state.today
        return []
    case .listCounted(let pane, let total, let more):
        state[pane].total = total
        state[pane].moreThanTotal = more
        MainPage.keepInView(&state, pane)
        return []
    case .meetingsRead(let pane, let window):
        if pane == .creche { state.main.creches = window } else { state.main.meetings = window }
        return []
    case .areasRead(let window):
        state.main.areas = window
        return []
    case .crecheAlertsRead(let alerts):
        state.main.crecheAlerts = alerts
        MainPage.keepInView(&state, .creche)
        return []
    case .detailRead(let target, let content):
        for i in state.stack.indices {
            guard case .detail(var d) = state.stack[i], d.target == target else { continue }
            d.content = content
            d.loaded = true
            if let child = d.selectRecord, let row = content?.row(ofRecord: child) {
                d.selected = row
                d.selectRecord = nil
            }
            d.selected = min(d.selected, max(0, (content?.rowCount ?? 0) - 1))
            state.stack[i] = .detail(d)
        }
        return []
    case .detailRefused(let target, let words):
        state.stack.removeAll { if case .detail(let d) = $0 { return d.target == target } else { return false } }
        state.status = words
        return []
    case .present(let screen):
        state.main.editingFilter = false
        state.stack.append(screen)
        return []
    case .followUp(let screen):
        state.pop()
        state.stack.append(screen)
        return []
    case .status(let words):
        state.status = words
        return []
    case .saved(let saved):
        state.stack.removeLast(min(saved.close, state.stack.count))
        state.stack.removeAll { if case .detail(let d) = $0 { return saved.gone.contains(d.target) } else { return false } }
        if let target = saved.open {
            // The saved record replaces the detail screen it was opened from.
            if case .detail? = state.stack.last { state.stack.removeLast() }
            state.stack.append(.detail(DetailState(target: target)))
        }
        if let child = saved.selectRecord { state.updateTop { (d: inout DetailState) in d.selectRecord = child } }
        switch saved.undo {
        case .keep: break
        case .clear: state.undo = nil
        case .set(let change): state.undo = change
        }
        state.status = saved.status
        return []
    case .meetingFormProblems(let errors, let words):
        state.updateTop { (form: inout MeetingForm) in form.show(errors, words) }
        return []
    case .recordFormProblems(let errors, let words):
        state.updateTop { (form: inout RecordForm) in form.show(errors, words) }
        return []
    case .stepFormProblems(let errors, let words, let warned):
        state.updateTop { (form: inout StepForm) in
            form.show(errors, words)
            form.warnedFor = warned
        }
        return []
    case .settingsRead(let checker, let name, let lockMinutes, let bell):
        state.checker = checker
        state.checker.today = state.today
        state.programmeName = name
        state.autoLockMinutes = lockMinutes
        state.alertBell = bell
        return []
    case .promptProblem(let words):
        guard case .prompt(var prompt)? = state.stack.last else { return [] }
        prompt.error = words
        state.stack[state.stack.count - 1] = .prompt(prompt)
        return []
    case .choicesRead(let found):
        state.giveChoices(found)
        return []
    case .agendaPulled(let agenda, let version, let words):
        state.updateTop { (form: inout MeetingForm) in
            form.agenda = agenda
            form.dirty = true
            if case .existing(let id, _) = form.target { form.target = .existing(id: id, version: version) }
            form.message = words
        }
        return []
    }
}

/// A key: the global ones first, then the screen on top, then what it hands back.
private func keyPressed(_ state: inout AppState, _ key: Key) -> [Command] {
    let screen = state.screen
    let action = state.keyMap.action(for: key, on: screen)
    if action == .forceQuit {
        // A changed form asks first, as Esc does; a second Ctrl-C quits whatever happens.
        if !state.quitWhenDiscarded, let i = state.stack.lastIndex(where: \.isChangedForm) {
            state.stack.removeSubrange((i + 1)...)
            state.confirmDiscard()
            state.quitWhenDiscarded = true
            return []
        }
        state.quitRequested = true
        return []
    }
    if action == .redraw { return [.redraw] }
    if state.tooSmall {
        if action == .quit && screen == .main && state.session != nil { state.quitRequested = true }
        // Nothing typed acts while the screens cannot be drawn: say so rather than drop it quietly.
        state.status = TooSmallView.ignored + " to show what a key would do. Make it 80×24 or larger; Ctrl-C quits."
        return []
    }
    if screen == .main && state.main.editingFilter, let handled = MainPage.filterKey(&state, key) { return handled }
    if let action, let role = state.session?.role, let use = ActionTable.use(action, on: screen), !use.permission.allows(role) {
        state.status = refusal(use, role: role)
        return []
    }
    if let commands = handleOnTop(&state, action, key) { return commands }
    switch action {
    case .help?:
        state.stack.append(.help(HelpScreen(about: screen)))
    case .lock?:
        state = state.lockedForRole("Locked.")
        return [.forget]
    case .switchUser?:
        state = state.locked(keepingName: false, message: "Signed out. The next person can sign in.")
        return [.forget]
    case .changePin?:
        if let who = state.session { state.push(.stepForm(SetupForms.changeOwnPin(who.name))) }
    case .emailReminders?:
        return [.openEmailReminders]
    case .plainMode?:
        state.theme.plain.toggle()
        MainPage.keepInView(&state)
        state.status = state.theme.plain
            ? "Plain mode on: one list at a time, every row a sentence, no lines. F2 turns it off."
            : "Plain mode off: the panes and their lines are back. F2 turns it on again."
        return state.session == nil ? [] : [.savePlainMode(state.theme.plain)]
    default:
        break
    }
    return []
}

/// Gives a key to the screen on top; nil when the key is not that screen's.
private func handleOnTop(_ state: inout AppState, _ action: Action?, _ key: Key) -> [Command]? {
    switch state.stack.last {
    case nil: return MainPage.handle(action, &state)
    case .signIn?: return SignInPage.handle(action, key, &state)
    case .detail(let d)?: return DetailPages.handle(action, d, &state)
    case .meetingForm?: return MeetingFormPage.handle(action, key, &state)
    case .recordForm?: return RecordFormPage.handle(action, key, &state)
    case .stepForm?: return StepFormPage.handle(action, key, &state)
    case .prompt?: return PromptPage.handle(action, key, &state)
    case .help?: return HelpPage.handle(action, &state)
    }
}

/// Why a role may not use a key, in the store's own words.
func refusal(_ use: ActionUse, role: Role) -> String {
    if let words = use.refusal { return words }
    switch use.permission {
    case .may(let operation, let kind, _): return AccessDenied(role: role, operation: operation, kind: kind).description
    case .only(let roles): return "Only \(roles.map(\.name).joined(separator: " and ")) accounts use this key: it answers for the person signed in."
    default: return "Not available to \(role.name) accounts."
    }
}

/// A kind of screen that sits on the stack, so `update` can change the one on top.
protocol StackEntry {
    /// The screen, when the stack entry is one of these.
    init?(entry: ScreenState)
    /// The stack entry for it.
    var entry: ScreenState { get }
}

extension MeetingForm: StackEntry {
    init?(entry: ScreenState) { guard case .meetingForm(let f) = entry else { return nil }; self = f }
    var entry: ScreenState { .meetingForm(self) }
}
extension RecordForm: StackEntry {
    init?(entry: ScreenState) { guard case .recordForm(let f) = entry else { return nil }; self = f }
    var entry: ScreenState { .recordForm(self) }
}
extension StepForm: StackEntry {
    init?(entry: ScreenState) { guard case .stepForm(let f) = entry else { return nil }; self = f }
    var entry: ScreenState { .stepForm(self) }
}
extension PromptState: StackEntry {
    init?(entry: ScreenState) { guard case .prompt(let p) = entry else { return nil }; self = p }
    var entry: ScreenState { .prompt(self) }
}
extension DetailState: StackEntry {
    init?(entry: ScreenState) { guard case .detail(let d) = entry else { return nil }; self = d }
    var entry: ScreenState { .detail(self) }
}
extension HelpScreen: StackEntry {
    init?(entry: ScreenState) { guard case .help(let h) = entry else { return nil }; self = h }
    var entry: ScreenState { .help(self) }
}
extension SignInForm: StackEntry {
    init?(entry: ScreenState) { guard case .signIn(let f) = entry else { return nil }; self = f }
    var entry: ScreenState { .signIn(self) }
}

extension AppState {
    /// Changes the screen on top when it is of the given kind.
    mutating func updateTop<T: StackEntry>(_ change: (inout T) -> Void) {
        guard let top = stack.last, var screen = T(entry: top) else { return }
        change(&screen)
        stack[stack.count - 1] = screen.entry
    }

    /// The screen on top, when it is of the given kind.
    func top<T: StackEntry>(_ type: T.Type = T.self) -> T? { stack.last.flatMap { T(entry: $0) } }

    /// Closes the screen on top.
    mutating func pop() { if !stack.isEmpty { stack.removeLast() } }

    /// Opens a screen on top, leaving any filter being typed.
    mutating func push(_ screen: ScreenState) {
        main.editingFilter = false
        stack.append(screen)
    }
}
