import Coproduction
import CoproductionStore

/// The forms for a crèche accident or incident, opened from the register: the record itself
/// (append-only once saved), and what follows it.
enum IncidentForms {
    typealias Spec = StepForm.FieldSpec

    /// The parts of the form for telling the parent, used by both forms.
    static let parentSpecs = [
        Spec("told_by", "Told by", "who told the parent (leave empty until someone has)"),
        Spec("told_at", "Told at", "a time such as 11:05, or 28/11/2026 09:15; empty is now"),
        Spec("told_how", "How", "in person, by phone"),
        Spec("acknowledged_by", "Acknowledged", "the parent who acknowledged it"),
        Spec("acknowledged_at", "At", "when; empty is now"),
    ]

    /// A new incident to `child` in the session, with the rota's names to say who gave first aid.
    static func new(meetingID: Int64, child: Child, rota: [String], state: AppState) -> StepForm {
        let specs = [
            Spec("time", "Time", "when it happened, as 10:40"),
            Spec("place", "Place", "where: the soft-play corner, the garden"),
            Spec("what", "What happened", "what happened, in plain words"),
            Spec("on_arrival", "On arrival", choices: ["no", "yes"]),
            Spec("first_aid_by", "First aid by", choices: ["nobody"] + rota),
            Spec("first_aid_given", "First aid", "what was given"),
            Spec("action", "Action", "what was done next"),
            Spec("serious", "Serious", choices: ["no", "yes"]),
        ] + parentSpecs
        return StepForm(purpose: .newIncident(meetingID: meetingID, childID: child.id),
                        title: "Accident or incident: \(child.fullName) (kept as written: corrections are added later)",
                        specs: specs, values: ["time": state.now.time.description])
    }

    /// What follows an incident: the parent told and their acknowledgement, the notice to
    /// Ofsted and the local safeguarding partners, or an addendum.
    static func followUp(_ incident: Incident) -> StepForm {
        var specs: [Spec] = []
        if incident.first(.parentTold) == nil { specs += parentSpecs.prefix(3) }
        if incident.first(.acknowledged) == nil { specs += parentSpecs.suffix(2) }
        if incident.serious && incident.first(.notified) == nil {
            specs += [Spec("notified_by", "Notified by", "who told Ofsted and the local safeguarding partners"),
                      Spec("notified_on", "Told on", "when, as 04/12/2026 10:00; empty is now"),
                      Spec("reference", "Reference", "Ofsted's reference for the notice")]
        }
        specs.append(Spec("addendum", "Addendum", "a correction or something learned later (kept with the record)"))
        let at = LocalDateTime(incident.at)
        return StepForm(purpose: .incidentFollowUp(incidentID: incident.id),
                        title: "Incident \(incident.id): \(incident.childName), \(at.date.inWords) \(at.time)", specs: specs)
    }
}
