/// The barriers to parents taking part that every meeting is checked against.
public enum Barrier: String, CaseIterable, Sendable {
    /// Held between the school runs, on a weekday.
    case schoolRun
    /// A Parent Champion at every Board, Service Design and Task and Finish meeting.
    case parentVoice
    /// A crèche, staffed to the ratios, whenever a parent attends.
    case creche
    /// A pre-meeting with the parents beforehand.
    case preMeeting
    /// Agenda titles and summaries free of jargon.
    case plainLanguage
    /// No champion or venue in two meetings at once.
    case clash
    /// Papers sent to every invited parent the set working days before.
    case papers
    /// Every confirmed person's access needs met by the venue or an arrangement.
    case access

    /// The name used in reports and JSON: `school-run`, `parent-voice`, `creche`,
    /// `pre-meeting`, `plain-language`, `clash`.
    public var code: String {
        switch self {
        case .schoolRun: return "school-run"
        case .parentVoice: return "parent-voice"
        case .creche: return "creche"
        case .preMeeting: return "pre-meeting"
        case .plainLanguage: return "plain-language"
        case .clash: return "clash"
        case .papers: return "papers"
        case .access: return "access"
        }
    }

    /// The barrier a ``code`` names (`school-run`), or nil.
    public init?(code: String) {
        guard let found = Barrier.allCases.first(where: { $0.code == code }) else { return nil }
        self = found
    }

    /// The plain name shown beside the result.
    public var name: String {
        switch self {
        case .schoolRun: return "School run"
        case .parentVoice: return "Parent voice"
        case .creche: return "Crèche"
        case .preMeeting: return "Pre-meeting"
        case .plainLanguage: return "Plain words"
        case .clash: return "Clash"
        case .papers: return "Papers"
        case .access: return "Access"
        }
    }
}

/// The result of checking one meeting against one barrier.
public struct BarrierResult: Hashable, Sendable {
    /// Which barrier.
    public var barrier: Barrier
    /// Pass, warn or fail.
    public var status: CheckStatus
    /// Plain English: what is right, or what to change. The words are put together when they
    /// are read, not when the check is made: a batch command that wants only the worst
    /// status of 100,000 meetings (``BarrierChecker/overall(_:)``) never builds them.
    public var reason: String {
        get { words() }
        set { words = { newValue } }
    }
    /// What ``reason`` is made from.
    private var words: @Sendable () -> String
    /// When office staff accepted this check failing for this meeting: the status is then
    /// `pass` and the reason starts "accepted: …", followed by what the check found.
    public var accepted: AcceptedCheck?

    /// Creates a result; `reason` is worked out each time it is read.
    public init(_ barrier: Barrier, _ status: CheckStatus, _ reason: @autoclosure @escaping @Sendable () -> String) {
        self.barrier = barrier
        self.status = status
        self.words = reason
    }

    /// The same check, status, acceptance and words.
    public static func == (lhs: BarrierResult, rhs: BarrierResult) -> Bool {
        lhs.barrier == rhs.barrier && lhs.status == rhs.status && lhs.accepted == rhs.accepted && lhs.reason == rhs.reason
    }

    /// Hashes what ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(barrier)
        hasher.combine(status)
        hasher.combine(accepted)
        hasher.combine(reason)
    }

    /// The word shown beside it: `ok`, `warn`, `fail`, or `accepted`.
    public var word: String { accepted == nil ? status.word : "accepted" }
}

