import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for the crèche's safeguarding forms (who may collect a child, the notice
/// to Ofsted): saved through the store, which checks every rule again; problems come back
/// beside their fields, nothing typed lost.
extension AppController {
    /// Saves a collection form; nil when the form is not one of them.
    func saveCollection(_ form: StepForm, _ actor: Actor) -> [Message]? {
        let now = clock()
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        do {
            switch form.purpose {
            case .collectorPassword(let childID):
                if text("password") != text("again") {
                    return [.stepFormProblems(["again": "The two do not match: type the same word in both."], message: "")]
                }
                try database.setCollectorPassword(as: actor, childID: childID, collector: text("collector"), password: text("password"),
                                                  today: state.today, now: now)
                return [.saved(Saved("Collection password set for \(text("collector")). At sign-out, type what they say: the app answers match or no match."))]
            case .temporaryCollector(let childID):
                var day = state.today
                if !text("on").isEmpty {
                    switch UKInput.date(text("on"), today: state.today) {
                    case .success(let d): day = d
                    case .failure(let e): return [.stepFormProblems(["on": Self.sentence(e.description)], message: "")]
                    }
                }
                try database.addTemporaryCollector(as: actor, childID: childID, name: text("name"), on: day, today: state.today, now: now)
                return [.saved(Saved("\(text("name")) may collect on \(day.inWords) only."))]
            case .mustNotCollect(let childID):
                let entry = MustNotCollect(name: text("name"), reason: text("reason"), courtOrderSeen: text("court_order") == "seen")
                try database.addMustNotCollect(as: actor, childID: childID, entry, mustNotCollectStands: text("stands") == "must not collect stands",
                                               now: now)
                return [.saved(Saved("\(text("name")) must not collect: a sign-out to them is refused."))]
            case .registrationNotice(let venue, let year):
                guard !text("sent").isEmpty else { return [.stepFormProblems(["sent": "Give the day the notice was sent, as 20/11/2026."], message: "")] }
                switch UKInput.date(text("sent"), today: state.today) {
                case .failure(let e): return [.stepFormProblems(["sent": Self.sentence(e.description)], message: "")]
                case .success(let day):
                    try database.recordRegistrationNotice(as: actor, venue: venue, year: year, sentOn: day, now: now)
                    return [.saved(Saved("Notice to Ofsted for \(venue), \(year): sent on \(day.inWords)."))]
                }
            default:
                return nil
            }
        } catch {
            return Self.refusal(error, in: form)
        }
    }
}
