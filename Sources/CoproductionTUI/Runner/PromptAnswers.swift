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
                if !who.isEmpty && !row.child.mayBeCollected(by: who) {
                    // Someone not on the list: a reason is needed before anything is saved.
                    let list = ([row.child.parentName] + row.child.collectors).joined(separator: ", ")
                    return [.followUp(.prompt(PromptState(purpose: .signOutReason(bookingID: booking, child: child, collectedBy: who),
                                                          question: "\(who) is NOT on \(child)'s list of people who may collect (\(list)). Record why they are collecting, or Esc to stop.")))]
                }
                try database.signOut(as: actor, bookingID: booking, at: clock(), collectedBy: who)
                return [.saved(Saved("\(child) signed out, collected by \(who)."))]
            case .signOutReason(let booking, let child, let who):
                try database.signOut(as: actor, bookingID: booking, at: clock(), collectedBy: who, reason: prompt.text)
                return [.saved(Saved("\(child) signed out, collected by \(who) — NOT on the list; reason recorded."))]
            case .bookChild(let meetingID):
                let name = prompt.text.trimmingCharacters(in: .whitespaces)
                let matches = try database.children(as: actor).filter { $0.fullName.caseInsensitiveCompare(name) == .orderedSame }
                guard matches.count == 1 else {
                    return [.promptProblem(matches.isEmpty
                        ? "No child you can book is called “\(name)”. Check the spelling; the office registers new children."
                        : "More than one child is called “\(name)”: ask the office to book.")]
                }
                try database.book(as: actor, childID: matches[0].id, meetingID: meetingID, now: clock())
                return [.saved(Saved("\(matches[0].fullName) booked."))]
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
                    let parts = prompt.text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    let champions = try database.champions(as: actor)
                    step.fedBackBy = champions.first { $0.name.caseInsensitiveCompare(parts.first ?? "") == .orderedSame }?.id
                    step.channel = parts.count > 1 ? FeedbackChannel.allCases.first { $0.name == parts[1].lowercased() || $0.rawValue == parts[1].lowercased() } : nil
                    if step.fedBackBy == nil || step.channel == nil {
                        return [.promptProblem("Type a champion's name, a semicolon, then meeting, group chat or newsletter.")]
                    }
                default: break
                }
                try database.moveIdea(as: actor, id: id, step, now: clock())
                return [.saved(Saved("Idea #\(id) is now \(to.name)."))]
            case .sendMaterial(let id):
                try database.sendToParents(as: actor, id: id, now: clock())
                return [.saved(Saved("Sent to parents: w records each parent's answer."))]
            }
        } catch {
            return [.promptProblem(error.description)]
        }
    }

    /// m on an area: the idea's number (or "close" and its number), then its next step.
    private func chooseIdea(_ prompt: PromptState, areaID: Int64, _ actor: Actor) throws(StoreError) -> [Message] {
        let words = prompt.text.lowercased().split(separator: " ")
        let closing = words.first == "close"
        guard let id = words.last.flatMap({ Int64($0.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) }),
              let idea = try database.ideas(as: actor, areaID: areaID).first(where: { $0.id == id }) else {
            return [.promptProblem("Type the number of one of this area's ideas, such as 12 (or “close 12”).")]
        }
        if closing {
            return [.followUp(.prompt(PromptState(purpose: .ideaStep(ideaID: id, to: .closed),
                                                  question: "Why is idea #\(id) closed? (a duplicate of another, withdrawn by the parent…)")))]
        }
        switch idea.status.next {
        case .ready?:
            try database.moveIdea(as: actor, id: id, IdeaStep(to: .ready, on: state.today), now: clock())
            return [.saved(Saved("Idea #\(id) is ready for the Board."))]
        case .onAgenda?:
            return [.promptProblem("Idea #\(id) goes on a Board agenda: open the Partnership Board, press e, then Ctrl-R pulls every ready idea in.")]
        case .decided?:
            return [.followUp(.prompt(PromptState(purpose: .ideaStep(ideaID: id, to: .decided),
                                                  question: "What was decided about idea #\(id)? In plain words, as parents will hear it.")))]
        case .fedBack?:
            return [.followUp(.prompt(PromptState(purpose: .ideaStep(ideaID: id, to: .fedBack),
                                                  question: "Who told the parents, and how? For example: Zoe Adams; group chat (or meeting, newsletter).")))]
        default:
            return [.promptProblem("Idea #\(id) is \(idea.status.name): it goes no further.")]
        }
    }

    /// A booked child's row on the register being shown (read, never written).
    private func registerRow(_ booking: Int64) -> RegisterRow? {
        guard case .register(let screen)? = state.detail?.content else { return nil }
        return screen.rows.first { $0.bookingID == booking }
    }
}
