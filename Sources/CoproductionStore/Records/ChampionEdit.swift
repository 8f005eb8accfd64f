import Coproduction

/// Everything the set-up form says about a Parent Champion, saved together by
/// ``AppDatabase/saveChampion(as:_:today:now:)``.
public struct ChampionEdit: Hashable, Sendable {
    /// The champion changed, or nil for a new one.
    public var id: Int64?
    /// Their name.
    public var name: String
    /// The area they represent (an open one, or the one they already have).
    public var areaID: Int64
    /// When they completed their training, if recorded.
    public var trained: LocalDate?
    /// The course completed.
    public var course: String
    /// When a refresher is due.
    public var refresher: LocalDate?
    /// Active, paused or left.
    public var status: ChampionStatus
    /// Why paused or left (needed then).
    public var reason: String
    /// The day the status changed; nil for the day it is saved.
    public var since: LocalDate?
    /// Contact details and DBS, for roles allowed to change them; nil leaves them alone.
    public var contact: ChampionContact?

    /// A champion's details.
    public init(id: Int64?, name: String, areaID: Int64, trained: LocalDate?, course: String, refresher: LocalDate?,
                status: ChampionStatus, reason: String, since: LocalDate? = nil, contact: ChampionContact?) {
        self.id = id
        self.name = name
        self.areaID = areaID
        self.trained = trained
        self.course = course
        self.refresher = refresher
        self.status = status
        self.reason = reason
        self.since = since
        self.contact = contact
    }
}

/// A champion's contact details and DBS check (office staff and admins only).
public struct ChampionContact: Hashable, Sendable {
    /// Phone number.
    public var phone: String
    /// E-mail address.
    public var email: String
    /// DBS certificate number.
    public var dbsNumber: String
    /// When the DBS certificate was issued.
    public var dbsIssued: LocalDate?
    /// When it should be renewed.
    public var dbsRenewalDue: LocalDate?

    /// Contact details and DBS.
    public init(phone: String, email: String, dbsNumber: String, dbsIssued: LocalDate?, dbsRenewalDue: LocalDate?) {
        self.phone = phone
        self.email = email
        self.dbsNumber = dbsNumber
        self.dbsIssued = dbsIssued
        self.dbsRenewalDue = dbsRenewalDue
    }
}
