import Coproduction
import CoproductionStore

/// Parent Approved Marketing: each material's status and version, the current version's
/// answers from parents, the jargon found with plain words, and what approval still needs.
enum MarketingPage: RowsPage {
    static let title = "Parent Approved Marketing"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        .marketing(try database.materials(as: actor))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard case .marketing(let rows)? = detail.content, let actor = state.session else { return [.new, .review, .nextStep, .edit].contains(action) ? [] : nil }
        let row = rows.indices.contains(detail.selected) ? rows[detail.selected] : nil
        switch action {
        case .new:
            state.push(.stepForm(.newMaterial()))
        case .review:
            guard let row else { state.status = "No material to review."; return [] }
            guard row.material.sentToParents else {
                state.status = "This version is a draft: m sends it to parents first."
                return []
            }
            state.push(.stepForm(.reviewMaterial(row, actor: actor)))
        case .nextStep:
            guard let row else { state.status = "No material chosen."; return [] }
            switch row.status {
            case .draft:
                state.push(.prompt(PromptState(purpose: .sendMaterial(id: row.material.id),
                                               question: "Send “\(row.material.title)” version \(row.material.version) to parents for their answers?")))
            case .changesRequested:
                state.status = "Parents asked for changes: e makes a new version with them."
            case .withParents:
                state.status = "With parents: \(row.shortfall ?? "waiting for answers") still needed. w records an answer."
            case .parentApproved:
                state.status = "Parent approved: it may say so. e makes a new version (which parents must approve again)."
            }
        case .edit:
            guard let row else { state.status = "No material chosen."; return [] }
            state.push(.stepForm(.reviseMaterial(row)))
        default:
            return nil
        }
        return []
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard case .marketing(let rows)? = detail.content else { return false }
        let row = rows.indices.contains(detail.selected) ? rows[detail.selected] : nil
        switch action {
        case .review: return row?.material.sentToParents ?? false
        case .nextStep: return row?.status == .draft
        case .edit: return row != nil
        default: return true
        }
    }

    static func materialMark(_ status: MaterialStatus, _ g: Glyphs) -> String {
        switch status {
        case .draft: return g.dot
        case .withParents: return g.warn
        case .changesRequested: return g.fail
        case .parentApproved: return g.pass
        }
    }

    static func parts(_ content: DetailContent, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        guard case .marketing(let rows) = content else { return ([], [], []) }
        let g = state.theme.glyphs
        var counts: [MaterialStatus: Int] = [:]
        for r in rows { counts[r.status, default: 0] += 1 }
        let header = [Line("Materials: " + (rows.isEmpty ? "none yet (n adds one)"
                                            : MaterialStatus.allCases.compactMap { s in counts[s].map { "\($0) \(s.name)" } }.joined(separator: " · ")),
                           state.theme.secondary)]
        let list = rows.map { r in
            Line([(DisplayWidth.pad("#\(r.material.id)", to: 5), .plain),
                  (DisplayWidth.pad("\(materialMark(r.status, g)) \(r.status.name)", to: 20), .plain),
                  (DisplayWidth.pad("v\(r.material.version) \(r.material.kind.name)", to: 15), .plain), (r.material.title, .bold)])
        }
        var details: [Line] = []
        if rows.indices.contains(selected) {
            let r = rows[selected], m = r.material
            details += Line.field("For", "\(m.service)\(r.submittedByName.map { ", put forward by \($0)" } ?? "")", width: width)
            details += Line.field("Text", m.text, width: width)
            let reading = Readability(m.text)
            let target = state.checker.settings.readingAge
            if r.jargon.isEmpty && reading.meets(target) {
                let age = reading.measurable ? ", reading age \(reading.readingAge)" : ""
                details.append(Line("\(g.pass) Plain language: no jargon found\(age).", state.theme.status(.pass)))
            } else if !r.jargon.isEmpty {
                let hits = r.jargon.map { "“\($0.found)” → \($0.entry.plain)" }.joined(separator: "; ")
                details += Line.field("\(g.warn) Jargon", hits, width: width)
            }
            if !reading.meets(target) { details += Line.field("\(g.warn) Reading", reading.summary(target: target), width: width) }
            let current = r.currentReviews
            if current.isEmpty {
                details.append(Line(m.sentToParents ? "No answers from parents on v\(m.version) yet." : "A draft: m sends it to parents.",
                                    state.theme.secondary))
            }
            for review in current {
                let verdict = review.review.verdict == .approve ? "\(g.pass) approves" : "\(g.fail) asks for changes"
                details += Line.field(review.parent, "(\(review.area)) \(verdict)\(review.review.comment.isEmpty ? "" : ": \(review.review.comment)")",
                                            width: width, labelWidth: 16)
            }
            if m.sentToParents, let short = r.shortfall, r.status != .changesRequested {
                details.append(Line("Needs \(short) to be parent approved.", state.theme.secondary))
            }
        }
        return (header, list, details)
    }

}
