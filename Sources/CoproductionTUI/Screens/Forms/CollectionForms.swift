import Coproduction
import CoproductionStore

/// The forms for who may collect a child, opened from the register (l): a collector's
/// collection password (typed as dots, stored hashed), someone collecting on one day only,
/// and someone who must not collect.
enum CollectionForms {
    typealias Spec = StepForm.FieldSpec

    /// The menu's choices, in the order offered.
    static let password = "A collection password for someone on the list"
    static let temporary = "Someone collecting on one day only"
    static let barred = "Someone who must not collect"
    static let menu = [password, temporary, barred]

    /// The form the menu's answer opens.
    static func form(for choice: String, childID: Int64, child: String, collectors: [String], state: AppState) -> StepForm? {
        switch choice {
        case password:
            return StepForm(purpose: .collectorPassword(childID: childID), title: "Collection password: \(child) (stored so nobody can read it back)",
                            specs: [Spec("collector", "Collector", choices: collectors),
                                    Spec("password", "Password", "a word the collector will say, 4 characters or more", secret: true),
                                    Spec("again", "Again", "the same word, to be sure", secret: true)])
        case temporary:
            return StepForm(purpose: .temporaryCollector(childID: childID), title: "Collecting on one day only: \(child)",
                            specs: [Spec("name", "Name", "who will collect"),
                                    Spec("on", "On", "the day, as 04/12/2026; empty is today")])
        case barred:
            return StepForm(purpose: .mustNotCollect(childID: childID), title: "Must not collect: \(child) (a sign-out to them is refused)",
                            specs: [Spec("name", "Name", "who must not collect"),
                                    Spec("reason", "Reason", "why: what the parent said, the order"),
                                    Spec("court_order", "Court order", choices: ["not seen", "seen"]),
                                    Spec("stands", "On the list", choices: ["ask me", "must not collect stands"])])
        default:
            return nil
        }
    }
}
