import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for meetings: reading a meeting to open a form or a question on it,
/// saving the meeting and record forms, answers to invitations, undo, the crèche register.
/// Each returns messages; the store checks every rule again.
extension AppController {
    func perform(_ command: Command, as actor: Actor) -> [Message] {
        switch command {
        case .redraw, .alert, .forget, .signIn, .savePlainMode, .writePapers, .writeReport: return []
        case .editMeeting(let id):
            return read(id, actor) { [.present(.meetingForm(MeetingForm.editing($0)))] }
        case .preMeeting(let id):
            return read(id, actor) { d in
                guard d.facts.meeting.kind.needsParentChampion else {
                    return [.status("That is a pre-meeting already: open the meeting it prepares and press p there.")]
                }
                return [.present(.meetingForm(MeetingForm.preMeeting(for: d, settings: state.checker.settings)))]
            }
        case .askCancel(let id):
            return read(id, actor) { d in
                let m = d.facts.meeting
                guard m.status != .cancelled else { return [.status("\(m.title) on \(m.date.long) is already cancelled.")] }
                return [.present(.prompt(PromptState(purpose: .cancelMeeting(id: id, version: d.version),
                                                     question: "Cancel \(m.title) on \(m.date.long) at \(m.start)? It stays on record, marked cancelled. Why is it cancelled?")))]
            }
        case .askDelete(let id):
            return read(id, actor) { d in
                let m = d.facts.meeting
                return [.present(.prompt(PromptState(purpose: .deleteMeeting(id: id, version: d.version),
                                                     question: "Delete \(m.title) on \(m.date.long) with its crèche plan, agenda, invitations and pre-meetings? This cannot be undone (cancelling keeps a record). y deletes, n keeps it.")))]
            }
        case .recordMeeting(let id):
            return read(id, actor) { d in
                let m = d.facts.meeting
                if m.status == .cancelled { return [.status("This meeting was cancelled, so there is nothing to record.")] }
                if m.date > state.today { return [.status("This meeting is on \(m.date.long): record what happened on or after the day.")] }
                return [.present(.recordForm(RecordForm.recording(d)))]
            }
        case .saveMeeting(let form): return saveMeeting(form, actor)
        case .saveRecord(let form): return saveRecord(form, actor)
        case .saveStep(let form): return saveStep(form, actor)
        case .answer(let prompt): return answer(prompt, actor)
        case .respond(let id, let response): return respond(id, response, actor)
        case .askApologies(let id):
            return read(id, actor) { d in
                let m = d.facts.meeting
                let invited = d.championIDs.indices.filter { d.championResponses[$0] != .apologies }
                    .map { Choice(d.championNames[$0], detail: d.championAreas[$0], id: d.championIDs[$0]) }
                guard !invited.isEmpty else { return [.status("Every champion invited to \(m.title) has sent apologies already.")] }
                return [.present(.prompt(PromptState(purpose: .markApologies(meetingID: id),
                                                     question: "Which Parent Champion has sent apologies for \(m.title) on \(m.date.long)?",
                                                     offered: invited)))]
            }
        case .undo(let change): return undo(change, actor)
        case .signInChild(let booking, let name):
            do throws(StoreError) {
                try database.signIn(as: actor, bookingID: booking, at: clock())
                return [.saved(Saved("\(name) signed in at \(LocalDateTime(clock()).time).", close: 0))]
            } catch {
                return [.status(error.description)]
            }
        case .pullIdeas(let form): return pullIdeas(form, actor)
        case .readChoices(let sources): return readChoices(sources, actor)
        case .openFirstRun: return openFirstRun(actor)
        case .openEmailReminders: return openEmailReminders(actor)
        case .setupSwitch(let change): return setupSwitch(change, actor)
        }
    }

    /// Reads a meeting, then makes messages from it; a problem reading goes to the status line.
    private func read(_ id: Int64, _ actor: Actor, _ then: (MeetingDetail) -> [Message]) -> [Message] {
        do { return then(try database.meetingDetail(as: actor, id: id)) } catch { return [.status(error.description)] }
    }

