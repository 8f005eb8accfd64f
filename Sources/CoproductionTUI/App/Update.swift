import Coproduction
import CoproductionStore

/// Work the controller must do after an update, beyond reading what the state now shows.
public enum Effect: Hashable, Sendable {
    /// Clear and redraw the whole terminal (Ctrl-L).
    case redraw
    /// Check the sign-in form's name and secret against the accounts.
    case signIn
    /// Open the meeting form on a saved meeting.
    case editMeeting(Int64)
    /// Open the meeting form on a new pre-meeting for a meeting.
    case preMeeting(Int64)
    /// Ask before cancelling or deleting a meeting.
    case askCancel(Int64), askDelete(Int64)
    /// Check and save the meeting form.
    case saveForm
    /// Act on the answered prompt.
    case answerPrompt
    /// Answer the signed-in champion's invitation to a meeting.
    case respond(Int64, Response)
    /// Undo this terminal's last change.
    case undo
    /// Open the record form on a meeting.
    case recordMeeting(Int64)
    /// Check and save the record form.
    case saveRecord
    /// Sign a booked child in now.
    case signInChild(Int64)
    /// Ask who collected a child.
    case askSignOut(Int64)
    /// Pull every idea ready for the Board onto the agenda of the meeting in the form.
    case pullIdeas
    /// Check and save the fund, marketing or rewards form.
    case saveStep
}

/// The one place key presses change the state. Pure: no database and no terminal. The
/// controller reads whatever rows the new state shows.
public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .resize(let size):
        state.size = size
        for pane in PaneID.allCases { scrollIntoView(&state, pane) }
        return []
    case .key(let key):
        return handle(&state, key)
    }
}

private func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
    let action = ActionTable.action(for: key)
    if action == .forceQuit {
        state.quitRequested = true
        return []
    }
    if action == .redraw { return [.redraw] }
    if state.tooSmall {
        if action == .quit && state.session != nil { state.quitRequested = true }
        return []
    }
    if state.session == nil { return signInKey(&state, key) }
    if state.helpVisible {
        switch action {
        case .help, .back, .quit:
            state.helpVisible = false
            state.helpScroll = 0
        case .moveDown, .pageDown: state.helpScroll = min(state.helpScroll + (action == .pageDown ? 10 : 1), HelpOverlay.maxScroll(state))
        case .moveUp, .pageUp: state.helpScroll = max(0, state.helpScroll - (action == .pageUp ? 10 : 1))
        default: break
        }
        return []
    }
    if state.prompt != nil { return promptKey(&state, key) }
    if var form = state.form {
        let (effects, keep) = formKey(&form, &state, key, save: .saveForm)
        state.form = keep ? form : nil
        return effects
    }
    if var form = state.recordForm {
        let (effects, keep) = formKey(&form, &state, key, save: .saveRecord)
        state.recordForm = keep ? form : nil
        return effects
    }
    if var form = state.stepForm {
        let (effects, keep) = formKey(&form, &state, key, save: .saveStep)
        state.stepForm = keep ? form : nil
        return effects
    }
    if state.editingFilter, editFilter(&state, key) { return [] }
    if let action, let screen = programmeScreen(for: action) {
        openProgramme(&state, screen)
        return []
    }
    if let detail = state.detail, detail.target.isProgrammeList {
        programmeKey(&state, action)
        return []
    }
    if state.detail != nil {
        if let action, let effect = meetingAction(&state, action) { return effect }
        if let action, let effect = registerAction(&state, action) { return effect }
        if action == .addIdea || action == .moveIdea {
            ideaAction(&state, action!)
            return []
        }
        detailKey(&state, action)
        return []
    }
    guard let action else { return [] }
    switch action {
    case .nextPane: focus(&state, PaneID(rawValue: (state.focus.rawValue + 1) % PaneID.allCases.count)!)
    case .previousPane:
        focus(&state, PaneID(rawValue: (state.focus.rawValue + PaneID.allCases.count - 1) % PaneID.allCases.count)!)
    case .focusMeetings: focus(&state, .meetings)
    case .focusAreas: focus(&state, .areas)
    case .focusCreche: focus(&state, .creche)
    case .moveUp: move(&state, by: -1)
    case .moveDown: move(&state, by: 1)
    case .pageUp: move(&state, by: -page(state))
    case .pageDown: move(&state, by: page(state))
    case .first: move(&state, by: -state[state.focus].total)
    case .last: move(&state, by: state[state.focus].total)
    case .filter:
        state.editingFilter = true
        state.status = ""
    case .open: open(&state)
    case .back:
        if !state[state.focus].filter.isEmpty { setFilter(&state, "") }
    case .help: state.helpVisible = true
    case .quit: state.quitRequested = true
    case .lock: state = state.locked(keepingName: true, message: "Locked. Enter your PIN or passphrase to carry on.")
    case .switchUser: state = state.locked(keepingName: false, message: "Signed out. The next person can sign in.")
    case .audit: openAudit(&state)
    case .openRegister, .signInChild, .signOutChild, .bookChild:
        return registerAction(&state, action) ?? []
    case .addIdea, .moveIdea:
        ideaAction(&state, action)
    case .review:
        state.status = "Open the fund (F) or marketing (M), choose a proposal or material, then press w."
    case .reports, .fund, .marketing, .rewards: break
    case .togglePast:
        state.showPast.toggle()
        state.focus = .meetings
        state[.meetings].selected = 0
        state[.meetings].top = 0
        state.status = state.showPast ? "Past meetings, latest first: h records what happened. P goes back to upcoming." : "Upcoming meetings."
    case .newMeeting, .editMeeting, .preMeeting, .cancelMeeting, .deleteMeeting, .accept, .apologies, .undo, .recordMeeting:
        return meetingAction(&state, action) ?? []
    case .forceQuit, .redraw: break
    }
    return []
}

