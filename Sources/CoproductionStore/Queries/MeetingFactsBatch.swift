import Coproduction
import Foundation
import GRDB

/// What the store reads about one meeting for its checks: the facts, the register's counts
/// and the row's version.
struct MeetingRowFacts: Sendable {
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
    /// Whether any check has been accepted as failing (nil: not looked yet); with none, a
    /// page reads no acceptances.
    var anyAccepted: Bool?
    /// Whether anyone has an access need recorded (nil: not looked yet); with none, the
    /// Access check has nothing to read.
    var anyAccessNeeds: Bool?
    /// What the register of staff holds about each person on a rota, by register id, read
    /// once for them all rather than once for every session they work: the certificate the
    /// register names (nil: none named, so the rota's own answer stands) and the rest.
    var staffRegister: [Int64: (firstAid: FirstAidCertificate?, held: StaffMember)] = [:]
}

extension AppDatabase {
    /// The facts of many meetings at once, by id: a fixed number of set-based queries for
    /// the whole set (one per kind of fact), not one query per meeting, so a page of
    /// thousands costs little more than a page of twenty. Ids no longer there are left out.
    /// `cache` carries what does not change from page to page. `wholeDaysBetween` (first and
    /// last day, ISO 8601) says that every meeting on the days strictly between them is among
    /// `ids`, as on a page of a walk in date order: their other meetings need not be looked for.
    static func meetingFacts(_ db: Database, ids: [Int64], actor: Actor, cache: inout MeetingFactsCache,
                             wholeDaysBetween: (first: String, last: String)? = nil) throws -> [Int64: MeetingRowFacts] {
        guard !ids.isEmpty else { return [:] }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let page: StatementArguments = [list]
        func rows(_ sql: String) throws -> RowCursor {
            try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: page)
        }

        // The champions invited, who confirmed, and who is going (not sent apologies), for
        // the clashes below. They come a meeting at a time, so each meeting's lists are stored
        // once, when the next meeting's begin; where everyone invited has confirmed (or is
        // going), the lists are one list, not copies.
        var champions: [Int64: (all: [Int64], confirmed: [Int64])] = [:]
        var going: [Int64: [Int64]] = [:]
        champions.reserveCapacity(ids.count)
        going.reserveCapacity(ids.count)
        var invitedTo: Int64?, all: [Int64] = [], responses: [UInt8] = []
        func keepChampions() {
            guard let invitedTo else { return }
            // "confirmed", "invited" or "apologies", told apart by their first letter.
            func only(_ keep: (UInt8) -> Bool) -> [Int64] {
                responses.allSatisfy(keep) ? all : zip(all, responses).filter { keep($0.1) }.map(\.0)
            }
            champions[invitedTo] = (all, only { $0 == UInt8(ascii: "c") })
            let goers = only { $0 != UInt8(ascii: "a") }
            if !goers.isEmpty { going[invitedTo] = goers }
        }
        let invitations = try SQLiteRows(db, sql: """
            SELECT meetingId, championId, response FROM meetingChampion
            WHERE meetingId IN (SELECT value FROM json_each(?)) ORDER BY meetingId, championId
            """, arguments: page)
        while let r = try invitations.next() {
            let id = r.int64(0)
            if id != invitedTo {
                keepChampions()
                invitedTo = id
                all = []
                all.reserveCapacity(4)
                responses.removeAll(keepingCapacity: true)
            }
            all.append(r.int64(1))
            responses.append(r.bytes(2).first ?? 0)
        }
        keepChampions()