    private func respond(_ id: Int64, _ response: Response, _ actor: Actor) -> [Message] {
        guard let champion = actor.championID else {
            return [.status("Champions answer for themselves: to change who is coming, edit the meeting (e).")]
        }
        return read(id, actor) { d in
            do throws(StoreError) {
                let old = try database.respond(as: actor, meetingID: id, championID: champion, response, now: clock())
                let m = d.facts.meeting
                let words = response == .confirmed ? "Thank you: you are down as coming to \(m.title) on \(m.date.long)."
                                                   : "Apologies sent for \(m.title) on \(m.date.long)."
                let saved = Saved(words, close: 0, undo: .set(.responded(meetingID: id, championID: champion, old: old, title: m.title)))
                return response == .apologies ? apologiesSent(saved, meetingID: id, championID: champion, actor) : [.saved(saved)]
            } catch {
                return [.status(error.description)]
            }
        }
    }

    /// Takes back this terminal's last change, if nobody has changed the record since.
    private func undo(_ change: UndoChange, _ actor: Actor) -> [Message] {
        do {
            switch change {
            case .created(let id, let version, let title):
                try database.deleteMeeting(as: actor, id: id, expectedVersion: version, now: clock())
                return [.saved(Saved("Undone: new meeting \(title).", close: 0, gone: [.meeting(id), .creche(id)], undo: .clear))]
            case .edited(let id, let version, let before, let agenda, let title):
                try database.updateMeeting(as: actor, id: id, expectedVersion: version, to: before, agenda: agenda, now: clock())
                return [.saved(Saved("Undone: changes to \(title).", close: 0, undo: .clear))]
            case .cancelled(let id, let version, let title):
                try database.reinstateMeeting(as: actor, id: id, expectedVersion: version, now: clock())
                return [.saved(Saved("Undone: cancel of \(title).", close: 0, undo: .clear))]
            case .responded(let meetingID, let championID, let old, let title):
                try database.respond(as: actor, meetingID: meetingID, championID: championID, old, now: clock())
                return [.saved(Saved("Undone: your answer to \(title).", close: 0, undo: .clear))]
            }
        } catch {
            return [.status("Cannot undo: \(error.description)")]
        }
    }

    /// The agenda builder: pulls every ready idea onto the Board in the form; the form gets
    /// the new agenda and keeps everything else typed.
    private func pullIdeas(_ form: MeetingForm, _ actor: Actor) -> [Message] {
        guard case .existing(let id, _) = form.target else { return [] }
        do {
            let n = try database.pullReadyIdeas(as: actor, meetingID: id, now: clock())
            let d = try database.meetingDetail(as: actor, id: id)
            loader.dataChanged()
            return [.agendaPulled(agenda: d.facts.agenda, version: d.version,
                                  message: n == 0 ? "No ideas are ready for the Board." : "\(Plural.count(n, "idea")) from parents added to the agenda (now on an agenda).")]
        } catch {
            return [.meetingFormProblems(form.errors, message: error.description)]
        }
    }

    // MARK: The meeting form

