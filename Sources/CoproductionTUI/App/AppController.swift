import Coproduction
import CoproductionStore
import Foundation

/// Runs the screens over a database: feeds events to `update`, then reads exactly the rows
/// the new state shows (and no more), and notices other terminals' changes.
///
/// Terminal-agnostic: the ncurses backend and the tests drive it the same way.
public final class AppController {
    /// The state the screens are drawn from.
    public internal(set) var state: AppState
    /// The database.
    public let database: AppDatabase

    private struct ListKey: Equatable {
        var filter: String
        var past: Bool
        var today: LocalDate
        var generation: Int
    }

    private struct WindowKey: Equatable {
        var list: ListKey
        var top: Int
        var rows: Int
    }

    private var counted: [ListKey?] = Array(repeating: nil, count: PaneID.allCases.count)
    /// Counts already made, by pane and list (data changes start a new generation, so old
    /// ones are never reused): rubbing out a filter letter needs no new count.
    private var countCache: [String: (total: Int, more: Bool)] = [:]
    /// List rows already read, by meeting id, for one user, day and generation of the data.
    private var itemCache: [Int64: MeetingListItem] = [:]
    private var itemCacheKey = ""
    private var windows: [WindowKey?] = Array(repeating: nil, count: PaneID.allCases.count)
    private var loadedDetail: (DetailTarget, Int)?
    private var generation = 0
    private var lastDataVersion: Int?
    private let clock: @Sendable () -> Date
    private var lastInput: Date
    /// Seconds without a key before the screen locks itself (a setting; default 5 minutes).
    public let autoLockAfter: TimeInterval

    /// Creates a controller and reads the first screen's rows. `clock` gives the time now
    /// (a fake one in tests); `session` signs someone in from the start (the demo).
    public init(database: AppDatabase, state: AppState, autoLockAfter: TimeInterval = 300,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.state = state
        self.clock = clock
        self.autoLockAfter = autoLockAfter
        self.lastInput = clock()
        self.lastDataVersion = try? database.dataVersion()
        if let checker = try? database.barrierChecker() { self.state.checker = checker }
        sync()
    }

    /// The time now, by the controller's clock.
    func clockNow() -> Date { clock() }

    /// Handles one event and reads what the new state shows.
    @discardableResult
    public func handle(_ event: Event) -> [Effect] {
        lastInput = clock()
        let effects = update(&state, event)
        var forBackend: [Effect] = []
        for effect in effects {
            switch effect {
            case .signIn: signIn()
            case .editMeeting(let id): openForm(editing: id)
            case .preMeeting(let id): openForm(preMeetingFor: id)
            case .askCancel(let id): ask(cancelling: id)
            case .askDelete(let id): ask(deleting: id)
            case .saveForm: saveForm()
            case .answerPrompt: answerPrompt()
            case .respond(let id, let response): respond(to: id, response)
            case .undo: undo()
            case .recordMeeting(let id): openRecordForm(id)
            case .saveRecord: saveRecord()
            case .signInChild(let booking): signInChild(booking)
            case .askSignOut(let booking): askSignOut(booking)
            case .pullIdeas: pullIdeas()
            case .saveStep: saveStep()
            case .redraw: forBackend.append(effect)
            }
        }
        sync()
        return forBackend
    }

    // MARK: Undo

    /// This terminal's last change, and how to take it back.
    /// Each step keeps the version this terminal's change left, so an undo never
    /// overwrites a change someone else made since: that is refused like a stale save.
    enum UndoStep {
        case created(id: Int64, version: Int, title: String)
        case edited(id: Int64, version: Int, before: Meeting, agenda: [AgendaItem], title: String)
        case cancelled(id: Int64, version: Int, title: String)
        case responded(meetingID: Int64, championID: Int64, old: Response, title: String)
    }

    private var undoStep: UndoStep?

