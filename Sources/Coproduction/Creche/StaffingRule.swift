/// Works out how many staff a crèche session needs.
///
/// The method, as in the README: each age band is staffed as its own group. For each band
/// the staff needed is the number of children divided by that band's ratio, rounded up
/// (so 4 under-2s at 1:3 need 2). The bands are then added together, with no sharing of
/// staff between bands: a member of staff counted for the under-2s is not also counted
/// for the 2-year-olds. This is the cautious reading of the EYFS ratios, and never
/// understaffs a mixed room. The 3-and-over band uses 1:13 instead of 1:8 when a Level 6
/// member of staff works directly with that group. When any child is booked, the total is
/// raised to the minimum staff per session (default 2), so one adult is never alone.
public struct StaffingRule: Sendable {
    /// The ratio table in force (a setting).
    public var ratios: RatioTable

    /// Creates the rule from a ratio table.
    public init(ratios: RatioTable = .eyfs) { self.ratios = ratios }

    /// Staff needed for `count` children of one band, before the session minimum.
    public func staffFor(_ band: AgeBand, count: Int, level6WithGroup: Bool = false) -> Int {
        guard count > 0 else { return 0 }
        let per = max(1, ratios.childrenPerStaff(band, level6WithGroup: level6WithGroup))
        return (count + per - 1) / per
    }

    /// Staff needed for a whole plan: the per-band figures added, then the minimum applied.
    public func staffRequired(for plan: CrechePlan) -> Int {
        guard plan.totalChildren > 0 else { return 0 }
        let sum = AgeBand.allCases.reduce(0) {
            $0 + staffFor($1, count: plan.count($1),
                          level6WithGroup: $1 == .threeAndOver && plan.level6WithOlderGroup)
        }
        return max(sum, ratios.minimumStaff)
    }
}