        // The meetings and their crèche plans, read by position into what the checks need (a
        // row kept and read by name would look its columns up one by one).
        struct Base {
            var meeting: Meeting
            var crèche: (roomCapacity: Int, underTwoHours: Bool, underTwo: Int, two: Int, threeAndOver: Int)?
            var version: Int
            /// The day as stored (ISO 8601), kept for working out ages without writing it again.
            var day: String
            /// The venue as the venue index has it (`lower(trim(venue))`), for clashes and stays.
            var venueKey: String
        }
        var base: [Int64: Base] = [:]
        base.reserveCapacity(ids.count)
        let meetings = try SQLiteRows(db, sql: """
            SELECT m.id, m.kind, m.groupName, m.preparesId, m.title, m.date, m.startMinute, m.endMinute, m.venue, m.otherParents,
                   m.status, m.cancelReason, m.version,
                   c.meetingId, c.roomCapacity, c.underTwoHours, c.underTwo, c.two, c.threeAndOver, lower(trim(m.venue))
            FROM meeting m LEFT JOIN crechePlan c ON c.meetingId = m.id WHERE m.id IN (SELECT value FROM json_each(?))
            """, arguments: page)
        while let r = try meetings.next() {
            let id = r.int64(0)
            let kind = MeetingKind(code: r.text(1), groupName: r.optionalText(2), preparedMeetingID: r.optionalInt64(3)) ?? .serviceDesign
            let who = champions[id] ?? ([], [])
            let day = r.text(5)
            let meeting = Meeting(id: id, kind: kind, title: r.text(4), date: LocalDate(iso: day) ?? LocalDate(year: 1970, month: 1, day: 1)!,
                                  start: TimeOfDay(minutes: r.int(6)) ?? TimeOfDay(minutes: 0)!,
                                  end: TimeOfDay(minutes: min(1439, r.int(7))) ?? TimeOfDay(minutes: 0)!,
                                  venue: r.text(8), championIDs: who.all, confirmed: who.confirmed, otherParents: r.int(9),
                                  status: MeetingStatus(rawValue: r.optionalText(10) ?? "planned") ?? .planned, cancelReason: r.optionalText(11))
            let crèche = r.isNull(13) ? nil : (roomCapacity: r.int(14), underTwoHours: r.isNull(15) || r.int(15) != 0,
                                               underTwo: r.int(16), two: r.int(17), threeAndOver: r.int(18))
            base[id] = Base(meeting: meeting, crèche: crèche, version: r.int(12), day: day, venueKey: r.text(19))
        }
        guard !base.isEmpty else { return [:] }

        // The checks accepted as failing: for the meeting itself, or for its whole series (the
        // meeting's own acceptance of a check comes last, so it is the one kept).
        var accepted: [Int64: [Barrier: AcceptedCheck]] = [:]
        if cache.anyAccepted == nil { cache.anyAccepted = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM acceptedCheck)") ?? true }
        if cache.anyAccepted == true {
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
        }

        // Named children by age band on the day, and where the register stands, from the
        // register index alone (each booking carries its child's date of birth, kept by
        // triggers). The age is worked out here from the two days' bytes: in SQL it cost six
        // times the reading. The bookings come a meeting at a time (in the order of the index
        // they are read from), so each meeting's counts are kept as they come and stored once,
        // when the next begins. Which children are booked is kept too, for the stays joined
        // across sessions below. A million rows at ten times the large demo.
        var bands: [Int64: (Int, Int, Int, Int, Int, Int)] = [:]
        var children: [Int64: [Int64]] = [:]
        bands.reserveCapacity(base.count)
        children.reserveCapacity(base.count)
        var current: Int64?, day: [UInt8] = [], counts = (0, 0, 0, 0, 0, 0), booking: [Int64] = []
        func store() {
            guard let current else { return }
            bands[current] = counts
            children[current, default: []] += booking
        }
        let bookings = try SQLiteRows(db, sql: """
            SELECT b.meetingId, b.childId, ifnull(b.bornOn, (SELECT dateOfBirth FROM child WHERE id = b.childId)),
                   b.signedInAt IS NOT NULL, b.signedOutAt IS NOT NULL
            FROM booking b WHERE b.meetingId IN (SELECT value FROM json_each(?))
            """, arguments: page)
        while let r = try bookings.next() {
            let id = r.int64(0)
            if id != current {
                store()
                current = id
                day = Array((base[id]?.day ?? "").utf8)
                counts = bands[id] ?? (0, 0, 0, 0, 0, 0)
                booking.removeAll(keepingCapacity: true)
            }
            let age = Self.age(on: day, bornOn: r.bytes(2))
            let signedIn = r.int(3) != 0, signedOut = r.int(4) != 0
            if age < 2 { counts.0 += 1 } else if age == 2 { counts.1 += 1 } else { counts.2 += 1 }
            if signedIn && !signedOut { counts.3 += 1 }
            if signedOut { counts.4 += 1 }
            if !signedIn { counts.5 += 1 }
            booking.append(r.int64(1))
        }
        store()