    /// Takes back this terminal's last change, if nobody has changed the record since.
    private func undo() {
        guard let actor = state.session else { return }
        guard let step = undoStep else {
            state.status = "Nothing to undo."
            return
        }
        do {
            switch step {
            case .created(let id, let version, let title):
                try database.deleteMeeting(as: actor, id: id, expectedVersion: version, now: clock())
                if case .meeting(id)? = state.detail?.target { state.detail = nil }
                state.status = "Undone: new meeting \(title)."
            case .edited(let id, let version, let before, let agenda, let title):
                try database.updateMeeting(as: actor, id: id, expectedVersion: version, to: before, agenda: agenda, now: clock())
                state.status = "Undone: changes to \(title)."
            case .cancelled(let id, let version, let title):
                try database.reinstateMeeting(as: actor, id: id, expectedVersion: version, now: clock())
                state.status = "Undone: cancel of \(title)."
            case .responded(let meetingID, let championID, let old, let title):
                try database.respond(as: actor, meetingID: meetingID, championID: championID, old, now: clock())
                state.status = "Undone: your answer to \(title)."
            }
            undoStep = nil
            dataChanged()
        } catch {
            state.status = "Cannot undo: \(error.description)"
        }
    }

    private func respond(to id: Int64, _ response: Response) {
        guard let actor = state.session, let champion = actor.championID, let d = detail(id) else { return }
        do {
            let old = try database.respond(as: actor, meetingID: id, championID: champion, response, now: clock())
            undoStep = .responded(meetingID: id, championID: champion, old: old, title: d.facts.meeting.title)
            state.status = response == .confirmed
                ? "Thank you: you are down as coming to \(d.facts.meeting.title) on \(d.facts.meeting.date.long)."
                : "Apologies sent for \(d.facts.meeting.title) on \(d.facts.meeting.date.long)."
            dataChanged()
        } catch {
            state.status = error.description
        }
    }

    // MARK: Ideas

    /// The agenda builder: pulls every ready idea onto the Board in the form, then shows the
    /// new agenda in the form, keeping everything else typed.
    private func pullIdeas() {
        guard var form = state.form, let actor = state.session else { return }
        guard case .existing(let id, _) = form.target, form.kind == "board" else {
            form.message = "Ideas are pulled onto a saved Partnership Board's agenda: save the meeting, then edit it and press Ctrl-R."
            state.form = form
            return
        }
        do {
            let n = try database.pullReadyIdeas(as: actor, meetingID: id, now: clock())
            let d = try database.meetingDetail(as: actor, id: id)
            form[.agenda] = d.facts.agenda.map { $0.summary.isEmpty ? $0.title : "\($0.title): \($0.summary)" }.joined(separator: " | ")
            form.target = .existing(id: id, version: d.version)
            form.message = n == 0 ? "No ideas are ready for the Board." : "\(n) idea\(n == 1 ? "" : "s") from parents added to the agenda (now on an agenda)."
            state.form = form
            dataChanged()
        } catch {
            form.message = error.description
            state.form = form
        }
    }

    // MARK: The crèche register

    private func registerRow(_ booking: Int64) -> RegisterRow? {
        guard case .register(let screen)? = state.detail?.content else { return nil }
        return screen.rows.first { $0.bookingID == booking }
    }

    private func signInChild(_ booking: Int64) {
        guard let actor = state.session, let row = registerRow(booking) else { return }
        do {
            try database.signIn(as: actor, bookingID: booking, at: clock())
            state.status = "\(row.child.firstName) signed in at \(LocalDateTime(clock()).time)."
            dataChanged()
        } catch {
            state.status = error.description
        }
    }

    private func askSignOut(_ booking: Int64) {
        guard let row = registerRow(booking) else { return }
        guard case .inCreche = row.state else {
            state.status = "\(row.child.firstName) is not in the crèche, so cannot be signed out."
            return
        }
        state.prompt = PromptState(purpose: .signOut(bookingID: booking, child: row.child.firstName),
                                   question: "Who is collecting \(row.child.firstName)? On the list: \(([row.child.parentName] + row.child.collectors).joined(separator: ", ")).")
    }

    // MARK: Recording a meeting