    /// Checks the form; each problem goes beside its field, or the meeting is saved.
    private func saveMeeting(_ form: MeetingForm, _ actor: Actor) -> [Message] {
        do { try AccessPolicy.require(actor, .write, .meeting) } catch { return [.meetingFormProblems([:], message: error.description)] }
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
        let rule = seriesRule(form, date: meeting?.date, errors: &errors)
        guard errors.isEmpty, let meeting, case .success(let repeating) = rule else { return [.meetingFormProblems(errors, message: "")] }
        do {
            var ids: [Int64]
            var undo = UndoUpdate.keep
            var words = "Saved: \(meeting.title), \(meeting.date.long) \(meeting.start)."
            switch form.target {
            case .new:
                if let repeating {
                    ids = try database.addMeetingSeries(as: actor, meeting, agenda: agenda, rule: repeating, now: clock())
                    words = "Saved a series of \(ids.count), \(repeating.words): each is checked on its own day."
                    undo = .clear
                } else {
                    ids = [try database.addMeeting(as: actor, meeting, agenda: agenda, now: clock())]
                    undo = .set(.created(id: ids[0], version: 1, title: meeting.title))
                }
            case .existing(let existing, let version):
                if form.scope == .thisAndLater || (form.series == nil && repeating != nil) || (form.series != nil && form.scope == nil) {
                    let change = try database.changeSeries(as: actor, id: existing, expectedVersion: version, to: meeting, agenda: agenda,
                                                           rule: repeating, now: clock())
                    ids = change.changed + change.added
                    words = "Saved this and later ones: \(change.words)."
                    if repeating == nil && form.series != nil { words += " The series now ends before this meeting." }
                    undo = .clear
                } else {
                    let before = try? database.meetingDetail(as: actor, id: existing)
                    try database.updateMeeting(as: actor, id: existing, expectedVersion: version, to: meeting, agenda: agenda, now: clock())
                    if let before {
                        undo = .set(.edited(id: existing, version: version + 1, before: before.facts.meeting, agenda: before.facts.agenda,
                                            title: meeting.title))
                    }
                    if form.series != nil { words = "Saved this one only; the rest of the series is as it was." }
                    ids = [existing]
                }
            }
            // The crèche room and the rung, where they changed, on every meeting the save reached.
            if let room, roomText != form.originalCreche {
                for id in ids { try database.arrangeCreche(as: actor, meetingID: id, roomCapacity: room, now: clock()) }
            }
            if rungText != form.originalRung {
                for id in ids { try database.setRung(as: actor, meetingID: id, rung, now: clock()) }
            }
            return [.saved(Saved(words, open: .meeting(ids[0]), undo: undo))]
        } catch .fields(let issues) {
            // The series' rule refused: beside its fields, everything typed kept.
            var problems: [MeetingForm.Field: String] = [:]
            for issue in issues { problems[issue.field == "until" ? .until : .repeats] = issue.message }
            return [.meetingFormProblems(problems, message: "")]
        } catch {
            // A stale save or a refusal: everything typed stays in the form.
            return [.meetingFormProblems([:], message: error.description)]
        }
    }