/// Everything a barrier check needs to know about one meeting.
public struct MeetingFacts: Hashable, Sendable {
    /// The meeting itself.
    public var meeting: Meeting
    /// Its crèche, if one is arranged.
    public var creche: CrechePlan?
    /// The dates of the pre-meetings that prepare it.
    public var preMeetingDates: [LocalDate]
    /// Its agenda.
    public var agenda: [AgendaItem]
    /// Other meetings at the same time sharing a venue or a champion.
    public var clashes: [Clash]
    /// The longest stay of a child booked into its crèche, counting sessions joined to it back
    /// to back (read only for a crèche that must keep children under two hours).
    public var longestStay: LongestStay?
    /// Where the day stands against Ofsted's registration exemptions, read only when a child
    /// would stay over two hours in a crèche that is not registered.
    public var registration: RegistrationStanding?
    /// The papers sent to the parents invited, one entry each.
    public var papers: [PaperSent] = []
    /// The confirmed people's access needs, what the venue offers and what is arranged.
    public var access = AccessFacts()
    /// The checks office staff have accepted failing for it, by check.
    public var accepted: [Barrier: AcceptedCheck] = [:]

    /// Creates the facts.
    public init(meeting: Meeting, creche: CrechePlan?, preMeetingDates: [LocalDate], agenda: [AgendaItem] = [],
                clashes: [Clash] = [], longestStay: LongestStay? = nil, registration: RegistrationStanding? = nil) {
        self.registration = registration
        self.meeting = meeting
        self.creche = creche
        self.preMeetingDates = preMeetingDates
        self.agenda = agenda
        self.clashes = clashes
        self.longestStay = longestStay
    }
}

/// Checks meetings against the barriers the programme removes. One truth for the
/// command line, the screens and the tests.
public struct BarrierChecker: Hashable, Sendable {
    /// The settings in force.
    public var settings: BarrierSettings
    /// The jargon glossary the plain-language check uses.
    public var language: PlainLanguageChecker
    /// The day the checks are made on (papers due or overdue); nil when not known.
    public var today: LocalDate?

    /// Creates a checker.
    public init(settings: BarrierSettings = .standard, language: PlainLanguageChecker = .standard) {
        self.settings = settings
        self.language = language
    }

    /// Every check for one meeting, in the order of ``Barrier/allCases``. A cancelled
    /// meeting has no checks: nobody is going.
    public func check(_ facts: MeetingFacts) -> [BarrierResult] {
        guard facts.meeting.status != .cancelled else { return [] }
        let results = [schoolRun(facts.meeting), parentVoice(facts.meeting),
                       creche(facts.meeting, facts.creche, longestStay: facts.longestStay, registration: facts.registration),
                       preMeeting(facts.meeting, facts.preMeetingDates),
                       plainLanguage(facts.agenda), clash(facts.clashes), papers(facts.meeting, facts.papers),
                       access(facts.meeting, facts.access)]
        guard !facts.accepted.isEmpty else { return results }
        // An accepted check counts as met, and says so and why; one that passes anyway, or
        // any other check, is untouched.
        return results.map { result in
            guard result.status != .pass, let accepted = facts.accepted[result.barrier] else { return result }
            var shown = BarrierResult(result.barrier, .pass, "\(accepted.words). The check says: \(result.reason)")
            shown.accepted = accepted
            return shown
        }
    }

    /// Papers reach every invited parent `papers-days` working days before the meeting: a
    /// warning when the deadline is today or the next working day with some still to send, a
    /// failure once it has passed.
    public func papers(_ m: Meeting, _ sent: [PaperSent]) -> BarrierResult {
        guard m.kind.needsParentChampion, !m.championIDs.isEmpty else {
            return BarrierResult(.papers, .pass, "No parents invited yet, so no papers to send.")
        }
        let due = PapersRule.deadline(for: m.date, workingDays: settings.papersDays)
        let invited = Set(m.championIDs)
        let went = Dictionary(sent.filter { invited.contains($0.championID) }.map { ($0.championID, $0) }, uniquingKeysWith: { a, _ in a })
        let unsent = invited.count - went.count
        let n = invited.count
        if unsent == 0 {
            let late = went.values.filter { $0.sentOn > due }.count
            return late == 0
                ? BarrierResult(.papers, .pass, "Papers sent to all \(Plural.count(n, "parent")) invited by \(due.inWords).")
                : BarrierResult(.papers, .warn, "Papers reached \(late) of \(n) parents after \(due.inWords), the day they were due.")
        }
        @Sendable func still() -> String { "\(unsent) of \(Plural.count(n, "parent")) invited" }
        guard let today else { return BarrierResult(.papers, .warn, "Papers are due by \(due.inWords): \(still()) still to send to.") }
        if today > due {
            return BarrierResult(.papers, .fail, "Papers not sent to \(still()): they were due by \(due.inWords). Send them now and record it.")
        }
        if PapersRule.workingDays(from: today, to: due) <= 1 {
            return BarrierResult(.papers, .warn, "Papers are due by \(due.inWords): send them to \(still()).")
        }
        return BarrierResult(.papers, .pass, "Papers are due by \(due.inWords) (\(still()) still to send to).")
    }