    private func openRecordForm(_ id: Int64) {
        guard let d = detail(id) else { return }
        let m = d.facts.meeting
        if m.status == .cancelled {
            state.status = "This meeting was cancelled, so there is nothing to record."
            return
        }
        if m.date > state.today {
            state.status = "This meeting is on \(m.date.long): record what happened on or after the day."
            return
        }
        state.recordForm = RecordForm.recording(d)
    }

    private func saveRecord() {
        guard var form = state.recordForm, let actor = state.session else { return }
        form.errors = [:]
        form.message = ""
        let champions = (try? database.champions(as: actor)) ?? []
        var attendance: [Int64: Attendance] = [:]
        for (field, mark) in [(RecordForm.Field.attended, Attendance.attended), (.apologies, .apologies), (.absent, .absent)] {
            for name in form.names(field) {
                let matches = champions.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                guard matches.count == 1 else {
                    form.errors[field] = matches.isEmpty ? "No Parent Champion is called “\(name)”: check the spelling."
                                                         : "More than one Parent Champion is called “\(name)”."
                    continue
                }
                if attendance[matches[0].id] != nil { form.errors[field] = "\(name) is in more than one list." }
                attendance[matches[0].id] = mark
            }
        }
        let parentsText = form[.parents].trimmingCharacters(in: .whitespaces)
        let parents = parentsText.isEmpty ? 0 : Int(parentsText)
        if parents == nil { form.errors[.parents] = "Type a whole number of parents, for example 3." }
        var actions: [ActionItem] = []
        for (i, text) in form.items(.actions).enumerated() {
            let parts = text.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var due: LocalDate?
            if parts.count > 2, !parts[2].isEmpty {
                switch UKInput.date(parts[2], today: state.today) {
                case .success(let d): due = d
                case .failure(let e): form.errors[.actions] = "Action \(i + 1): \(e.description)"
                }
            }
            let done = parts.count > 3 && parts[3].lowercased() == "done"
            actions.append(ActionItem(what: parts[0], owner: parts.count > 1 ? parts[1] : "", due: due, done: done))
        }
        let record = MeetingRecord(attendance: attendance, otherParentsAttended: parents ?? 0, minutes: form[.minutes],
                                   decisions: form.items(.decisions), actions: actions)
        if form.errors.isEmpty {
            do {
                try database.recordMeeting(as: actor, id: form.meetingID, expectedVersion: form.version, record, today: state.today, now: clock())
                state.recordForm = nil
                state.status = "Recorded: \(form.title) was held."
                undoStep = nil
                dataChanged()
                return
            } catch let error {
                // Field problems from the store come as "field: problem" lines.
                for line in error.description.split(separator: "\n").map(String.init) {
                    if let field = RecordForm.Field.allCases.first(where: { line.hasPrefix($0.rawValue + ":") }) {
                        let text = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
                        form.errors[field] = text.prefix(1).uppercased() + text.dropFirst()
                    } else {
                        form.message = line
                    }
                }
            }
        }
        if form.message.isEmpty {
            form.message = form.errors.count == 1 ? "One thing to fix before saving." : "\(form.errors.count) things to fix before saving."
        }
        form.focus = RecordForm.Field.allCases.first { form.errors[$0] != nil } ?? form.focus
        state.recordForm = form
    }

    // MARK: Meetings

    private func detail(_ id: Int64) -> MeetingDetail? {
        guard let actor = state.session else { return nil }
        do { return try database.meetingDetail(as: actor, id: id) } catch {
            state.status = error.description
            return nil
        }
    }

    private func openForm(editing id: Int64) {
        guard let d = detail(id) else { return }
        state.form = MeetingForm.editing(d)
        state.editingFilter = false
    }

    private func openForm(preMeetingFor id: Int64) {
        guard let d = detail(id) else { return }
        guard d.facts.meeting.kind.needsParentChampion else {
            state.status = "That is a pre-meeting already: open the meeting it prepares and press p there."
            return
        }
        state.form = MeetingForm.preMeeting(for: d, settings: state.checker.settings)
        state.editingFilter = false
    }

