import Coproduction
import Foundation
import GRDB

/// What the store reads about one meeting for its checks: the facts, the register's counts
/// and the row's version.
struct MeetingRowFacts {
    /// The meeting, its crèche, its champions, pre-meetings, agenda, clashes, papers, access.
    var facts: MeetingFacts
    /// Named children in the crèche now, signed out, and not arrived yet.
    var register: (inNow: Int, signedOut: Int, toCome: Int)
    /// The row's version.
    var version: Int
}

/// What several meetings' facts share and what is read once for all of them: the
/// registration rules, each year's venue days, each venue's facilities.
struct MeetingFactsCache: Sendable {
    var rules: [RegistrationRule]?
    var venueYears: [Int: [VenueYear]] = [:]
    var venueOffers: [String: Set<AccessNeed>] = [:]
}

extension AppDatabase {
    /// The facts of many meetings at once, by id: a fixed number of set-based queries for
    /// the whole set (one per kind of fact), not one query per meeting, so a page of
    /// thousands costs little more than a page of twenty. Ids no longer there are left out.
    /// `cache` carries what does not change from page to page.
    static func meetingFacts(_ db: Database, ids: [Int64], actor: Actor, cache: inout MeetingFactsCache) throws -> [Int64: MeetingRowFacts] {
        guard !ids.isEmpty else { return [:] }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let page: StatementArguments = [list]
        func rows(_ sql: String) throws -> RowCursor {
            try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: page)
        }

        // The champions invited, and who confirmed.
        var champions: [Int64: (all: [Int64], confirmed: [Int64])] = [:]
        let invited = try rows("""
            SELECT meetingId, championId, response FROM meetingChampion
            WHERE meetingId IN (SELECT value FROM json_each(?)) ORDER BY meetingId, championId
            """)
        while let r = try invited.next() {
            let id: Int64 = r[0], champion: Int64 = r[1]
            champions[id, default: ([], [])].all.append(champion)
            if (r[2] as String) == "confirmed" { champions[id, default: ([], [])].confirmed.append(champion) }
        }

        // The meetings and their crèche plans, read by position into what the checks need (a
        // row kept and read by name would look its columns up one by one).
        struct Base {
            var meeting: Meeting
            var crèche: (roomCapacity: Int, underTwoHours: Bool, underTwo: Int, two: Int, threeAndOver: Int)?
            var version: Int
            /// The day as stored (ISO 8601), kept for working out ages without writing it again.
            var day: String
        }
        var base: [Int64: Base] = [:]
        let meetings = try rows("""
            SELECT m.id, m.kind, m.groupName, m.preparesId, m.title, m.date, m.startMinute, m.endMinute, m.venue, m.otherParents,
                   m.status, m.cancelReason, m.version,
                   c.meetingId, c.roomCapacity, c.underTwoHours, c.underTwo, c.two, c.threeAndOver
            FROM meeting m LEFT JOIN crechePlan c ON c.meetingId = m.id WHERE m.id IN (SELECT value FROM json_each(?))
            """)
        while let r = try meetings.next() {
            let id: Int64 = r[0]
            let kind = MeetingKind(code: r[1], groupName: r[2], preparedMeetingID: r[3]) ?? .serviceDesign
            let who = champions[id] ?? ([], [])
            let meeting = Meeting(id: id, kind: kind, title: r[4], date: LocalDate(iso: r[5]) ?? LocalDate(year: 1970, month: 1, day: 1)!,
                                  start: TimeOfDay(minutes: r[6]) ?? TimeOfDay(minutes: 0)!,
                                  end: TimeOfDay(minutes: min(1439, r[7] as Int)) ?? TimeOfDay(minutes: 0)!,
                                  venue: r[8], championIDs: who.all, confirmed: who.confirmed, otherParents: r[9],
                                  status: MeetingStatus(rawValue: r[10] ?? "planned") ?? .planned, cancelReason: r[11])
            let crèche = (r[13] as Int64?) == nil ? nil : (roomCapacity: r[14] as Int, underTwoHours: (r[15] as Bool?) ?? true,
                                                         underTwo: r[16] as Int, two: r[17] as Int, threeAndOver: r[18] as Int)
            base[id] = Base(meeting: meeting, crèche: crèche, version: r[12], day: r[5])
        }
        guard !base.isEmpty else { return [:] }