    /// Every confirmed person's access needs (step-free access, a hearing loop, large print, an
    /// interpreter, a quiet room, breastfeeding space) met by the venue or by something arranged
    /// for the meeting. Whose need it is shows only to those who may see it.
    public func access(_ m: Meeting, _ facts: AccessFacts) -> BarrierResult {
        guard !facts.needs.isEmpty else { return BarrierResult(.access, .pass, "No access needs recorded for the people coming.") }
        let unmet = facts.unmet
        guard !unmet.isEmpty else {
            return BarrierResult(.access, .pass, "Every access need of the people coming is met (\(facts.needs.count) recorded).")
        }
        let venue = m.venue.isEmpty ? "the venue" : m.venue
        let each = unmet.map { n in
            (n.person.map { "\($0) needs " } ?? "Someone coming needs ") + n.words
                + (n.need.venueCanOffer ? ", which \(venue) does not offer and nothing is arranged" : ", and none is booked")
        }
        return BarrierResult(.access, .fail, each.joined(separator: "; ") + ". Arrange it (n on the meeting), or choose a venue that offers it.")
    }

    /// The worst status of all the checks.
    public func overall(_ facts: MeetingFacts) -> CheckStatus {
        guard facts.meeting.status != .cancelled else { return .pass }
        // The worst of the checks, as `check` gives them, but a failure is the worst there is:
        // the checks are made cheapest first, and the rest are not made once one fails.
        let m = facts.meeting
        var worst = CheckStatus.pass
        for barrier in Self.cheapestFirst {
            let result: BarrierResult
            switch barrier {
            case .schoolRun: result = schoolRun(m)
            case .parentVoice: result = parentVoice(m)
            case .clash: result = clash(facts.clashes)
            case .preMeeting: result = preMeeting(m, facts.preMeetingDates)
            case .papers: result = papers(m, facts.papers)
            case .access: result = access(m, facts.access)
            case .creche: result = creche(m, facts.creche, longestStay: facts.longestStay, registration: facts.registration)
            case .plainLanguage: result = plainLanguage(facts.agenda)
            }
            // An accepted check counts as met.
            let status = result.status != .pass && facts.accepted[result.barrier] != nil ? .pass : result.status
            if status == .fail { return .fail }
            worst = max(worst, status)
        }
        return worst
    }

    /// The checks in the order ``overall(_:)`` makes them: the cheapest first.
    static let cheapestFirst: [Barrier] = [.schoolRun, .parentVoice, .clash, .preMeeting, .papers, .access, .creche, .plainLanguage]