    private func ask(cancelling id: Int64) {
        guard let d = detail(id) else { return }
        let m = d.facts.meeting
        guard m.status != .cancelled else {
            state.status = "\(m.title) on \(m.date.long) is already cancelled."
            return
        }
        state.prompt = PromptState(purpose: .cancelMeeting(id: id, version: d.version),
                                   question: "Cancel \(m.title) on \(m.date.long) at \(m.start)? It stays on record, marked cancelled. Why is it cancelled?")
    }

    private func ask(deleting id: Int64) {
        guard let d = detail(id) else { return }
        let m = d.facts.meeting
        state.prompt = PromptState(purpose: .deleteMeeting(id: id, version: d.version),
                                   question: "Delete \(m.title) on \(m.date.long) with its crèche plan, agenda, invitations and pre-meetings? This cannot be undone (cancelling keeps a record). y deletes, n keeps it.")
    }

    private func answerPrompt() {
        guard let prompt = state.prompt, let actor = state.session else { return }
        do {
            switch prompt.purpose {
            case .cancelMeeting(let id, let version):
                try database.cancelMeeting(as: actor, id: id, expectedVersion: version, reason: prompt.text, now: clock())
                undoStep = .cancelled(id: id, version: version + 1, title: detail(id)?.facts.meeting.title ?? "the meeting")
                state.status = "Cancelled. The reason is kept on record; u undoes."
            case .deleteMeeting(let id, let version):
                try database.deleteMeeting(as: actor, id: id, expectedVersion: version, now: clock())
                undoStep = nil
                if case .meeting(id)? = state.detail?.target { state.detail = nil }
                if case .creche(id)? = state.detail?.target { state.detail = nil }
                state.status = "Meeting deleted."
            case .signOut(let booking, let child):
                let who = prompt.text.trimmingCharacters(in: .whitespaces)
                guard let row = registerRow(booking) else { break }
                if !who.isEmpty && !row.child.mayBeCollected(by: who) {
                    // Someone not on the list: a reason is needed before anything is saved.
                    state.prompt = PromptState(purpose: .signOutReason(bookingID: booking, child: child, collectedBy: who),
                                               question: "\(who) is NOT on \(child)'s list of people who may collect (\(([row.child.parentName] + row.child.collectors).joined(separator: ", "))). Record why they are collecting, or Esc to stop.")
                    return
                }
                try database.signOut(as: actor, bookingID: booking, at: clock(), collectedBy: who)
                state.status = "\(child) signed out, collected by \(who)."
            case .signOutReason(let booking, let child, let who):
                try database.signOut(as: actor, bookingID: booking, at: clock(), collectedBy: who, reason: prompt.text)
                state.status = "\(child) signed out, collected by \(who) — NOT on the list; reason recorded."
            case .bookChild(let meetingID):
                let name = prompt.text.trimmingCharacters(in: .whitespaces)
                let matches = try database.children(as: actor).filter { $0.fullName.caseInsensitiveCompare(name) == .orderedSame }
                guard matches.count == 1 else {
                    state.prompt?.error = matches.isEmpty
                        ? "No child you can book is called “\(name)”. Check the spelling; the office registers new children."
                        : "More than one child is called “\(name)”: ask the office to book."
                    return
                }
                try database.book(as: actor, childID: matches[0].id, meetingID: meetingID, now: clock())
                state.status = "\(matches[0].fullName) booked."
            case .addIdea(let areaID):
                let id = try database.addIdea(as: actor, Idea(areaID: areaID, raisedOn: state.today, raisedBy: actor.championID,
                                                             text: prompt.text), now: clock())
                state.status = "Idea #\(id) logged as new."
            case .chooseIdea(let areaID):
                let words = prompt.text.lowercased().split(separator: " ")
                let closing = words.first == "close"
                guard let id = words.last.flatMap({ Int64($0.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) }),
                      let idea = try database.ideas(as: actor, areaID: areaID).first(where: { $0.id == id }) else {
                    state.prompt?.error = "Type the number of one of this area's ideas, such as 12 (or “close 12”)."
                    return
                }
                if closing {
                    state.prompt = PromptState(purpose: .ideaStep(ideaID: id, to: .closed),
                                               question: "Why is idea #\(id) closed? (a duplicate of another, withdrawn by the parent…)")
                    return
                }
                switch idea.status.next {
                case .ready?:
                    try database.moveIdea(as: actor, id: id, IdeaStep(to: .ready, on: state.today), now: clock())
                    state.status = "Idea #\(id) is ready for the Board."
                case .onAgenda?:
                    state.prompt?.error = "Idea #\(id) goes on a Board agenda: open the Partnership Board, press e, then Ctrl-R pulls every ready idea in."
                    return
                case .decided?:
                    state.prompt = PromptState(purpose: .ideaStep(ideaID: id, to: .decided),
                                               question: "What was decided about idea #\(id)? In plain words, as parents will hear it.")
                    return
                case .fedBack?:
                    state.prompt = PromptState(purpose: .ideaStep(ideaID: id, to: .fedBack),
                                               question: "Who told the parents, and how? For example: Zoe Adams; group chat (or meeting, newsletter).")
                    return
                default:
                    state.prompt?.error = "Idea #\(id) is \(idea.status.name): it goes no further."
                    return
                }
            case .ideaStep(let id, let to):
                var step = IdeaStep(to: to, on: state.today)
                switch to {
                case .decided: step.outcome = prompt.text
                case .closed: step.reason = prompt.text
                case .fedBack:
                    let parts = prompt.text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    let champions = try database.champions(as: actor)
                    step.fedBackBy = champions.first { $0.name.caseInsensitiveCompare(parts.first ?? "") == .orderedSame }?.id
                    step.channel = parts.count > 1 ? FeedbackChannel.allCases.first { $0.name == parts[1].lowercased() || $0.rawValue == parts[1].lowercased() } : nil
                    if step.fedBackBy == nil || step.channel == nil {
                        state.prompt?.error = "Type a champion's name, a semicolon, then meeting, group chat or newsletter."
                        return
                    }
                default: break
                }
                try database.moveIdea(as: actor, id: id, step, now: clock())
                state.status = "Idea #\(id) is now \(to.name)."
            case .sendMaterial(let id):
                try database.sendToParents(as: actor, id: id, now: clock())
                state.status = "Sent to parents: w records each parent's answer."
            }
            state.prompt = nil
            dataChanged()
        } catch {
            state.prompt?.error = error.description
        }
    }

