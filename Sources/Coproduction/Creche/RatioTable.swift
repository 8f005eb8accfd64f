/// The EYFS staff-to-children ratios for group care in England: a setting, not a constant.
public struct RatioTable: Hashable, Sendable {
    /// Children per member of staff for under-2s (EYFS: 3).
    public var underTwo: Int
    /// Children per member of staff for 2-year-olds (EYFS: 5 since September 2023).
    public var two: Int
    /// Children per member of staff for 3 and over (EYFS: 8).
    public var threeAndOver: Int
    /// Children per member of staff for 3 and over when a Level 6 member of staff works
    /// directly with the group (EYFS: 13).
    public var threeAndOverWithLevel6: Int
    /// The fewest staff for any session with children booked (default 2).
    public var minimumStaff: Int

    /// Creates a ratio table.
    public init(underTwo: Int, two: Int, threeAndOver: Int, threeAndOverWithLevel6: Int, minimumStaff: Int) {
        self.underTwo = underTwo
        self.two = two
        self.threeAndOver = threeAndOver
        self.threeAndOverWithLevel6 = threeAndOverWithLevel6
        self.minimumStaff = minimumStaff
    }

    /// The EYFS statutory ratios (1:3, 1:5, 1:8 or 1:13) with a minimum of two staff.
    public static let eyfs = RatioTable(underTwo: 3, two: 5, threeAndOver: 8,
                                        threeAndOverWithLevel6: 13, minimumStaff: 2)

    /// Children per member of staff for a band.
    public func childrenPerStaff(_ band: AgeBand, level6WithGroup: Bool) -> Int {
        switch band {
        case .underTwo: return underTwo
        case .two: return two
        case .threeAndOver: return level6WithGroup ? threeAndOverWithLevel6 : threeAndOver
        }
    }
}
