import Coproduction
import CoproductionStore

/// The runner's part for pickers: the names a form can choose from, read as the person
/// signed in may see them (a source they may not read gives no names, never an error).
extension AppController {
    func readChoices(_ sources: [PickSource], _ actor: Actor) -> [Message] {
        var found: [PickSource: [Choice]] = [:]
        for source in sources { found[source] = choices(source, actor) }
        return [.choicesRead(found)]
    }

    func choices(_ source: PickSource, _ actor: Actor) -> [Choice] {
        switch source {
        case .champions:
            return ((try? database.championNames(as: actor)) ?? []).map { Choice($0.name, detail: $0.detail, id: $0.id) }
        case .areas:
            return ((try? database.areaNames(as: actor)) ?? []).map { Choice($0.name, id: $0.id) }
        case .venues:
            return ((try? database.venueNames(as: actor)) ?? []).map { Choice($0) }
        case .meetings:
            return meetingChoices(actor)
        case .children(let meetingID):
            // Children already on the register are not offered again.
            let booked = Set(((try? database.register(as: actor, meetingID: meetingID)) ?? []).map(\.child.id))
            return ((try? database.children(as: actor)) ?? []).filter { !booked.contains($0.id) }
                .map { Choice($0.fullName, detail: "born \($0.dateOfBirth.uk)", id: $0.id) }
        case .crecheAccounts:
            return ((try? database.accounts(as: actor)) ?? []).filter { $0.role == .crecheStaff && !$0.disabled }.map { Choice($0.name, id: $0.id) }
        case .staffMembers:
            return ((try? database.staffMembers(as: actor)) ?? [])
                .map { Choice($0.name, detail: "Level \($0.level)\($0.paediatricFirstAid ? ", first aid" : "")", id: $0.id) }
        case .ideas(let areaID):
            return ((try? database.ideas(as: actor, areaID: areaID)) ?? []).filter { $0.status.next != nil }
                .map { Choice($0.text, detail: "#\($0.id), \($0.status.name)", id: $0.id) }
        }
    }

    /// Meetings from a year ago to a year ahead, named by title, date and start.
    func meetingChoices(_ actor: Actor) -> [Choice] {
        let rows = (try? database.meetingNames(as: actor, from: state.today.adding(days: -366), to: state.today.adding(days: 366))) ?? []
        return rows.map { r in Choice(MeetingForm.choiceName(r.record.name, r.date, r.start), detail: r.record.detail, id: r.record.id) }
    }
}
