import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for answered questions: cancelling and deleting meetings, signing a
/// child out, booking a child, logging and moving ideas, sending a material to parents.
extension AppController {
    func answer(_ prompt: PromptState, _ actor: Actor) -> [Message] {
        do {
            switch prompt.purpose {
            case .cancelMeeting(let id, let version):
                let title = (try? database.meetingDetail(as: actor, id: id))?.facts.meeting.title ?? "the meeting"
                try database.cancelMeeting(as: actor, id: id, expectedVersion: version, reason: prompt.text, now: clock())
                return [.saved(Saved("Cancelled. The reason is kept on record; u undoes.", undo: .set(.cancelled(id: id, version: version + 1, title: title))))]
            case .deleteMeeting(let id, let version):
                try database.deleteMeeting(as: actor, id: id, expectedVersion: version, now: clock())
                return [.saved(Saved("Meeting deleted.", gone: [.meeting(id), .creche(id), .register(id)], undo: .clear))]
            case .signOut(let booking, let child):
                let who = prompt.text.trimmingCharacters(in: .whitespaces)
                guard let row = registerRow(booking) else { return [.promptProblem("That child is no longer on this register.")] }
                if !who.isEmpty && row.mustNotCollect.contains(where: { CollectionSafety.same($0, who) }) {
                    // The store refuses, records the refusal in the audit trail and says why, loudly.
                    try database.signOut(as: actor, bookingID: booking, at: clock(), collectedBy: who)
                    return [.saved(Saved("\(child) signed out, collected by \(who)."))]
                }
                let named = row.child.mayBeCollected(by: who) || row.temporaryCollectors.contains { CollectionSafety.same($0, who) }
                if !who.isEmpty && named && row.withPassword.contains(where: { CollectionSafety.same($0, who) }) {
                    return [.followUp(.prompt(PromptState(purpose: .signOutPassword(bookingID: booking, child: child, collectedBy: who),
                                                          question: "\(who) has a collection password for \(child). Ask them for it and type what they say: the app answers match or no match.")))]
                }
                if !who.isEmpty && !named {
                    // Someone not on the list: a reason and their age are needed before anything is saved.
                    let list = ([row.child.parentName] + row.child.collectors + row.temporaryCollectors).joined(separator: ", ")
                    return [.followUp(.prompt(PromptState(purpose: .signOutReason(bookingID: booking, child: child, collectedBy: who),
                                                          question: "\(who) is NOT on \(child)'s list of people who may collect (\(list)). Record why they are collecting, or Esc to stop.")))]
                }
                try database.signOut(as: actor, bookingID: booking, at: clock(), collectedBy: who)
                return [.saved(Saved("\(child) signed out, collected by \(who)."))]
            case .approveMinutes(let meetingID):
                let last = try database.approveLastMinutes(as: actor, atMeeting: meetingID, today: state.today, now: clock())
                let title = (try? database.meetingDetail(as: actor, id: last))?.facts.meeting.date.inWords ?? "the last meeting"
                return [.saved(Saved("The minutes of \(title) are approved: from now on they change only by addendum."))]
            case .collection(let childID, let child):
                guard case .register(let screen)? = state.detail?.content,
                      let row = screen.rows.first(where: { $0.child.id == childID }) else {
                    return [.promptProblem("That child is no longer on this register.")]
                }
                let collectors = [row.child.parentName] + row.child.collectors + row.temporaryCollectors
                guard let form = CollectionForms.form(for: prompt.text, childID: childID, child: child, collectors: collectors, state: state) else {
                    return [.promptProblem("Choose one of the three.")]
                }
                return [.followUp(.stepForm(form))]
            case .signOutPassword(let booking, let child, let who):
                try database.signOut(as: actor, bookingID: booking, at: clock(), collectedBy: who, password: prompt.text)
                return [.saved(Saved("Password matches. \(child) signed out, collected by \(who)."))]
            case .signOutAge(let booking, let child, let who, let reason):
                let typed = prompt.text.trimmingCharacters(in: .whitespaces)
                guard let age = Int(typed) else { return [.promptProblem("Type their age in years, as 34.")] }
                try database.signOut(as: actor, bookingID: booking, at: clock(), collectedBy: who, reason: reason, collectorAge: age)
                return [.saved(Saved("\(child) signed out, collected by \(who) (\(age)) — NOT on the list; reason recorded."))]
            case .markApologies(let meetingID):
                guard case .success(let chosen) = Picker.pick(prompt.text, among: prompt.offered, what: "invited champion"),
                      let champion = chosen.id else {
                    return [.promptProblem("Choose one of the champions invited, by part of their name.")]
                }
                let title = (try? database.meetingDetail(as: actor, id: meetingID))?.facts.meeting.title ?? "the meeting"
                let old = try database.respond(as: actor, meetingID: meetingID, championID: champion, .apologies, now: clock())
                let saved = Saved("Apologies from \(chosen.name) marked for \(title).",
                                  undo: .set(.responded(meetingID: meetingID, championID: champion, old: old, title: title)))
                return apologiesSent(saved, meetingID: meetingID, championID: champion, actor)
            case .cancelPlaces(let bookings, let meetingID):
                let names = try database.cancelPlaces(as: actor, bookingIDs: bookings, now: clock())
                var words = "Crèche \(Plural.noun(names.count, "place")) cancelled for \(Self.list(Array(Set(names)).sorted()))."
                if let d = try? database.meetingDetail(as: actor, id: meetingID), let plan = d.facts.creche {
                    let children = plan.totalChildren
                    words += " The crèche now has \(children) \(children == 1 ? "child" : "children") booked"
                        + (actor.role == .champion ? "." : " and needs \(plan.staffRequired(state.checker.ratios(on: d.facts.meeting.date))) staff.")
                }
                return [.saved(Saved(words))]
            case .signOutReason(let booking, let child, let who):
                guard !prompt.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return [.promptProblem("\(who) is not on the list: record why they are collecting (checked with the parent), or Esc to stop.")]
                }
                let minimum = (try? database.number(of: .collectorMinimumAge)) ?? 16
                return [.followUp(.prompt(PromptState(purpose: .signOutAge(bookingID: booking, child: child, collectedBy: who, reason: prompt.text),
                                                      question: "How old is \(who)? Someone collecting who is not on the list must be \(minimum) or over.")))]
            case .bookChild(let meetingID):
                switch Picker.pick(prompt.text, among: choices(.children(meetingID: meetingID), actor), what: "child you can book") {
                case .failure(let problem):
                    return [.promptProblem(problem.words)]
                case .success(let child):
                    // Warned once before a booking that would pass the days allowed with notice.
                    if let warning = try database.registrationWarning(as: actor, childID: child.id ?? 0, meetingID: meetingID) {
                        let words = warning + " Enter again books anyway; Esc stops."
                        if prompt.error != words { return [.promptProblem(words)] }
                    }
                    try database.book(as: actor, childID: child.id ?? 0, meetingID: meetingID, now: clock())
                    return [.saved(Saved("\(child.name) booked."))]
                }
            case .addIdea(let areaID):
                let id = try database.addIdea(as: actor, Idea(areaID: areaID, raisedOn: state.today, raisedBy: actor.championID,
                                                             text: prompt.text), now: clock())
                return [.saved(Saved("Idea #\(id) logged as new."))]
            case .chooseIdea(let areaID):
                return try chooseIdea(prompt, areaID: areaID, actor)
            case .ideaStep(let id, let to):
                var step = IdeaStep(to: to, on: state.today)
                switch to {
                case .decided: step.outcome = prompt.text
                case .closed: step.reason = prompt.text
                case .fedBack:
                    switch Picker.pick(prompt.text, among: choices(.champions, actor), what: "Parent Champion") {
                    case .failure(let problem): return [.promptProblem(problem.words)]
                    case .success(let who):
                        return [.followUp(.prompt(PromptState(purpose: .ideaChannel(ideaID: id, championID: who.id ?? 0),
                                                              question: "How did \(who.name) tell the parents about idea #\(id)?",
                                                              offered: FeedbackChannel.allCases.map { Choice($0.name) })))]
                    }
                default: break
                }
                try database.moveIdea(as: actor, id: id, step, now: clock())
                return [.saved(Saved("Idea #\(id) is now \(to.name)."))]
            case .ideaNext(let id, let next):
                if prompt.text == Self.closeIdea {
                    return [.followUp(.prompt(PromptState(purpose: .ideaStep(ideaID: id, to: .closed),
                                                          question: "Why is idea #\(id) closed? (a duplicate of another, withdrawn by the parent…)")))]
                }
                return try moveIdea(id, to: next, actor)
            case .ideaChannel(let id, let champion):
                guard let channel = FeedbackChannel.allCases.first(where: { NameMatch.fold($0.name) == NameMatch.fold(prompt.text) }) else {
                    return [.promptProblem("Choose meeting, group chat or newsletter.")]
                }
                var step = IdeaStep(to: .fedBack, on: state.today)
                step.fedBackBy = champion
                step.channel = channel
                try database.moveIdea(as: actor, id: id, step, now: clock())
                return [.saved(Saved("Idea #\(id) is now \(IdeaStatus.fedBack.name)."))]
            case .addToRota(let meetingID):
                switch Picker.pick(prompt.text, among: choices(.staffMembers, actor), what: "member of crèche staff") {
                case .failure(let problem): return [.promptProblem(problem.words)]
                case .success(let member):
                    try database.addToRota(as: actor, meetingID: meetingID, staffMemberID: member.id ?? 0, now: clock())
                    return [.saved(Saved("\(member.name) is on this session's rota."))]
                }
            case .sendMaterial(let id):
                try database.sendToParents(as: actor, id: id, now: clock())
                return [.saved(Saved("Sent to parents: w records each parent's answer."))]
            }
        } catch {
            return [.promptProblem(error.description)]
        }
    }

    /// The answer on the menu after choosing an idea that closes it instead of moving it on.
    static let closeIdea = "close it, with a reason"

    /// m on an area: the idea picked by its words, then a menu of its next step or closing.
    private func chooseIdea(_ prompt: PromptState, areaID: Int64, _ actor: Actor) throws(StoreError) -> [Message] {
        let picked: Choice
        switch Picker.pick(prompt.text, among: choices(.ideas(areaID: areaID), actor), what: "idea still moving in this area") {
        case .failure(let problem): return [.promptProblem(problem.words)]
        case .success(let c): picked = c
        }
        guard let id = picked.id, let idea = try database.ideas(as: actor, areaID: areaID).first(where: { $0.id == id }),
              let next = idea.status.next else {
            return [.promptProblem("That idea goes no further.")]
        }
        let step: String
        switch next {
        case .ready: step = "ready for the Board"
        case .onAgenda: step = "onto a Board agenda"
        case .decided: step = "decided: record what was decided"
        default: step = "told to parents: record who told them and how"
        }
        return [.followUp(.prompt(PromptState(purpose: .ideaNext(ideaID: id, next: next),
                                              question: "Idea #\(id): “\(idea.text)” is \(idea.status.name). What next?",
                                              offered: [Choice("move it on: \(step)"), Choice(Self.closeIdea)])))]
    }

    /// Moves an idea to its next step, asking for what that step needs.
    private func moveIdea(_ id: Int64, to next: IdeaStatus, _ actor: Actor) throws(StoreError) -> [Message] {
        switch next {
        case .ready:
            try database.moveIdea(as: actor, id: id, IdeaStep(to: .ready, on: state.today), now: clock())
            return [.saved(Saved("Idea #\(id) is ready for the Board."))]
        case .onAgenda:
            return [.promptProblem("Idea #\(id) goes on a Board agenda: open the Partnership Board, press e, then Ctrl-R pulls every ready idea in.")]
        case .decided:
            return [.followUp(.prompt(PromptState(purpose: .ideaStep(ideaID: id, to: .decided),
                                                  question: "What was decided about idea #\(id)? In plain words, as parents will hear it.")))]
        default:
            return [.followUp(.prompt(PromptState(purpose: .ideaStep(ideaID: id, to: .fedBack),
                                                  question: "Who told the parents about idea #\(id)? Type part of the champion's name and choose.")))]
        }
    }

    /// A booked child's row on the register being shown (read, never written).
    private func registerRow(_ booking: Int64) -> RegisterRow? {
        guard case .register(let screen)? = state.detail?.content else { return nil }
        return screen.rows.first { $0.bookingID == booking }
    }
}