    /// Agenda titles and summaries scanned against the glossary (every hit named with the
    /// plainer words to use), and the summaries' reading age against the `reading-age` target
    /// (the longest sentences and the hard words named).
    public func plainLanguage(_ agenda: [AgendaItem]) -> BarrierResult {
        guard !agenda.isEmpty else { return BarrierResult(.plainLanguage, .pass, "No agenda yet, so nothing to check.") }
        var seen = Set<String>()
        var parts: [String] = []
        for item in agenda {
            for hit in language.hits(in: item.title) + language.hits(in: item.summary)
            where seen.insert(hit.entry.term.lowercased()).inserted {
                parts.append("“\(hit.found)” → say “\(hit.entry.plain)”")
            }
        }
        let summaries = agenda.map(\.summary).filter { !$0.isEmpty }.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
        let reading = Readability(summaries)
        var words: [String] = []
        if !parts.isEmpty { words.append("Jargon in the agenda: " + parts.joined(separator: "; ") + ".") }
        if !reading.meets(settings.readingAge) { words.append("The summaries: " + reading.summary(target: settings.readingAge)) }
        guard !words.isEmpty else {
            let age = reading.measurable ? " (reading age \(reading.readingAge))" : ""
            return BarrierResult(.plainLanguage, .pass, "The agenda is in plain words\(age).")
        }
        let said = words.joined(separator: " ")
        return BarrierResult(.plainLanguage, .warn, said)
    }