/// The meeting the keys act on: the open meeting detail, or the selected row of the
/// meetings (or crèche) pane.
private func currentMeeting(_ state: AppState) -> Int64? {
    if let detail = state.detail {
        switch detail.target {
        case .meeting(let id), .creche(let id): return id
        default: return nil
        }
    }
    switch state.focus {
    case .meetings: return state.meetings.item(at: state[.meetings].selected)?.meeting.id
    case .creche: return state.creches.item(at: state[.creche].selected)?.meeting.id
    case .areas: return nil
    }
}

/// n, e, p, c and D: open the form or ask first. Nil when the key is not one of them.
private func meetingAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    guard [.newMeeting, .editMeeting, .preMeeting, .cancelMeeting, .deleteMeeting, .accept, .apologies, .undo,
           .recordMeeting].contains(action) else {
        return nil
    }
    if action == .undo { return [.undo] }
    if action == .accept || action == .apologies {
        guard state.session?.role == .champion else {
            state.status = "Champions answer for themselves: to change who is coming, edit the meeting (e)."
            return []
        }
        guard let id = currentMeeting(state) else {
            state.status = "Select a meeting first."
            return []
        }
        return [.respond(id, action == .accept ? .confirmed : .apologies)]
    }
    if let actor = state.session, AccessPolicy.scope(actor.role, .write, .meeting) != .all {
        state.status = AccessDenied(role: actor.role, operation: .write, kind: .meeting).description
        return []
    }
    if action == .newMeeting {
        state.form = MeetingForm.new(on: state.today.adding(days: 7))
        state.editingFilter = false
        return []
    }
    guard let id = currentMeeting(state) else {
        state.status = "Select a meeting first (in the meetings pane, or open one)."
        return []
    }
    switch action {
    case .editMeeting: return [.editMeeting(id)]
    case .recordMeeting: return [.recordMeeting(id)]
    case .preMeeting: return [.preMeeting(id)]
    case .cancelMeeting: return [.askCancel(id)]
    default: return [.askDelete(id)]
    }
}

/// r, i, o and b: the crèche register. Nil when the key is not one of them.
private func registerAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    switch action {
    case .openRegister:
        let id: Int64?
        if let detail = state.detail, case .creche(let meeting) = detail.target { id = meeting }
        else if state.detail == nil, state.focus == .creche { id = state.creches.item(at: state[.creche].selected)?.meeting.id }
        else if let detail = state.detail, case .meeting(let meeting) = detail.target { id = meeting }
        else { id = nil }
        guard let id else {
            state.status = "Open a crèche first (pane 3), then press r for its register."
            return []
        }
        state.editingFilter = false
        state.detail = DetailState(target: .register(id))
        return []
    case .signInChild, .signOutChild, .bookChild:
        guard let detail = state.detail, case .register(let meetingID) = detail.target else {
            state.status = "Open the crèche register first (r)."
            return []
        }
        if action == .bookChild {
            state.prompt = PromptState(purpose: .bookChild(meetingID: meetingID),
                                       question: "Book which child into this crèche? Type their full name as registered.")
            return []
        }
        guard case .register(let screen)? = detail.content, screen.rows.indices.contains(detail.selected) else {
            state.status = "No child selected."
            return []
        }
        let row = screen.rows[detail.selected]
        return action == .signInChild ? [.signInChild(row.bookingID)] : [.askSignOut(row.bookingID)]
    default:
        return nil
    }
}

