import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for a meeting's governance forms (the papers sent, a declaration of interest), saved through the
/// store; problems come back beside their fields.
extension AppController {
    /// Saves the papers form; nil when the form is not this one.
    func savePapers(_ form: StepForm, _ actor: Actor) -> [Message]? {
        guard case .papersSent = form.purpose else { return nil }
        let now = clock()
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        do {
            switch form.purpose {
            case .papersSent(let meetingID):
                let detail = try database.meetingDetail(as: actor, id: meetingID)
                var day = state.today
                if !text("on").isEmpty {
                    switch UKInput.date(text("on"), today: state.today) {
                    case .success(let d): day = d
                    case .failure(let e): return [.stepFormProblems(["on": Self.sentence(e.description)], message: "")]
                    }
                }
                let ids: [Int64]
                if text("to") == MeetingPage.everyoneUnsent {
                    ids = detail.championIDs.filter { id in !detail.facts.papers.contains { $0.championID == id } }
                    if ids.isEmpty { return [.stepFormProblems(["to": "Everyone invited has had them: choose one person to send again."], message: "")] }
                } else {
                    ids = detail.championIDs.indices.filter { detail.championNames[$0] == text("to") }.map { detail.championIDs[$0] }
                }
                try database.recordPapersSent(as: actor, meetingID: meetingID, championIDs: ids,
                                              format: PaperFormat(rawValue: text("format")) ?? .email, sentOn: day, today: state.today, now: now)
                return [.saved(Saved("Papers recorded: \(ids.count) by \(text("format")) on \(day.inWords)."))]
            default:
                return nil
            }
        } catch {
            return Self.refusal(error, in: form)
        }
    }
}

extension AppController {
    /// Saves a declaration of interest made at a meeting; nil when the form is not that one.
    func saveInterest(_ form: StepForm, _ actor: Actor) -> [Message]? {
        guard case .declareInterest(let meetingID) = form.purpose else { return nil }
        let person = (form.values["person"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let detail = try database.meetingDetail(as: actor, id: meetingID)
            var interest = Interest(what: form.values["what"] ?? "", from: state.today, meetingID: meetingID)
            if let i = detail.championNames.firstIndex(of: person), person != actor.name || actor.role == .champion {
                interest.championID = detail.championIDs[i]
            } else if person == actor.name {
                if actor.role == .champion { interest.championID = actor.championID } else { interest.userID = actor.userID }
            }
            try database.declareInterest(as: actor, interest, now: clock())
            return [.saved(Saved("Interest declared by \(person): kept with this meeting."))]
        } catch {
            return Self.refusal(error, in: form)
        }
    }
}

extension AppController {
    /// Saves something arranged for a meeting's access needs; nil when the form is not that one.
    func saveArrangement(_ form: StepForm, _ actor: Actor) -> [Message]? {
        guard case .arrangement(let meetingID) = form.purpose else { return nil }
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let need = AccessNeed(rawValue: text("need")) else { return [.stepFormProblems(["need": "Choose what it is for."], message: "")] }
        do {
            try database.arrange(as: actor, meetingID: meetingID, Arrangement(need: need, language: text("language"), note: text("note")), now: clock())
            return [.saved(Saved("Arranged: \(need.rawValue)\(text("language").isEmpty ? "" : " (\(text("language")))")."))]
        } catch {
            return Self.refusal(error, in: form)
        }
    }
}

extension AppController {
    /// Accepts a failing check for a meeting (or its series) with the reason typed, or, with
    /// no reason, withdraws one accepted already; nil when the form is not that one.
    func saveAcceptedCheck(_ form: StepForm, _ actor: Actor) -> [Message]? {
        guard case .acceptCheck(let meetingID) = form.purpose else { return nil }
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let barrier = Barrier.allCases.first(where: { $0.name == text("check") }) else {
            return [.stepFormProblems(["check": "Choose the check with ← or →."], message: "")]
        }
        do {
            if text("reason").isEmpty {
                guard let gone = try database.withdrawAcceptedCheck(as: actor, meetingID: meetingID, barrier: barrier, now: clock()) else {
                    return [.stepFormProblems(["reason": AcceptedCheck.problem(reason: "") ?? ""], message: "")]
                }
                return [.saved(Saved("\(barrier.name) no longer accepted\(gone.wholeSeries ? " for the series" : ""): the check shows what it finds again."))]
            }
            let series = text("scope") == "every meeting of the series"
            try database.acceptCheck(as: actor, meetingID: meetingID, barrier: barrier, reason: text("reason"), wholeSeries: series, now: clock())
            return [.saved(Saved("\(barrier.name) accepted\(series ? " for the whole series" : ""), with your reason and name."))]
        } catch {
            return Self.refusal(error, in: form)
        }
    }
}

extension AppController {
    /// Opens the report for the period chosen (from–to needs both days, in order); nil when
    /// the form is not that one.
    func chooseReportPeriod(_ form: StepForm) -> [Message]? {
        guard case .reportPeriod = form.purpose else { return nil }
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let chosen = ReportPage.periods.first { $0.words == text("period") } ?? ReportPage.periods[0]
        if let period = chosen.period { return [.saved(Saved("The report for \(period.words(today: state.today)).", open: .report(period)))] }
        var problems: [String: String] = [:]
        var days: [String: LocalDate] = [:]
        for field in ["from", "to"] {
            switch UKInput.date(text(field), today: state.today) {
            case .success(let day): days[field] = day
            case .failure(let problem): problems[field] = problem.description
            }
        }
        if let from = days["from"], let to = days["to"], to < from { problems["to"] = "\(to.uk) is before \(from.uk): give the later day here." }
        guard problems.isEmpty, let from = days["from"], let to = days["to"] else { return [.stepFormProblems(problems, message: "")] }
        return [.saved(Saved("The report from \(from.long) to \(to.long).", open: .report(.between(from, to))))]
    }
}

extension AppController {
    /// Saves an addendum to approved minutes; nil when the form is not that one.
    func saveAddendum(_ form: StepForm, _ actor: Actor) -> [Message]? {
        guard case .minutesAddendum(let meetingID) = form.purpose else { return nil }
        do {
            try database.addMinutesAddendum(as: actor, meetingID: meetingID, text: form.values["text"] ?? "", on: state.today, now: clock())
            return [.saved(Saved("Addendum added to the minutes, dated \(state.today.inWords)."))]
        } catch {
            return Self.refusal(error, in: form)
        }
    }
}