    /// A text for parents (what was decided, a marketing text, a message) against the glossary
    /// and the `reading-age` target: nil when it is plain, else what to change.
    public func plainWords(_ text: String) -> String? {
        var seen = Set<String>()
        let hits = language.hits(in: text).filter { seen.insert($0.entry.term.lowercased()).inserted }
            .map { "“\($0.found)” → say “\($0.entry.plain)”" }
        let reading = Readability(text)
        var words: [String] = []
        if !hits.isEmpty { words.append("Jargon: " + hits.joined(separator: "; ") + ".") }
        if !reading.meets(settings.readingAge) { words.append(reading.summary(target: settings.readingAge)) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// No venue or Parent Champion in two meetings at the same time.
    public func clash(_ clashes: [Clash]) -> BarrierResult {
        guard !clashes.isEmpty else { return BarrierResult(.clash, .pass, "No champion or venue is double-booked.") }
        return BarrierResult(.clash, .fail, clashes.map { c -> String in
            switch c.shared {
            case .venue(let venue): return "\(venue) is also booked for \(c.otherTitle) (\(c.otherTimes))"
            case .champion(let name): return "\(name) is also at \(c.otherTitle) (\(c.otherTimes))"
            }
        }.joined(separator: "; ") + ": move one of them.")
    }

    /// Starts at or after the earliest start and ends by the latest end, on a weekday.
    public func schoolRun(_ m: Meeting) -> BarrierResult {
        let settings = settings
        @Sendable func window() -> String { "\(settings.earliestStart) and \(settings.latestEnd)" }
        if !m.date.weekday.isWeekday {
            return BarrierResult(.schoolRun, .fail,
                                 "Falls on a \(m.date.weekday.name): move it to a weekday between \(window()).")
        }
        if m.start < settings.earliestStart {
            return BarrierResult(.schoolRun, .fail,
                                 "Starts at \(m.start), before the school run is over: start at \(settings.earliestStart) or later.")
        }
        if m.end > settings.latestEnd {
            return BarrierResult(.schoolRun, .fail,
                                 "Ends at \(m.end), after the school run starts: finish by \(settings.latestEnd).")
        }
        return BarrierResult(.schoolRun, .pass, "Between \(window()) on a weekday.")
    }

    /// A Parent Champion attends every Board, Service Design and Task and Finish meeting.
    public func parentVoice(_ m: Meeting) -> BarrierResult {
        guard m.kind.needsParentChampion else {
            return BarrierResult(.parentVoice, .pass, "A pre-meeting needs no champion of its own.")
        }
        let n = m.confirmedChampionIDs.count
        if n == 0 {
            let invited = m.championIDs.count
            return BarrierResult(.parentVoice, .fail, invited == 0
                ? "No Parent Champion is coming: invite one before the meeting."
                : "\(invited) Parent Champion\(invited == 1 ? " is" : "s are") invited but none has confirmed: ask them, or invite another.")
        }
        @Sendable func champions() -> String { n == 1 ? "1 Parent Champion confirmed" : "\(n) Parent Champions confirmed" }
        guard settings.quorumKinds.contains(m.kind.code) else { return BarrierResult(.parentVoice, .pass, champions() + ".") }
        // The quorum: the parents needed for the meeting to count, champions and others.
        let parents = m.parentsAttending
        let quorum = settings.parentQuorum
        @Sendable func counted() -> String { "\(Plural.count(parents, "parent")) confirmed (\(Plural.count(n, "of them Parent Champion")))" }
        if parents < quorum {
            return BarrierResult(.parentVoice, .fail, "\(counted()): at least \(quorum) local parents must be there for the meeting to count. "
                                 + "Invite \(quorum - parents) more, or move the meeting.")
        }
        if parents == quorum {
            return BarrierResult(.parentVoice, .warn, "\(counted()): exactly the \(quorum) needed for the meeting to count, so one apology would stop it counting. Invite one more.")
        }
        return BarrierResult(.parentVoice, .pass, "\(counted()), more than the \(quorum) needed for the meeting to count.")
    }

    /// Whenever a parent attends, a crèche with enough staff and room is arranged; one not
    /// registered for over two hours keeps every child's stay (sessions back to back at one
    /// venue counted together) to two hours at most.
    public func creche(_ m: Meeting, _ plan: CrechePlan?, longestStay: LongestStay? = nil, registration: RegistrationStanding? = nil) -> BarrierResult {
        guard m.parentsAttending > 0 else {
            return BarrierResult(.creche, .pass, "No parents coming, so no crèche is needed.")
        }
        guard let planned = plan else {
            return BarrierResult(.creche, .fail, "Parents are coming but no crèche is arranged: book one.")
        }
        let children = planned.totalChildren
        let ratios = ratios(on: m.date)
        let review = rotaReview(planned, on: m.date)
        let onRota = planned.staffBooked
        // The plan with only the staff who count.
        var counting = planned
        if let review {
            counting.staffBooked = review.counted
            counting.firstAidBooked = review.fullFirstAid
            counting.level6WithOlderGroup = review.level6
        }
        let plan = counting
        let required = plan.staffRequired(ratios)
        switch plan.problem(ratios) {
        case .overCapacity?:
            return BarrierResult(.creche, .fail,
                                 "\(children) children booked but the room takes \(plan.roomCapacity): find a bigger room or move bookings.")
        case .understaffed?:
            @Sendable func booked() -> String {
                onRota == plan.staffBooked ? "\(onRota) staff booked" : "\(onRota) staff booked but \(plan.staffBooked) count"
            }
            @Sendable func why() -> String { review.map { $0.failures.isEmpty ? "" : " " + $0.failures.joined(separator: " ") } ?? "" }
            return BarrierResult(.creche, .fail,
                                 "\(booked()), \(required) needed for \(Plural.count(children, "child")): book \(required - plan.staffBooked) more.\(why())")
        case .noFirstAid? where review == nil:
            return BarrierResult(.creche, .fail,
                                 "Nobody booked holds paediatric first aid: book at least one member of staff who does.")
        default:
            break
        }
        if let review, !review.failures.isEmpty {
            return BarrierResult(.creche, .fail, review.failures.joined(separator: " "))
        }
        if plan.underTwoHours && children > 0, let registration, registration.status != .pass {
            // Over two hours: allowed on 14 days a year at a venue with notice to Ofsted, else registration.
            return BarrierResult(.creche, .fail, "A child would stay over two hours: " + registration.words)
        }
        if plan.underTwoHours && children > 0 && registration == nil {
            let own = m.end.minutes - m.start.minutes
            if own > TwoHourStay.limitMinutes {
                return BarrierResult(.creche, .fail, "The crèche runs \(TwoHourStay.words(own)), but it is not registered for over two hours: "
                                     + "shorten the session, or register the crèche with Ofsted.")
            }
            if let stay = longestStay, stay.minutes > TwoHourStay.limitMinutes {
                let who = stay.childName.isEmpty ? "A child" : stay.childName
                return BarrierResult(.creche, .fail, "\(who) would be in the crèche \(TwoHourStay.words(stay.minutes)) across \(stay.sessions) sessions back to back, "
                                     + "over the two hours an unregistered crèche allows: leave a gap, or book them into one session.")
            }
        }
        if children == 0 {
            return BarrierResult(.creche, .pass, "Crèche arranged; no children booked yet.")
        }
        @Sendable func staffed() -> String { "\(plan.staffBooked) staff for \(Plural.count(children, "child")) (\(required) needed)." }
        if let review, !review.warnings.isEmpty {
            return BarrierResult(.creche, .warn, staffed() + " " + review.warnings.joined(separator: " "))
        }
        return BarrierResult(.creche, .pass, staffed())
    }

    /// The ratios for a session on `day`: the law's rows in force then, no looser than the
    /// programme's own settings.
    public func ratios(on day: LocalDate) -> RatioTable {
        settings.rules.inForce(on: day).map { $0.ratios(within: settings.ratios) } ?? settings.ratios
    }

    /// The plan with only the staff who count on `day` (their number, first aid and Level 6).
    public func counted(_ plan: CrechePlan, on day: LocalDate) -> CrechePlan {
        guard let review = rotaReview(plan, on: day) else { return plan }
        var plan = plan
        plan.staffBooked = review.counted
        plan.firstAidBooked = review.fullFirstAid
        plan.level6WithOlderGroup = review.level6
        return plan
    }

    /// The crèche's own staffing status for narrow columns: a problem's word (`full`,
    /// `short`, `no PFA`), `staff` when someone on the rota fails the rules of the day,
    /// `check` when a record is missing or something runs out within 30 days, else `ok`.
    public func crecheStanding(_ plan: CrechePlan, on day: LocalDate) -> (CheckStatus, String) {
        let counted = counted(plan, on: day)
        if let problem = counted.problem(ratios(on: day)) { return (.fail, problem.word) }
        guard let review = rotaReview(plan, on: day) else { return (.pass, "ok") }
        if !review.failures.isEmpty { return (.fail, "staff") }
        if !review.warnings.isEmpty { return (.warn, "check") }
        return (.pass, "ok")
    }

    /// The plan's rota weighed against the rules of `day` (nil when the rota's people are not
    /// known, or no rules are on record).
    public func rotaReview(_ plan: CrechePlan, on day: LocalDate) -> RotaReview? {
        guard let rota = plan.rota, let rules = settings.rules.inForce(on: day) else { return nil }
        return RotaReview(rota, on: day, rules: rules, children: plan.totalChildren)
    }

    /// A pre-meeting with the parents within the window before the meeting.
    public func preMeeting(_ m: Meeting, _ dates: [LocalDate]) -> BarrierResult {
        guard m.kind.needsParentChampion else {
            return BarrierResult(.preMeeting, .pass, "This is a pre-meeting.")
        }
        let window = settings.preMeetingWindowDays
        let before = dates.filter { $0 <= m.date }
        if before.contains(where: { m.date.days(since: $0) <= window }) {
            return BarrierResult(.preMeeting, .pass, "Pre-meeting planned within the \(window) days before.")
        }
        if let latest = before.max() {
            return BarrierResult(.preMeeting, .warn,
                                 "Pre-meeting is \(m.date.days(since: latest)) days before: hold it within \(window) days.")
        }
        return BarrierResult(.preMeeting, .fail,
                             "No pre-meeting planned: add one in the \(window) days before.")
    }
}

/// The two-hour limit of a crèche not registered with Ofsted, for a child's whole stay.
public enum TwoHourStay {
    /// Two hours, in minutes: a stay of exactly two hours is allowed, a minute more is not.
    public static let limitMinutes = 120

    /// `2 h 30 min`.
    public static func words(_ minutes: Int) -> String {
        minutes >= 60 ? (minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(String(format: "%02d", minutes % 60)) min") : "\(minutes) min"
    }
}
