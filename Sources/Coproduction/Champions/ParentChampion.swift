/// A parent trained to represent the parents of their area.
public struct ParentChampion: Hashable, Sendable, Identifiable {
    /// The database identifier.
    public var id: Int64
    /// The champion's name as they like it written.
    public var name: String
    /// The area the champion represents.
    public var areaID: Int64
    /// The day they completed their training, when known.
    public var trainedOn: LocalDate?
    /// Whether they are currently taking part.
    public var active: Bool

    /// Creates a champion record.
    public init(id: Int64, name: String, areaID: Int64, trainedOn: LocalDate?, active: Bool) {
        self.id = id
        self.name = name
        self.areaID = areaID
        self.trainedOn = trainedOn
        self.active = active
    }
}
