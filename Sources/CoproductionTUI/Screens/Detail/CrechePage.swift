import Coproduction
import CoproductionStore

/// A meeting's crèche: children by age band against the ratios, staff booked and required,
/// and the crèche check; r opens its register.
enum CrechePage: DetailPage {
    static let title = "Crèche"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        guard case .creche(let id) = target else { throw .notFound(what: "The crèche") }
        var detail = try database.meetingDetail(as: actor, id: id)
        if detail.facts.creche != nil { detail.registration = try database.registrationStanding(as: actor, meetingID: id) }
        return .creche(detail)
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        if action == .registrationNotice, case .creche(let d)? = detail.content {
            let m = d.facts.meeting
            state.push(.stepForm(StepForm(purpose: .registrationNotice(venue: m.venue, year: m.date.year),
                                          title: "Notice to Ofsted: \(m.venue), \(m.date.year) (care over 2 hours on 14 days or fewer)",
                                          specs: [StepForm.FieldSpec("sent", "Sent on", "the day it was sent, as 20/11/2026")])))
            return []
        }
        guard action == .register, case .creche(let id) = detail.target else { return nil }
        if case .creche(let d)? = detail.content, let refusal = notOnRota(d, state) {
            state.status = refusal
            return []
        }
        state.push(.detail(DetailState(target: .register(id))))
        return []
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        if action == .registrationNotice {
            guard case .creche(let d)? = detail.content else { return false }
            return d.facts.creche?.underTwoHours == true
        }
        guard action == .register, case .creche(let d)? = detail.content else { return true }
        return notOnRota(d, state) == nil
    }

    /// Crèche staff open the registers of the sessions they work; why not, for one they do not.
    static func notOnRota(_ d: MeetingDetail, _ state: AppState) -> String? {
        guard let actor = state.session, actor.role == .crecheStaff, !d.rotaUserIDs.contains(actor.userID) else { return nil }
        return "You are not on this crèche's rota, so its register is not yours to open: ask the office to add you."
    }

    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line] {
        guard case .creche(let d)? = detail.content else { return [] }
        let m = d.facts.meeting
        var out: [Line] = [Line("Crèche for \(m.title)", .bold), .blank]
        out += Line.field("When", "\(m.date.long), \(m.start)\(state.theme.glyphs.dash)\(m.end)", width: width)
        out += Line.field("Venue", m.venue, width: width)
        out += Line.field("Parents", "\(m.parentsAttending) coming", width: width)
        out.append(.blank)
        out += section(d.facts.creche, day: m.date, state: state, width: width)
        if let registration = d.registration {
            let g = state.theme.glyphs
            for (i, piece) in DisplayWidth.wrap("\(g.glyph(registration.status)) \(registration.words)", width: max(10, width - 12)).enumerated() {
                out.append(Line([(DisplayWidth.pad(i == 0 ? "Ofsted" : "", to: 12), .bold), (piece, state.theme.status(registration.status))]))
            }
        }
        out.append(.blank)
        let check = state.checker.creche(m, d.facts.creche, longestStay: d.facts.longestStay, registration: d.facts.registration)
        out += Line.field("Check", "\(state.theme.glyphs.glyph(check.status)) \(check.status.word): \(check.reason)", width: width)
        return out
    }

    /// The crèche part of a meeting or crèche page: each age band against the ratio in force
    /// on the session's day, the staff who count, and the rules that day.
    static func section(_ booked: CrechePlan?, day: LocalDate, state: AppState, width: Int) -> [Line] {
        var out = [Line.heading("Crèche", state)]
        guard let booked else { return out + [Line("No crèche arranged.")] }
        let ratios = state.checker.ratios(on: day)
        let plan = state.checker.counted(booked, on: day)
        let rule = StaffingRule(ratios: ratios)
        out.append(Line(DisplayWidth.pad("Age band", to: 12) + DisplayWidth.pad("Children", to: 10, alignRight: true)
                        + DisplayWidth.pad("Ratio", to: 8, alignRight: true) + DisplayWidth.pad("Staff", to: 8, alignRight: true), .bold))
        for band in AgeBand.allCases {
            let level6 = band == .threeAndOver && plan.level6WithOlderGroup
            let per = ratios.childrenPerStaff(band, level6WithGroup: level6)
            out.append(Line(DisplayWidth.pad(band.name, to: 12) + DisplayWidth.pad("\(plan.count(band))", to: 10, alignRight: true)
                            + DisplayWidth.pad("1:\(per)", to: 8, alignRight: true)
                            + DisplayWidth.pad("\(rule.staffFor(band, count: plan.count(band), level6WithGroup: level6))", to: 8, alignRight: true)))
        }
        let required = plan.staffRequired(ratios)
        out += Line.field("Children", "\(plan.totalChildren) booked; the room takes \(plan.roomCapacity)", width: width)
        let counting = booked.staffBooked == plan.staffBooked ? "\(plan.staffBooked) booked" : "\(booked.staffBooked) booked, \(plan.staffBooked) count"
        out += Line.field("Staff", "\(counting), \(required) required (each band staffed on its own, at least \(ratios.minimumStaff) when any child is booked)", width: width)
        // Who counts and under which rules is the office's and the crèche's business.
        let staffView = state.session?.role != .champion
        if staffView, let review = state.checker.rotaReview(booked, on: day) {
            for (i, standing) in review.standings.enumerated() {
                let level = standing.countedLevel == 0 ? "at no level" : "at Level \(standing.countedLevel)"
                let firstAid = standing.fullFirstAidInDate ? ", first aid" : ""
                let words = standing.counts ? "counts \(level)\(firstAid)" : "does not count"
                out += Line.field(i == 0 ? "Rota" : "", "\(standing.member.name): \(words)", width: width)
            }
        }
        let (status, word) = state.checker.crecheStanding(booked, on: day)
        out.append(Line([(DisplayWidth.pad("Status", to: 12), .bold),
                         ("\(state.theme.glyphs.glyph(status)) \(word)", state.theme.status(status))]))
        if staffView, let rules = state.checker.settings.rules.inForce(on: day) {
            out += Line.field("Rules", "those in force from \(rules.effectiveFrom.inWords) (coproduce creche rules lists them)", width: width)
        }
        return out
    }
}
