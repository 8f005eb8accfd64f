/// The crèche arranged for one meeting: children booked by age band, staff and room.
public struct CrechePlan: Hashable, Sendable {
    /// Children booked in each age band (taken on the day of the meeting).
    public var booked: [AgeBand: Int]
    /// Staff booked for the session.
    public var staffBooked: Int
    /// The most children the room may hold.
    public var roomCapacity: Int
    /// Whether a Level 6 member of staff works directly with the 3-and-over group.
    public var level6WithOlderGroup: Bool
    /// Whether at least one member of staff booked holds paediatric first aid.
    public var firstAidBooked: Bool
    /// Whether the crèche must keep every child under two hours (exempt from Ofsted
    /// registration), so each child is timed.
    public var underTwoHours: Bool = true
    /// The people on the session's rota with what the register holds about them (nil when
    /// only the counts above are known): the check weighs each against the rules of the day.
    public var rota: [StaffMember]?

    /// Creates a plan.
    public init(booked: [AgeBand: Int], staffBooked: Int, roomCapacity: Int, level6WithOlderGroup: Bool = false,
                firstAidBooked: Bool = true) {
        self.booked = booked
        self.staffBooked = staffBooked
        self.roomCapacity = roomCapacity
        self.level6WithOlderGroup = level6WithOlderGroup
        self.firstAidBooked = firstAidBooked
    }

    /// Children booked in a band.
    public func count(_ band: AgeBand) -> Int { booked[band] ?? 0 }

    /// All children booked.
    public var totalChildren: Int { AgeBand.allCases.reduce(0) { $0 + count($1) } }

    /// What is wrong with the plan, worst first: more children than the room takes, too few
    /// staff, or nobody with paediatric first aid. Nil when it is fine.
    public func problem(_ ratios: RatioTable = .eyfs) -> CrecheProblem? {
        if totalChildren > roomCapacity { return .overCapacity }
        if staffBooked < staffRequired(ratios) { return .understaffed }
        if totalChildren > 0 && !firstAidBooked { return .noFirstAid }
        return nil
    }

    /// The staff required for these children under `ratios`; see ``StaffingRule``.
    public func staffRequired(_ ratios: RatioTable = .eyfs) -> Int {
        StaffingRule(ratios: ratios).staffRequired(for: self)
    }
}

/// What can be wrong with a crèche plan.
public enum CrecheProblem: Hashable, Sendable {
    /// More children booked than the room takes.
    case overCapacity
    /// Fewer staff than the ratios need.
    case understaffed
    /// Nobody booked holds paediatric first aid.
    case noFirstAid

    /// One word for narrow columns: `full`, `short`, `no PFA`.
    public var word: String {
        switch self {
        case .overCapacity: return "full"
        case .understaffed: return "short"
        case .noFirstAid: return "no PFA"
        }
    }
}
