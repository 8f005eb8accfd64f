import Coproduction
import Foundation
import GRDB

extension AppDatabase {
    /// Ofsted's registration exemptions as dated rows, oldest first (anyone signed in reads them).
    public func registrationRules() throws(StoreError) -> [RegistrationRule] {
        try read { db in try Self.registrationRules(db) }
    }

    static func registrationRules(_ db: Database) throws -> [RegistrationRule] {
        try Row.fetchAll(db, sql: "SELECT * FROM registrationRule ORDER BY effectiveFrom").compactMap { r in
            LocalDate(iso: r["effectiveFrom"]).map {
                RegistrationRule(effectiveFrom: $0, stayMinutes: r["stayMinutes"], daysWithNotice: r["daysWithNotice"],
                                 noticeDays: r["noticeDays"], source: r["source"])
            }
        }
    }

    /// Each venue's calendar year: the days a child in an unregistered crèche there was booked,
    /// or signed in, for longer than the rule allows, and any notice sent. Office staff, admins
    /// and crèche staff (who read crèche plans); `extra` counts a booking not yet made.
    public func venueYears(as actor: Actor, year: Int, extra: (childID: Int64, meetingID: Int64)? = nil) throws(StoreError) -> [VenueYear] {
        try authorize(actor, .read, .creche)
        return try read { db in try Self.venueYears(db, year: year, extra: extra) }
    }

    /// The venue's year a meeting falls in.
    public func venueYear(as actor: Actor, meetingID: Int64, extra: Int64? = nil) throws(StoreError) -> (VenueYear, RegistrationRule)? {
        try authorize(actor, .read, .creche)
        return try read { db in
            guard let m = try Row.fetchOne(db, sql: "SELECT date, venue FROM meeting WHERE id = ?", arguments: [meetingID]),
                  let day = LocalDate(iso: m["date"]) else { return nil }
            let rule = RegistrationRule.inForce(on: day, among: try Self.registrationRules(db)) ?? RegistrationRule(effectiveFrom: day)
            let years = try Self.venueYears(db, year: day.year, extra: extra.map { ($0, meetingID) })
            let venue: String = m["venue"]
            return (years.first { NameMatch.fold($0.venue) == NameMatch.fold(venue) } ?? VenueYear(venue: venue, year: day.year, longDays: []), rule)
        }
    }

    /// One crèche's standing against the registration exemptions on its day: "no child over 2
    /// hours", "exempt with notice: …", or "registration needed"; "a registered crèche" when
    /// it is marked so.
    public func registrationStanding(as actor: Actor, meetingID: Int64) throws(StoreError) -> RegistrationStanding? {
        let underTwoHours = try read { db in
            try Bool.fetchOne(db, sql: "SELECT underTwoHours FROM crechePlan WHERE meetingId = ?", arguments: [meetingID])
        }
        guard let underTwoHours else { return nil }
        guard underTwoHours else { return RegistrationStanding(status: .pass, words: "a registered crèche: the two-hour exemption does not apply") }
        guard let (use, rule) = try venueYear(as: actor, meetingID: meetingID),
              let day = try read({ db in try String.fetchOne(db, sql: "SELECT date FROM meeting WHERE id = ?", arguments: [meetingID]) })
                .flatMap(LocalDate.init(iso:)) else { return nil }
        let (status, words) = use.status(on: day, rule)
        return RegistrationStanding(status: status, words: words)
    }

    /// The warning before a booking that would make its day the first past the days allowed
    /// with notice at the venue this year (nil when it would not).
    public func registrationWarning(as actor: Actor, childID: Int64, meetingID: Int64) throws(StoreError) -> String? {
        guard let (before, rule) = try venueYear(as: actor, meetingID: meetingID),
              let (after, _) = try venueYear(as: actor, meetingID: meetingID, extra: childID),
              let day = after.longDays.first(where: { !before.longDays.contains($0) }),
              before.bookingWouldPass(on: day, rule) else { return nil }
        return "Booking this makes \(day.inWords) a day with a child over \(rule.limitWords) at \(after.venue): day \(before.longDays.count + 1) this year, "
            + "past the \(rule.daysWithNotice) allowed with notice to Ofsted, so the crèche would need registering."
    }

