/// The kinds of record access is decided for. Each new kind of record joins this list and
/// the table in ``AccessPolicy/scope(_:_:_:)``; the role-matrix test walks every case.
public enum RecordKind: String, CaseIterable, Sendable {
    /// Areas (wards).
    case area
    /// Parent Champion records: name, area, training. (Contact details and DBS are
    /// separate, restricted kinds when they arrive: office staff and admins only.)
    case champion
    /// Meetings, with their champions and pre-meetings.
    case meeting
    /// Crèche plans: headcounts by age band, staff and room (no child's details).
    case creche
    /// Sign-in accounts.
    case user
    /// The audit trail.
    case audit
    /// Settings such as the auto-lock time.
    case setting
    /// Invitations of Parent Champions to meetings, with their answers.
    case invitation
    /// The jargon glossary the plain-language check uses.
    case glossary
    /// Children: names, dates of birth, parents, who may collect.
    case child
    /// Children's allergy, dietary and medical notes and emergency contacts (health data).
    case childNotes
    /// Bookings into a crèche, and the register of sign-ins and sign-outs.
    case booking
    /// The crèche staff rota.
    case rota
    /// Parent Champions' contact details and DBS checks.
    case championPrivate
    /// Whether a Parent Champion has agreed to e-mail reminders, at which address, since when
    /// (the office, admins, and the champion their own).
    case contactPreference
    /// Ideas raised by parents, and their way to the Board and back.
    case idea
    /// The whole database at once: backups and hand-overs (admins only).
    case wholeDatabase
    /// The Parent Engagement Fund: budgets, proposals, panel reviews and decisions.
    case fund
    /// Parent Approved Marketing: materials and parents' reviews of them.
    case material
    /// Vouchers and expenses paid to involved parents.
    case reward
    /// Accidents and incidents in a crèche, with the parent told, their acknowledgement and any
    /// notice to Ofsted (the office, admins and the session's crèche staff; a parent their own
    /// child's).
    case incident
    /// Who may collect a child: collection passwords, temporary collectors and the
    /// must-not-collect list (the office, admins and the session's crèche staff; a parent
    /// reads their own child's).
    case collection
    /// The register of interests (the office and admins; a champion their own declarations).
    case interest
    /// People's access needs (the office and admins; a champion their own).
    case accessNeed

    /// The plain name, for messages.
    public var name: String {
        switch self {
        case .area: return "areas"
        case .champion: return "Parent Champion records"
        case .meeting: return "meetings"
        case .creche: return "crèche plans"
        case .user: return "accounts"
        case .audit: return "the audit trail"
        case .setting: return "settings"
        case .invitation: return "invitations"
        case .glossary: return "the glossary"
        case .child: return "children's records"
        case .childNotes: return "children's allergy and medical notes"
        case .booking: return "crèche bookings"
        case .rota: return "the crèche rota"
        case .championPrivate: return "champions' contact details and DBS checks"
        case .contactPreference: return "e-mail reminder preferences"
        case .idea: return "ideas"
        case .wholeDatabase: return "the whole database (backups)"
        case .fund: return "the Parent Engagement Fund"
        case .material: return "marketing materials"
        case .reward: return "parents' vouchers and expenses"
        case .incident: return "crèche accident and incident records"
        case .collection: return "who may collect a child (passwords and the must-not-collect list)"
        case .interest: return "the register of interests"
        case .accessNeed: return "people's access needs"
        }
    }
}

/// Reading or changing.
public enum Operation: String, CaseIterable, Sendable {
    /// See a record.
    case read
    /// Create, change or delete a record.
    case write
}

/// How much of a kind of record a role reaches.
public enum Scope: Hashable, Sendable {
    /// None of it.
    case none
    /// Only their own (their own account; later their own children, their own area's ideas).
    case own
    /// All of it.
    case all
}

/// Refused: the role may not do this. The message says what and who to ask.
public struct AccessDenied: Error, Hashable, Sendable, CustomStringConvertible {
    /// The role that asked.
    public var role: Role
    /// What it asked to do.
    public var operation: Operation
    /// To what.
    public var kind: RecordKind
    /// What the person can do instead, in their own terms, when the store knows it (a
    /// champion's own area); it replaces the general words.
    public var instead: String?

    /// Creates the refusal.
    public init(role: Role, operation: Operation, kind: RecordKind, instead: String? = nil) {
        self.role = role
        self.operation = operation
        self.kind = kind
        self.instead = instead
    }

    /// The message shown.
    public var description: String {
        if let instead { return instead }
        let verb = operation == .read ? "see" : "change"
        let ask = kind == .user || kind == .audit ? "an admin" : "the office"
        return "\(role.name) accounts cannot \(verb) \(kind.name). Ask \(ask) if you need this."
    }
}

