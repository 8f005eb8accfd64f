import Coproduction
import CoproductionStore

/// The screen a programme key opens (R, F, M, V), or nil for any other action.
func programmeScreen(for action: Action) -> DetailTarget? {
    switch action {
    case .reports: return .report
    case .fund: return .fund
    case .marketing: return .marketing
    case .rewards: return .rewards
    default: return nil
    }
}

private let programmeKind: [DetailTarget: RecordKind] = [.report: .meeting, .fund: .fund, .marketing: .material, .rewards: .reward]

/// Opens the report, the fund, marketing or rewards, unless the role cannot see it.
func openProgramme(_ state: inout AppState, _ target: DetailTarget) {
    if let actor = state.session, let kind = programmeKind[target], AccessPolicy.scope(actor.role, .read, kind) == .none {
        state.status = AccessDenied(role: actor.role, operation: .read, kind: kind).description
        return
    }
    state.editingFilter = false
    state.detail = DetailState(target: target)
    state.status = ""
}

/// Keys on the fund, marketing and rewards screens: choose a row, then n (new), w (review),
/// m (next step) or e (the fund's budget; a new version of a material).
func programmeKey(_ state: inout AppState, _ action: Action?) {
    guard var detail = state.detail, let actor = state.session else { return }
    let count = detail.content?.rowCount ?? 0
    switch action {
    case .moveUp: detail.selected = max(0, detail.selected - 1)
    case .moveDown: detail.selected = min(max(0, count - 1), detail.selected + 1)
    case .pageUp: detail.selected = max(0, detail.selected - 10)
    case .pageDown: detail.selected = min(max(0, count - 1), detail.selected + 10)
    case .first: detail.selected = 0
    case .last: detail.selected = max(0, count - 1)
    case .back, .quit:
        state.detail = nil
        return
    case .help: state.helpVisible = true
    case .lock:
        state = state.locked(keepingName: true, message: "Locked. Enter your PIN or passphrase to carry on.")
        return
    case .switchUser:
        state = state.locked(keepingName: false, message: "Signed out. The next person can sign in.")
        return
    case .newMeeting: newRecord(&state, detail, actor)
    case .review: review(&state, detail, actor)
    case .moveIdea: nextStep(&state, detail, actor)
    case .editMeeting: newVersion(&state, detail, actor)
    default:
        state.status = "On this screen: ↑↓ choose, n new, w review, m next step, e the budget or a material's new version, Esc back."
    }
    if state.detail != nil { state.detail?.selected = detail.selected }
}

private func refuse(_ state: inout AppState, _ actor: Actor, _ kind: RecordKind, needed: Scope = .all) -> Bool {
    let has = AccessPolicy.scope(actor.role, .write, kind)
    if has == .all || (needed == .own && has == .own) { return false }
    state.status = AccessDenied(role: actor.role, operation: .write, kind: kind).description
    return true
}

private func newRecord(_ state: inout AppState, _ detail: DetailState, _ actor: Actor) {
    switch detail.content {
    case .fund(let fund)?:
        if refuse(&state, actor, .fund, needed: .own) { return }
        state.stepForm = .newProposal(actor: actor, areaName: fund.ownArea, limit: fund.limit.description)
    case .marketing?:
        if refuse(&state, actor, .material, needed: .own) { return }
        state.stepForm = .newMaterial()
    case .rewards(let screen)?:
        if refuse(&state, actor, .reward) { return }
        state.stepForm = .newReward(policy: screen.policy, today: state.today)
    default: break
    }
}

private func review(_ state: inout AppState, _ detail: DetailState, _ actor: Actor) {
    switch detail.content {
    case .fund(let fund)?:
        if refuse(&state, actor, .fund, needed: .own) { return }
        guard fund.proposals.indices.contains(detail.selected) else { state.status = "No proposal to review."; return }
        let row = fund.proposals[detail.selected]
        guard row.proposal.status.takesReviews else {
            state.status = "This proposal is \(row.proposal.status.name): the panel's review is over."
            return
        }
        state.stepForm = .reviewProposal(row, actor: actor)
    case .marketing(let rows)?:
        if refuse(&state, actor, .material, needed: .own) { return }
        guard rows.indices.contains(detail.selected) else { state.status = "No material to review."; return }
        let row = rows[detail.selected]
        guard row.material.sentToParents else {
            state.status = "This version is a draft: m sends it to parents first."
            return
        }
        state.stepForm = .reviewMaterial(row, actor: actor)
    default:
        state.status = "Reviews are for fund proposals (F) and marketing materials (M)."
    }
}

private func nextStep(_ state: inout AppState, _ detail: DetailState, _ actor: Actor) {
    switch detail.content {
    case .fund(let fund)?:
        if refuse(&state, actor, .fund) { return }
        guard fund.proposals.indices.contains(detail.selected) else { state.status = "No proposal chosen."; return }
        let row = fund.proposals[detail.selected]
        switch row.proposal.status {
        case .submitted, .underReview: state.stepForm = .decideProposal(row)
        case .approved: state.stepForm = .deliverProposal(row, today: state.today)
        case .delivered: state.stepForm = .closeProposal(row)
        case .declined, .closed: state.status = "This proposal is \(row.proposal.status.name): there is no next step."
        }
    case .marketing(let rows)?:
        if refuse(&state, actor, .material) { return }
        guard rows.indices.contains(detail.selected) else { state.status = "No material chosen."; return }
        let row = rows[detail.selected]
        switch row.status {
        case .draft:
            state.prompt = PromptState(purpose: .sendMaterial(id: row.material.id),
                                       question: "Send “\(row.material.title)” version \(row.material.version) to parents for their answers?")
        case .changesRequested:
            state.status = "Parents asked for changes: e makes a new version with them."
        case .withParents:
            state.status = "With parents: \(row.shortfall ?? "waiting for answers") still needed. w records an answer."
        case .parentApproved:
            state.status = "Parent approved: it may say so. e makes a new version (which parents must approve again)."
        }
    case .rewards?:
        state.status = "Rewards have no steps: n records a voucher or expenses, given or declined."
    default: break
    }
}

private func newVersion(_ state: inout AppState, _ detail: DetailState, _ actor: Actor) {
    if case .fund(let fund)? = detail.content {
        if refuse(&state, actor, .fund) { return }
        state.stepForm = .setBudget(fund)
        return
    }
    guard case .marketing(let rows)? = detail.content else {
        state.status = "On rewards there is nothing to edit: n records a voucher or expenses."
        return
    }
    if refuse(&state, actor, .material) { return }
    guard rows.indices.contains(detail.selected) else { state.status = "No material chosen."; return }
    state.stepForm = .reviseMaterial(rows[detail.selected])
}
