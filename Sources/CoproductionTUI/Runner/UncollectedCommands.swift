import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for the call made for a child not collected: saved through the store,
/// which checks the time and the step again; problems come back beside their fields.
extension AppController {
    /// Saves the form; nil when the form is not this one.
    func saveUncollectedCall(_ form: StepForm, _ actor: Actor) -> [Message]? {
        guard case .uncollectedCall(let bookingID) = form.purpose else { return nil }
        let now = clock()
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        guard let step = UncollectedStep(rawValue: text("step")) else {
            return [.stepFormProblems(["step": "Every step is marked done already."], message: "")]
        }
        var at = now
        if !text("at").isEmpty {
            switch UKInput.moment(text("at"), on: state.today, today: state.today) {
            case .success(let m): at = m.instant
            case .failure(let e): return [.stepFormProblems(["at": Self.sentence(e.description)], message: "")]
            }
        }
        do {
            try database.markUncollectedStep(as: actor, bookingID: bookingID, step: step, at: at, by: text("by"), note: text("note"), now: now)
            return [.saved(Saved("Done: \(step.rawValue), \(LocalDateTime(at).time). o signs out on collection."))]
        } catch {
            return Self.refusal(error, in: form)
        }
    }
}
