/// Everything the pack of papers parents are sent before a meeting holds, read from the
/// store once and written by ``PapersHTML``: the cover, the agenda with its plain summaries,
/// the last meeting's decisions, "you said, we did" for the areas of the parents invited,
/// and the terms that could not be avoided.
public struct PapersPack: Hashable, Sendable {
    /// The programme's name (empty: none is set).
    public var programme: String
    /// The meeting.
    public var meeting: Meeting
    /// Its agenda, standing items first.
    public var agenda: [AgendaItem]
    /// Its pre-meeting, if one is arranged.
    public var preMeeting: Meeting?
    /// The crèche, if there is one: places in all and places still free.
    public var crechePlaces: CrechePlaces?
    /// The last meeting of the same group, with what it decided.
    public var lastMeeting: LastMeeting?
    /// "You said, we did": each invited parent's area, with its ideas that have an answer.
    public var youSaid: [AreaAnswers]
    /// The glossary the pack's words are checked against.
    public var glossary: [GlossaryEntry]

    /// A crèche's places: in all, and still free.
    public struct CrechePlaces: Hashable, Sendable {
        /// Places in the room.
        public var total: Int
        /// Places not yet booked.
        public var free: Int

        /// A crèche's places.
        public init(total: Int, free: Int) {
            self.total = total
            self.free = free
        }
    }

    /// The last meeting of the same group and its decisions.
    public struct LastMeeting: Hashable, Sendable {
        /// Its title.
        public var title: String
        /// Its day.
        public var date: LocalDate
        /// What it decided, one a line.
        public var decisions: [String]

        /// A last meeting.
        public init(title: String, date: LocalDate, decisions: [String]) {
            self.title = title
            self.date = date
            self.decisions = decisions
        }
    }

    /// An area's ideas with what became of them.
    public struct AreaAnswers: Hashable, Sendable {
        /// The area.
        public var area: String
        /// What parents said and what was done, newest first.
        public var answers: [Answer]

        /// An area's answers.
        public init(area: String, answers: [Answer]) {
            self.area = area
            self.answers = answers
        }
    }

    /// One idea and what became of it.
    public struct Answer: Hashable, Sendable {
        /// What parents said.
        public var said: String
        /// What was done (the outcome recorded).
        public var did: String
        /// When it was decided.
        public var on: LocalDate?

        /// An answer.
        public init(said: String, did: String, on: LocalDate?) {
            self.said = said
            self.did = did
            self.on = on
        }
    }

    /// A pack.
    public init(programme: String, meeting: Meeting, agenda: [AgendaItem], preMeeting: Meeting?, crechePlaces: CrechePlaces?,
                lastMeeting: LastMeeting?, youSaid: [AreaAnswers], glossary: [GlossaryEntry]) {
        self.programme = programme
        self.meeting = meeting
        self.agenda = agenda
        self.preMeeting = preMeeting
        self.crechePlaces = crechePlaces
        self.lastMeeting = lastMeeting
        self.youSaid = youSaid
        self.glossary = glossary
    }

    /// Every word the pack says to parents, for the plain-words check.
    public var text: String {
        var parts = [meeting.title] + agenda.flatMap { [$0.title, $0.summary] }
        parts += lastMeeting?.decisions ?? []
        parts += youSaid.flatMap { $0.answers.flatMap { [$0.said, $0.did] } }
        return parts.joined(separator: "\n")
    }

    /// The glossary's terms the pack uses (those that could not be avoided), each once, in
    /// alphabetical order.
    public var termsUsed: [GlossaryEntry] {
        let checker = PlainLanguageChecker(glossary: glossary)
        var seen = Set<String>()
        return checker.hits(in: text).map(\.entry).filter { seen.insert($0.term.lowercased()).inserted }
            .sorted { $0.term.lowercased() < $1.term.lowercased() }
    }
}
