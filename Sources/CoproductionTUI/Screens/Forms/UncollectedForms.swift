import Coproduction
import CoproductionStore

/// The form for a call made because a child was not collected by the session's end, opened
/// from the register (c): which step, when, by whom, and what came of it.
enum UncollectedForms {
    typealias Spec = StepForm.FieldSpec

    /// A call for the child on `row`, offering the steps not yet done (the next one first).
    static func call(_ row: RegisterRow, escalation: UncollectedEscalation, state: AppState) -> StepForm {
        let open = UncollectedStep.allCases.filter { escalation.record(of: $0) == nil }
        let specs = [
            Spec("step", "Step", choices: open.map(\.rawValue)),
            Spec("at", "When", "when the call was made, as 11:05; empty is now"),
            Spec("by", "Made by", "who made the call"),
            Spec("note", "What came of it", "no answer; on their way, 10 minutes"),
        ]
        return StepForm(purpose: .uncollectedCall(bookingID: row.bookingID),
                        title: "\(row.child.fullName) not collected: the session ended at \(escalation.sessionEnds.time) (kept as written)",
                        specs: specs, values: ["by": state.session?.name ?? ""])
    }
}