/// I and m: log an idea for the area in view, or move one along.
private func ideaAction(_ state: inout AppState, _ action: Action) {
    let areaID: Int64?
    if let detail = state.detail, case .area(let id) = detail.target { areaID = id }
    else if state.detail == nil, state.focus == .areas { areaID = state.areas.item(at: state[.areas].selected)?.area.id }
    else { areaID = nil }
    guard let areaID else {
        state.status = "Choose an area first (pane 2), then press \(action == .addIdea ? "I" : "m")."
        return
    }
    state.prompt = action == .addIdea
        ? PromptState(purpose: .addIdea(areaID: areaID), question: "The idea, in the parent's own words:")
        : PromptState(purpose: .chooseIdea(areaID: areaID),
                      question: "Which idea? Type its number (shown as #12 in the area), or “close 12” to close it with a reason.")
}

/// Keys while a form is open. Returns the effects and whether the form stays open.
private func formKey<Form: EditableForm>(_ form: inout Form, _ state: inout AppState, _ key: Key,
                                         save: Effect) -> ([Effect], Bool) {
    if form.confirmingDiscard {
        switch key {
        case .character("y"), .character("Y"):
            state.status = "Changes thrown away."
            return ([], false)
        case .character("n"), .character("N"), .escape:
            form.confirmingDiscard = false
        default: break
        }
        return ([], true)
    }
    if !form.focusTakesText {
        switch key {
        case .left: form.cycleChoice(-1)
        case .right, .character(" "): form.cycleChoice(1)
        default: break
        }
    }
    switch key {
    case .tab, .down: form.move(1)
    case .backTab, .up: form.move(-1)
    case .enter, .control("s"): return ([save], true)
    case .control("r") where save == .saveForm: return ([.pullIdeas], true)
    case .escape:
        if form.dirty { form.confirmingDiscard = true } else { return ([], false) }
    case .backspace, .delete:
        if form.focusTakesText, !form[form.focus].isEmpty { form[form.focus].removeLast() }
    case .control("u"):
        if form.focusTakesText { form[form.focus] = "" }
    case .character(let c):
        if form.focusTakesText { form[form.focus].append(c) }
    default: break
    }
    return ([], true)
}

/// Keys while a question is asked: a reason to type, or y / n.
private func promptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    if key == .escape || (!prompt.wantsText && (key == .character("n") || key == .character("N"))) {
        state.prompt = nil
        state.status = "Nothing was changed."
        return []
    }
    if prompt.wantsText {
        switch key {
        case .enter: return [.answerPrompt]
        case .backspace, .delete: if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .control("u"): prompt.text = ""
        case .character(let c): prompt.text.append(c)
        default: break
        }
        prompt.error = ""
        state.prompt = prompt
        return []
    }
    if key == .character("y") || key == .character("Y") { return [.answerPrompt] }
    return []
}

private func openAudit(_ state: inout AppState) {
    guard state.session?.role == .admin else {
        state.status = "Only admins can see the audit trail."
        return
    }
    state.editingFilter = false
    state.detail = DetailState(target: .audit)
}

/// Keys on the sign-in screen: typing goes into the fields; Enter on the secret signs in.
private func signInKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    var form = state.signIn
    switch key {
    case .character(let c):
        if form.field == .name { form.name.append(c) } else { form.secret.append(c) }
    case .backspace, .delete:
        if form.field == .name { if !form.name.isEmpty { form.name.removeLast() } } else if !form.secret.isEmpty { form.secret.removeLast() }
    case .control("u"):
        if form.field == .name { form.name = "" } else { form.secret = "" }
    case .tab, .backTab, .up, .down:
        form.field = form.field == .name ? .secret : .name
    case .escape:
        form = SignInForm()
    case .enter:
        if form.field == .name {
            form.field = .secret
        } else if form.name.trimmingCharacters(in: .whitespaces).isEmpty {
            form.message = "Type your name first."
            form.field = .name
        } else {
            state.signIn = form
            return [.signIn]
        }
    default:
        break
    }
    state.signIn = form
    return []
}

