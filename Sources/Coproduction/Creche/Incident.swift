import Foundation

/// An accident or incident in a crèche, as recorded: append-only like the register, so a
/// correction is an ``IncidentFollowUp`` of kind ``IncidentFollowUp/Kind/addendum``.
public struct Incident: Hashable, Sendable, Identifiable {
    /// The database identifier (0 before it is saved).
    public var id: Int64
    /// The session it happened in.
    public var meetingID: Int64
    /// The child.
    public var childID: Int64
    /// The child's name, as recorded.
    public var childName: String
    /// When it happened.
    public var at: Date
    /// Where (the soft-play corner, the garden).
    public var place: String
    /// What happened.
    public var what: String
    /// Whether this records an injury noticed when the child arrived (not one in the crèche).
    public var onArrival: Bool
    /// Who gave first aid (someone on the session's rota), if anyone.
    public var firstAidBy: String?
    /// What first aid was given.
    public var firstAidGiven: String
    /// What was done next.
    public var action: String
    /// Serious accident, illness or injury: Ofsted and the local safeguarding partners must be
    /// told within 14 days.
    public var serious: Bool
    /// Who recorded it, and when.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date
    /// What has been added since: the parent told, their acknowledgement, the notice to
    /// Ofsted, corrections.
    public var followUps: [IncidentFollowUp]

    /// Creates an incident.
    public init(id: Int64 = 0, meetingID: Int64, childID: Int64, childName: String, at: Date, place: String, what: String,
                onArrival: Bool = false, firstAidBy: String? = nil, firstAidGiven: String = "", action: String = "",
                serious: Bool = false, recordedBy: String = "", recordedAt: Date = Date(), followUps: [IncidentFollowUp] = []) {
        self.id = id
        self.meetingID = meetingID
        self.childID = childID
        self.childName = childName
        self.at = at
        self.place = place
        self.what = what
        self.onArrival = onArrival
        self.firstAidBy = firstAidBy
        self.firstAidGiven = firstAidGiven
        self.action = action
        self.serious = serious
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.followUps = followUps
    }

    /// The first follow-up of a kind.
    public func first(_ kind: IncidentFollowUp.Kind) -> IncidentFollowUp? { followUps.first { $0.kind == kind } }

    /// Days after the incident by which Ofsted and the safeguarding partners must be told (14).
    public static let noticeDays = 14

    /// The last day notice of a serious incident may reach Ofsted.
    public var noticeDue: LocalDate { LocalDateTime(at).date.adding(days: Self.noticeDays) }

    /// What an incident still needs at `now`, worst first, with the session's end: the parent
    /// told the same day, with their acknowledgement (a warning from the session's end, a failure
    /// from the next day), and for a serious one the notice to Ofsted and the local safeguarding
    /// partners (due 14 days after; a failure from the 15th).
    public func needs(now: LocalDateTime, sessionEnds: LocalDateTime) -> [(status: CheckStatus, words: String)] {
        let day = LocalDateTime(at).date
        let when = "\(childName)'s incident on \(day.inWords) at \(LocalDateTime(at).time)"
        var out: [(CheckStatus, String)] = []
        if serious && first(.notified) == nil {
            if now.date > noticeDue {
                out.append((.fail, "\(when) is serious and Ofsted and the local safeguarding partners have not been told: "
                            + "notice was due by \(noticeDue.inWords). Tell them now and record it."))
            } else {
                out.append((.warn, "\(when) is serious: tell Ofsted and the local safeguarding partners by \(noticeDue.inWords), and record it."))
            }
        }
        let told = first(.parentTold), acknowledged = first(.acknowledged)
        if told == nil || acknowledged == nil {
            let missing = told == nil ? "the parent has not been told" : "the parent's acknowledgement is not recorded"
            if now.date > day {
                out.append((.fail, "\(when): \(missing); parents are told the same day. Record it."))
            } else if now >= sessionEnds {
                out.append((.warn, "\(when): \(missing) yet; tell them before they leave today and record it."))
            }
        }
        return out.sorted { $0.0 > $1.0 }
    }

