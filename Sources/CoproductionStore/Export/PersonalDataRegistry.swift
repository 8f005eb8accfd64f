import Coproduction

/// Whose personal data a column holds.
public enum DataSubject: String, Hashable, Sendable {
    /// A Parent Champion, by their champion id.
    case champion
    /// A Parent Champion, through the sign-in account linked to them.
    case championAccount = "champion's account"
    /// A child, by their id.
    case child
    /// A parent named in words on a child's record (not a champion).
    case parent
    /// A member of staff (office, crèche staff, admin), by account or name.
    case staff
}

/// How long a kind of personal data is kept.
public enum Keeping: Hashable, Sendable {
    /// Deleted by retention after the period that kind's setting holds.
    case period(RetentionKind)
    /// Kept with the programme's records, for the reason given.
    case kept(String)
}

/// One place personal data is held: a table, the column naming the person, and the decisions
/// about it that subject access, retention and the access policy all read.
public struct PersonalDataKind: Hashable, Sendable {
    /// The table.
    public var table: String
    /// The column naming the person (an id, or a name in words).
    public var column: String
    /// Whose data it is.
    public var subject: DataSubject
    /// The kind of record the access policy decides it by.
    public var access: RecordKind
    /// How long it is kept.
    public var keeping: Keeping
    /// For retention: the column holding the id of the retained record it goes with (a
    /// child's `id` in `child`, `childId` in `booking`); nil when retention does not delete it.
    public var retentionKey: String?
    /// The subject access section that reports it; nil for staff (whose requests an admin
    /// answers from `export all`).
    public var section: String?
    /// Why every role may read this kind, when it is readable by Parent Champions and crèche
    /// staff at all (nil: it must not be).
    public var openBecause: String?
}

/// Every table and column that names a person, with the decisions about it. A test walks
/// the schema and fails when a table holds a person's id (or name) that is missing here.
public enum PersonalDataRegistry {
    /// Columns that name a person but hold no personal data of theirs beyond who did what, with
    /// the reason each is left out of subject access and retention.
    public static let notPersonal: [String: String] = [
        "updatedBy": "the staff account that last changed a record, as the audit trail keeps it",
        "audit.userId": "the audit trail records who did what; retention redacts its entries about purged records",
        "audit.userName": "the audit trail records who did what; retention redacts its entries about purged records",
        "cliSession.userId": "a sign-in token, gone when it expires or the person signs out",
        "meeting.otherParentsAttended": "a count of other parents, no names",
        "crechePlan.staffBooked": "a count of staff booked, no names",
        "meeting.minutesApprovedBy": "the meeting that approved the minutes, not a person",
        "crecheRule.minimumStaffAge": "a rule of the law (the youngest staff in ratio), no person",
        "cliSession.osUser": "the computer account a sign-in token is bound to, gone with the token",
        "material.sentToParents": "whether a material went out, no names",
    ]

