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
        case .idea: return "ideas"
        case .wholeDatabase: return "the whole database (backups)"
        case .fund: return "the Parent Engagement Fund"
        case .material: return "marketing materials"
        case .reward: return "parents' vouchers and expenses"
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
    /// How much of `kind` a `role` reaches for an `operation`.
    public static func scope(_ role: Role, _ operation: Operation, _ kind: RecordKind) -> Scope {
        switch (role, kind, operation) {
        case (.admin, .audit, .write), (.office, .audit, .write), (.crecheStaff, .audit, .write), (.champion, .audit, .write):
            return .none  // the audit trail is written only by the store itself
        case (.admin, _, _):
            return .all
        case (_, .wholeDatabase, _):
            return .none  // a copy of everything holds everyone's private data: admins only
        case (.crecheStaff, .championPrivate, _), (.champion, .championPrivate, _):
            return .none  // contact details and DBS: office staff and admins only
        case (.champion, .idea, _):
            return .own  // their own area's ideas
        case (.champion, .fund, .write), (.champion, .material, .write):
            return .own  // their own proposals and panel reviews; their own answers on materials
        case (.champion, .reward, .read):
            return .own  // their own vouchers and expenses, never another family's
        case (.crecheStaff, .reward, _), (.champion, .reward, .write):
            return .none
        case (.champion, .childNotes, _), (.crecheStaff, .childNotes, .write), (.crecheStaff, .child, .write),
             (.champion, .child, .write), (.crecheStaff, .rota, .write), (.champion, .rota, .write):
            return .none  // health data never reaches a champion; children are registered by the office
        case (.champion, .child, .read), (.champion, .booking, _),
             (.crecheStaff, .child, .read), (.crecheStaff, .childNotes, .read), (.crecheStaff, .booking, _):
            return .own  // a champion's own children; the sessions a member of crèche staff works
        case (.office, .user, _), (.office, .audit, _):
            return kind == .user ? .own : .none
        case (.office, _, _):
            return .all
        case (.crecheStaff, .creche, _):
            return .all
        case (.crecheStaff, .user, _), (.champion, .user, _), (.champion, .invitation, .write):
            return .own
        case (.crecheStaff, .audit, _), (.champion, .audit, _):
            return .none
        case (.crecheStaff, _, .read), (.champion, _, .read):
            return .all
        case (.crecheStaff, _, .write), (.champion, _, .write):
            return .none
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