        // The checks accepted as failing: for the meeting itself, or for its whole series (the
        // meeting's own acceptance of a check comes last, so it is the one kept).
        var accepted: [Int64: [Barrier: AcceptedCheck]] = [:]
        let acceptances = try rows("""
            SELECT m.id, a.barrier, a.reason, a.recordedBy, a.recordedAt, 1 AS series
            FROM meeting m JOIN acceptedCheck a ON a.seriesId = m.seriesId WHERE m.id IN (SELECT value FROM json_each(?1))
            UNION ALL
            SELECT m.id, a.barrier, a.reason, a.recordedBy, a.recordedAt, 0 AS series
            FROM meeting m JOIN acceptedCheck a ON a.meetingId = m.id WHERE m.id IN (SELECT value FROM json_each(?1))
            ORDER BY series DESC
            """)
        while let r = try acceptances.next() {
            guard let barrier = Barrier(code: r[1]) else { continue }
            accepted[r[0], default: [:]][barrier] = AcceptedCheck(barrier: barrier, reason: r[2], acceptedBy: r[3],
                                                                  acceptedOn: LocalDateTime(Date(timeIntervalSince1970: r[4])).date,
                                                                  wholeSeries: (r[5] as Int) == 1)
        }

        // Named children by age band on the day, and where the register stands. The age is
        // worked out here from the two days' text: in SQL it cost six times the reading.
        var bands: [Int64: (Int, Int, Int, Int, Int, Int)] = [:]
        let booked = try rows("""
            SELECT b.meetingId, k.dateOfBirth, b.signedInAt IS NOT NULL, b.signedOutAt IS NOT NULL
            FROM booking b JOIN child k ON k.id = b.childId WHERE b.meetingId IN (SELECT value FROM json_each(?))
            """)
        while let r = try booked.next() {
            let id: Int64 = r[0]
            guard let day = base[id]?.day else { continue }
            let age = Self.age(on: day, bornOn: r[1])
            let signedIn: Bool = r[2], signedOut: Bool = r[3]
            var c = bands[id] ?? (0, 0, 0, 0, 0, 0)
            if age < 2 { c.0 += 1 } else if age == 2 { c.1 += 1 } else { c.2 += 1 }
            if signedIn && !signedOut { c.3 += 1 }
            if signedOut { c.4 += 1 }
            if !signedIn { c.5 += 1 }
            bands[id] = c
        }

        // The rota, with what the register of staff holds about each person.
        var rota: [Int64: [StaffMember]] = [:]
        let staff = try rows("""
            SELECT s.meetingId, s.name, s.level, s.firstAid, r.id AS rid, r.firstAidKind, r.firstAidOn, r.dateOfBirth, r.seventeenOrOver,
                   r.fullAndRelevant, r.qualifiedOn, r.student, r.competent, r.safeguardingOn, r.dbsOn
            FROM crecheStaff s LEFT JOIN staffMember r ON r.id = s.staffMemberId
            WHERE s.meetingId IN (SELECT value FROM json_each(?)) ORDER BY s.meetingId, s.id
            """)
        while let r = try staff.next() {
            // By position: 0 meeting, 1 name, 2 level, 3 first aid, 4 register id, then the register's fields.
            var member = StaffMember(id: r[4] ?? 0, name: r[1], level: r[2], paediatricFirstAid: r[3])
            if (r[4] as Int64?) != nil {
                member.firstAid = (r[5] as String?).flatMap(FirstAidCertificate.init(rawValue:)) ?? member.firstAid
                member.firstAidOn = (r[6] as String?).flatMap(LocalDate.init(iso:))
                member.dateOfBirth = (r[7] as String?).flatMap(LocalDate.init(iso:))
                member.seventeenOrOver = (r[8] as Int?) == 1
                member.fullAndRelevant = (r[9] as Int?) != 0
                member.qualifiedOn = (r[10] as String?).flatMap(LocalDate.init(iso:))
                member.student = (r[11] as Int?) == 1
                member.competent = (r[12] as Int?) == 1
                member.safeguardingOn = (r[13] as String?).flatMap(LocalDate.init(iso:))
                member.dbsOn = (r[14] as String?).flatMap(LocalDate.init(iso:))
            }
            rota[r[0], default: []].append(member)
        }

        // The days of the pre-meetings that prepare each.
        var preDates: [Int64: [LocalDate]] = [:]
        let pre = try rows("""
            SELECT preparesId, date FROM meeting
            WHERE preparesId IN (SELECT value FROM json_each(?)) AND status <> 'cancelled' ORDER BY preparesId, id
            """)
        while let r = try pre.next() { if let day = LocalDate(iso: r[1]) { preDates[r[0], default: []].append(day) } }

