import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for a champion's own e-mail reminders: read to open the form, saved
/// through the store (which checks the address and that it is their own).
extension AppController {
    func openEmailReminders(_ actor: Actor) -> [Message] {
        guard let champion = actor.championID else {
            return [.status("E-mail reminders are a Parent Champion's own choice: the office records one with `coproduce champions contact NAME`.")]
        }
        do {
            let p = try database.contactPreference(as: actor, championID: champion)
            return [.present(.stepForm(SetupForms.emailReminders(p, name: actor.name)))]
        } catch {
            return [.status(error.description)]
        }
    }

    /// Saves the e-mail reminders form; nil when the form is not this one.
    func saveEmailReminders(_ form: StepForm, _ actor: Actor) -> [Message]? {
        guard case .emailReminders(let champion) = form.purpose else { return nil }
        let yes = form.values["reminders"] == "yes"
        let address = (form.values["address"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            try database.setContactPreference(as: actor, championID: champion, emailReminders: yes, address: address, today: state.today, now: clock())
        } catch .fields(let issues) {
            return [.stepFormProblems(Dictionary(issues.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a }), message: "")]
        } catch {
            return [.stepFormProblems([:], message: error.description)]
        }
        let offsets = ((try? ReminderOffset.parse((try? database.text(of: .reminderOffsets)) ?? "").get()) ?? []).map(\.words)
        let when = offsets.isEmpty ? "when the office turns reminders on" : offsets.joined(separator: " and ") + " before each meeting"
        return [.saved(Saved(yes ? "E-mail reminders on, to \(address): \(when)." : "E-mail reminders off: none will be sent."))]
    }
}
