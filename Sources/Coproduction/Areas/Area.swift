/// One of the programme's areas (a ward, such as Kursaal), which Parent Champions represent.
///
/// Areas are data, not a fixed list: the programme can add, rename and retire them.
public struct Area: Hashable, Sendable, Identifiable {
    /// The database identifier.
    public var id: Int64
    /// The area's name, for example `Kursaal`.
    public var name: String
    /// A retired area keeps its history but takes no new champions or ideas.
    public var retired: Bool

    /// Creates an area.
    public init(id: Int64, name: String, retired: Bool = false) {
        self.id = id
        self.name = name
        self.retired = retired
    }

    /// The six Southend wards the programme covers, in the order they are listed.
    public static let defaultWards = ["Kursaal", "Milton", "Victoria", "Westborough",
                                      "Shoeburyness", "West Shoebury"]
}