    /// The registry. A record comes before the rows that hang on it (a child before their
    /// bookings, bookings before the register); retention deletes in the reverse order.
    public static let kinds: [PersonalDataKind] = [
        PersonalDataKind(table: "champion", column: "id", subject: .champion, access: .champion,
                         keeping: .kept("a champion's name, area and training are the programme's record of who represented each area"),
                         section: "Parent Champion record",
                         openBecause: "parents and staff need to know who represents each area"),
        PersonalDataKind(table: "championPrivate", column: "championId", subject: .champion, access: .championPrivate,
                         keeping: .period(.championDetails), retentionKey: "championId", section: "Parent Champion record"),
        PersonalDataKind(table: "user", column: "championId", subject: .champion, access: .user,
                         keeping: .kept("an account is disabled, never deleted, so the audit trail still names who did what"),
                         section: "Sign-in account"),
        PersonalDataKind(table: "meetingChampion", column: "championId", subject: .champion, access: .invitation,
                         keeping: .kept("who represented each area at a meeting is part of its record"), section: "Meetings",
                         openBecause: "who is coming to a meeting is shown to everyone invited to it"),
        PersonalDataKind(table: "idea", column: "raisedBy", subject: .champion, access: .idea,
                         keeping: .kept("an idea's way to the Board and back is the programme's record"), section: "Ideas raised or fed back"),
        PersonalDataKind(table: "idea", column: "fedBackBy", subject: .champion, access: .idea,
                         keeping: .kept("an idea's way to the Board and back is the programme's record"), section: "Ideas raised or fed back"),
        PersonalDataKind(table: "reward", column: "championId", subject: .champion, access: .reward,
                         keeping: .period(.reward), retentionKey: "id", section: "Vouchers and expenses"),
        PersonalDataKind(table: "reward", column: "otherParentId", subject: .parent, access: .reward,
                         keeping: .period(.reward), retentionKey: "id", section: "Vouchers and expenses"),
        PersonalDataKind(table: "otherParent", column: "name", subject: .parent, access: .reward,
                         keeping: .kept("deleted with their last voucher or expenses, by retention"), section: "Vouchers and expenses"),
        PersonalDataKind(table: "otherParent", column: "recordedBy", subject: .staff, access: .reward,
                         keeping: .kept("who added a parent stays with the parent's record")),
        PersonalDataKind(table: "fundProposal", column: "championId", subject: .champion, access: .fund,
                         keeping: .kept("spending from the fund is accounted for"), section: "Engagement Fund proposals",
                         openBecause: "the fund's panel of parents reviews every proposal"),
        PersonalDataKind(table: "fundReview", column: "reviewerUserId", subject: .championAccount, access: .fund,
                         keeping: .kept("the panel's reasons stand with the fund's decisions"), section: "Engagement Fund reviews",
                         openBecause: "the fund's panel of parents reviews every proposal"),
        PersonalDataKind(table: "fundReview", column: "reviewer", subject: .championAccount, access: .fund,
                         keeping: .kept("the panel's reasons stand with the fund's decisions"), section: "Engagement Fund reviews",
                         openBecause: "the fund's panel of parents reviews every proposal"),
        PersonalDataKind(table: "materialReview", column: "championId", subject: .champion, access: .material,
                         keeping: .kept("a material's approval by parents is its record"), section: "Answers on marketing materials",
                         openBecause: "parents review materials together"),
        PersonalDataKind(table: "material", column: "submittedBy", subject: .champion, access: .material,
                         keeping: .kept("a material's approval by parents is its record"), section: "Materials sent in",
                         openBecause: "parents review materials together"),
        PersonalDataKind(table: "child", column: "id", subject: .child, access: .child,
                         keeping: .period(.child), retentionKey: "id", section: "Children"),
        PersonalDataKind(table: "child", column: "parentChampionId", subject: .champion, access: .child,
                         keeping: .period(.child), retentionKey: "id", section: "Children"),
        PersonalDataKind(table: "child", column: "parentName", subject: .parent, access: .child,
                         keeping: .period(.child), retentionKey: "id", section: "Children"),
        PersonalDataKind(table: "child", column: "collectors", subject: .child, access: .child,
                         keeping: .period(.child), retentionKey: "id", section: "Children"),
        PersonalDataKind(table: "booking", column: "childId", subject: .child, access: .booking,
                         keeping: .period(.child), retentionKey: "childId", section: "Crèche bookings and register"),
        PersonalDataKind(table: "booking", column: "collectedBy", subject: .child, access: .booking,
                         keeping: .period(.child), retentionKey: "childId", section: "Crèche bookings and register"),
        // A copy of the child's date of birth, kept by triggers for counting age bands from an
        // index; deleted with the booking.
        PersonalDataKind(table: "booking", column: "bornOn", subject: .child, access: .booking,
                         keeping: .period(.child), retentionKey: "childId", section: "Crèche bookings and register"),
        PersonalDataKind(table: "registerEvent", column: "childId", subject: .child, access: .booking,
                         keeping: .period(.child), retentionKey: "childId", section: "Crèche bookings and register"),
        PersonalDataKind(table: "registerEvent", column: "collectedBy", subject: .child, access: .booking,
                         keeping: .period(.child), retentionKey: "childId", section: "Crèche bookings and register"),
        PersonalDataKind(table: "registerEvent", column: "recordedBy", subject: .staff, access: .booking,
                         keeping: .period(.child), retentionKey: "childId"),
        PersonalDataKind(table: "uncollectedStep", column: "childId", subject: .child, access: .booking,
                         keeping: .period(.child), retentionKey: "childId", section: "Crèche bookings and register"),
        PersonalDataKind(table: "uncollectedStep", column: "byName", subject: .staff, access: .booking,
                         keeping: .period(.child), retentionKey: "childId"),
        PersonalDataKind(table: "uncollectedStep", column: "recordedBy", subject: .staff, access: .booking,
                         keeping: .period(.child), retentionKey: "childId"),
        PersonalDataKind(table: "collectorPassword", column: "childId", subject: .child, access: .collection,
                         keeping: .period(.child), retentionKey: "childId", section: "Who may collect"),
        PersonalDataKind(table: "collectorPassword", column: "name", subject: .parent, access: .collection,
                         keeping: .period(.child), retentionKey: "childId", section: "Who may collect"),
        PersonalDataKind(table: "collectorPassword", column: "setBy", subject: .staff, access: .collection,
                         keeping: .period(.child), retentionKey: "childId"),
        PersonalDataKind(table: "temporaryCollector", column: "childId", subject: .child, access: .collection,
                         keeping: .period(.child), retentionKey: "childId", section: "Who may collect"),
        PersonalDataKind(table: "temporaryCollector", column: "name", subject: .parent, access: .collection,
                         keeping: .period(.child), retentionKey: "childId", section: "Who may collect"),
        PersonalDataKind(table: "temporaryCollector", column: "addedBy", subject: .staff, access: .collection,
                         keeping: .period(.child), retentionKey: "childId"),
        PersonalDataKind(table: "mustNotCollect", column: "childId", subject: .child, access: .collection,
                         keeping: .period(.child), retentionKey: "childId", section: "Who may collect"),
        PersonalDataKind(table: "mustNotCollect", column: "name", subject: .parent, access: .collection,
                         keeping: .period(.child), retentionKey: "childId", section: "Who may collect"),
        PersonalDataKind(table: "mustNotCollect", column: "reason", subject: .child, access: .collection,
                         keeping: .period(.child), retentionKey: "childId", section: "Who may collect"),
        PersonalDataKind(table: "mustNotCollect", column: "recordedBy", subject: .staff, access: .collection,
                         keeping: .period(.child), retentionKey: "childId"),
        PersonalDataKind(table: "incident", column: "childId", subject: .child, access: .incident,
                         keeping: .period(.incident), retentionKey: "id", section: "Accidents and incidents"),
        PersonalDataKind(table: "incident", column: "childName", subject: .child, access: .incident,
                         keeping: .period(.incident), retentionKey: "id", section: "Accidents and incidents"),
        PersonalDataKind(table: "incident", column: "childBorn", subject: .child, access: .incident,
                         keeping: .period(.incident), retentionKey: "id", section: "Accidents and incidents"),
        PersonalDataKind(table: "incident", column: "recordedBy", subject: .staff, access: .incident,
                         keeping: .period(.incident), retentionKey: "id"),
        PersonalDataKind(table: "incident", column: "firstAidBy", subject: .staff, access: .incident,
                         keeping: .period(.incident), retentionKey: "id"),
        PersonalDataKind(table: "incidentFollowUp", column: "incidentId", subject: .child, access: .incident,
                         keeping: .period(.incident), retentionKey: "incidentId", section: "Accidents and incidents"),
        PersonalDataKind(table: "incidentFollowUp", column: "byName", subject: .parent, access: .incident,
                         keeping: .period(.incident), retentionKey: "incidentId", section: "Accidents and incidents"),
        PersonalDataKind(table: "incidentFollowUp", column: "recordedBy", subject: .staff, access: .incident,
                         keeping: .period(.incident), retentionKey: "incidentId"),
        PersonalDataKind(table: "meeting", column: "otherParents", subject: .parent, access: .meeting,
                         keeping: .kept("a meeting's record says how many parents took part"),
                         openBecause: "a meeting's record is shown to everyone invited to it"),
        PersonalDataKind(table: "actionItem", column: "owner", subject: .staff, access: .meeting,
                         keeping: .kept("who agreed to do what is part of a meeting's record"),
                         openBecause: "a meeting's record is shown to everyone invited to it"),
        PersonalDataKind(table: "accessNeed", column: "championId", subject: .champion, access: .accessNeed,
                         keeping: .period(.championDetails), retentionKey: "championId", section: "Access needs"),
        PersonalDataKind(table: "accessNeed", column: "recordedBy", subject: .staff, access: .accessNeed,
                         keeping: .period(.championDetails), retentionKey: "championId"),
        PersonalDataKind(table: "contactPreference", column: "championId", subject: .champion, access: .contactPreference,
                         keeping: .period(.championDetails), retentionKey: "championId", section: "E-mail reminders: consent and address"),
        PersonalDataKind(table: "contactPreference", column: "recordedBy", subject: .staff, access: .contactPreference,
                         keeping: .period(.championDetails), retentionKey: "championId"),
        PersonalDataKind(table: "reminderSent", column: "championId", subject: .champion, access: .contactPreference,
                         keeping: .period(.championDetails), retentionKey: "championId", section: "E-mail reminders sent"),
        PersonalDataKind(table: "meetingArrangement", column: "recordedBy", subject: .staff, access: .meeting,
                         keeping: .kept("what was arranged for a meeting is part of its record"), openBecause: "it names only office staff"),
        PersonalDataKind(table: "interest", column: "championId", subject: .champion, access: .interest,
                         keeping: .kept("a declaration of interest is part of the governance record"), section: "Declarations of interest"),
        PersonalDataKind(table: "interest", column: "userId", subject: .staff, access: .interest,
                         keeping: .kept("a declaration of interest is part of the governance record")),
        PersonalDataKind(table: "interest", column: "person", subject: .champion, access: .interest,
                         keeping: .kept("a declaration of interest is part of the governance record"), section: "Declarations of interest"),
        PersonalDataKind(table: "interest", column: "recordedBy", subject: .staff, access: .interest,
                         keeping: .kept("a declaration of interest is part of the governance record")),
        PersonalDataKind(table: "acceptedCheck", column: "recordedBy", subject: .staff, access: .meeting,
                         keeping: .kept("a check accepted as failing shows who accepted it, and why, with the meeting"),
                         openBecause: "it names only office staff"),
        PersonalDataKind(table: "minutesAddendum", column: "recordedBy", subject: .staff, access: .meeting,
                         keeping: .kept("an addendum to approved minutes is part of the meeting's record"), openBecause: "it names only office staff"),
        PersonalDataKind(table: "paperSent", column: "championId", subject: .champion, access: .meeting,
                         keeping: .kept("who had a meeting's papers, and when, is part of its record"),
                         openBecause: "a meeting's record is shown to everyone invited to it"),
        PersonalDataKind(table: "paperSent", column: "recordedBy", subject: .staff, access: .meeting,
                         keeping: .kept("who had a meeting's papers, and when, is part of its record"),
                         openBecause: "it names only office staff"),
        PersonalDataKind(table: "registrationNotice", column: "recordedBy", subject: .staff, access: .creche,
                         keeping: .kept("who recorded a notice to Ofsted is part of the crèche's registration record"),
                         openBecause: "crèche staff and champions read crèche plans; it names only office staff"),
        PersonalDataKind(table: "user", column: "id", subject: .staff, access: .user,
                         keeping: .kept("an account is disabled, never deleted, so the audit trail still names who did what")),
        PersonalDataKind(table: "staffMember", column: "id", subject: .staff, access: .rota,
                         keeping: .kept("the crèche staff register shows who was qualified to work each session"),
                         openBecause: "parents are told who looks after their children"),
        PersonalDataKind(table: "staffMember", column: "userId", subject: .staff, access: .rota,
                         keeping: .kept("the crèche staff register shows who was qualified to work each session"),
                         openBecause: "parents are told who looks after their children"),
        PersonalDataKind(table: "crecheStaff", column: "userId", subject: .staff, access: .rota,
                         keeping: .kept("who staffed each session is part of its register"),
                         openBecause: "parents are told who looks after their children"),
        PersonalDataKind(table: "crecheStaff", column: "staffMemberId", subject: .staff, access: .rota,
                         keeping: .kept("who staffed each session is part of its register"),
                         openBecause: "parents are told who looks after their children"),
        PersonalDataKind(table: "crecheStaff", column: "name", subject: .staff, access: .rota,
                         keeping: .kept("who staffed each session is part of its register"),
                         openBecause: "parents are told who looks after their children"),
    ]

    /// The kinds retention deletes for a retention kind, in the order they must go.
    public static func deleted(by retention: RetentionKind) -> [(table: String, key: String)] {
        var seen = Set<String>()
        return kinds.reversed().compactMap { kind in
            guard kind.keeping == .period(retention), let key = kind.retentionKey, seen.insert(kind.table).inserted else { return nil }
            return (kind.table, key)
        }
    }

    /// The subject access sections a parent's request must report.
    public static var parentSections: [String] {
        var seen = Set<String>()
        return kinds.compactMap { $0.subject != .staff ? $0.section : nil }.filter { seen.insert($0).inserted }
    }
}
