import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for the incident forms: saving through the store, which checks every
/// rule again; problems come back beside their fields with everything typed kept.
extension AppController {
    /// Saves an incident form; nil when the form is not one of them.
    func saveIncident(_ form: StepForm, _ actor: Actor) -> [Message]? {
        let now = clock()
        var errors: [String: String] = [:]
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        func moment(_ id: String, on day: LocalDate) -> Date? {
            guard !text(id).isEmpty else { return now }
            switch UKInput.moment(text(id), on: day, today: state.today) {
            case .success(let m): return m.instant
            case .failure(let e): errors[id] = Self.sentence(e.description); return nil
            }
        }
        /// The follow-ups filled in: each group only when its "by" is.
        func followUps(on day: LocalDate) -> [IncidentFollowUp] {
            var out: [IncidentFollowUp] = []
            if !text("told_by").isEmpty, let at = moment("told_at", on: day) {
                out.append(IncidentFollowUp(kind: .parentTold, at: at, by: text("told_by"), detail: text("told_how")))
            } else if text("told_by").isEmpty && !(text("told_at") + text("told_how")).isEmpty {
                errors["told_by"] = "Say who told the parent."
            }
            if !text("acknowledged_by").isEmpty, let at = moment("acknowledged_at", on: day) {
                out.append(IncidentFollowUp(kind: .acknowledged, at: at, by: text("acknowledged_by"), detail: ""))
            } else if text("acknowledged_by").isEmpty && !text("acknowledged_at").isEmpty {
                errors["acknowledged_by"] = "Name the parent who acknowledged it."
            }
            if !text("notified_by").isEmpty, let at = moment("notified_on", on: day) {
                out.append(IncidentFollowUp(kind: .notified, at: at, by: text("notified_by"), detail: text("reference")))
            } else if text("notified_by").isEmpty && !(text("notified_on") + text("reference")).isEmpty {
                errors["notified_by"] = "Say who told Ofsted and the local safeguarding partners."
            }
            if !text("addendum").isEmpty { out.append(IncidentFollowUp(kind: .addendum, at: now, by: "", detail: text("addendum"))) }
            return out
        }
        func refused(_ issues: [FieldIssue]) -> [Message] {
            var message = ""
            for issue in issues {
                if form.specs.contains(where: { $0.id == issue.field }) { errors[issue.field] = errors[issue.field] ?? Self.sentence(issue.message) }
                else { message += Self.sentence(issue.message) + " " }
            }
            return [.stepFormProblems(errors, message: message.trimmingCharacters(in: .whitespaces))]
        }
        do {
            switch form.purpose {
            case .newIncident(let meetingID, let childID):
                let day = (try? database.meetingDetail(as: actor, id: meetingID))?.facts.meeting.date ?? state.today
                var at: Date?
                if text("time").isEmpty { errors["time"] = "Say when it happened, as 10:40." } else { at = moment("time", on: day) }
                let firstAid = text("first_aid_by") == "nobody" ? nil : text("first_aid_by")
                let extra = followUps(on: day)
                guard errors.isEmpty, let at else { return [.stepFormProblems(errors, message: "")] }
                let incident = Incident(meetingID: meetingID, childID: childID, childName: "", at: at, place: text("place"), what: text("what"),
                                        onArrival: text("on_arrival") == "yes", firstAidBy: firstAid, firstAidGiven: text("first_aid_given"),
                                        action: text("action"), serious: text("serious") == "yes")
                try database.recordIncident(as: actor, incident, followUps: extra, now: now)
                var words = "Incident recorded (t adds to it)."
                if incident.serious { words += " Serious: tell Ofsted by \(incident.noticeDue.inWords)." }
                else if !extra.contains(where: { $0.kind == .acknowledged }) { words += " Tell the parent today." }
                return [.saved(Saved(words))]
            case .incidentFollowUp(let incidentID):
                let incident = try database.incident(as: actor, id: incidentID)
                let extra = followUps(on: LocalDateTime(incident.at).date)
                guard errors.isEmpty else { return [.stepFormProblems(errors, message: "")] }
                guard !extra.isEmpty else { return [.stepFormProblems([:], message: "Nothing to add: fill in a part of the form, or Esc.")] }
                try database.addFollowUps(as: actor, incidentID: incidentID, extra, now: now)
                return [.saved(Saved("Added to the incident: " + extra.map(\.kind.rawValue).joined(separator: ", ") + "."))]
            default:
                return nil
            }
        } catch .fields(let issues) {
            return refused(issues)
        } catch {
            return [.stepFormProblems(errors, message: Self.sentence(error.description))]
        }
    }
}