        // The rota, with what the register of staff holds about each person (read once per
        // person into the cache).
        var rota: [Int64: [StaffMember]] = [:]
        var unknown = Set<Int64>()
        var onRota: [(meeting: Int64, name: String, level: Int, firstAid: Bool, register: Int64?)] = []
        let onRotas = try SQLiteRows(db, sql: """
            SELECT s.meetingId, s.name, s.level, s.firstAid, s.staffMemberId FROM crecheStaff s
            WHERE s.meetingId IN (SELECT value FROM json_each(?)) ORDER BY s.meetingId, s.id
            """, arguments: page)
        while let r = try onRotas.next() {
            let register = r.optionalInt64(4)
            if let register, cache.staffRegister.index(forKey: register) == nil { unknown.insert(register) }
            onRota.append((r.int64(0), r.text(1), r.int(2), r.int(3) != 0, register))
        }
        if !unknown.isEmpty {
            let registers = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id, firstAidKind, firstAidOn, dateOfBirth, seventeenOrOver, fullAndRelevant, qualifiedOn, student, competent,
                       safeguardingOn, dbsOn
                FROM staffMember WHERE id IN (SELECT value FROM json_each(?))
                """), arguments: ["[" + unknown.map(String.init).joined(separator: ",") + "]"])
            while let r = try registers.next() {
                // By position: 0 register id, then the register's fields (name, level and first
                // aid come from the rota).
                var member = StaffMember(id: r[0], name: "", level: 0, paediatricFirstAid: false)
                member.firstAidOn = (r[2] as String?).flatMap(LocalDate.init(iso:))
                member.dateOfBirth = (r[3] as String?).flatMap(LocalDate.init(iso:))
                member.seventeenOrOver = (r[4] as Int?) == 1
                member.fullAndRelevant = (r[5] as Int?) != 0
                member.qualifiedOn = (r[6] as String?).flatMap(LocalDate.init(iso:))
                member.student = (r[7] as Int?) == 1
                member.competent = (r[8] as Int?) == 1
                member.safeguardingOn = (r[9] as String?).flatMap(LocalDate.init(iso:))
                member.dbsOn = (r[10] as String?).flatMap(LocalDate.init(iso:))
                cache.staffRegister[r[0]] = ((r[1] as String?).flatMap(FirstAidCertificate.init(rawValue:)), member)
            }
        }
        // The entries come a meeting at a time; each meeting's crew is stored once.
        rota.reserveCapacity(base.count)
        var crewOf: Int64?, crew: [StaffMember] = []
        for entry in onRota {
            if entry.meeting != crewOf {
                if let crewOf { rota[crewOf] = crew }
                crewOf = entry.meeting
                crew = []
                crew.reserveCapacity(4)
            }
            var member = StaffMember(id: 0, name: entry.name, level: entry.level, paediatricFirstAid: entry.firstAid)
            if let register = entry.register, let (firstAid, held) = cache.staffRegister[register] {
                member.id = register
                member.firstAid = firstAid ?? member.firstAid
                member.firstAidOn = held.firstAidOn
                member.dateOfBirth = held.dateOfBirth
                member.seventeenOrOver = held.seventeenOrOver
                member.fullAndRelevant = held.fullAndRelevant
                member.qualifiedOn = held.qualifiedOn
                member.student = held.student
                member.competent = held.competent
                member.safeguardingOn = held.safeguardingOn
                member.dbsOn = held.dbsOn
            }
            crew.append(member)
        }
        if let crewOf { rota[crewOf] = crew }

        // The days of the pre-meetings that prepare each.
        var preDates: [Int64: [LocalDate]] = [:]
        let preMeetings = try SQLiteRows(db, sql: """
            SELECT preparesId, date FROM meeting
            WHERE preparesId IN (SELECT value FROM json_each(?)) AND status <> 'cancelled' ORDER BY preparesId, id
            """, arguments: page)
        while let r = try preMeetings.next() {
            if let day = LocalDate(iso: r.text(1)) { preDates[r.int64(0), default: []].append(day) }
        }

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
        // with one of the same champions going. The page's own meetings are read already;
        // the rest of their days' meetings (with who is going to each) are read once, and all
        // are grouped by day and venue and by champion, so each meeting looks only at those
        // it could clash with, rather than a query per meeting.
        struct Other { var id: Int64; var day: String; var title: String; var start: Int; var end: Int; var venue: String; var cancelled: Bool }
        struct DayVenue: Hashable { var day: String; var venue: String }
        var sameDay: [Int64: Other] = [:]
        sameDay.reserveCapacity(base.count)
        for (id, read) in base {
            let m = read.meeting
            sameDay[id] = Other(id: id, day: read.day, title: m.title, start: m.start.minutes, end: m.end.minutes, venue: read.venueKey,
                                cancelled: m.status == .cancelled)
        }
        // The rest of the page's days' meetings: their ids from the date index, then the
        // few not on the page read by id. Days wholly on the page are not looked at.
        let partDays = Set(base.values.map(\.day)).filter { day in !(wholeDaysBetween.map { $0.first < day && day < $0.last } ?? false) }
        var rest: [Int64] = []
        if !partDays.isEmpty {
            let days = "[" + partDays.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            let onDays = try SQLiteRows(db, sql: "SELECT id FROM meeting WHERE date IN (SELECT value FROM json_each(?))", arguments: [days])
            while let r = try onDays.next() {
                let id = r.int64(0)
                if base[id] == nil { rest.append(id) }
            }
        }
        // Each day's meetings at each venue, and the meetings each champion is going to on
        // those days (each list is put in order only where a clash is found).
        var byVenue: [DayVenue: [Other]] = [:]
        var byChampion: [Int64: [Other]] = [:]
        for (id, people) in going {
            guard let other = sameDay[id] else { continue }
            for champion in people { byChampion[champion, default: []].append(other) }
        }
        if !rest.isEmpty {
            let list: StatementArguments = ["[" + rest.map(String.init).joined(separator: ",") + "]"]
            let others = try SQLiteRows(db, sql: """
                SELECT id, title, date, startMinute, endMinute, lower(trim(venue)), status = 'cancelled' FROM meeting
                WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: list)
            while let r = try others.next() {
                let id = r.int64(0)
                sameDay[id] = Other(id: id, day: r.text(2), title: r.text(1), start: r.int(3), end: r.int(4), venue: r.text(5), cancelled: r.int(6) != 0)
            }
            let goers = try SQLiteRows(db, sql: """
                SELECT meetingId, championId FROM meetingChampion WHERE meetingId IN (SELECT value FROM json_each(?)) AND response <> 'apologies'
                """, arguments: list)
            while let r = try goers.next() {
                if let other = sameDay[r.int64(0)] { byChampion[r.int64(1), default: []].append(other) }
            }
        }
        for other in sameDay.values where !other.venue.isEmpty { byVenue[DayVenue(day: other.day, venue: other.venue), default: []].append(other) }
        // Each meeting's clashes, with the champion by id (named once all are found).
        var clashing: [Int64: [(champion: Int64?, other: Other)]] = [:]
        for (id, read) in base where read.meeting.status != .cancelled {
            guard let me = sameDay[id] else { continue }
            let start = me.start, end = me.end
            func overlaps(_ o: Other) -> Bool { o.id != id && o.day == me.day && !o.cancelled && o.start < end && start < o.end }
            // At the venue by time, then each champion's (in the order of their ids) by the
            // other meeting's id.
            var found: [(champion: Int64?, other: Other)] = []
            if !me.venue.isEmpty {
                let here = (byVenue[DayVenue(day: me.day, venue: me.venue)] ?? []).filter(overlaps)
                found += here.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map { (nil, $0) }
            }
            for champion in going[id] ?? [] {
                let theirs = (byChampion[champion] ?? []).filter(overlaps)
                found += theirs.sorted { $0.id < $1.id }.map { (champion, $0) }
            }
            if !found.isEmpty { clashing[id] = found }
        }
        var championNames: [Int64: String] = [:]
        let named = Set(clashing.values.flatMap { $0.compactMap(\.champion) })
        if !named.isEmpty {
            let names = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, name FROM champion WHERE id IN (SELECT value FROM json_each(?))"),
                                            arguments: ["[" + named.map(String.init).joined(separator: ",") + "]"])
            while let r = try names.next() { championNames[r[0]] = r[1] }
        }
        func clashes(_ m: Meeting) -> [Clash] {
            func times(_ o: Other) -> String {
                "\(TimeOfDay(minutes: o.start) ?? TimeOfDay(minutes: 0)!)–\(TimeOfDay(minutes: min(1439, o.end)) ?? TimeOfDay(minutes: 0)!)"
            }
            return (clashing[m.id] ?? []).map { found in
                Clash(shared: found.champion.map { .champion(championNames[$0] ?? "") } ?? .venue(m.venue),
                      otherID: found.other.id, otherTitle: found.other.title, otherTimes: times(found.other))
            }
        }

        // Children booked here and into other sessions at the venue that day (which may join
        // this one into a longer stay): for a crèche under the two-hour rule, each other
        // meeting that day at the venue, not cancelled, and the children booked into both. The
        // day's meetings and this page's bookings are read already; the bookings of other
        // days' pages' meetings (a page's first and last days) are read here.
        var partners: [(meeting: Int64, others: [Other])] = []
        for (id, read) in base where read.crèche?.underTwoHours == true && read.meeting.status != .cancelled && children[id] != nil {
            guard let me = sameDay[id], !me.venue.isEmpty else { continue }
            let others = (byVenue[DayVenue(day: me.day, venue: me.venue)] ?? []).filter { $0.id != id && !$0.cancelled }
            if !others.isEmpty { partners.append((id, others)) }
        }
        var stays: [Int64: [(child: Int64, name: String, other: Int64, start: Int, end: Int)]] = [:]
        if !partners.isEmpty {
            let elsewhere = Set(partners.flatMap { $0.others.map(\.id) }).filter { base[$0] == nil }
            if !elsewhere.isEmpty {
                let more = try Row.fetchCursor(db.cachedStatement(sql: """
                    SELECT meetingId, childId FROM booking WHERE meetingId IN (SELECT value FROM json_each(?))
                    """), arguments: ["[" + elsewhere.map(String.init).joined(separator: ",") + "]"])
                while let r = try more.next() { children[r[0], default: []].append(r[1]) }
            }
            var found: [(meeting: Int64, child: Int64, other: Other)] = []
            for (id, others) in partners {
                // A session's children are a handful: looked through, not hashed.
                let here = children[id] ?? []
                for other in others {
                    for child in children[other.id] ?? [] where here.contains(child) { found.append((id, child, other)) }
                }
            }
            if !found.isEmpty {
                var names: [Int64: String] = [:]
                let named = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, firstName FROM child WHERE id IN (SELECT value FROM json_each(?))"),
                                                arguments: ["[" + Set(found.map(\.child)).map(String.init).joined(separator: ",") + "]"])
                while let r = try named.next() { names[r[0]] = r[1] }
                for f in found.sorted(by: { ($0.meeting, $0.child, $0.other.id) < ($1.meeting, $1.child, $1.other.id) }) {
                    stays[f.meeting, default: []].append((f.child, names[f.child] ?? "", f.other.id, f.other.start, f.other.end))
                }
            }
        }

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

    /// ``age(on:bornOn:)-(String,String)`` on the two days' bytes as SQLite holds them (the
    /// loop over bookings reads them in place).
    static func age(on day: [UInt8], bornOn born: UnsafeBufferPointer<UInt8>) -> Int {
        guard day.count == 10, born.count == 10 else {
            return age(on: String(decoding: day, as: UTF8.self), bornOn: String(decoding: born, as: UTF8.self))
        }
        var dayYear = 0, bornYear = 0
        for i in 0..<4 {
            dayYear = dayYear * 10 + Int(day[i]) - 48
            bornYear = bornYear * 10 + Int(born[i]) - 48
        }
        var later = 0
        for i in 5..<10 where day[i] != born[i] {
            later = day[i] < born[i] ? 1 : 0
            break
        }
        return dayYear - bornYear - later
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
        if cache.anyAccessNeeds == nil { cache.anyAccessNeeds = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM accessNeed)") ?? true }
        guard cache.anyAccessNeeds == true else { return }
        var confirmed = Set<Int64>()
        for (_, read) in result { confirmed.formUnion(read.facts.meeting.confirmedChampionIDs) }
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
