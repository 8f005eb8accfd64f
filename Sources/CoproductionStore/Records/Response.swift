/// A Parent Champion's answer to an invitation.
public enum Response: String, Hashable, Sendable, CaseIterable, Codable {
    /// Invited, no answer yet.
    case invited
    /// Coming.
    case confirmed
    /// Sent apologies.
    case apologies

    /// The plain word.
    public var word: String {
        switch self {
        case .invited: return "invited"
        case .confirmed: return "confirmed"
        case .apologies: return "apologies"
        }
    }
}
