/// A child who may be booked into a crèche.
///
/// Allergy, dietary and medical notes and the emergency contact are sensitive: the store
/// fills them in only for those allowed to see them (office staff, admins, and crèche staff
/// for the sessions they staff); for everyone else they are nil and only ``hasNotes`` says
/// that notes exist.
public struct Child: Hashable, Sendable, Identifiable {
    /// The database identifier; 0 before it is saved.
    public var id: Int64
    /// First name.
    public var firstName: String
    /// Family name.
    public var familyName: String
    /// Date of birth (the age band is taken on the day of each meeting).
    public var dateOfBirth: LocalDate
    /// The parent or carer.
    public var parentName: String
    /// When the parent is a Parent Champion, their champion record (their own children).
    public var parentChampionID: Int64?
    /// The named adults who may collect the child.
    public var collectors: [String]
    /// Who to call in an emergency (sensitive; nil when not visible).
    public var emergencyContact: String?
    /// Allergy, dietary and medical notes (sensitive; nil when not visible).
    public var notes: String?
    /// Whether there are notes, whether or not they are visible.
    public var hasNotes: Bool
    /// Registered by crèche staff when the child turned up unbooked: stays on the office's
    /// list until the office has checked and completed the record.
    public var addedOnDay = false
    /// Whether the date of birth was estimated from the age given at the door (the office
    /// replaces it with the real date).
    public var birthDateEstimated = false

    /// Creates a child.
    public init(id: Int64 = 0, firstName: String, familyName: String, dateOfBirth: LocalDate, parentName: String,
                parentChampionID: Int64? = nil, collectors: [String] = [], emergencyContact: String? = nil,
                notes: String? = nil, hasNotes: Bool? = nil) {
        self.id = id
        self.firstName = firstName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.parentName = parentName
        self.parentChampionID = parentChampionID
        self.collectors = collectors
        self.emergencyContact = emergencyContact
        self.notes = notes
        self.hasNotes = hasNotes ?? !(notes ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// `Amara Okafor`.
    public var fullName: String { "\(firstName) \(familyName)" }

    /// The oldest a child may be, on the day, to use the crèche.
    public static let maximumAge = 5

    /// Problems that stop this child being saved, one line each (empty when fine).
    public func problems(today: LocalDate) -> [FieldProblem<Field>] {
        var out: [FieldProblem<Field>] = []
        if firstName.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FieldProblem(.firstName, "the child needs a first name.")) }
        if familyName.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FieldProblem(.familyName, "the child needs a family name.")) }
        if parentName.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FieldProblem(.parent, "name the parent or carer.")) }
        if dateOfBirth > today { out.append(FieldProblem(.dateOfBirth, "\(dateOfBirth.long) is in the future.")) }
        if today.age(ofSomeoneBornOn: dateOfBirth) > Child.maximumAge {
            out.append(FieldProblem(.dateOfBirth, "the child is over \(Child.maximumAge), too old for the crèche."))
        }
        for (field, text, limit) in [(Field.firstName, firstName, TextLimits.name), (.familyName, familyName, TextLimits.name),
                                     (.parent, parentName, TextLimits.name), (.collectors, collectors.joined(separator: "\n"), TextLimits.summary),
                                     (.emergencyContact, emergencyContact ?? "", TextLimits.summary), (.notes, notes ?? "", TextLimits.notes)]
        where text.count > limit {
            out.append(FieldProblem(field, TextLimits.tooLong(limit)))
        }
        return out
    }

    /// The parts of a child's record a problem can be about (named as the import's columns).
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case firstName = "first_name", familyName = "family_name", parent, dateOfBirth = "date_of_birth"
        case collectors, emergencyContact = "emergency_contact", notes

        /// The words for it in a sentence.
        public var words: String {
            switch self {
            case .firstName: return "first name"
            case .familyName: return "family name"
            case .parent: return "parent"
            case .dateOfBirth: return "date of birth"
            case .collectors: return "who may collect"
            case .emergencyContact: return "emergency contact"
            case .notes: return "notes"
            }
        }
    }

    /// Whether `name` is one of the named collectors (or the parent), ignoring case.
    public func mayBeCollected(by name: String) -> Bool {
        let n = name.trimmingCharacters(in: .whitespaces)
        return ([parentName] + collectors).contains { $0.caseInsensitiveCompare(n) == .orderedSame }
    }
}
