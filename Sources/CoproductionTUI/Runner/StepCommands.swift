import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for the fund, marketing and rewards forms: saving them through the
/// store (which checks every rule again); problems come back beside their fields.
extension AppController {
    /// Checks and saves the open step form; problems go beside their fields and the form
    /// stays open with everything typed.
    func saveStep(_ form: StepForm, _ actor: Actor) -> [Message] {
        if let setup = saveSetup(form, actor) { return setup }
        if let incident = saveIncident(form, actor) { return incident }
        if let call = saveUncollectedCall(form, actor) { return call }
        if let collection = saveCollection(form, actor) { return collection }
        if let papers = savePapers(form, actor) { return papers }
        if let interest = saveInterest(form, actor) { return interest }
        if let arranged = saveArrangement(form, actor) { return arranged }
        if let accepted = saveAcceptedCheck(form, actor) { return accepted }
        if let period = chooseReportPeriod(form) { return period }
        if let addendum = saveAddendum(form, actor) { return addendum }
        if let reminders = saveEmailReminders(form, actor) { return reminders }
        // A role that may not take this step is told so before anything typed is checked.
        let (kind, needed) = form.purpose.permission
        do { try AccessPolicy.require(actor, .write, kind, needed: needed) } catch { return [.stepFormProblems([:], message: error.description)] }
        let now = clock()
        var message = ""
        var status = ""
        // A record just made, chosen on the list it appears in.
        var select: Int64?
        var errors: [String: String] = [:]
        /// A problem beside its field (the first one found stays), as a sentence.
        func note<Field>(_ problems: [FieldProblem<Field>]) {
            for p in problems where errors[p.field.rawValue] == nil { errors[p.field.rawValue] = Self.sentence(p.message) }
        }
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        func money(_ id: String, optional: Bool = false) -> Money? {
            if optional && text(id).isEmpty { return nil }
            switch Money.parse(text(id)) {
            case .success(let m): return m
            case .failure(let e): errors[id] = e.description; return nil
            }
        }
        func day(_ id: String) -> LocalDate? {
            switch UKInput.date(text(id), today: state.today) {
            case .success(let d): return d
            case .failure(let e): errors[id] = e.description; return nil
            }
        }
        let everyone = ((try? database.championNames(as: actor)) ?? []).map { Choice($0.name, detail: $0.detail, id: $0.id) }
        func champion(_ id: String) -> Int64? {
            guard !text(id).isEmpty else {
                errors[id] = "Type part of the Parent Champion's name and choose from the list."
                return nil
            }
            switch Picker.pick(text(id), among: everyone, what: "Parent Champion") {
            case .success(let c): return c.id
            case .failure(let problem): errors[id] = problem.words; return nil
            }
        }
        do {
            switch form.purpose {
            case .newProposal:
                let areas = choices(.areas, actor)
                var areaID: Int64?
                switch Picker.pick(text("area"), among: areas, what: "area") {
                case .success(let c): areaID = c.id
                case .failure: errors["area"] = "Choose one of: \(areas.map(\.name).joined(separator: ", "))."
                }
                // A champion's whole name makes them the applicant; any other name is a local group.
                let named = everyone.filter { NameMatch.fold($0.name) == NameMatch.fold(text("applicant")) }
                let applicant: Applicant = actor.role == .champion ? .champion(actor.championID ?? -1)
                    : named.count == 1 ? .champion(named[0].id ?? -1) : .group(text("applicant"))
                let amount = money("amount")
                let proposal = FundProposal(applicant: applicant, areaID: areaID ?? 0, title: text("title"), purpose: text("purpose"),
                                            requested: amount ?? Money(pence: 1), year: FinancialYear(containing: state.today),
                                            submittedOn: state.today)
                guard errors.isEmpty, areaID != nil, amount != nil else {
                    // Show the fund's own rules too, so every problem is seen at once.
                    note((try? database.fundRules().problems(proposal)) ?? [])
                    break
                }
                let id = try database.addProposal(as: actor, proposal, now: now)
                select = id
                status = "Proposal #\(id) sent in for \(proposal.requested): the panel reviews it with w."
            case .reviewProposal(let id):
                try database.reviewProposal(as: actor, id: id, reviewer: text("reviewer"),
                                            recommendation: Recommendation(rawValue: text("recommendation")) ?? .approve,
                                            comment: text("comment"), on: state.today, now: now)
                status = "Review recorded for proposal #\(id)."
            case .decideProposal(let id):
                let approve = text("decision") == "approve"
                let amount = approve ? money("amount") : nil
                var meeting: Int64?
                if !text("meeting").isEmpty {
                    switch Picker.pick(text("meeting"), among: meetingChoices(actor), what: "meeting") {
                    case .success(let c): meeting = c.id
                    case .failure(let problem): errors["meeting"] = problem.words + " Or leave it empty."
                    }
                }
                guard errors.isEmpty else { break }
                try database.decideProposal(as: actor, id: id, approve: approve, amount: amount, reason: text("reason"),
                                            meetingID: meeting, on: state.today, now: now)
                status = approve ? "Proposal #\(id) approved for \(amount ?? .zero)." : "Proposal #\(id) declined; the reason is recorded."
            case .deliverProposal(let id):
                guard let on = day("delivered") else { break }
                try database.deliverProposal(as: actor, id: id, on: on, note: text("note"), now: now)
                status = "Proposal #\(id) delivered: m closes it with its impact statement."
            case .closeProposal(let id):
                try database.closeProposal(as: actor, id: id, impact: text("impact"), now: now)
                status = "Proposal #\(id) closed."
            case .setBudget(let year):
                guard let total = money("budget") else { break }
                try database.setFundBudget(as: actor, year: year, total: total, now: now)
                status = "The \(year) budget is \(total)."
            case .newMaterial:
                let kind = MaterialKind.allCases.first { $0.name == text("kind") } ?? .leaflet
                let id = try database.addMaterial(as: actor, Material(title: text("title"), kind: kind, service: text("service"),
                                                                      text: form.values["text"] ?? ""), now: now)
                select = id
                status = "Material #\(id) saved as a draft: m sends it to parents."
            case .reviseMaterial(let id):
                try database.reviseMaterial(as: actor, id: id, title: text("title"), service: text("service"), text: form.values["text"] ?? "",
                                            now: now)
                status = "New version saved as a draft: parents' earlier answers no longer count. m sends it to them."
            case .reviewMaterial(let id):
                let parent: Int64? = actor.role == .champion ? nil : champion("parent")
                guard errors.isEmpty else { break }
                let verdict: Verdict = text("verdict") == "approve" ? .approve : .changes
                let answer = try database.reviewMaterial(as: actor, id: id, championID: parent, verdict: verdict, comment: text("comment"),
                                                         on: state.today, now: now)
                status = "Answer recorded: the material is now \(answer.name)."
            case .newReward:
                let other = text("who") == StepForm.rewardToOtherParent
                if other && text("parent").isEmpty { errors["parent"] = "Type the parent's first and family name, as Ann Smith." }
                let who: Int64? = other ? 0 : champion("parent")
                let reason = RewardReason.allCases.first { $0.name == text("reason") } ?? .other
                let kind = RewardKind(rawValue: text("kind")) ?? .voucher
                var amount = money("amount", optional: true)
                if amount == nil && text("amount").isEmpty {
                    amount = kind == .voucher ? (try? database.rewardPolicy())?.amount(for: reason) : nil
                    if amount == nil { errors["amount"] = "Type the amount: no amount is stated for \(kind == .voucher ? reason.name : "expenses")." }
                }
                let date = day("date")
                let reward = Reward(championID: who ?? 0, kind: kind, reason: reason, amount: amount ?? Money(pence: 1),
                                    date: date ?? state.today, declined: text("given") == "declined",
                                    benefitsAdviceOffered: text("advice") == "advice offered", note: text("note"))
                guard errors.isEmpty, let who, amount != nil, date != nil else {
                    // The reward's own rules too, so every problem is seen at once.
                    note(RewardRules.problems(reward))
                    break
                }
                if other {
                    let added = try database.addReward(as: actor, reward, forOtherParentNamed: text("parent"), now: now)
                    status = "Reward #\(added.id): \(reward.amount) \(kind.rawValue) for \(text("parent"))\(text("given") == "declined" ? ", declined" : "")"
                        + (added.newParent ? " (new, not a champion)." : ".")
                    break
                }
                let id = try database.addReward(as: actor, reward, now: now)
                status = "Reward #\(id): \(reward.amount) \(kind.rawValue) for \(everyone.first { $0.id == who }?.name ?? text("parent"))\(text("given") == "declined" ? ", declined" : "")."
            default:
                // The set-up's forms are saved before this switch (saveSetup).
                break
            }
            if errors.isEmpty { return [.saved(Saved(status, selectRecord: select))] }
        } catch .fields(let issues) {
            for issue in issues {
                let field = form.specs.contains { $0.id == issue.field } ? issue.field : nil
                let words = Self.sentence(issue.message)
                if let field, errors[field] == nil, !(form.specs.first { $0.id == field }?.locked ?? true) { errors[field] = words }
                else if message.isEmpty { message = words }
            }
        } catch {
            message = error.description
        }
        return [.stepFormProblems(errors, message: message)]
    }
}