        // The agendas.
        var agenda: [Int64: [AgendaItem]] = [:]
        let items = try rows("""
            SELECT meetingId, id, title, summary FROM agendaItem
            WHERE meetingId IN (SELECT value FROM json_each(?)) ORDER BY meetingId, position
            """)
        while let r = try items.next() { agenda[r[0], default: []].append(AgendaItem(id: r[1], title: r[2], summary: r[3])) }

        // The papers sent.
        var papers: [Int64: [PaperSent]] = [:]
        let sent = try rows("""
            SELECT meetingId, championId, format, sentOn FROM paperSent
            WHERE meetingId IN (SELECT value FROM json_each(?)) ORDER BY meetingId, championId
            """)
        while let r = try sent.next() {
            guard let format = PaperFormat(rawValue: r[2]), let day = LocalDate(iso: r[3]) else { continue }
            papers[r[0], default: []].append(PaperSent(championID: r[1], format: format, sentOn: day))
        }

        // Clashes: other meetings on the same days at overlapping times, at the same venue or
        // with one of the same champions going. Every meeting of the page's days is read once
        // (with who is going to each) and the clashes found among them, rather than a query
        // per meeting.
        struct Other { var id: Int64; var title: String; var start: Int; var end: Int; var venue: String; var cancelled: Bool }
        var days: [String: [Other]] = [:]
        let sameDays = "SELECT DISTINCT date FROM meeting WHERE id IN (SELECT value FROM json_each(?))"
        let others = try rows("SELECT id, title, date, startMinute, endMinute, venue, status FROM meeting WHERE date IN (\(sameDays))")
        while let r = try others.next() {
            days[r[2], default: []].append(Other(id: r[0], title: r[1], start: r[3], end: r[4], venue: Self.sqlFold(r[5]),
                                                 cancelled: (r[6] as String) == "cancelled"))
        }
        var going: [Int64: [(champion: Int64, name: String)]] = [:]
        let goers = try rows("""
            SELECT mc.meetingId, mc.championId, ch.name FROM meeting o JOIN meetingChampion mc ON mc.meetingId = o.id
            JOIN champion ch ON ch.id = mc.championId
            WHERE o.date IN (\(sameDays)) AND mc.response <> 'apologies' ORDER BY mc.meetingId, mc.championId
            """)
        while let r = try goers.next() { going[r[0], default: []].append((r[1], r[2])) }
        // Each day's meetings in the two orders the clashes are listed in: by time (venues) and
        // by id (champions), sorted once.
        var byTime: [String: [Other]] = [:], byID: [String: [Other]] = [:]
        for (day, list) in days {
            byTime[day] = list.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            byID[day] = list.sorted { $0.id < $1.id }
        }
        func clashes(_ m: Meeting) -> [Clash] {
            guard m.status != .cancelled, let day = byTime[m.date.iso], let ordered = byID[m.date.iso] else { return [] }
            let start = m.start.minutes, end = m.end.minutes
            func overlaps(_ o: Other) -> Bool { o.id != m.id && !o.cancelled && o.start < end && start < o.end }
            func times(_ o: Other) -> String {
                "\(TimeOfDay(minutes: o.start) ?? TimeOfDay(minutes: 0)!)–\(TimeOfDay(minutes: min(1439, o.end)) ?? TimeOfDay(minutes: 0)!)"
            }
            var found: [Clash] = []
            let key = Self.sqlFold(m.venue)
            if !key.isEmpty {
                for o in day where o.venue == key && overlaps(o) {
                    found.append(Clash(shared: .venue(m.venue), otherID: o.id, otherTitle: o.title, otherTimes: times(o)))
                }
            }
            for person in going[m.id] ?? [] {
                for o in ordered where overlaps(o) && going[o.id]?.contains(where: { $0.champion == person.champion }) == true {
                    found.append(Clash(shared: .champion(person.name), otherID: o.id, otherTitle: o.title, otherTimes: times(o)))
                }
            }
            return found
        }

