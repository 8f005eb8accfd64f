import Coproduction
import CoproductionStore

/// The Parent Engagement Fund for the current financial year: the budget, committed and
/// remaining; proposals by status; the chosen proposal's purpose, reviews and decision.
enum FundPage: RowsPage {
    static let title = "Parent Engagement Fund"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        .fund(try database.fundOverview(as: actor, year: FinancialYear(containing: now.date)))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard case .fund(let fund)? = detail.content, let actor = state.session else { return action == .new || action == .review || action == .nextStep || action == .edit ? [] : nil }
        let row = fund.proposals.indices.contains(detail.selected) ? fund.proposals[detail.selected] : nil
        switch action {
        case .new:
            state.push(.stepForm(.newProposal(actor: actor, areaName: fund.ownArea, limit: fund.limit.description)))
        case .review:
            guard let row else { state.status = "No proposal to review."; return [] }
            guard row.proposal.status.takesReviews else {
                state.status = "This proposal is \(row.proposal.status.name): the panel's review is over."
                return []
            }
            state.push(.stepForm(.reviewProposal(row, actor: actor)))
        case .nextStep:
            guard let row else { state.status = "No proposal chosen."; return [] }
            switch row.proposal.status {
            case .submitted, .underReview: state.push(.stepForm(.decideProposal(row)))
            case .approved: state.push(.stepForm(.deliverProposal(row, today: state.today)))
            case .delivered: state.push(.stepForm(.closeProposal(row)))
            case .declined, .closed: state.status = "This proposal is \(row.proposal.status.name): there is no next step."
            }
        case .edit:
            state.push(.stepForm(.setBudget(fund)))
        default:
            return nil
        }
        return []
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard case .fund(let fund)? = detail.content else { return false }
        let row = fund.proposals.indices.contains(detail.selected) ? fund.proposals[detail.selected] : nil
        switch action {
        case .review: return row?.proposal.status.takesReviews ?? false
        case .nextStep: return row.map { ![.declined, .closed].contains($0.proposal.status) } ?? false
        default: return true
        }
    }

    static func statusMark(_ status: ProposalStatus, _ g: Glyphs) -> String {
        switch status {
        case .submitted, .underReview: return g.warn
        case .approved, .delivered, .closed: return g.pass
        case .declined: return g.fail
        }
    }

    static func parts(_ content: DetailContent, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        guard case .fund(let f) = content else { return ([], [], []) }
        let g = state.theme.glyphs
        var header: [Line] = []
        if f.budgetSet {
            header.append(Line([("\(f.budget.year) budget ", .bold), ("\(f.budget.total)", .plain), ("  committed ", .bold),
                                ("\(f.budget.committed)", .plain), ("  remaining ", .bold), ("\(f.budget.remaining)", .plain)]))
        } else {
            header.append(Line("\(g.warn) No budget set for \(f.budget.year): e sets it.", state.theme.status(.warn)))
        }
        let counts = ProposalStatus.allCases.compactMap { s in f.byStatus[s].map { "\($0) \(s.name)" } }
        for text in DisplayWidth.wrap("Proposals: " + (counts.isEmpty ? "none yet (n sends one in)" : counts.joined(separator: " · ")), width: width) {
            header.append(Line(text, state.theme.secondary))
        }
        let spread = f.byArea.filter { $0.committed.pence > 0 }
        if !spread.isEmpty {
            for text in DisplayWidth.wrap("Committed by area: " + spread.map { "\($0.area) \($0.committed)" }.joined(separator: " · "), width: width) {
                header.append(Line(text, state.theme.secondary))
            }
        }
        let rows = f.proposals.map { r in
            Line([(DisplayWidth.pad("#\(r.proposal.id)", to: 5), .plain),
                  (DisplayWidth.pad("\(statusMark(r.proposal.status, g)) \(r.proposal.status.name)", to: 15), .plain),
                  (DisplayWidth.pad((r.proposal.approved ?? r.proposal.requested).description, to: 10, alignRight: true) + "  ", .plain),
                  (DisplayWidth.pad(r.areaName, to: 14), .plain), (r.proposal.title, .bold)])
        }
        var details: [Line] = []
        if f.proposals.indices.contains(selected) {
            let r = f.proposals[selected], p = r.proposal
            details += Line.field("Applicant", "\(r.applicantName) (\(r.areaName)), \(p.submittedOn.uk), asks \(p.requested)", width: width)
            details += Line.field("Purpose", p.purpose, width: width)
            for review in r.reviews {
                details += Line.field("Review", "\(review.reviewer): \(review.recommendation.rawValue). \(review.comment)", width: width)
            }
            if let reason = p.decisionReason {
                let amount = p.approved.map { " \($0)" } ?? ""
                let meeting = p.decidedAtMeetingID.map { " at meeting \($0)" } ?? ""
                details += Line.field("Decision", "\(p.status == .declined ? "declined" : "approved\(amount)")\(meeting) on \(p.decidedOn?.uk ?? ""): \(reason)", width: width)
            }
            if let on = p.deliveredOn { details += Line.field("Delivered", "\(on.uk). \(p.deliveryNote ?? "")", width: width) }
            if let impact = p.impact { details += Line.field(ParentWords.fit("Impact", state), impact, width: width) }
            details.append(Line(next(p.status), state.theme.secondary))
        }
        return (header, rows, details)
    }

    static func next(_ status: ProposalStatus) -> String {
        switch status {
        case .submitted, .underReview: return "w adds a panel review; m records the decision (with a reason)."
        case .approved: return "m records that it was delivered."
        case .delivered: return "m closes it with its impact statement."
        case .declined, .closed: return "Finished."
        }
    }

}