    /// The parts of an incident a problem can be about (the form's field codes).
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case time, place, what, firstAidBy = "first_aid_by", firstAidGiven = "first_aid_given", action
        case toldBy = "told_by", toldAt = "told_at", toldHow = "told_how", acknowledgedBy = "acknowledged_by"
        case acknowledgedAt = "acknowledged_at", notifiedOn = "notified_on", notifiedBy = "notified_by", reference, addendum
    }

    /// What is wrong with a new incident in a session from `start` to `end` with `rota` on it.
    public func problems(sessionStart: Date, sessionEnd: Date, rota: [String], now: Date) -> [FieldProblem<Field>] {
        var out: [FieldProblem<Field>] = []
        if !onArrival && (at < sessionStart || at > sessionEnd) {
            out.append(FieldProblem(.time, "\(LocalDateTime(at).time) is outside the session (\(LocalDateTime(sessionStart).time)"
                                    + "–\(LocalDateTime(sessionEnd).time)): check the time."))
        } else if onArrival && at > sessionEnd {
            out.append(FieldProblem(.time, "\(LocalDateTime(at).time) is after the session ended: check the time."))
        }
        if at > now { out.append(FieldProblem(.time, "\(LocalDateTime(at).time) has not come yet: record what has happened.")) }
        if place.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FieldProblem(.place, "say where it happened.")) }
        if what.trimmingCharacters(in: .whitespaces).isEmpty { out.append(FieldProblem(.what, "say what happened.")) }
        if let by = firstAidBy, !by.isEmpty, !rota.contains(where: { $0.caseInsensitiveCompare(by) == .orderedSame }) {
            out.append(FieldProblem(.firstAidBy, "\(by) is not on this session's rota: choose someone who is"
                                    + (rota.isEmpty ? " (nobody is on it yet)." : " (\(rota.joined(separator: ", "))).")))
        }
        if (firstAidBy ?? "").isEmpty && !firstAidGiven.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(FieldProblem(.firstAidBy, "say who gave the first aid."))
        }
        for (field, text, limit) in [(Field.place, place, TextLimits.title), (.what, what, TextLimits.notes),
                                     (.firstAidGiven, firstAidGiven, TextLimits.notes), (.action, action, TextLimits.notes)]
        where text.count > limit {
            out.append(FieldProblem(field, TextLimits.tooLong(limit)))
        }
        return out
    }
}

/// Something added to an incident after it was recorded: nothing is changed, only added.
public struct IncidentFollowUp: Hashable, Sendable {
    /// What it records.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Who told the parent, when and how.
        case parentTold = "parent told"
        /// The parent's acknowledgement: who, and when.
        case acknowledged
        /// Ofsted and the local safeguarding partners told: when, by whom, their reference.
        case notified
        /// A correction or something learned later.
        case addendum
    }

    /// What it records.
    public var kind: Kind
    /// When it happened (the parent told, the acknowledgement, the notice).
    public var at: Date
    /// Who (told the parent, acknowledged, sent the notice).
    public var by: String
    /// How (in person, by phone), or the notice's reference, or the addendum's text.
    public var detail: String
    /// Who recorded it.
    public var recordedBy: String

    /// Creates a follow-up.
    public init(kind: Kind, at: Date, by: String, detail: String, recordedBy: String = "") {
        self.kind = kind
        self.at = at
        self.by = by
        self.detail = detail
        self.recordedBy = recordedBy
    }

    /// Why it cannot be added to `incident` (nil when it can): nothing before the incident,
    /// nothing in the future, and each says who.
    public func problem(for incident: Incident, now: Date) -> (Incident.Field, String)? {
        let field: Incident.Field
        switch kind {
        case .parentTold: field = .toldAt
        case .acknowledged: field = .acknowledgedAt
        case .notified: field = .notifiedOn
        case .addendum: field = .addendum
        }
        if kind != .addendum && at < incident.at {
            return (field, "\(LocalDateTime(at).time) on \(LocalDateTime(at).date.inWords) is before the incident "
                    + "(\(LocalDateTime(incident.at).time) on \(LocalDateTime(incident.at).date.inWords)): check the time.")
        }
        if at > now.addingTimeInterval(60) { return (field, "that has not happened yet: record it once it has.") }
        if kind != .addendum && by.trimmingCharacters(in: .whitespaces).isEmpty {
            let byField: Incident.Field = kind == .parentTold ? .toldBy : kind == .acknowledged ? .acknowledgedBy : .notifiedBy
            return (byField, kind == .acknowledged ? "name the parent who acknowledged it." : "say who did it.")
        }
        if kind == .addendum && detail.trimmingCharacters(in: .whitespaces).isEmpty { return (.addendum, "write the addendum.") }
        if kind == .notified && detail.trimmingCharacters(in: .whitespaces).isEmpty {
            return (.reference, "record Ofsted's reference (or the notice's) so it can be found again.")
        }
        return nil
    }
}