    /// Checks the form; shows each problem beside its field, or saves.
    private func saveForm() {
        guard var form = state.form, let actor = state.session else { return }
        form.errors = [:]
        form.message = ""
        var (meeting, agenda, errors) = meetingFromForm(form, actor: actor)
        let rungText = form[.rung].trimmingCharacters(in: .whitespaces).lowercased()
        let rung = Rung.allCases.first { $0.rawValue == rungText || $0.name.lowercased() == rungText }
        if !rungText.isEmpty && rung == nil {
            errors[.rung] = "Choose a rung: informing, consultation, engagement, co-design or co-production (or leave it empty)."
            meeting = nil
        }
        let roomText = form[.creche].trimmingCharacters(in: .whitespaces)
        let room = Int(roomText)
        if !roomText.isEmpty && !(1...60).contains(room ?? 0) {
            errors[.creche] = "Type how many children the room takes (1 to 60), or leave it empty for no crèche."
            meeting = nil
        }
        guard errors.isEmpty, let meeting else {
            form.errors = errors
            form.focus = form.fields.first { errors[$0] != nil } ?? form.focus
            form.message = errors.count == 1 ? "One thing to fix before saving." : "\(errors.count) things to fix before saving."
            state.form = form
            return
        }
        do {
            let id: Int64
            switch form.target {
            case .new:
                id = try database.addMeeting(as: actor, meeting, agenda: agenda, now: clock())
                undoStep = .created(id: id, version: 1, title: meeting.title)
            case .existing(let existing, let version):
                let before = detail(existing)
                try database.updateMeeting(as: actor, id: existing, expectedVersion: version, to: meeting, agenda: agenda, now: clock())
                if let before {
                    undoStep = .edited(id: existing, version: version + 1, before: before.facts.meeting, agenda: before.facts.agenda,
                                       title: meeting.title)
                }
                id = existing
            }
            if let room, roomText != form.originalCreche {
                try database.arrangeCreche(as: actor, meetingID: id, roomCapacity: room, now: clock())
            }
            if rungText != form.originalRung {
                try database.setRung(as: actor, meetingID: id, rung, now: clock())
            }
            state.form = nil
            state.detail = DetailState(target: .meeting(id))
            state.status = "Saved: \(meeting.title), \(meeting.date.long) \(meeting.start)."
            dataChanged()
        } catch {
            // A stale save or a refusal: everything typed stays in the form.
            form.message = error.description
            state.form = form
        }
    }

