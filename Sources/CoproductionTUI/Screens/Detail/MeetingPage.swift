import Coproduction
import CoproductionStore

/// A meeting: its facts, agenda, what happened, the barrier checks and its crèche; the keys
/// that change it (office staff) or answer its invitation (champions).
enum MeetingPage: DetailPage {
    static let title = "Meeting"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        guard case .meeting(let id) = target else { throw .notFound(what: "The meeting") }
        return .meeting(try database.meetingDetail(as: actor, id: id))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard case .meeting(let id) = detail.target else { return nil }
        switch action {
        case .edit, .preMeeting, .cancel, .delete, .record, .accept, .apologies:
            if case .meeting(let d)? = detail.content, let refusal = notNow(action, d, state) {
                state.status = refusal
                return []
            }
            return meetingAction(action, id, &state)
        case .undo: return undo(&state)
        case .approveMinutes:
            state.push(.prompt(PromptState(purpose: .approveMinutes(meetingID: id),
                                           question: "Did this meeting agree the minutes of the last meeting of this group as a true record? "
                                               + "Once approved they change only by a dated addendum.")))
            return []
        case .addendum:
            guard case .meeting(let d)? = detail.content, d.minutes?.approved == true else {
                state.status = "These minutes are not approved yet: they are a draft, so edit them (h) instead."
                return []
            }
            state.push(.stepForm(StepForm(purpose: .minutesAddendum(meetingID: id), title: "Addendum to the minutes of \(d.facts.meeting.title)",
                                          specs: [StepForm.FieldSpec("text", "Addendum", "what it adds or corrects, dated today")])))
            return []
        case .arrange:
            guard case .meeting(let d)? = detail.content else { return [] }
            // The needs not yet met come first among the choices.
            let unmet = d.facts.access.unmet.map(\.need)
            let needs = unmet + AccessNeed.allCases.filter { !unmet.contains($0) }
            var seen = Set<AccessNeed>()
            state.push(.stepForm(StepForm(purpose: .arrangement(meetingID: id), title: "Arranged for \(d.facts.meeting.title)",
                                          specs: [StepForm.FieldSpec("need", "For", choices: needs.filter { seen.insert($0).inserted }.map(\.rawValue)),
                                                  StepForm.FieldSpec("language", "Language", "for an interpreter: Polish, BSL"),
                                                  StepForm.FieldSpec("note", "What", "interpreter booked through the council")])))
            return []
        case .acceptCheck:
            guard case .meeting(let d)? = detail.content else { return [] }
            // The checks failing or warning now come first, then those accepted already (to
            // withdraw); a meeting with neither has nothing to accept.
            let results = state.checker.check(d.facts)
            let open = results.filter { $0.status != .pass }.map(\.barrier)
            let accepted = results.filter { $0.accepted != nil }.map(\.barrier)
            guard !open.isEmpty || !accepted.isEmpty else {
                state.status = d.facts.meeting.status == .cancelled ? "The meeting is cancelled: it has no checks." : "Every check passes: there is nothing to accept."
                return []
            }
            var specs = [StepForm.FieldSpec("check", "Check", choices: (open + accepted).map(\.name)),
                         StepForm.FieldSpec("reason", "Why", "chosen with the dads' group (empty: withdraw)")]
            if d.series != nil { specs.append(StepForm.FieldSpec("scope", "For", choices: ["this meeting", "every meeting of the series"])) }
            state.push(.stepForm(StepForm(purpose: .acceptCheck(meetingID: id), title: "Accept a failing check for \(d.facts.meeting.title)", specs: specs)))
            return []
        case .declareInterest:
            guard case .meeting(let d)? = detail.content, let who = state.session else { return [] }
            // A champion declares their own; the office records anyone's at the meeting.
            let people = who.role == .champion ? [who.name] : d.championNames + [who.name]
            state.push(.stepForm(StepForm(purpose: .declareInterest(meetingID: id), title: "Declaration of interest at \(d.facts.meeting.title)",
                                          specs: [StepForm.FieldSpec("person", "Who", choices: people),
                                                  StepForm.FieldSpec("what", "Interest", "what it is: I chair the play group bidding for this")])))
            return []
        case .writePapers:
            state.status = "Writing the papers…"
            return [.writePapers(id)]
        case .papers:
            guard case .meeting(let d)? = detail.content, !d.championNames.isEmpty else {
                state.status = "Nobody is invited to this meeting yet: invite parents first (e)."
                return []
            }
            let unsent = d.championIDs.indices.filter { i in !d.facts.papers.contains { $0.championID == d.championIDs[i] } }.map { d.championNames[$0] }
            state.push(.stepForm(StepForm(purpose: .papersSent(meetingID: id), title: "Papers sent for \(d.facts.meeting.title)",
                                          specs: [StepForm.FieldSpec("to", "To", choices: [Self.everyoneUnsent] + unsent + d.championNames.filter { !unsent.contains($0) }),
                                                  StepForm.FieldSpec("format", "Format", choices: PaperFormat.allCases.map(\.rawValue)),
                                                  StepForm.FieldSpec("on", "Sent on", "the day, as 01/12/2026; empty is today")])))
            return []
        case .register:
            guard case .meeting(let d)? = detail.content, d.facts.creche != nil else {
                state.status = "This meeting has no crèche: edit it (e) and give the crèche room's places."
                return []
            }
            if let refusal = CrechePage.notOnRota(d, state) {
                state.status = refusal
                return []
            }
            state.push(.detail(DetailState(target: .register(id))))
            return []
        default: return nil
        }
    }

    /// The papers form's choice for every invited parent not yet sent them.
    static let everyoneUnsent = "everyone not sent them yet"

    /// Why a key does nothing for this meeting now, or nil when it does something.
    static func notNow(_ action: Action, _ d: MeetingDetail, _ state: AppState) -> String? {
        let m = d.facts.meeting
        switch action {
        case .preMeeting where !m.kind.needsParentChampion:
            return "That is a pre-meeting already: open the meeting it prepares and press p there."
        case .record where m.status == .cancelled:
            return "This meeting was cancelled, so there is nothing to record."
        case .record where m.date > state.today:
            return "This meeting is on \(m.date.long): record what happened on or after the day."
        case .cancel where m.status == .cancelled:
            return "\(m.title) on \(m.date.long) is already cancelled."
        case .apologies where state.session?.role != .champion:
            return d.championIDs.isEmpty ? "No Parent Champion is invited to this meeting, so there are no apologies to mark." : nil
        case .accept, .apologies:
            guard let me = state.session?.championID, d.championIDs.contains(me) else {
                return "You are not invited to this meeting: ask the office if you would like to go."
            }
            return nil
        default:
            return nil
        }
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard case .meeting(let d)? = detail.content else { return false }
        switch action {
        case .undo: return state.undo != nil
        case .register: return d.facts.creche != nil && CrechePage.notOnRota(d, state) == nil
        default: return notNow(action, d, state) == nil
        }
    }

    /// e, p, c, D, h, a and x on a meeting (from this page or the selected row of the main screen).
    static func meetingAction(_ action: Action, _ id: Int64, _ state: inout AppState) -> [Command] {
        switch action {
        case .accept: return [.respond(id, .confirmed)]
        case .apologies: return [state.session?.role == .champion ? .respond(id, .apologies) : .askApologies(id)]
        case .edit: return [.editMeeting(id)]
        case .record: return [.recordMeeting(id)]
        case .preMeeting: return [.preMeeting(id)]
        case .cancel: return [.askCancel(id)]
        case .delete: return [.askDelete(id)]
        default: return []
        }
    }

    /// u: takes back this terminal's last change.
    static func undo(_ state: inout AppState) -> [Command] {
        guard let change = state.undo else {
            state.status = "Nothing to undo."
            return []
        }
        return [.undo(change)]
    }

    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line] {
        guard case .meeting(let d)? = detail.content else { return [] }
        let m = d.facts.meeting
        let g = state.theme.glyphs
        var out: [Line] = [Line(m.title, .bold), .blank]
        if m.status == .cancelled {
            out += Line.field("CANCELLED", m.cancelReason ?? "no reason recorded", width: width)
            out.append(.blank)
        }
        var kind = m.kind.name
        if let group = m.kind.groupName { kind += m.kind.code == "committee" ? ": \(group)" : " group: \(group)" }
        out += Line.field("Kind", kind, width: width)
        if let p = d.prepares { out += Line.field("Prepares", "\(p.title), \(p.date.long) \(p.start)", width: width) }
        out += Line.field("When", "\(m.date.long), \(m.start)\(g.dash)\(m.end)", width: width)
        if let series = d.series {
            var words = series.words
            if m.date != series.slot { words += "; moved from \(series.slot.long)" }
            out += Line.field("Repeats", words, width: width)
        }
        out += Line.field("Venue", m.venue.isEmpty ? "not set" : m.venue, width: width)
        let parent = state.session?.role == .champion
        if parent, let me = state.session?.championID {
            // A parent's own answer and their child's place, in words.
            let answer = d.championIDs.firstIndex(of: me).map { i in i < d.championResponses.count ? d.championResponses[i] : .invited }
            let you: String
            switch answer {
            case .confirmed?: you = m.status == .held ? "you came" : "coming"
            case .apologies?: you = "you sent apologies"
            case .invited?: you = "invited: a says you are coming, x sends apologies"
            case nil: you = "not invited"
            }
            out += Line.field("You", you, width: width)
            out += Line.field("Your child", d.myChildren.isEmpty ? (d.facts.creche == nil ? "no crèche at this meeting" : "no place booked")
                              : "\(d.myChildren.joined(separator: ", ")), booked", width: width)
        }
        let champions = m.confirmedChampionIDs.count
        out += Line.field("Parents", "\(Plural.count(champions, "Parent Champion")) confirmed, \(Plural.count(m.otherParents, "other parent")) expected", width: width)
        let names = d.championNames.indices.map { i in
            "\(d.championNames[i]) (\(d.championAreas[i]), \(i < d.championResponses.count ? d.championResponses[i].word : "invited"))"
        }
        out += Line.field("Champions", names.isEmpty ? "none invited" : names.joined(separator: ", "), width: width)
        if !d.championNames.isEmpty && m.kind.needsParentChampion {
            let due = PapersRule.deadline(for: m.date, workingDays: state.checker.settings.papersDays)
            let each = d.championIDs.indices.map { i -> String in
                guard let sent = d.facts.papers.first(where: { $0.championID == d.championIDs[i] }) else { return "\(d.championNames[i]): not sent" }
                return "\(d.championNames[i]): \(sent.format.rawValue), \(sent.sentOn.inWords)"
            }
            out += Line.field("Papers", "due by \(due.inWords) (d records them). " + each.joined(separator: "; "), width: width)
        }
        if !d.preMeetings.isEmpty {
            out += Line.field("Pre-meeting", d.preMeetings.map { "\($0.date.long) \($0.start)\(g.dash)\($0.end)" }.joined(separator: "; "), width: width)
        }
        if !d.declared.isEmpty {
            out += Line.field("Interests", d.declared.map { "\($0.person): \($0.what)" }.joined(separator: "; "), width: width)
        }
        out += [.blank, Line.heading("Agenda", state)]
        if d.facts.agenda.isEmpty && d.standingItems.isEmpty { out.append(Line("No agenda items yet.", .dim)) }
        // The standing items come first, made from the body's last meeting (not edited here).
        for (i, item) in (d.standingItems + d.facts.agenda).enumerated() {
            out.append(Line("\(i + 1). \(item.title)", .bold))
            for line in DisplayWidth.wrap(item.summary, width: max(10, width - 3)) where !item.summary.isEmpty {
                out.append(Line("   " + line))
            }
        }
        if let r = d.record {
            out += [.blank, Line.heading("What happened (held)", state)]
            func who(_ a: Attendance) -> String {
                let names = d.championNames.indices.filter { $0 < d.championIDs.count && r.attendance[d.championIDs[$0]] == a }
                    .map { d.championNames[$0] }
                return names.isEmpty ? "none" : names.joined(separator: ", ")
            }
            out += Line.field("Came", who(.attended) + "; \(Plural.count(r.otherParentsAttended, "other parent"))", width: width)
            out += Line.field("Apologies", who(.apologies), width: width)
            if let quorate = d.quorate {
                out += Line.field("Counted", quorate
                    ? "\(g.pass) yes: \(r.parentsThere) parents there (\(state.checker.settings.parentQuorum) needed)"
                    : "\(g.fail) NO, too few parents: \(r.parentsThere) there, \(state.checker.settings.parentQuorum) needed. "
                        + "Its decisions are provisional, to be agreed at the next meeting of this group", width: width)
            }
            out += Line.field("Absent", who(.absent), width: width)
            if !r.minutes.isEmpty { out += Line.field("Minutes", r.minutes, width: width) }
            if let minutes = d.minutes {
                let standing = minutes.approvedAt.map { "approved at the meeting on \($0.on.inWords)" }
                    ?? "a draft until the next meeting of this group approves them (m there)"
                out += Line.field("Minutes", standing, width: width)
                for addendum in minutes.addenda { out += Line.field("Addendum", "\(addendum.on.inWords): \(addendum.text)", width: width) }
            }
            let provisional = d.quorate == false ? " (provisional, to be agreed)" : ""
            for (i, decision) in r.decisions.enumerated() {
                out += Line.field(i == 0 ? "Decisions" : "", "\(i + 1). \(decision)\(provisional)", width: width)
            }
            // What we decided goes back to parents in their papers: held to the same plain words.
            if !r.decisions.isEmpty, let advice = state.checker.plainWords(r.decisions.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")) {
                out += Line.field("\(g.warn) Plain", "What we decided, for parents: \(advice)", width: width)
            }
            for (i, a) in r.actions.enumerated() {
                let word: String
                if a.done { word = "\(g.pass) done" } else if a.isOverdue(on: state.today) { word = "\(g.fail) OVERDUE" } else { word = "\(g.warn) open" }
                let due = a.due.map { " by \($0.long)" } ?? ""
                let wrapped = DisplayWidth.wrap("\(a.what) — \(a.owner)\(due)", width: max(10, width - 24))
                for (j, line) in wrapped.enumerated() {
                    out.append(Line([(DisplayWidth.pad(i == 0 && j == 0 ? "Actions" : "", to: 12), .bold),
                                     (DisplayWidth.pad(j == 0 ? word : "", to: 11),
                                      a.isOverdue(on: state.today) ? state.theme.status(.fail) : .plain), (line, .plain)]))
                }
            }
        }
        out += [.blank, Line.heading(ParentWords.fit("Barrier checks", state), state)]
        if m.status == .cancelled { out.append(Line("None: the meeting is cancelled.", .dim)) }
        for result in state.checker.check(d.facts) {
            let label = "\(g.glyph(result.status)) \(result.status.word)"
            let prefix = DisplayWidth.pad(label, to: 7) + " " + DisplayWidth.pad(result.barrier.name, to: 13) + " "
            let wrapped = DisplayWidth.wrap(result.reason, width: max(10, width - DisplayWidth.of(prefix)))
            for (i, text) in wrapped.enumerated() {
                if i == 0 {
                    out.append(Line([(DisplayWidth.pad(label, to: 7) + " ", state.theme.status(result.status)),
                                     (DisplayWidth.pad(result.barrier.name, to: 13) + " ", .bold), (text, .plain)]))
                } else {
                    out.append(Line(String(repeating: " ", count: DisplayWidth.of(prefix)) + text))
                }
            }
        }
        out += [.blank]
        if parent {
            // Parents see whether there is room, not the ratios and staffing.
            out.append(Line.heading("Crèche", state))
            if let plan = d.facts.creche {
                let free = max(0, plan.roomCapacity - plan.totalChildren)
                out += Line.field("Places", free == 0 ? "full" : "\(free) of \(plan.roomCapacity) free", width: width)
            } else {
                out.append(Line("No crèche arranged yet."))
            }
        } else {
            out += CrechePage.section(d.facts.creche, day: d.facts.meeting.date, state: state, width: width)
        }
        return out
    }
}