/// Who may do what: one table, enforced by the store on every read and write, whatever
/// screen or command asked. The screens only hide what the store would refuse anyway.
///
/// "Own" means: for a Parent Champion, their own children and those children's bookings;
/// for crèche staff, the children booked into the sessions they are on the rota for (with
/// their notes). Allergy, dietary and medical notes never reach a Parent Champion.
///
/// A champion's "own" ideas are their area's; their own fund proposals and reviews, answers
/// on materials and rewards are the ones in their name. Rules for records that later issues add, kept
/// here so they are born protected:
/// - purging data (retention): admins only.
public enum AccessPolicy {
    /// How much of `kind` a `role` reaches for an `operation`. Every role decides every kind by
    /// name (no wildcard over kinds), so a new ``RecordKind`` does not compile until each role's
    /// reach to it has been chosen; nothing new is handed to champions or crèche staff by default.
    public static func scope(_ role: Role, _ operation: Operation, _ kind: RecordKind) -> Scope {
        switch role {
        case .admin: return admin(operation, kind)
        case .office: return office(operation, kind)
        case .crecheStaff: return crecheStaff(operation, kind)
        case .champion: return champion(operation, kind)
        }
    }

    /// Admins reach everything but writing the audit trail, which only the store writes.
    private static func admin(_ operation: Operation, _ kind: RecordKind) -> Scope {
        switch kind {
        case .audit: return operation == .read ? .all : .none
        case .area, .champion, .meeting, .creche, .user, .setting, .invitation, .glossary, .child, .childNotes, .booking,
             .rota, .championPrivate, .idea, .wholeDatabase, .fund, .material, .reward, .incident, .collection, .interest, .accessNeed,
             .contactPreference:
            return .all
        }
    }

    /// Office staff run the programme: everything but other people's accounts, the audit trail
    /// and whole-database copies (which hold everyone's private data: admins only).
    private static func office(_ operation: Operation, _ kind: RecordKind) -> Scope {
        switch kind {
        case .user: return .own
        case .audit, .wholeDatabase: return .none
        case .area, .champion, .meeting, .creche, .setting, .invitation, .glossary, .child, .childNotes, .booking, .rota,
             .championPrivate, .idea, .fund, .material, .reward, .incident, .collection, .interest, .accessNeed, .contactPreference:
            return .all
        }
    }

    /// Crèche staff run the sessions they are on: the children booked into them (with their
    /// notes, to keep them safe), their bookings and register; crèche plans. They read the
    /// programme's public side (not parents' ideas, which name who raised them) and change
    /// nothing else.
    private static func crecheStaff(_ operation: Operation, _ kind: RecordKind) -> Scope {
        switch kind {
        case .creche: return .all
        case .user, .booking, .incident, .collection: return .own  // the sessions they are on the rota for
        case .child, .childNotes: return operation == .read ? .own : .none
        case .audit, .wholeDatabase, .championPrivate, .reward, .idea, .interest, .accessNeed, .contactPreference: return .none  // ideas name the parents who raised them
        case .rota: return operation == .read ? .all : .none
        case .area, .champion, .meeting, .setting, .invitation, .glossary, .fund, .material:
            return operation == .read ? .all : .none
        }
    }

    /// Parent Champions: their own account, children and bookings, their area's ideas, their
    /// own proposals, reviews, answers on materials and rewards, their answers to invitations.
    /// Health data and other families' records never reach them.
    private static func champion(_ operation: Operation, _ kind: RecordKind) -> Scope {
        switch kind {
        case .idea, .user, .booking, .interest, .accessNeed, .contactPreference: return .own
        case .fund, .material: return operation == .read ? .all : .own
        case .invitation: return operation == .read ? .all : .own
        case .reward, .child, .incident, .collection: return operation == .read ? .own : .none  // their own child's
        case .audit, .wholeDatabase, .championPrivate, .childNotes: return .none
        case .rota: return operation == .read ? .all : .none
        case .area, .champion, .meeting, .creche, .setting, .glossary:
            return operation == .read ? .all : .none
        }
    }

    /// Throws ``AccessDenied`` unless the actor reaches at least `needed` of the kind.
    public static func require(_ actor: Actor, _ operation: Operation, _ kind: RecordKind, needed: Scope = .all) throws(AccessDenied) {
        let has = scope(actor.role, operation, kind)
        let ok: Bool
        switch (needed, has) {
        case (.none, _), (_, .all): ok = true
        case (.own, .own): ok = true
        default: ok = false
        }
        if !ok { throw AccessDenied(role: actor.role, operation: operation, kind: kind) }
    }
}