    /// The meeting a form describes, or the problems beside each field.
    func meetingFromForm(_ form: MeetingForm, actor: Actor) -> (Meeting?, [AgendaItem], [MeetingForm.Field: String]) {
        var errors: [MeetingForm.Field: String] = [:]
        func parsed<T>(_ field: MeetingForm.Field, _ result: Result<T, InputError>) -> T? {
            switch result {
            case .success(let v): return v
            case .failure(let e):
                errors[field] = e.description
                return nil
            }
        }
        let date = parsed(.date, UKInput.date(form[.date], today: state.today))
        let start = parsed(.start, UKInput.time(form[.start]))
        let end = parsed(.end, UKInput.time(form[.end]))
        let parents = Int(form[.parents].trimmingCharacters(in: .whitespaces).isEmpty ? "0" : form[.parents].trimmingCharacters(in: .whitespaces))
        if parents == nil { errors[.parents] = "Type a whole number of parents, for example 3." }
        let prepares = Int64(form[.prepares].trimmingCharacters(in: .whitespaces))
        let kind = MeetingKind(code: form.kind, groupName: form[.group].trimmingCharacters(in: .whitespaces), preparedMeetingID: prepares)
        if kind == nil {
            if form.kind == "task-and-finish" { errors[.group] = "A Task and Finish meeting needs its group's name." }
            else { errors[.prepares] = "Type the id of the meeting this pre-meeting prepares." }
        }
        // Champions by name.
        let champions = (try? database.champions(as: actor)) ?? []
        func ids(_ field: MeetingForm.Field) -> [Int64] {
            var out: [Int64] = []
            for name in form.names(field) {
                let matches = champions.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                if matches.count == 1 { out.append(matches[0].id) }
                else if matches.isEmpty { errors[field] = "No Parent Champion is called “\(name)”: check the spelling." }
                else { errors[field] = "More than one Parent Champion is called “\(name)”." }
            }
            return out
        }
        let confirmed = ids(.confirmed)
        let invited = ids(.invited)
        let agenda = form.agendaItems
        let m = Meeting(id: 0, kind: kind ?? .serviceDesign, title: form[.title].trimmingCharacters(in: .whitespaces),
                        date: date ?? state.today, start: start ?? TimeOfDay(minutes: 0)!, end: end ?? TimeOfDay(minutes: 1)!,
                        venue: form[.venue].trimmingCharacters(in: .whitespaces), championIDs: confirmed + invited,
                        confirmed: confirmed, otherParents: parents ?? 0)
        let fieldFor: [MeetingProblem.Field: MeetingForm.Field] = [
            .title: .title, .venue: .venue, .end: .end, .parents: .parents, .group: .group, .agenda: .agenda,
            .prepares: .prepares, .champion: .confirmed,
        ]
        let problems = m.problems(agenda: agenda) + ((try? database.referenceProblems(m)) ?? [])
        for problem in problems {
            guard let field = fieldFor[problem.field], errors[field] == nil else { continue }
            if field == .end && (start == nil || end == nil) { continue }
            let text = problem.field == .agenda ? problem.line : problem.message
            errors[field] = text.prefix(1).uppercased() + text.dropFirst()
        }
        return (errors.isEmpty ? m : nil, agenda, errors)
    }