        // Children booked here and into other sessions at the venue that day (which may join
        // this one into a longer stay).
        var stays: [Int64: [(child: Int64, name: String, other: Int64, start: Int, end: Int)]] = [:]
        let joined = try rows("""
            SELECT m.id AS mid, b.childId AS c, k.firstName AS n, o.id AS o, o.startMinute AS s, o.endMinute AS e
            FROM meeting m CROSS JOIN crechePlan cp CROSS JOIN meeting o CROSS JOIN booking ob CROSS JOIN booking b CROSS JOIN child k
            WHERE m.id IN (SELECT value FROM json_each(?)) AND cp.meetingId = m.id AND cp.underTwoHours
              AND m.status <> 'cancelled' AND trim(m.venue) <> ''
              AND o.date = m.date AND lower(trim(o.venue)) = lower(trim(m.venue)) AND o.id <> m.id AND o.status <> 'cancelled'
              AND ob.meetingId = o.id AND b.meetingId = m.id AND b.childId = ob.childId AND k.id = b.childId
            ORDER BY m.id, b.childId, o.id
            """)
        while let r = try joined.next() { stays[r[0], default: []].append((r[1], r[2], r[3], r[4], r[5])) }

        var result: [Int64: MeetingRowFacts] = [:]
        result.reserveCapacity(base.count)
        for (id, read) in base {
            let meeting = read.meeting
            let counts = bands[id] ?? (0, 0, 0, 0, 0, 0)
            var plan: CrechePlan?
            if let held = read.crèche {
                let crew = rota[id] ?? []
                plan = CrechePlan(booked: [.underTwo: held.underTwo + counts.0, .two: held.two + counts.1, .threeAndOver: held.threeAndOver + counts.2],
                                  staffBooked: crew.count, roomCapacity: held.roomCapacity,
                                  level6WithOlderGroup: crew.contains { $0.level == 6 }, firstAidBooked: crew.contains { $0.paediatricFirstAid })
                plan?.underTwoHours = held.underTwoHours
                plan?.rota = crew
            }
            var facts = MeetingFacts(meeting: meeting, creche: plan, preMeetingDates: preDates[id] ?? [], agenda: agenda[id] ?? [],
                                     clashes: clashes(meeting),
                                     longestStay: longestStay(stays[id] ?? [], meeting: meeting))
            facts.papers = papers[id] ?? []
            facts.accepted = accepted[id] ?? [:]
            facts.registration = try registrationStanding(db, facts, cache: &cache)
            result[id] = MeetingRowFacts(facts: facts, register: (counts.3, counts.4, counts.5), version: read.version)
        }
        try addAccessFacts(db, to: &result, actor: actor, cache: &cache)
        return result
    }

    /// Whole years from `born` to `day` (both ISO 8601 text, YYYY-MM-DD), as ``ageOnMeetingDay``
    /// works it out in SQL: the difference of the years, less one when the birthday (month
    /// and day) is still to come.
    static func age(on day: String, bornOn born: String) -> Int {
        func year(_ text: String.UTF8View) -> Int {
            text.prefix(4).reduce(0) { $0 * 10 + Int($1) - 48 }
        }
        let later = day.utf8.dropFirst(5).lexicographicallyPrecedes(born.utf8.dropFirst(5)) ? 1 : 0
        return year(day.utf8) - year(born.utf8) - later
    }

    /// A venue as SQLite's `lower(trim(venue))` has it: spaces trimmed from both ends and
    /// ASCII letters lowered (the key the venue index and the clash check have always used).
    static func sqlFold(_ text: String) -> String {
        var bytes = Array(text.utf8)
        while bytes.last == 0x20 { bytes.removeLast() }
        let first = bytes.firstIndex { $0 != 0x20 } ?? bytes.count
        return String(decoding: bytes[first...].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The longest stay of a child booked here and into sessions joined to this one back to
    /// back at the venue (nil when no child is booked into such sessions).
    static func longestStay(_ rows: [(child: Int64, name: String, other: Int64, start: Int, end: Int)], meeting m: Meeting) -> LongestStay? {
        guard !rows.isEmpty else { return nil }
        let own = CrecheSession(meetingID: m.id, date: m.date, start: m.start, end: m.end, venue: m.venue)
        var longest: LongestStay?
        for (_, visits) in Dictionary(grouping: rows, by: \.child).sorted(by: { $0.key < $1.key }) {
            let sessions = visits.compactMap { r -> CrecheSession? in
                guard let s = TimeOfDay(minutes: r.start), let e = TimeOfDay(minutes: min(1439, r.end)) else { return nil }
                return CrecheSession(meetingID: r.other, date: m.date, start: s, end: e, venue: m.venue)
            }
            let stay = CrecheStay.stay(containing: m.id, among: [own] + sessions)
            let minutes = CrecheStay.minutes(of: stay)
            if stay.count > 1, minutes > (longest?.minutes ?? 0) {
                longest = LongestStay(childName: visits[0].name, minutes: minutes, sessions: stay.count)
            }
        }
        return longest
    }

    /// Where a meeting's day stands against the registration exemptions, when a child would
    /// stay longer than the rule allows in its crèche (not registered); nil otherwise. The
    /// rules and each year's venue days are read once into `cache`.
    static func registrationStanding(_ db: Database, _ facts: MeetingFacts, cache: inout MeetingFactsCache) throws -> RegistrationStanding? {
        guard let plan = facts.creche, plan.underTwoHours, plan.totalChildren > 0 else { return nil }
        let m = facts.meeting
        if cache.rules == nil { cache.rules = try registrationRules(db) }
        let rule = RegistrationRule.inForce(on: m.date, among: cache.rules ?? []) ?? RegistrationRule(effectiveFrom: m.date)
        guard m.end.minutes - m.start.minutes > rule.stayMinutes || (facts.longestStay?.minutes ?? 0) > rule.stayMinutes else { return nil }
        if cache.venueYears[m.date.year] == nil { cache.venueYears[m.date.year] = try venueYears(db, year: m.date.year, extra: nil) }
        let year = cache.venueYears[m.date.year]?.first { NameMatch.fold($0.venue) == NameMatch.fold(m.venue) }
        // Places held without names count too: the day is long whoever is booked.
        var use = year ?? VenueYear(venue: m.venue, year: m.date.year, longDays: [])
        if !use.longDays.contains(m.date) { use = VenueYear(venue: use.venue, year: use.year, longDays: use.longDays + [m.date], noticeSentOn: use.noticeSentOn) }
        let (status, words) = use.status(on: m.date, rule)
        return RegistrationStanding(status: status, words: words)
    }

    /// What the Access check reads for each meeting with confirmed champions: their needs
    /// (named only for readers allowed them: the office and admins, or the champion
    /// themselves), what the venue offers, what is arranged. Two queries for the whole set.
    static func addAccessFacts(_ db: Database, to result: inout [Int64: MeetingRowFacts], actor: Actor, cache: inout MeetingFactsCache) throws {
        let confirmed = Set(result.values.flatMap(\.facts.meeting.confirmedChampionIDs))
        guard !confirmed.isEmpty else { return }
        let all = AccessPolicy.scope(actor.role, .read, .accessNeed) == .all
        var needs: [(champion: Int64, need: PersonNeed)] = []
        for r in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.championId, c.name, a.need, a.language FROM accessNeed a JOIN champion c ON c.id = a.championId
            WHERE a.championId IN (SELECT value FROM json_each(?)) ORDER BY c.name, a.id
            """), arguments: ["[" + confirmed.map(String.init).joined(separator: ",") + "]"]) {
            guard let need = AccessNeed(rawValue: r["need"]) else { continue }
            let champion: Int64 = r["championId"]
            let mine = actor.championID == champion
            needs.append((champion, PersonNeed(person: all || mine ? r["name"] : nil, need: need, language: r["language"])))
        }
        guard !needs.isEmpty else { return }
        let needy = Set(needs.map(\.champion))
        let withNeeds = result.values.filter { $0.facts.meeting.confirmedChampionIDs.contains(where: needy.contains) }.map(\.facts.meeting.id)
        guard !withNeeds.isEmpty else { return }
        var arranged: [Int64: [Arrangement]] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT meetingId, need, language, note FROM meetingArrangement WHERE meetingId IN (SELECT value FROM json_each(?)) ORDER BY id
            """), arguments: ["[" + withNeeds.map(String.init).joined(separator: ",") + "]"]) {
            guard let need = AccessNeed(rawValue: r["need"]) else { continue }
            arranged[r["meetingId"], default: []].append(Arrangement(need: need, language: r["language"], note: r["note"]))
        }
        for id in withNeeds {
            guard let m = result[id]?.facts.meeting else { continue }
            let people = Set(m.confirmedChampionIDs)
            let theirs = needs.filter { people.contains($0.champion) }.map(\.need)
            if cache.venueOffers[m.venue] == nil { cache.venueOffers[m.venue] = try venueOffers(db, m.venue) }
            result[id]?.facts.access = AccessFacts(needs: theirs, venueOffers: cache.venueOffers[m.venue] ?? [], arrangements: arranged[id] ?? [])
        }
    }
}
