import Coproduction
import CoproductionStore
import Foundation

/// The runner's part for the fund, marketing and rewards forms: saving them through the
/// store (which checks every rule again); problems come back beside their fields.
extension AppController {
    /// Checks and saves the open step form; problems go beside their fields and the form
    /// stays open with everything typed.
    func saveStep(_ form: StepForm, _ actor: Actor) -> [Message] {
        // A role that may not take this step is told so before anything typed is checked.
        let (kind, needed) = form.purpose.permission
        do { try AccessPolicy.require(actor, .write, kind, needed: needed) } catch { return [.stepFormProblems([:], message: error.description)] }
        let now = clock()
        var message = ""
        var status = ""
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
        func champion(_ id: String) -> ParentChampion? {
            let all = (try? database.champions(as: actor)) ?? []
            let matches = all.filter { $0.name.caseInsensitiveCompare(text(id)) == .orderedSame }
            if matches.count == 1 { return matches[0] }
            errors[id] = text(id).isEmpty ? "Type the Parent Champion's name." :
                matches.isEmpty ? "No Parent Champion is called “\(text(id))”: check the spelling." : "More than one Parent Champion is called “\(text(id))”."
            return nil
        }
        do {
            switch form.purpose {
            case .newProposal:
                let areas = (try? database.areas(as: actor, today: state.today, offset: 0, limit: 100)) ?? []
                let area = areas.first { $0.area.name.caseInsensitiveCompare(text("area")) == .orderedSame }
                if area == nil { errors["area"] = "Choose one of: \(areas.map(\.area.name).joined(separator: ", "))." }
                let all = (try? database.champions(as: actor)) ?? []
                let named = all.filter { $0.name.caseInsensitiveCompare(text("applicant")) == .orderedSame }
                let applicant: Applicant = actor.role == .champion ? .champion(actor.championID ?? -1)
                    : named.count == 1 ? .champion(named[0].id) : .group(text("applicant"))
                let amount = money("amount")
                let proposal = FundProposal(applicant: applicant, areaID: area?.area.id ?? 0, title: text("title"), purpose: text("purpose"),
                                            requested: amount ?? Money(pence: 1), year: FinancialYear(containing: state.today),
                                            submittedOn: state.today)
                guard errors.isEmpty, area != nil, amount != nil else {
                    // Show the fund's own rules too, so every problem is seen at once.
                    note((try? database.fundRules().problems(proposal)) ?? [])
                    break
                }
                let id = try database.addProposal(as: actor, proposal, now: now)
                status = "Proposal #\(id) sent in for \(proposal.requested): the panel reviews it with w."
            case .reviewProposal(let id):
                try database.reviewProposal(as: actor, id: id, reviewer: text("reviewer"),
                                            recommendation: Recommendation(rawValue: text("recommendation")) ?? .approve,
                                            comment: text("comment"), on: state.today, now: now)
                status = "Review recorded for proposal #\(id)."
            case .decideProposal(let id):
                let approve = text("decision") == "approve"
                let amount = approve ? money("amount") : nil
                let meeting = text("meeting").isEmpty ? nil : Int64(text("meeting"))
                if !text("meeting").isEmpty && meeting == nil { errors["meeting"] = "Type the meeting's id (a number), or leave it empty." }
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
                status = "Material #\(id) saved as a draft: m sends it to parents."
            case .reviseMaterial(let id):
                try database.reviseMaterial(as: actor, id: id, title: text("title"), service: text("service"), text: form.values["text"] ?? "",
                                            now: now)
                status = "New version saved as a draft: parents' earlier answers no longer count. m sends it to them."
            case .reviewMaterial(let id):
                let parent: Int64? = actor.role == .champion ? nil : champion("parent")?.id
                guard errors.isEmpty else { break }
                let verdict: Verdict = text("verdict") == "approve" ? .approve : .changes
                let answer = try database.reviewMaterial(as: actor, id: id, championID: parent, verdict: verdict, comment: text("comment"),
                                                         on: state.today, now: now)
                status = "Answer recorded: the material is now \(answer.name)."
            case .newReward:
                let who = champion("parent")
                let reason = RewardReason.allCases.first { $0.name == text("reason") } ?? .other
                let kind = RewardKind(rawValue: text("kind")) ?? .voucher
                var amount = money("amount", optional: true)
                if amount == nil && text("amount").isEmpty {
                    amount = kind == .voucher ? (try? database.rewardPolicy())?.amount(for: reason) : nil
                    if amount == nil { errors["amount"] = "Type the amount: no amount is stated for \(kind == .voucher ? reason.name : "expenses")." }
                }
                let date = day("date")
                let reward = Reward(championID: who?.id ?? 0, kind: kind, reason: reason, amount: amount ?? Money(pence: 1),
                                    date: date ?? state.today, declined: text("given") == "declined",
                                    benefitsAdviceOffered: text("advice") == "advice offered", note: text("note"))
                guard errors.isEmpty, let who, amount != nil, date != nil else {
                    // The reward's own rules too, so every problem is seen at once.
                    note(RewardRules.problems(reward))
                    break
                }
                let id = try database.addReward(as: actor, reward, now: now)
                status = "Reward #\(id): \(reward.amount) \(kind.rawValue) for \(who.name)\(text("given") == "declined" ? ", declined" : "")."
            }
            if errors.isEmpty { return [.saved(Saved(status))] }
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