    /// The series a form asks for: nil when the meeting does not repeat. An unchanged rule
    /// on a meeting of a series is the series' own (from this meeting's slot); a changed one
    /// is read from the Repeats and Until fields against the meeting's day.
    func seriesRule(_ form: MeetingForm, date: LocalDate?, errors: inout [MeetingForm.Field: String]) -> Result<SeriesRule?, InputError> {
        guard form.kind != "pre-meeting", form.scope != .thisOne else { return .success(nil) }
        guard let date else { return .failure(InputError("")) }
        if let series = form.series, !form.ruleTextChanged {
            // The rule as it was: from this meeting's slot, or from its new day when it moved.
            let first = form[.date] == form.originalRepeat.date ? series.slot : date
            return .success(SeriesRule(series.rule.recurrence.anchored(to: first), first: first, until: series.rule.until))
        }
        switch Recurrence.parse(form[.repeats], from: date) {
        case .failure(let e):
            errors[.repeats] = e.description
            return .failure(e)
        case .success(nil): return .success(nil)
        case .success(let recurrence?):
            let untilText = form[.until].trimmingCharacters(in: .whitespaces)
            guard !untilText.isEmpty else {
                let e = InputError("A series needs an end, or it would never stop: type the day of its last meeting, as 30/06/2027.")
                errors[.until] = e.description
                return .failure(e)
            }
            switch UKInput.date(untilText, today: state.today) {
            case .failure(let e):
                errors[.until] = e.description
                return .failure(e)
            case .success(let until):
                let rule = SeriesRule(recurrence, first: date, until: until)
                if let problem = rule.problems.first {
                    errors[.until] = problem
                    return .failure(InputError(problem))
                }
                return .success(rule)
            }
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
        let parentsText = form[.parents].trimmingCharacters(in: .whitespaces)
        let parents = Int(parentsText.isEmpty ? "0" : parentsText)
        if parents == nil { errors[.parents] = "Type a whole number of parents, for example 3." }
        var prepares: Int64?
        if form.kind == "pre-meeting" && form.target == .new {
            switch Picker.pick(form[.prepares], among: meetingChoices(actor), what: "meeting") {
            case .success(let c): prepares = c.id
            case .failure(let problem): errors[.prepares] = form[.prepares].isEmpty ? "Choose the meeting this pre-meeting prepares: type part of its title." : problem.words
            }
        }
        let kind = MeetingKind(code: form.kind, groupName: form[.group].trimmingCharacters(in: .whitespaces), preparedMeetingID: prepares)
        if kind == nil {
            if form.kind == "task-and-finish" { errors[.group] = "A Task and Finish meeting needs its group's name." }
            else if form.kind == "committee" { errors[.group] = "A committee meeting needs the committee's name (Finance, Risk)." }
            else if errors[.prepares] == nil { errors[.prepares] = "Choose the meeting this pre-meeting prepares: type part of its title." }
        }
        let everyone = choices(.champions, actor)
        func ids(_ field: MeetingForm.Field) -> [Int64] {
            var out: [Int64] = []
            for name in form.names(field) {
                switch Picker.pick(name, among: everyone, what: "Parent Champion") {
                case .success(let c): if let id = c.id, !out.contains(id) { out.append(id) }
                case .failure(let problem): errors[field] = problem.words
                }
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
            .title: .title, .venue: .venue, .end: .end, .parents: .parents, .group: .group, .agenda: .agendaTitle(0),
            .prepares: .prepares, .champion: .confirmed,
        ]
        let problems = m.problems(agenda: agenda) + ((try? database.referenceProblems(m)) ?? [])
        for problem in problems {
            guard var field = fieldFor[problem.field] else { continue }
            if problem.field == .agenda, let item = problem.item {
                // The meeting numbers only the items typed; the form's rows include empty ones.
                let typed = form.agenda.indices.filter { !form.agenda[$0].title.isEmpty || !form.agenda[$0].summary.isEmpty }
                let row = typed.indices.contains(item) ? typed[item] : item
                field = problem.part == 1 ? .agendaSummary(row) : .agendaTitle(row)
                errors[field] = errors[field] ?? "Item \(row + 1): " + problem.message
                continue
            }
            guard errors[field] == nil else { continue }
            if field == .end && (start == nil || end == nil) { continue }
            let text = problem.field == .agenda ? problem.line : problem.message
            errors[field] = text.prefix(1).uppercased() + text.dropFirst()
        }
        return (errors.isEmpty ? m : nil, agenda, errors)
    }

    // MARK: The record form

    private func saveRecord(_ form: RecordForm, _ actor: Actor) -> [Message] {
        do { try AccessPolicy.require(actor, .write, .meeting) } catch { return [.recordFormProblems([:], message: error.description)] }
        var errors: [RecordForm.Field: String] = [:]
        var attendance: [Int64: Attendance] = [:]
        for (i, person) in form.people.enumerated() {
            if let id = person.id, let mark = RecordForm.Mark.attendance(form[.attendance(i)]) { attendance[id] = mark }
        }
        let everyone = choices(.champions, actor)
        for name in form.names(.alsoCame) {
            switch Picker.pick(name, among: everyone, what: "Parent Champion") {
            case .success(let c): if let id = c.id { attendance[id] = .attended }
            case .failure(let problem): errors[.alsoCame] = problem.words
            }
        }
        let parentsText = form[.parents].trimmingCharacters(in: .whitespaces)
        let parents = parentsText.isEmpty ? 0 : Int(parentsText)
        if parents == nil { errors[.parents] = "Type a whole number of parents, for example 3." }
        var actions: [ActionItem] = []
        var rowOf: [Int] = []
        for (row, cells) in form.actionRows {
            var due: LocalDate?
            if !cells[2].isEmpty {
                switch UKInput.date(cells[2], today: state.today) {
                case .success(let d): due = d
                case .failure(let e): errors[.actionDue(row)] = "Action \(row + 1): \(e.description)"
                }
            }
            // An owner picked or typed as part of a champion's name becomes their whole name;
            // someone else's name stays as typed.
            var owner = cells[1]
            if case .success(let c) = Picker.pick(owner, among: everyone, what: "Parent Champion") { owner = c.name }
            actions.append(ActionItem(what: cells[0], owner: owner, due: due, done: cells[3] == "done"))
            rowOf.append(row)
        }
        let record = MeetingRecord(attendance: attendance, otherParentsAttended: parents ?? 0, minutes: form[.minutes],
                                   decisions: form.decisions, actions: actions)
        let decisionRows = form.rows(of: .decisions).indices.filter { !form[.decision($0)].trimmingCharacters(in: .whitespaces).isEmpty }
        for var problem in record.problems() {
            // The record numbers only the items typed; the form's rows include empty ones.
            if let i = problem.item {
                problem.item = problem.field == .actions ? (rowOf.indices.contains(i) ? rowOf[i] : i)
                                                         : (decisionRows.indices.contains(i) ? decisionRows[i] : i)
            }
            let field = form.field(for: problem)
            guard errors[field] == nil else { continue }
            let noun = problem.field == .actions ? "Action" : "Decision"
            errors[field] = problem.item.map { "\(noun) \($0 + 1): " + Self.withoutNumber(problem.message) } ?? AppController.sentence(problem.message)
        }
        guard errors.isEmpty else { return [.recordFormProblems(errors, message: "")] }
        do {
            try database.recordMeeting(as: actor, id: form.meetingID, expectedVersion: form.version, record, today: state.today, now: clock())
            return [.saved(Saved("Recorded: \(form.title) was held.", undo: .clear))]
        } catch .fields(let issues) {
            let fields: [String: RecordForm.Field] = ["parents": .parents, "minutes": .minutes, "attended": .alsoCame]
            var other: [String] = []
            for issue in issues {
                if let field = fields[issue.field] { errors[field] = AppController.sentence(issue.message) } else { other.append(issue.message) }
            }
            return [.recordFormProblems(errors, message: other.map(AppController.sentence).joined(separator: " "))]
        } catch {
            return [.recordFormProblems([:], message: error.description)]
        }
    }

    /// "action 2 needs an owner." as "needs an owner.", for a line that names the row itself.
    static func withoutNumber(_ message: String) -> String {
        let words = message.split(separator: " ", maxSplits: 2)
        guard words.count == 3, Int(words[1]) != nil else { return message }
        return String(words[2])
    }

    /// A problem's words as a sentence on screen: capital first.
    static func sentence(_ message: String) -> String { message.prefix(1).uppercased() + message.dropFirst() }

    /// A store's refusal of a step form: each problem beside the field it names, as a sentence;
    /// problems about no field of the form, and other errors, in the form's message.
    static func refusal(_ error: StoreError, in form: StepForm) -> [Message] {
        guard case .fields(let issues) = error else { return [.stepFormProblems([:], message: sentence(error.description))] }
        var errors: [String: String] = [:]
        var message = ""
        for issue in issues {
            if form.specs.contains(where: { $0.id == issue.field }) { errors[issue.field] = errors[issue.field] ?? sentence(issue.message) }
            else { message += sentence(issue.message) + " " }
        }
        return [.stepFormProblems(errors, message: message.trimmingCharacters(in: .whitespaces))]
    }

    /// After apologies: the family's crèche places in the meeting (and its pre-meetings) are
    /// offered for cancelling in the same step, so the headcount and staff needed drop.
    func apologiesSent(_ saved: Saved, meetingID: Int64, championID: Int64, _ actor: Actor) -> [Message] {
        guard let places = try? database.familyPlaces(as: actor, meetingID: meetingID, championID: championID), !places.isEmpty else {
            return [.saved(saved)]
        }
        let names = Self.list(Array(Set(places.map(\.childName))).sorted())
        let own = actor.championID == championID
        let whose = own ? "your" : "their"
        let question = "\(names) \(places.count == 1 ? "has a crèche place" : "have crèche places") booked for this meeting. "
            + "Cancel \(whose) \(Plural.noun(places.count, "place")) too, so the crèche can plan for fewer children? y cancels, n keeps \(places.count == 1 ? "it" : "them")."
        return [.saved(saved), .present(.prompt(PromptState(purpose: .cancelPlaces(bookingIDs: places.map(\.bookingID), meetingID: meetingID),
                                                            question: question)))]
    }

    /// `Leo`, `Leo and Maisie`, `Amara, Leo and Maisie`.
    static func list(_ names: [String]) -> String {
        names.count <= 2 ? names.joined(separator: " and ") : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