    /// Records the date notice was sent to Ofsted for a venue's year (office staff and admins).
    public func recordRegistrationNotice(as actor: Actor, venue: String, year: Int, sentOn: LocalDate, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .creche)
        let name = venue.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .fields([FieldIssue(field: "venue", message: "Say which venue the notice is for.")]) }
        guard sentOn <= LocalDateTime(now).date else {
            throw .fields([FieldIssue(field: "sent", message: "\(sentOn.inWords) is still to come: record the notice once it is sent.")])
        }
        try write { db in
            let known = try String.fetchAll(db, sql: "SELECT DISTINCT venue FROM meeting")
            guard let spelled = known.first(where: { NameMatch.fold($0) == NameMatch.fold(name) }) else {
                throw StoreError.fields([FieldIssue(field: "venue", message: "No meeting is at “\(name)”: give the venue as the meetings spell it.")])
            }
            let before = try String.fetchOne(db, sql: "SELECT sentOn FROM registrationNotice WHERE venue = ? AND year = ?", arguments: [spelled, year])
            try db.execute(sql: """
                INSERT INTO registrationNotice (venue, year, sentOn, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (venue, year) DO UPDATE SET sentOn = excluded.sentOn, recordedBy = excluded.recordedBy, recordedAt = excluded.recordedAt
                """, arguments: [spelled, year, sentOn.iso, actor.name, now.timeIntervalSince1970])
            try AuditLog.append(db, actor: actor, action: "registration notice", kind: "creche", recordID: nil,
                                changes: [FieldChange(field: "\(spelled) \(year)", before: before, after: sentOn.iso)], at: now)
        }
    }

    /// The long days of each venue in a year. A child's stay is their sessions joined back to
    /// back that day at the venue (booked), or from their first sign-in to their last sign-out
    /// once they have gone, whichever is longer; the limit is the rule in force on the day.
    static func venueYears(_ db: Database, year: Int, extra: (childID: Int64, meetingID: Int64)?) throws -> [VenueYear] {
        let rules = try registrationRules(db)
        struct Visit { var child: Int64; var session: CrecheSession; var inAt: Double?; var outAt: Double? }
        var visits: [Visit] = []
        var spelled: [String: String] = [:]
        func add(_ r: Row, child: Int64, inAt: Double?, outAt: Double?) {
            guard let day = LocalDate(iso: r["date"]), let s = TimeOfDay(minutes: r["startMinute"]),
                  let e = TimeOfDay(minutes: min(1439, r["endMinute"] as Int)) else { return }
            let venue: String = r["venue"]
            spelled[NameMatch.fold(venue)] = spelled[NameMatch.fold(venue)] ?? venue
            visits.append(Visit(child: child, session: CrecheSession(meetingID: r["id"], date: day, start: s, end: e, venue: venue), inAt: inAt, outAt: outAt))
        }
        let sessions = """
            SELECT m.id, m.date, m.startMinute, m.endMinute, m.venue FROM meeting m JOIN crechePlan p ON p.meetingId = m.id
            WHERE m.status <> 'cancelled' AND p.underTwoHours = 1 AND m.date BETWEEN ? AND ?
            """
        let range: StatementArguments = [String(format: "%04d-01-01", year), String(format: "%04d-12-31", year)]
        for r in try Row.fetchAll(db, sql: """
            SELECT s.*, b.childId, b.signedInAt, b.signedOutAt FROM (\(sessions)) s JOIN booking b ON b.meetingId = s.id
            """, arguments: range) {
            add(r, child: r["childId"], inAt: r["signedInAt"], outAt: r["signedOutAt"])
        }
        if let extra, let r = try Row.fetchOne(db, sql: "SELECT * FROM (\(sessions)) WHERE id = ?", arguments: range + [extra.meetingID]),
           !visits.contains(where: { $0.child == extra.childID && $0.session.meetingID == extra.meetingID }) {
            add(r, child: extra.childID, inAt: nil, outAt: nil)
        }
        var long: [String: Set<LocalDate>] = [:]
        for (key, group) in Dictionary(grouping: visits, by: { "\($0.child)|\($0.session.date.iso)|\(NameMatch.fold($0.session.venue))" }) {
            guard let day = group.first?.session.date else { continue }
            let venueKey = String(key.split(separator: "|", maxSplits: 2).last ?? "")
            let limit = RegistrationRule.inForce(on: day, among: rules)?.stayMinutes ?? TwoHourStay.limitMinutes
            let all = group.map { (v: Visit) in v.session }
            var longest = 0
            for session in all {
                let chain = CrecheStay.stay(containing: session.meetingID, among: all)
                longest = max(longest, CrecheStay.minutes(of: chain))
                // What happened: from the chain's first sign-in to its last sign-out (or now).
                let ids = Set(chain.map(\.meetingID))
                let here = group.filter { (v: Visit) in ids.contains(v.session.meetingID) }
                // A child still in counts as booked until they are signed out.
                let stillIn = here.contains { (v: Visit) in v.inAt != nil && v.outAt == nil }
                if !stillIn, let first = here.compactMap({ (v: Visit) in v.inAt }).min(), let last = here.compactMap({ (v: Visit) in v.outAt }).max() {
                    longest = max(longest, Int(((last - first) / 60.0).rounded(.down)))
                }
            }
            if longest > limit { long[venueKey, default: []].insert(day) }
        }
        let notices = try Row.fetchAll(db, sql: "SELECT venue, sentOn FROM registrationNotice WHERE year = ?", arguments: [year])
        var out: [VenueYear] = []
        let keys = Set(long.keys).union(notices.map { NameMatch.fold($0["venue"]) })
        for key in keys.sorted() {
            let notice = notices.first { NameMatch.fold($0["venue"]) == key }
            out.append(VenueYear(venue: spelled[key] ?? notice?["venue"] ?? key, year: year, longDays: Array(long[key] ?? []),
                                 noticeSentOn: (notice?["sentOn"] as String?).flatMap(LocalDate.init(iso:))))
        }
        return out
    }
}
