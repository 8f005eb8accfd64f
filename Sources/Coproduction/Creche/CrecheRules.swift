/// The staffing rules for group care in force from one date: the ratios and who may be
/// counted in them. A row of data with its source, never a constant in code, so each session
/// is checked against the rules of its own day and past records stay valid when the law
/// changes. The rows the app ships with are written by the database's migrations; the README
/// gives the app's reading of each and its source.
public struct CrecheRules: Hashable, Sendable {
    /// The first day the rules apply.
    public var effectiveFrom: LocalDate
    /// Where the rules come from, with its version: "EYFS statutory framework for group and
    /// school-based providers, September 2023, paragraph 3.40".
    public var source: String
    /// Children per adult for under-2s.
    public var underTwo: Int
    /// Children per adult for 2-year-olds.
    public var two: Int
    /// Children per adult for 3 and over.
    public var threeAndOver: Int
    /// Children per adult for 3 and over when a Level 6 works directly with them.
    public var threeAndOverWithLevel6: Int
    /// The youngest age, in whole years on the day, at which staff count in the ratios.
    public var minimumStaffAge: Int
    /// Years a paediatric first aid certificate lasts: it has run out on the anniversary.
    public var firstAidValidYears: Int
    /// Staff whose Level 2 or 3 was gained on or after this date count in the ratios only
    /// with a full paediatric first aid certificate.
    public var firstAidNeededForLevelsFrom: LocalDate
    /// Whether students and apprentices, marked competent and responsible, count at the
    /// level below the one they study for (before, they count in the ratios at no level).
    public var studentsAtLevelBelow: Bool
    /// Whether students and apprentices need full paediatric first aid to count in ratios.
    public var studentsNeedFirstAid: Bool
    /// Years within which safeguarding training must be renewed (nil: no interval set).
    public var safeguardingRenewalYears: Int?

    /// Creates a row of rules.
    public init(effectiveFrom: LocalDate, source: String, underTwo: Int, two: Int, threeAndOver: Int,
                threeAndOverWithLevel6: Int, minimumStaffAge: Int, firstAidValidYears: Int,
                firstAidNeededForLevelsFrom: LocalDate, studentsAtLevelBelow: Bool, studentsNeedFirstAid: Bool,
                safeguardingRenewalYears: Int?) {
        self.effectiveFrom = effectiveFrom
        self.source = source
        self.underTwo = underTwo
        self.two = two
        self.threeAndOver = threeAndOver
        self.threeAndOverWithLevel6 = threeAndOverWithLevel6
        self.minimumStaffAge = minimumStaffAge
        self.firstAidValidYears = firstAidValidYears
        self.firstAidNeededForLevelsFrom = firstAidNeededForLevelsFrom
        self.studentsAtLevelBelow = studentsAtLevelBelow
        self.studentsNeedFirstAid = studentsNeedFirstAid
        self.safeguardingRenewalYears = safeguardingRenewalYears
    }

    /// The ratio table these rules give, made no looser than the programme's own
    /// `settings` (an organisation may staff more generously than the law, never less) and
    /// with its minimum staff per session.
    public func ratios(within settings: RatioTable) -> RatioTable {
        RatioTable(underTwo: min(underTwo, settings.underTwo), two: min(two, settings.two),
                   threeAndOver: min(threeAndOver, settings.threeAndOver),
                   threeAndOverWithLevel6: min(threeAndOverWithLevel6, settings.threeAndOverWithLevel6),
                   minimumStaff: settings.minimumStaff)
    }

    /// What a row says, in a few lines for `coproduce creche rules` and the README.
    public var summary: [String] {
        var lines = ["Ratios: under 2 1:\(underTwo), aged 2 1:\(two), 3 and over 1:\(threeAndOver) "
                     + "(1:\(threeAndOverWithLevel6) with a Level 6 working directly with them)."]
        lines.append("Staff in ratio are \(minimumStaffAge) or over; one at Level 3 or above in charge; "
                     + "at least half of the others at Level 2 or above, full and relevant.")
        lines.append("Paediatric first aid lasts \(firstAidValidYears) years (run out on the anniversary); "
                     + "one full certificate whenever a child is in; Level 2 or 3 gained on or after "
                     + "\(firstAidNeededForLevelsFrom.inWords) counts at that level only with paediatric first aid (full or emergency).")
        lines.append(studentsAtLevelBelow
                     ? "Students and apprentices marked competent and responsible count at the level below their study"
                       + (studentsNeedFirstAid ? ", with full paediatric first aid." : ".")
                     : "Students and apprentices marked competent and responsible count in ratio, at no level.")
        lines.append(safeguardingRenewalYears.map { "Safeguarding training renewed at least every \($0) years." }
                     ?? "Safeguarding training: no renewal interval set.")
        return lines
    }
}

/// Every row of crèche rules, oldest first: the one in force on a day is the latest that
/// began on or before it.
public struct CrecheRuleBook: Hashable, Sendable {
    /// The rows, oldest first.
    public private(set) var rows: [CrecheRules]

    /// Creates the book (the rows are put in date order).
    public init(_ rows: [CrecheRules]) {
        self.rows = rows.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The rules in force on `day`: the latest row begun on or before it, or the oldest row
    /// for a day before every row (nil only for an empty book).
    public func inForce(on day: LocalDate) -> CrecheRules? {
        rows.last { $0.effectiveFrom <= day } ?? rows.first
    }
}
