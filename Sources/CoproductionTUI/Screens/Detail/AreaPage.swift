import Coproduction
import CoproductionStore

/// An area: its Parent Champions (with refresher and DBS flags), the ideas its parents raised,
/// "you said, we did", the ladder of co-production and the meetings its champions go to.
enum AreaPage: DetailPage {
    static let title = "Area"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        guard case .area(let id) = target else { throw .notFound(what: "The area") }
        return .area(try database.areaDetail(as: actor, id: id, today: now.date))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard action == .addIdea || action == .nextStep, case .area(let id) = detail.target else { return nil }
        guard available(action, detail, state) else {
            if case .area(let a)? = detail.content, let own = a.viewersArea {
                state.status = "You can log and move on ideas for \(own), your own area. For \(a.summary.area.name), tell one of its champions or the office."
            } else {
                state.status = "You can log and move on ideas for your own area only."
            }
            return []
        }
        ideaPrompt(action, areaID: id, &state)
        return []
    }

    /// A champion logs and moves ideas for their own area only.
    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard state.session?.role == .champion else { return true }
        guard case .area(let a)? = detail.content, let me = state.session?.championID else { return false }
        return a.records.contains { $0.champion.id == me }
    }

    /// I asks for a new idea in the parent's words; m asks which idea moves along.
    static func ideaPrompt(_ action: Action, areaID: Int64, _ state: inout AppState) {
        state.push(.prompt(action == .addIdea
            ? PromptState(purpose: .addIdea(areaID: areaID), question: "The idea, in the parent's own words:")
            : PromptState(purpose: .chooseIdea(areaID: areaID),
                          question: "Which idea? Type a few of its words and choose it from the list.")))
    }

    /// The area's ideas and what was done about them, for readers who may see them.
    static func ideaLines(_ a: AreaDetail, _ state: AppState, width: Int) -> [Line] {
        let g = state.theme.glyphs
        let today = state.today
        var out: [Line] = [.blank, Line.heading("Ideas from parents (I adds one, m moves one along)", state)]
        if a.ideas.isEmpty { out.append(Line("No ideas logged yet.", .dim)) }
        for idea in a.ideas {
            let who = idea.raisedBy.flatMap { a.championNames[$0] } ?? "a parent in \(a.summary.area.name)"
            let late = idea.awaitingFeedbackTooLong(today: today, days: a.feedbackDays)
            out.append(Line([("#\(idea.id) ", .bold), (DisplayWidth.pad(idea.status.name, to: 20), late ? state.theme.status(.fail) : .plain),
                             ("\(idea.raisedOn.short) \(idea.raisedOn.year), \(who)", .dim)]))
            for line in DisplayWidth.wrap("“\(idea.text)”", width: max(10, width - 4)) { out.append(Line("    " + line)) }
            if late { out.append(Line("    \(g.fail) Decided \(idea.decidedOn?.long ?? ""): not fed back after \(a.feedbackDays) days", state.theme.status(.fail))) }
        }
        let answered = a.ideas.filter { $0.status == .decided || $0.status == .fedBack }
        out += [.blank, Line.heading("You said, we did", state)]
        if answered.isEmpty { out.append(Line("Nothing decided yet.", .dim)) }
        for idea in answered {
            for (i, line) in DisplayWidth.wrap("You said: “\(idea.text)” We did: \(idea.outcome ?? "")", width: max(10, width - 2)).enumerated() {
                out.append(Line((i == 0 ? "" : "  ") + line))
            }
        }
        return out
    }

    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line] {
        guard case .area(let a)? = detail.content else { return [] }
        let g = state.theme.glyphs
        let today = state.today
        var out: [Line] = [Line(a.summary.area.name + (a.summary.area.retired ? " (retired)" : ""), .bold), .blank]
        out += Line.field("Champions", "\(a.summary.activeChampions) active of \(a.summary.champions)", width: width)
        out += Line.field("Ideas", "\(a.summary.ideasOpen) open, \(a.summary.awaitingFeedback) decided and waiting to be told to parents", width: width)
        out += [.blank, Line.heading("Parent Champions", state)]
        if a.records.isEmpty { out.append(Line("No champions yet.")) }
        for r in a.records {
            let trained = r.champion.trainedOn.map { "trained \($0.short) \($0.year)" } ?? "training not recorded"
            var status = r.status.rawValue
            if r.status != .active, let why = r.statusReason { status += ": \(why)" }
            out.append(Line([(DisplayWidth.pad(r.champion.name, to: 18), .plain), (DisplayWidth.pad(status, to: 14), r.status == .active ? .plain : .dim),
                             (trained, .plain)]))
            for flag in r.flags(today: today) {
                out.append(Line("    " + flag.describe(glyphs: g.fail, warn: g.warn), state.theme.status(flag.status)))
            }
            if let phone = r.phone, !phone.isEmpty { out.append(Line("    \(phone)  \(r.email ?? "")  DBS \(r.dbsNumber ?? "")", .dim)) }
        }
        if a.ideasHidden {
            out += [.blank, Line.heading("Ideas from parents", state),
                    Line("Kept to the office and Parent Champions: ideas name the parents who raised them.", .dim)]
        } else {
            out += ideaLines(a, state, width: width)
        }
        let parent = state.session?.role == .champion
        if !parent {
            // The ladder's rungs are the staff's words; parents' screens leave them out.
            out += [.blank, Line.heading("Ladder of co-production", state)]
            let most = max(1, a.ladder.values.max() ?? 1)
            for rung in Rung.allCases.reversed() {
                let n = a.ladder[rung] ?? 0
                let bar = String(repeating: state.theme.asciiOnly ? "#" : "█", count: n * 20 / most)
                out.append(Line([(DisplayWidth.pad(rung.name, to: 15), .plain), (DisplayWidth.pad(bar, to: 21), .bold), ("\(n)", .plain)]))
            }
        }
        out += [.blank, Line.heading("Meetings a champion from \(a.summary.area.name) is going to", state)]
        if a.upcoming.isEmpty { out.append(Line("None booked.")) }
        for m in a.upcoming {
            out.append(Line("\(m.date.medium)  \(m.start)\(g.dash)\(m.end)  " + (parent ? m.title : "\(DisplayWidth.pad(m.kind.label, to: 6)) \(m.title)")))
        }
        return out
    }
}
