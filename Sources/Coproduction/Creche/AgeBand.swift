/// The EYFS age bands a crèche is staffed by.
public enum AgeBand: Int, CaseIterable, Hashable, Sendable, Codable {
    /// Under 2 years old.
    case underTwo
    /// Aged 2.
    case two
    /// Aged 3 and over.
    case threeAndOver

    /// The band of a child born on `birth`, taken on the day of care (not today).
    public static func on(_ day: LocalDate, bornOn birth: LocalDate) -> AgeBand {
        switch day.age(ofSomeoneBornOn: birth) {
        case ..<2: return .underTwo
        case 2: return .two
        default: return .threeAndOver
        }
    }

    /// The plain name, for example `under 2`.
    public var name: String {
        switch self {
        case .underTwo: return "under 2"
        case .two: return "aged 2"
        case .threeAndOver: return "3 and over"
        }
    }

    /// A column heading for narrow tables.
    public var label: String {
        switch self {
        case .underTwo: return "<2"
        case .two: return "2"
        case .threeAndOver: return "3+"
        }
    }
}
