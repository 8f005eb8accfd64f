/// What a signed-in person may do is decided by their role.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Manages accounts and purges data; can do everything office staff can.
    case admin
    /// Office staff: every record, but not accounts.
    case office
    /// Crèche staff: crèches, and the children booked into sessions they staff.
    case crecheStaff = "creche"
    /// A Parent Champion on the shared machine: meetings, their own area's ideas and their
    /// own children only.
    case champion

    /// The plain name, for example `Parent Champion`.
    public var name: String {
        switch self {
        case .admin: return "Admin"
        case .office: return "Office staff"
        case .crecheStaff: return "Crèche staff"
        case .champion: return "Parent Champion"
        }
    }
}

/// The person a request is made for: every read and write in the store names one.
public struct Actor: Hashable, Sendable {
    /// The account's id.
    public var userID: Int64
    /// The account's name, as shown in the audit trail.
    public var name: String
    /// What they may do.
    public var role: Role
    /// For a Parent Champion: their champion record.
    public var championID: Int64?

    /// Creates an actor.
    public init(userID: Int64, name: String, role: Role, championID: Int64? = nil) {
        self.userID = userID
        self.name = name
        self.role = role
        self.championID = championID
    }
}