    /// After this terminal's own write: re-read everything (data_version only moves for
    /// other connections' commits).
    func dataChanged() {
        generation += 1
        lastDataVersion = try? database.dataVersion()
    }

    /// Moves the clock on (the title bar's time, and "upcoming" when the day changes), and
    /// locks the screen when nobody has pressed a key for ``autoLockAfter`` seconds: every
    /// piece of data is cleared and an unsaved form is dropped whole.
    public func tick(now: LocalDateTime) {
        if state.session != nil && clock().timeIntervalSince(lastInput) >= autoLockAfter {
            state = state.locked(keepingName: true, message: "Locked after \(Int(autoLockAfter / 60)) minutes without a key. Enter your PIN or passphrase to carry on.")
            forget()
        }
        guard now != state.now else { return }
        state.now = now
        sync()
    }

    private func signIn() {
        let form = state.signIn
        state.signIn.secret = ""
        do {
            let actor = try database.signIn(name: form.name.trimmingCharacters(in: .whitespaces), secret: form.secret, now: clock())
            state.session = actor
            state.signIn = SignInForm()
            state.status = "Signed in as \(actor.name) (\(actor.role.name))."
            forget()
        } catch {
            state.signIn.message = "\(error)"
        }
    }

    /// Drops every cached read, so nothing from before a lock or a new sign-in is kept.
    private func forget() {
        counted = Array(repeating: nil, count: PaneID.allCases.count)
        windows = Array(repeating: nil, count: PaneID.allCases.count)
        countCache.removeAll()
        itemCache.removeAll()
        loadedDetail = nil
    }

    /// Re-reads everything when another process has committed a change. Cheap when nothing
    /// changed: one `PRAGMA data_version`. Returns true when the screen needs drawing.
    @discardableResult
    public func pollForChanges() -> Bool {
        guard let version = try? database.dataVersion(), version != lastDataVersion else { return false }
        lastDataVersion = version
        generation += 1
        if let checker = try? database.barrierChecker() { state.checker = checker }
        sync()
        return true
    }

    /// The current frame.
    public func render() -> Screen { view(state, size: state.size) }

    /// Reads the counts and visible rows that changed, and the open detail.
    func sync() {
        guard let actor = state.session else {
            state.meetings = Window()
            state.areas = Window()
            state.creches = Window()
            forget()
            return
        }
        do {
            for pane in PaneID.allCases { try syncList(pane, actor) }
            try syncDetail(actor)
        } catch {
            state.status = error.description
        }
    }

    private func syncList(_ pane: PaneID, _ actor: Actor) throws(StoreError) {
        let listKey = ListKey(filter: state[pane].filter, past: pane == .meetings && state.showPast, today: state.today,
                              generation: generation)
        if counted[pane.rawValue] != listKey {
            let cacheKey = "\(actor.userID)|\(actor.role)|\(pane.rawValue)|\(listKey.filter)|\(listKey.past)|\(listKey.today.iso)|\(listKey.generation)"
            let counts: (total: Int, more: Bool)
            if let cached = countCache[cacheKey] { counts = cached } else { counts = try count(pane, listKey, actor) }
            if countCache.count > 64 { countCache.removeAll() }
            countCache[cacheKey] = counts
            state[pane].total = counts.total
            state[pane].moreThanTotal = counts.more
            counted[pane.rawValue] = listKey
            scrollIntoView(&state, pane)
        }
        let rows = MainLayout(size: state.size).visibleRows(pane)
        let windowKey = WindowKey(list: listKey, top: state[pane].top, rows: rows)
        guard windows[pane.rawValue] != windowKey else { return }
        let top = windowKey.top
        switch pane {
        case .meetings:
            let ids = try database.meetingIDs(as: actor, from: state.today, filter: listKey.filter, offset: top, limit: rows,
                                              invitedChampion: Self.invitedFilter(actor), past: listKey.past,
                                              total: state[.meetings].moreThanTotal ? nil : state[.meetings].total)
            state.meetings = Window(offset: top, items: try items(ids, actor, listKey))
        case .areas:
            state.areas = Window(offset: top, items: try database.areas(
                as: actor, today: state.today, filter: listKey.filter, offset: top, limit: rows))
        case .creche:
            let ids = try database.meetingIDs(as: actor, from: state.today, filter: listKey.filter, offset: top, limit: rows,
                                              withCrecheOnly: true, total: state[.creche].moreThanTotal ? nil : state[.creche].total)
            state.creches = Window(offset: top, items: try items(ids, actor, listKey))
        }
        windows[pane.rawValue] = windowKey
    }