/// Keys while typing a filter. Returns false when the key is not the filter's, so it acts
/// as usual (arrows still move the selection).
private func editFilter(_ state: inout AppState, _ key: Key) -> Bool {
    var filter = state[state.focus].filter
    switch key {
    case .character(let c):
        filter.append(c)
    case .backspace, .delete:
        guard !filter.isEmpty else { return true }
        filter.removeLast()
    case .control("u"):
        filter = ""
    case .enter:
        state.editingFilter = false
        state.status = filter.isEmpty ? "" : "Filtered by “\(filter)”: Esc clears"
        return true
    case .escape:
        state.editingFilter = false
        setFilter(&state, "")
        return true
    default:
        return false
    }
    setFilter(&state, filter)
    return true
}

private func setFilter(_ state: inout AppState, _ filter: String) {
    var position = state[state.focus]
    position.filter = filter
    position.selected = 0
    position.top = 0
    state[state.focus] = position
    state.status = filter.isEmpty ? "Filter cleared" : ""
}

private func focus(_ state: inout AppState, _ pane: PaneID) {
    state.focus = pane
    state.editingFilter = false
}

private func page(_ state: AppState) -> Int {
    max(1, MainLayout(size: state.size).visibleRows(state.focus) - 1)
}

private func move(_ state: inout AppState, by delta: Int) {
    var position = state[state.focus]
    guard position.total > 0 else { return }
    position.selected = min(max(0, position.selected + delta), position.total - 1)
    state[state.focus] = position
    scrollIntoView(&state, state.focus)
}

/// Keeps the selection on screen and the list scrolled no further than its end.
func scrollIntoView(_ state: inout AppState, _ pane: PaneID) {
    let visible = MainLayout(size: state.size).visibleRows(pane)
    var p = state[pane]
    p.selected = min(max(0, p.selected), max(0, p.total - 1))
    if p.selected < p.top { p.top = p.selected }
    if p.selected >= p.top + visible { p.top = p.selected - visible + 1 }
    p.top = max(0, min(p.top, max(0, p.total - visible)))
    state[pane] = p
}

private func open(_ state: inout AppState) {
    let index = state[state.focus].selected
    let target: DetailTarget?
    switch state.focus {
    case .meetings: target = state.meetings.item(at: index).map { .meeting($0.meeting.id) }
    case .areas: target = state.areas.item(at: index).map { .area($0.area.id) }
    case .creche: target = state.creches.item(at: index).map { .creche($0.meeting.id) }
    }
    guard let target else {
        state.status = "Nothing to open: no \(state.focus.noun) listed"
        return
    }
    state.editingFilter = false
    state.detail = DetailState(target: target)
    state.status = ""
}

private func detailKey(_ state: inout AppState, _ action: Action?) {
    guard var detail = state.detail else { return }
    if case .register(let screen)? = detail.content, !screen.rows.isEmpty {
        let last = screen.rows.count - 1
        switch action {
        case .moveUp: detail.selected = max(0, detail.selected - 1)
        case .moveDown: detail.selected = min(last, detail.selected + 1)
        case .first: detail.selected = 0
        case .last: detail.selected = last
        case .back, .quit: state.detail = nil; return
        case .help: state.helpVisible = true
        default: break
        }
        state.detail = detail
        return
    }
    let pageRows = max(1, MainLayout(size: state.size).body.height - 3)
    switch action {
    case .back, .quit:
        state.detail = nil
        return
    case .help: state.helpVisible = true
    case .lock: state = state.locked(keepingName: true, message: "Locked. Enter your PIN or passphrase to carry on.")
        return
    case .switchUser: state = state.locked(keepingName: false, message: "Signed out. The next person can sign in.")
        return
    case .moveUp: detail.scroll -= 1
    case .moveDown: detail.scroll += 1
    case .pageUp: detail.scroll -= pageRows
    case .pageDown: detail.scroll += pageRows
    case .first: detail.scroll = 0
    case .last: detail.scroll = Int.max / 2
    default: break
    }
    let layout = MainLayout(size: state.size)
    let inner = layout.body.inset(by: 1)
    let lineCount = DetailView.lines(detail, state: state, width: inner.width - 2).count
    detail.scroll = max(0, min(detail.scroll, lineCount - inner.height))
    state.detail = detail
}
