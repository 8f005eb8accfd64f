import Foundation

/// A member of crèche staff: in the register of people who work the crèches, and on a
/// session's rota. What makes them count in the ratios is kept here (see ``StaffStanding``).
public struct StaffMember: Hashable, Sendable {
    /// Their name.
    public var name: String
    /// Qualification level: 2, 3 or 6 (Level 6 is QTS, EYTS or EYPS). For a student or
    /// apprentice, the level they study for.
    public var level: Int
    /// Their paediatric first aid: none, emergency (one day) or full (two days).
    public var firstAid: FirstAidCertificate
    /// The day the first aid certificate was issued, when recorded.
    public var firstAidOn: LocalDate?
    /// Their place in the register of crèche staff, once saved there (0 before).
    public var id: Int64
    /// The crèche staff sign-in linked to them, if any.
    public var accountID: Int64?
    /// Their date of birth, when recorded.
    public var dateOfBirth: LocalDate?
    /// Recorded as 17 or over instead of a date of birth.
    public var seventeenOrOver: Bool
    /// Whether their qualification is full and relevant (on the DfE's list).
    public var fullAndRelevant: Bool
    /// The day the qualification was gained, when recorded (staff with Level 2 or 3 gained
    /// on or after 30 June 2016 need full paediatric first aid to count).
    public var qualifiedOn: LocalDate?
    /// A student or apprentice, studying for ``level``.
    public var student: Bool
    /// Marked competent and responsible by the manager (what lets a student count).
    public var competent: Bool
    /// The day of their last safeguarding training, when recorded.
    public var safeguardingOn: LocalDate?
    /// The day of their enhanced DBS check, when recorded.
    public var dbsOn: LocalDate?

    /// Creates a staff member.
    public init(id: Int64 = 0, name: String, level: Int, paediatricFirstAid: Bool, accountID: Int64? = nil) {
        self.id = id
        self.name = name
        self.level = level
        self.firstAid = paediatricFirstAid ? .full : .none
        self.accountID = accountID
        self.seventeenOrOver = false
        self.fullAndRelevant = true
        self.student = false
        self.competent = false
    }

    /// Whether they hold a full paediatric first aid certificate (dates aside).
    public var paediatricFirstAid: Bool {
        get { firstAid == .full }
        set { firstAid = newValue ? .full : .none }
    }

    /// The qualification levels recorded.
    public static let levels = [2, 3, 6]

    /// The youngest anyone in the register may be (16: apprentices start then; the rules of
    /// the day decide whether they count).
    public static let youngestAge = 16

    /// Problems that stop this person being saved to the register (empty when fine).
    public func problems(today: LocalDate) -> [FieldProblem<Field>] {
        var out: [FieldProblem<Field>] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FieldProblem(.name, "the member of staff needs a name.")) }
        if name.count > TextLimits.name { out.append(FieldProblem(.name, TextLimits.tooLong(TextLimits.name))) }
        if !Self.levels.contains(level) {
            out.append(FieldProblem(.level, "qualification levels are 2, 3 or 6; \(level) is not one of them."))
        }
        if let born = dateOfBirth {
            if born > today {
                out.append(FieldProblem(.dateOfBirth, "\(born.inWords) is in the future."))
            } else if today.age(ofSomeoneBornOn: born) < Self.youngestAge {
                out.append(FieldProblem(.dateOfBirth, "born \(born.inWords) makes them under \(Self.youngestAge); "
                                        + "nobody under \(Self.youngestAge) works in the crèche. Check the year."))
            }
        }
        for (field, day, what) in [(Field.firstAidOn, firstAidOn, "the first aid certificate"), (.qualifiedOn, qualifiedOn, "the qualification"),
                                   (.safeguardingOn, safeguardingOn, "the safeguarding training"), (.dbsOn, dbsOn, "the DBS check")] {
            if let day, day > today { out.append(FieldProblem(field, "\(what) cannot be dated after today (\(day.inWords)).")) }
        }
        if firstAid == .none && firstAidOn != nil {
            out.append(FieldProblem(.firstAidOn, "a first aid date is given but no certificate: choose full or emergency, or clear the date."))
        }
        if competent && !student {
            out.append(FieldProblem(.competent, "only a student or apprentice is marked competent and responsible: mark them a student, or choose no."))
        }
        return out
    }

    /// The parts of a staff member's record a problem can be about (the form's field codes).
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case name, level, firstAid, firstAidOn = "first_aid_on", dateOfBirth = "date_of_birth", seventeenOrOver = "over_17"
        case fullAndRelevant = "full_and_relevant", qualifiedOn = "qualified_on", student, competent
        case safeguardingOn = "safeguarding_on", dbsOn = "dbs_on"
    }
}

/// A paediatric first aid certificate.
public enum FirstAidCertificate: String, CaseIterable, Hashable, Sendable {
    /// No certificate.
    case none
    /// The one-day emergency certificate: does not meet the rule of one full holder.
    case emergency
    /// The full (12-hour) certificate.
    case full

    /// The word in forms and lists.
    public var word: String {
        switch self {
        case .none: return "no"
        case .emergency: return "emergency"
        case .full: return "full"
        }
    }

    /// The certificate a typed word names (`yes` is full), nil for anything else.
    public init?(word: String) {
        switch word.trimmingCharacters(in: .whitespaces).lowercased() {
        case "no", "none", "": self = .none
        case "emergency", "efa": self = .emergency
        case "full", "yes", "pfa": self = .full
        default: return nil
        }
    }
}