    /// How many rows a pane's list has. A filter's matches are counted only so far: the count
    /// is made per key, and must not grow with the data.
    private func count(_ pane: PaneID, _ listKey: ListKey, _ actor: Actor) throws(StoreError) -> (total: Int, more: Bool) {
        let limit: Int? = listKey.filter.isEmpty ? nil : ListPosition.filterCountLimit + 1
        let total: Int
        switch pane {
        case .meetings: total = try database.countMeetings(as: actor, from: state.today, filter: listKey.filter,
                                                           invitedChampion: Self.invitedFilter(actor), past: listKey.past, atMost: limit)
        case .areas: total = try database.countAreas(as: actor, filter: listKey.filter)
        case .creche: total = try database.countMeetings(as: actor, from: state.today, filter: listKey.filter, withCrecheOnly: true,
                                                         atMost: limit)
        }
        let more = limit != nil && total > ListPosition.filterCountLimit
        return (more ? ListPosition.filterCountLimit : total, more)
    }

    /// The list rows for these ids: those read since the data last changed come from memory,
    /// the rest from the database, so scrolling back or rubbing out a filter letter reads
    /// only the ids.
    private func items(_ ids: [Int64], _ actor: Actor, _ listKey: ListKey) throws(StoreError) -> [MeetingListItem] {
        let key = "\(actor.userID)|\(listKey.today.iso)|\(listKey.generation)"
        if itemCacheKey != key || itemCache.count > 2_000 {
            itemCache.removeAll()
            itemCacheKey = key
        }
        let missing = ids.filter { itemCache[$0] == nil }
        for item in try database.meetings(as: actor, ids: missing, checker: state.checker) { itemCache[item.meeting.id] = item }
        return ids.compactMap { itemCache[$0] }
    }

    /// A Parent Champion's meetings pane lists the meetings they are invited to.
    static func invitedFilter(_ actor: Actor) -> Int64? {
        actor.role == .champion ? actor.championID : nil
    }

    private func syncDetail(_ actor: Actor) throws(StoreError) {
        guard let detail = state.detail else {
            loadedDetail = nil
            return
        }
        if let (target, gen) = loadedDetail, target == detail.target, gen == generation { return }
        var content: DetailContent?
        do {
            switch detail.target {
            case .meeting(let id): content = .meeting(try database.meetingDetail(as: actor, id: id))
            case .area(let id): content = .area(try database.areaDetail(as: actor, id: id, today: state.today))
            case .creche(let id): content = .creche(try database.meetingDetail(as: actor, id: id))
            case .audit:
                content = .audit(try database.auditEntries(as: actor, limit: 200), total: try database.countAudit(as: actor))
            case .register(let id):
                let d = try database.meetingDetail(as: actor, id: id)
                content = .register(RegisterScreen(meeting: d.facts.meeting, plan: d.facts.creche,
                                                   staff: try database.rota(as: actor, meetingID: id),
                                                   rows: try database.register(as: actor, meetingID: id)))
            case .report, .fund, .marketing, .rewards:
                content = try programmeContent(detail.target, actor)
            }
        } catch .notFound {
            content = nil
        } catch .denied(let denied) {
            state.detail = nil
            state.status = denied.description
            loadedDetail = nil
            return
        }
        state.detail?.content = content
        loadedDetail = (detail.target, generation)
    }
}
