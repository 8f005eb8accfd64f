import Coproduction
import Foundation
import GRDB

/// Writes the demonstration data: the six wards, their Parent Champions, eight weeks of
/// meetings around a given day (with pre-meetings, agendas and crèches), and a few meetings
/// that break the rules so the warnings show: a Service Design meeting at 15:00 (week 1), a
/// short-staffed crèche at the Board (week 1), a Task and Finish group with no champion and
/// no pre-meeting (week 2), jargon in an agenda (week 2), and the Board in week 5 sharing
/// its room with a pre-meeting (a clash). Deterministic: the same day gives the same data.
public enum DemoData {
    /// How much data to write.
    public enum Size: String, CaseIterable, Sendable {
        /// A dozen and more champions and about eight weeks of meetings: for trying the app.
        case small
        /// 10,000 meetings, 2,000 champions, 50,000 children with 100,000 crèche bookings,
        /// and 20,000 ideas: for benchmarks (times `scale`).
        case large
    }

    /// The tables that hold accounts or records (everything but settings and the glossary).
    static let recordTables = ["user", "area", "champion", "meeting", "child", "idea", "fundProposal", "material", "reward", "staffMember",
                               "audit"]

    /// Writes the demo data into a new database, in one transaction; refused when the file
    /// holds any account or record.
    public static func write(into database: AppDatabase, today: LocalDate, size: Size = .small, scale: Int = 1) throws(StoreError) {
        try database.write { db in
            // Only into a new file: never into one with accounts or any records, where the demo's
            // accounts (PIN 1234) and its no-sign-in mode would take over a real programme.
            let held = try Self.recordTables.filter { try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \($0))") ?? false }
            guard held.isEmpty else {
                throw StoreError.invalid("This file already holds \(held.contains("user") ? "accounts" : "records") (\(held.joined(separator: ", "))): "
                                         + "demo data goes only into a new file. Choose a new path with --db.")
            }
            // The demo is a programme already set up: its name in the title bar, no first run.
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('programme-name', 'A Better Start Southend'), ('first-run-done', 'yes')")
            // A number from Ofcom's range for drama, so nobody real is rung from the demo.
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('childrens-social-care-number', '01632 960123')")
            var areaIDs: [Int64] = []
            for (i, name) in Area.defaultWards.enumerated() {
                areaIDs.append(try RecordWrites.insertArea(db, name: name, position: i))
            }
            switch size {
            case .small: try writeSmall(db, today: today, areas: areaIDs)
            case .large: try writeLarge(db, today: today, areas: areaIDs, scale: max(1, scale))
            }
            if size == .small {
                try recordPastMeetings(db, today: today)
                try sendPapers(db, today: today)
                try recordAccess(db)
                try writeChildren(db, today: today)
                try writeChampionRecords(db, today: today)
                try writeIdeas(db, today: today)
                try writeProgramme(db, today: today)
            }
            try writeAccounts(db)
            // The demo crèche worker staffs today's sessions, so they see those children.
            try db.execute(sql: """
                UPDATE crecheStaff SET userId = (SELECT id FROM user WHERE name = 'Crèche Demo')
                WHERE name = 'Crèche Demo' AND meetingId IN (SELECT id FROM meeting WHERE date = ?)
                """, arguments: [today.iso])
            // Everyone on a rota is in the register of crèche staff, and their rota places
            // point to it; the demo worker's entry is linked to their account.
            // Each has what makes them count: age, when their level was gained, first aid,
            // safeguarding and DBS dates; Kerry Walsh's first aid runs out in 20 days, so the
            // set-up and the crèches near then flag it.
            for person in staff + [("Crèche Demo", 3, true)] {
                let d = records[person.name]!
                try db.execute(sql: """
                    INSERT INTO staffMember (name, level, firstAid, userId, firstAidKind, firstAidOn, dateOfBirth, seventeenOrOver,
                                             qualifiedOn, safeguardingOn, dbsOn)
                    VALUES (?, ?, ?, (SELECT id FROM user WHERE name = ? AND role = 'creche'), ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [person.name, person.level, person.firstAid, person.name, person.firstAid ? "full" : "none",
                                     person.firstAid ? d.firstAid(today).iso : nil, d.born, d.born == nil, d.qualified,
                                     today.adding(days: -d.safeguardingDaysAgo).iso, today.adding(days: -d.dbsDaysAgo).iso])
            }
            try db.execute(sql: "UPDATE crecheStaff SET staffMemberId = (SELECT id FROM staffMember s WHERE s.name = crecheStaff.name)")
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('demo', ?)", arguments: [size.rawValue])
        }
    }

    /// The demo database's admin: every command and the app sign in as this account.
    public static let adminName = "Demo Admin"
    /// The PIN of every demo account (demo databases only).
    public static let demoPIN = "1234"
    /// scrypt parameters for the demo accounts only.
    static let demoParameters = ScryptParameters(n: 1 << 10, r: 8, p: 1)

    /// The demo accounts, one per role, to try switching user.
    public static let accounts: [(name: String, role: Role)] = [
        (adminName, .admin), ("Office Demo", .office), ("Crèche Demo", .crecheStaff), ("Zoe Adams", .champion),
    ]

    private static func writeAccounts(_ db: Database) throws {
        let now = Date()
        for (name, role) in accounts {
            let championID = role == .champion
                ? try Int64.fetchOne(db, sql: "SELECT id FROM champion WHERE name = ? ORDER BY id LIMIT 1", arguments: [name])
                    ?? Int64.fetchOne(db, sql: "SELECT id FROM champion ORDER BY id LIMIT 1")
                : nil
            // The demo PIN is printed in the README, so its hash needs no strength: light
            // parameters (stored with the hash, like any other) keep demo start-up quick.
            _ = try AppDatabase.insertUser(db, name: name, role: role, championID: championID,
                                           hashed: try PassphraseHasher.hash(demoPIN, parameters: demoParameters), now: now)
        }
    }

    static let champions: [(name: String, area: Int, active: Bool)] = [
        ("Zoe Adams", 0, true), ("Priya Shah", 0, true), ("Hannah Clarke", 1, true),
        ("Aisha Bello", 1, true), ("Siobhán Murphy", 2, true), ("Laura Mitchell", 2, true),
        ("Grace Okafor", 3, true), ("Chloe Turner", 3, true), ("Sam Wright", 3, false),
        ("Fatima Rahman", 4, true), ("Emma Lewis", 4, true), ("Jade Cooper", 5, true),
        ("Kirsty Evans", 5, true), ("Nadia Kowalska", 5, true), ("Renée Dubois", 1, true),
    ]

    static let venues = ["Kursaal Children's Centre", "Centre Place, Milton", "Cambridge Road Family Centre",
                         "Shoeburyness Library", "Westborough Community Hall", "SAVS, Alexandra Street"]
    static let designTopics = ["Speech and language", "Mental health in pregnancy", "Healthy weight",
                               "Family nurse partnership", "Early literacy", "Home learning"]
    static let groups = ["Breastfeeding support", "Dads and male carers", "Community play", "Welcome packs"]

    static func time(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }

    private static func writeSmall(_ db: Database, today: LocalDate, areas: [Int64]) throws {
        var championIDs: [Int64] = []
        for (i, c) in champions.enumerated() {
            let trained = today.adding(days: -400 + i * 23)
            championIDs.append(try RecordWrites.insertChampion(db, name: c.name, areaID: areas[c.area],
                                                               trainedOn: trained, active: c.active))
        }
        let active = champions.indices.filter { champions[$0].active }.map { championIDs[$0] }
        var rotation = 0
        func pick(_ n: Int) -> [Int64] {
            defer { rotation += n }
            return (0..<n).map { active[(rotation + $0) % active.count] }
        }
        // Monday of this week; two weeks back and nine ahead, so eight full weeks are always upcoming.
        let monday = today.adding(days: -today.weekday.rawValue)
        for week in -2..<9 {
            let start = monday.adding(days: week * 7)
            var plans: [(Meeting, staffShort: Int, preMeeting: Bool)] = []
            if (week + 4) % 4 == 1 {
                let board = Meeting(id: 0, kind: .partnershipBoard, title: "Partnership Board", date: start.adding(days: 1),
                                       start: time(10, 0), end: time(12, 0), venue: venues[0],
                                       championIDs: pick(3), otherParents: 2)
                plans.append((board, staffShort: week == 1 ? 1 : 0, preMeeting: true))
            }
            let group = groups[(week + 8) % groups.count]
            plans.append((Meeting(id: 0, kind: .taskAndFinish(group: group), title: group, date: start.adding(days: 2),
                                     start: time(12, 30), end: time(14, 0), venue: venues[(week + 9) % venues.count],
                                     championIDs: week == 2 ? [] : pick(1), otherParents: 2),
                          staffShort: 0, preMeeting: week != 2))
            let topic = designTopics[(week + 12) % designTopics.count]
            let late = week == 1
            plans.append((Meeting(id: 0, kind: .serviceDesign, title: "Service Design: \(topic)", date: start.adding(days: 3),
                                     start: late ? time(15, 0) : time(10, 0), end: late ? time(16, 30) : time(12, 0),
                                     venue: venues[(week + 13) % venues.count], championIDs: pick(2), otherParents: 3),
                          staffShort: 0, preMeeting: true))
            for (plan, short, wantsPre) in plans where !isClosed(plan.date) {
                let id = try RecordWrites.insertMeeting(db, plan)
                try RecordWrites.setAgenda(db, meetingID: id, agenda(for: plan, week: week))
                try writeCreche(db, meetingID: id, crechePlan(for: plan, seed: Int(id), staffShort: short), seed: Int(id))
                guard wantsPre else { continue }
                var preDate = plan.date.adding(days: -2)
                while !preDate.weekday.isWeekday || isClosed(preDate) { preDate = preDate.adding(days: -1) }
                let pre = Meeting(id: 0, kind: .preMeeting(forMeeting: id), title: "Pre-meeting: \(plan.title)",
                                     date: preDate, start: time(9, 45), end: time(10, 45), venue: plan.venue,
                                     championIDs: plan.championIDs, otherParents: min(plan.otherParents, 1))
                let preID = try RecordWrites.insertMeeting(db, pre)
                try writeCreche(db, meetingID: preID, crechePlan(for: pre, seed: Int(preID), staffShort: 0), seed: Int(preID))
            }
        }
        // The finance committee every four weeks, a governance committee parents sit on too
        // (added last, so the other meetings keep their ids).
        // It is a series: one rule, every 4 weeks on the day, in the calendar as one.
        let firstFinance = monday.adding(days: -7 + 4)
        let financeRule = SeriesRule(.weekly(interval: 4), first: firstFinance, until: monday.adding(days: 7 * 7 + 4))
        try db.execute(sql: """
            INSERT INTO meetingSeries (recurrence, firstDate, untilDate, title, startMinute, endMinute, venue, uid)
            VALUES (?, ?, ?, 'Finance committee', ?, ?, ?, 'demo-finance-series@coproduce')
            """, arguments: [financeRule.recurrence.code, financeRule.first.iso, financeRule.until.iso, time(10, 0).minutes,
                             time(11, 30).minutes, venues[1]])
        let financeSeries = db.lastInsertedRowID
        for day in financeRule.occurrences {
            guard !isClosed(day) else { continue }
            let finance = Meeting(id: 0, kind: .committee(name: "Finance"), title: "Finance committee", date: day,
                                  start: time(10, 0), end: time(11, 30), venue: venues[1], championIDs: Array(active.prefix(2)), otherParents: 1)
            let id = try RecordWrites.insertMeeting(db, finance)
            try db.execute(sql: "UPDATE meeting SET seriesId = ?, seriesDate = ? WHERE id = ?", arguments: [financeSeries, day.iso, id])
            try RecordWrites.setAgenda(db, meetingID: id, [AgendaItem(id: 0, title: "Where the money went this quarter",
                                                                     summary: "What each project spent, and what parents got from it.")])
            try writeCreche(db, meetingID: id, crechePlan(for: finance, seed: Int(id), staffShort: 0), seed: Int(id))
        }
    }

    /// The demo's register of crèche staff: name, qualification level, paediatric first aid.
    static let staff: [(name: String, level: Int, firstAid: Bool)] = [
        ("Bev Hart", 3, true), ("Sunita Rao", 2, false), ("Kerry Walsh", 3, true), ("Dan Mills", 2, false), ("Ola Nowak", 3, true),
    ]

    /// What the register holds about each demo worker, relative to the demo's today.
    struct StaffRecord {
        var born: String?
        var qualified: String
        var firstAid: @Sendable (LocalDate) -> LocalDate
        var safeguardingDaysAgo: Int
        var dbsDaysAgo: Int
    }

    static let records: [String: StaffRecord] = [
        "Bev Hart": StaffRecord(born: "1984-03-02", qualified: "2009-07-01", firstAid: { $0.adding(days: -400) }, safeguardingDaysAgo: 200, dbsDaysAgo: 500),
        "Sunita Rao": StaffRecord(born: nil, qualified: "2014-06-20", firstAid: { $0 }, safeguardingDaysAgo: 300, dbsDaysAgo: 700),
        "Kerry Walsh": StaffRecord(born: "1990-11-15", qualified: "2012-09-01", firstAid: { $0.adding(days: 20).adding(years: -3) },
                                   safeguardingDaysAgo: 100, dbsDaysAgo: 365),
        "Dan Mills": StaffRecord(born: "1996-05-05", qualified: "2015-07-10", firstAid: { $0 }, safeguardingDaysAgo: 50, dbsDaysAgo: 90),
        "Ola Nowak": StaffRecord(born: "1979-01-30", qualified: "2005-06-15", firstAid: { $0.adding(days: -30) }, safeguardingDaysAgo: 600, dbsDaysAgo: 800),
        "Crèche Demo": StaffRecord(born: nil, qualified: "2011-03-01", firstAid: { $0.adding(days: -60) }, safeguardingDaysAgo: 40, dbsDaysAgo: 40),
    ]

    /// A crèche: the places by band are held without names, and the staff are on the rota,
    /// each as the register has them; the first on each rota holds paediatric first aid.
    static func writeCreche(_ db: Database, meetingID: Int64, _ plan: CrechePlan, seed: Int) throws {
        try RecordWrites.setCrechePlan(db, meetingID: meetingID, plan)
        // The lead is someone whose first aid lasts the demo through.
        let firstAiders = staff.filter { $0.firstAid && $0.name != "Kerry Walsh" }
        let lead = firstAiders[seed % firstAiders.count]
        let rest = staff.filter { $0.name != lead.name }
        for n in 0..<plan.staffBooked {
            let person = n == 0 ? lead : rest[(seed + n - 1) % rest.count]
            try db.execute(sql: "INSERT INTO crecheStaff (meetingId, name, level, firstAid) VALUES (?, ?, ?, ?)",
                           arguments: [meetingID, person.name, person.level, person.firstAid])
        }
    }

    /// Named children for today's crèches: their places replace the ones held without names,
    /// so the headcount stays the same. Two are signed in already.
    private static func writeChildren(_ db: Database, today: LocalDate) throws {
        func champion(_ name: String) throws -> Int64? {
            try Int64.fetchOne(db, sql: "SELECT id FROM champion WHERE name = ?", arguments: [name])
        }
        let kids: [(String, String, Int, String, String?, [String], String, String)] = [
            ("Amara", "Okafor", -460, "Grace Okafor", "Grace Okafor", ["Tunde Okafor"], "Tunde Okafor, 07700 900123",
             "Allergy: peanuts. Carries an adrenaline pen."),
            ("Leo", "Adams", -880, "Zoe Adams", "Zoe Adams", ["Mark Adams"], "Mark Adams, 07700 900456", ""),
            ("Oliver", "Shah", -770, "Priya Shah", "Priya Shah", [], "Priya Shah, 07700 900789", ""),
            ("Maisie", "Adams", -1340, "Zoe Adams", "Zoe Adams", ["Mark Adams"], "Mark Adams, 07700 900456", "Dairy-free diet."),
            ("Ruby", "Clarke", -1530, "Hannah Clarke", "Hannah Clarke", ["Sam Clarke"], "Sam Clarke, 07700 900321", ""),
        ]
        var ids: [Int64] = []
        for k in kids {
            try db.execute(sql: """
                INSERT INTO child (firstName, familyName, dateOfBirth, parentName, parentChampionId, collectors, emergencyContact, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [k.0, k.1, today.adding(days: k.2).iso, k.3, try k.4.flatMap(champion), k.5.joined(separator: "\n"), k.6, k.7])
            ids.append(db.lastInsertedRowID)
        }
        // Ruby's father must not collect her (a court order the office has seen), and her aunt may
        // collect today only: the register shows both, and a sign-out to him is refused.
        let recorded = LocalDateTime(date: today.adding(days: -10), time: TimeOfDay(hour: 11, minute: 0)!).instant.timeIntervalSince1970
        try db.execute(sql: """
            INSERT INTO mustNotCollect (childId, name, reason, courtOrderSeen, recordedBy, recordedAt)
            VALUES (?, 'Jason Clarke', 'Court order: no contact without supervision', 1, 'Office Demo', ?)
            """, arguments: [ids[4], recorded])
        try db.execute(sql: """
            INSERT INTO temporaryCollector (childId, name, validOn, addedBy, addedAt) VALUES (?, 'Lisa Clarke', ?, 'Office Demo', ?)
            """, arguments: [ids[4], today.iso, recorded])
        let sessions = try Int64.fetchAll(db, sql: """
            SELECT m.id FROM meeting m JOIN crechePlan c ON c.meetingId = m.id WHERE m.date = ? ORDER BY m.startMinute
            """, arguments: [today.iso])
        guard let session = sessions.first else { return }
        try db.execute(sql: "UPDATE crechePlan SET underTwo = 0, two = 0, threeAndOver = 0 WHERE meetingId = ?", arguments: [session])
        try db.execute(sql: "UPDATE crecheStaff SET name = 'Crèche Demo' WHERE id = (SELECT MIN(id) FROM crecheStaff WHERE meetingId = ?)",
                       arguments: [session])
        let arrived = LocalDateTime(date: today, time: TimeOfDay(hour: 9, minute: 40)!).instant.timeIntervalSince1970
        for (i, child) in ids.enumerated() {
            try db.execute(sql: "INSERT INTO booking (meetingId, childId, signedInAt) VALUES (?, ?, ?)",
                           arguments: [session, child, i < 2 ? arrived : nil])
            if i < 2 {
                try db.execute(sql: """
                    INSERT INTO registerEvent (bookingId, meetingId, childId, kind, at, recordedBy) VALUES (?, ?, ?, 'in', ?, 'Crèche Demo')
                    """, arguments: [db.lastInsertedRowID, session, child, arrived])
            }
        }
    }

    /// Training courses, refreshers and DBS checks: Priya's refresher is due within the month,
    /// Hannah's DBS renewal is overdue; Sam has paused.
    private static func writeChampionRecords(_ db: Database, today: LocalDate) throws {
        for (i, id) in try Int64.fetchAll(db, sql: "SELECT id FROM champion ORDER BY id").enumerated() {
            let trained = today.adding(days: -400 + i * 23)
            try db.execute(sql: "UPDATE champion SET trainingCourse = ?, refresherDue = ? WHERE id = ?",
                           arguments: [i % 2 == 0 ? "Parent Champion course (4 weeks)" : "Parent Champion e-learning (3 weeks)",
                                       trained.adding(days: 365 + 180).iso, id])
            try db.execute(sql: "INSERT INTO championPrivate (championId, phone, email, dbsNumber, dbsIssued, dbsRenewalDue) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, "07700 9001\(String(format: "%02d", i))", "champion\(i + 1)@example.org", "00123\(4560 + i)",
                                       trained.iso, trained.adding(days: 3 * 365).iso])
        }
        try db.execute(sql: "UPDATE champion SET refresherDue = ? WHERE name = 'Priya Shah'", arguments: [today.adding(days: 12).iso])
        try db.execute(sql: "UPDATE championPrivate SET dbsRenewalDue = ? WHERE championId = (SELECT id FROM champion WHERE name = 'Hannah Clarke')",
                       arguments: [today.adding(days: -5).iso])
        try db.execute(sql: "UPDATE champion SET status = 'paused', statusReason = 'New baby', statusSince = ? WHERE name = 'Sam Wright'",
                       arguments: [today.adding(days: -60).iso])
    }

    /// Ideas from parents at every step, one decided five weeks ago and not fed back yet.
    private static func writeIdeas(_ db: Database, today: LocalDate) throws {
        let areas = try Int64.fetchAll(db, sql: "SELECT id FROM area ORDER BY position")
        func champion(_ name: String) throws -> Int64? {
            try Int64.fetchOne(db, sql: "SELECT id FROM champion WHERE name = ?", arguments: [name])
        }
        let ideas: [(Int, String?, String, String, Int, String?)] = [
            (0, "Zoe Adams", "Stay and play on Saturdays, so working dads can come too.", "ready", -20, "co-design"),
            (0, nil, "A quiet room at the children's centre for feeding.", "new", -3, nil),
            (1, "Hannah Clarke", "Buggy parking inside the library when it rains.", "decided", -60, "consultation"),
            (1, "Aisha Bello", "Leaflets in Urdu and Polish as well as English.", "fed-back", -90, "co-production"),
            (2, "Laura Mitchell", "Baby massage classes in the evening.", "ready", -14, "engagement"),
            (3, nil, "Free fruit at the Westborough sessions.", "decided", -20, "informing"),
            (4, "Fatima Rahman", "A bus stop nearer the family centre.", "closed", -120, nil),
            (5, "Jade Cooper", "More toys for toddlers at the library.", "new", -7, nil),
        ]
        for (area, by, text, status, daysAgo, rung) in ideas {
            let raised = today.adding(days: daysAgo)
            let decided = status == "decided" || status == "fed-back" ? raised.adding(days: daysAgo == -60 ? 25 : 10) : nil
            try db.execute(sql: """
                INSERT INTO idea (areaId, raisedOn, raisedBy, text, status, outcome, decidedOn, fedBackOn, fedBackBy, channel, closedReason, rung)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [areas[area], raised.iso, try by.flatMap(champion), text, status,
                                 decided == nil ? nil : "Agreed: the service will try it for three months.", decided?.iso,
                                 status == "fed-back" ? raised.adding(days: 30).iso : nil,
                                 status == "fed-back" ? try by.flatMap(champion) : nil, status == "fed-back" ? "group-chat" : nil,
                                 status == "closed" ? "Withdrawn: the council is already moving the stop." : nil, rung])
        }
        try db.execute(sql: "UPDATE meeting SET rung = 'co-design' WHERE kind = 'task-and-finish'")
        try db.execute(sql: "UPDATE meeting SET rung = 'consultation' WHERE kind = 'service-design'")
    }

    /// The meetings of the week before last are recorded as held (who came, minutes, a
    /// decision and two actions, one done and one overdue); last week's are left to record.
    /// The fund (a budget, proposals at every step), materials (one parent approved, one
    /// with changes asked for, one with parents, one draft with jargon) and rewards.
    private static func writeProgramme(_ db: Database, today: LocalDate) throws {
        func champion(_ name: String) throws -> Int64 {
            try Int64.fetchOne(db, sql: "SELECT id FROM champion WHERE name = ?", arguments: [name]) ?? 1
        }
        func area(_ name: String) throws -> Int64 {
            try Int64.fetchOne(db, sql: "SELECT id FROM area WHERE name = ?", arguments: [name]) ?? 1
        }
        let year = FinancialYear(containing: today)
        try db.execute(sql: "INSERT INTO fundBudget (year, pence) VALUES (?, ?)", arguments: [year.startYear, 500_000])
        let proposals: [(String?, String?, String, String, String, Int64, String, Int64?, String?, String?)] = [
            ("Priya Shah", nil, "Kursaal", "Stay and play in the park", "Summer sessions in the park for families who don't use the centre.",
             60_000, "closed", 55_000, "Fits the area's ideas; a smaller park fee found.", "41 families came over six weeks; 12 new to the centre."),
            (nil, "Milton Mums Group", "Milton", "Welcome packs for new families", "Packs with local maps, free activities and a named champion to call.",
             40_000, "delivered", 40_000, "Parents asked for it at two Board meetings.", nil),
            ("Grace Okafor", nil, "Westborough", "Dads' Saturday breakfast", "A monthly breakfast so dads and male carers meet each other.",
             75_000, "approved", 70_000, "Reaches dads, whom we hear from least.", nil),
            (nil, "Shoebury Toddler Club", "Shoeburyness", "New soft play mats", "Replacing worn mats in the hall the club uses.",
             90_000, "declined", nil, "Equipment for one club, not an activity bringing families together; try the council's small grants.", nil),
            ("Jade Cooper", nil, "West Shoebury", "Story walks on the seafront", "Picture-book boards along a walk, with a family day to open it.",
             95_000, "under-review", nil, nil, nil),
            (nil, "Victoria Parents' Forum", "Victoria", "Translated 'what's on' sheet", "The centre's timetable in Polish, Urdu and Romanian.",
             30_000, "submitted", nil, nil, nil),
        ]
        for (i, p) in proposals.enumerated() {
            let submitted = today.adding(days: -60 + i * 8)
            try db.execute(sql: """
                INSERT INTO fundProposal (championId, groupName, areaId, title, purpose, requestedPence, year, submittedOn, status,
                    approvedPence, decisionReason, decidedOn, deliveredOn, deliveryNote, impact)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [try p.0.map(champion), p.1, try area(p.2), p.3, p.4, p.5, year.startYear, submitted.iso, p.6, p.7, p.8,
                                 p.8 == nil ? nil : submitted.adding(days: 14).iso,
                                 ["delivered", "closed"].contains(p.6) ? submitted.adding(days: 40).iso : nil,
                                 ["delivered", "closed"].contains(p.6) ? "Ran as planned." : nil, p.9])
            let id = db.lastInsertedRowID
            if p.6 != "submitted" {
                try db.execute(sql: """
                    INSERT INTO fundReview (proposalId, reviewer, recommendation, comment, reviewedOn) VALUES (?, 'SAVS panel lead', ?, ?, ?)
                    """, arguments: [id, p.6 == "declined" ? "decline" : "approve",
                                     p.6 == "declined" ? "Not what the fund is for." : "Clear, local and low cost.", submitted.adding(days: 7).iso])
            }
        }
        let materials: [(String, String, String, String, Bool, [(String, String, String)])] = [
            ("Stay and Play leaflet", "leaflet", "Stay and Play", "Come and play with your little one. Free, every Tuesday, 10 to 11:30. No need to book.",
             true, [("Zoe Adams", "approve", ""), ("Hannah Clarke", "approve", "Clear and friendly."), ("Grace Okafor", "approve", "")]),
            ("Speech and language poster", "poster", "Speech and language", "Chat, play and read every day to help your child's communication.",
             true, [("Aisha Bello", "approve", ""), ("Fatima Rahman", "changes", "Say where to get help if you're worried.")]),
            ("Welcome to A Better Start", "web-page", "Family Centres", "Our centres are open to every family with a child under four.",
             true, [("Laura Mitchell", "approve", "")]),
            ("Perinatal support post", "social-post", "Mental health in pregnancy",
             "Our multi-agency pathway offers early intervention for service users with perinatal needs.", false, []),
        ]
        for m in materials {
            try db.execute(sql: """
                INSERT INTO material (title, kind, service, text, sentToParents, createdOn) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [m.0, m.1, m.2, m.3, m.4, today.adding(days: -20).iso])
            let id = db.lastInsertedRowID
            for r in m.5 {
                try db.execute(sql: """
                    INSERT INTO materialReview (materialId, materialVersion, championId, verdict, comment, reviewedOn) VALUES (?, 1, ?, ?, ?, ?)
                    """, arguments: [id, try champion(r.0), r.1, r.2, today.adding(days: -10).iso])
            }
        }
        let rewards: [(String, String, String, Int64, Int, Bool, Bool, String)] = [
            ("Zoe Adams", "voucher", "focus-group", 2_000, -40, false, true, "Leaflet focus group"),
            ("Hannah Clarke", "voucher", "focus-group", 2_000, -40, false, true, "Leaflet focus group"),
            ("Grace Okafor", "voucher", "focus-group", 2_000, -40, true, true, "Leaflet focus group: gave it back to the group"),
            ("Zoe Adams", "expenses", "meeting", 640, -20, false, false, "Bus fares to the Partnership Board"),
            ("Priya Shah", "voucher", "meeting", 1_000, -6, false, false, "Partnership Board"),
            ("Aisha Bello", "voucher", "review", 1_000, -10, false, true, "Reviewed the poster"),
        ]
        for r in rewards {
            try db.execute(sql: """
                INSERT INTO reward (championId, kind, reason, pence, date, declined, benefitsAdvice, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [try champion(r.0), r.1, r.2, r.3, today.adding(days: r.4).iso, r.5, r.6, r.7])
        }
    }

    private static func recordPastMeetings(_ db: Database, today: LocalDate) throws {
        let monday = today.adding(days: -today.weekday.rawValue)
        let rows = try Row.fetchAll(db, sql: "SELECT id, title, date FROM meeting WHERE date < ? ORDER BY date, startMinute",
                                    arguments: [monday.adding(days: -7).iso])
        for (n, row) in rows.enumerated() {
            let id: Int64 = row["id"]
            let date = LocalDate(iso: row["date"]) ?? today
            try db.execute(sql: """
                UPDATE meeting SET status = 'held', otherParentsAttended = otherParents,
                       minutes = 'Parents talked through what works for them and what gets in the way.' WHERE id = ?
                """, arguments: [id])
            // The first champion sends apologies at every other meeting; the rest come.
            let champions = try Int64.fetchAll(db, sql: "SELECT championId FROM meetingChampion WHERE meetingId = ? ORDER BY championId",
                                               arguments: [id])
            for (i, champion) in champions.enumerated() {
                try db.execute(sql: "UPDATE meetingChampion SET attendance = ? WHERE meetingId = ? AND championId = ?",
                               arguments: [i == 0 && n % 2 == 1 ? "apologies" : "attended", id, champion])
            }
            guard (row["title"] as String).hasPrefix("Pre-meeting") == false else { continue }
            // Whether it counted: at least two parents there (the default quorum).
            try db.execute(sql: """
                UPDATE meeting SET quorate = (otherParentsAttended
                    + (SELECT COUNT(*) FROM meetingChampion WHERE meetingId = meeting.id AND attendance = 'attended')) >= 2 WHERE id = ?
                """, arguments: [id])
            try db.execute(sql: """
                INSERT INTO decision (meetingId, position, text, provisional) VALUES (?, 0, ?, (SELECT NOT quorate FROM meeting WHERE id = ?))
                """, arguments: [id, "Try a Saturday morning session for working parents.", id])
            try db.execute(sql: "INSERT INTO actionItem (meetingId, position, what, owner, due, done) VALUES (?, 0, ?, ?, ?, 1)",
                           arguments: [id, "Send the notes to parents", "Office", date.adding(days: 3).iso])
            try db.execute(sql: "INSERT INTO actionItem (meetingId, position, what, owner, due, done) VALUES (?, 1, ?, ?, ?, 0)",
                           arguments: [id, "Ask the library about a room", "Zoe Adams", date.adding(days: 7).iso])
        }
    }

    /// Access: every venue but the library is step-free, the children's centre has a hearing
    /// loop; Priya Shah needs step-free access, Jade Cooper an interpreter (Polish), booked for
    /// all her meetings but her third, so that one shows the Access check failing.
    private static func recordAccess(_ db: Database) throws {
        for venue in venues where venue != "Shoeburyness Library" {
            try db.execute(sql: "INSERT INTO venueFacility (venue, facility) VALUES (?, 'step-free access')", arguments: [venue])
        }
        try db.execute(sql: "INSERT INTO venueFacility (venue, facility) VALUES (?, 'hearing loop')", arguments: [venues[0]])
        try db.execute(sql: """
            INSERT INTO accessNeed (championId, need, language, recordedBy, recordedAt)
            SELECT id, 'step-free access', '', 'Office Demo', 0 FROM champion WHERE name = 'Priya Shah'
            UNION ALL SELECT id, 'interpreter', 'Polish', 'Office Demo', 0 FROM champion WHERE name = 'Jade Cooper'
            """)
        let hers = try Int64.fetchAll(db, sql: """
            SELECT m.id FROM meeting m JOIN meetingChampion mc ON mc.meetingId = m.id JOIN champion c ON c.id = mc.championId
            WHERE c.name = 'Jade Cooper' ORDER BY m.date, m.id
            """)
        for (i, meeting) in hers.enumerated() where i != 2 {
            try db.execute(sql: """
                INSERT INTO meetingArrangement (meetingId, need, language, note, recordedBy, recordedAt)
                VALUES (?, 'interpreter', 'Polish', 'Interpreter booked through the council', 'Office Demo', 0)
                """, arguments: [meeting])
        }
    }

    /// Papers went to every invited parent of the meetings up to a fortnight ahead, on their due
    /// day or today if sooner (Priya Shah in large print); the first Board after today has one
    /// parent still to send to, so the check shows a failure.
    private static func sendPapers(_ db: Database, today: LocalDate) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.date, m.kind, mc.championId, c.name FROM meeting m JOIN meetingChampion mc ON mc.meetingId = m.id
            JOIN champion c ON c.id = mc.championId WHERE m.kind <> 'pre-meeting' AND m.date <= ? ORDER BY m.date, m.id, mc.championId
            """, arguments: [today.adding(days: 14).iso])
        let firstBoard = try Int64.fetchOne(db, sql: "SELECT id FROM meeting WHERE kind = 'board' AND date > ? ORDER BY date LIMIT 1",
                                            arguments: [today.iso])
        var skipped = false
        for r in rows {
            guard let day = LocalDate(iso: r["date"]) else { continue }
            if (r["id"] as Int64) == firstBoard && !skipped {
                skipped = true
                continue
            }
            let due = PapersRule.deadline(for: day, workingDays: 5)
            try db.execute(sql: """
                INSERT INTO paperSent (meetingId, championId, format, sentOn, recordedBy, recordedAt) VALUES (?, ?, ?, ?, 'Office Demo', 0)
                """, arguments: [r["id"], r["championId"], (r["name"] as String) == "Priya Shah" ? "large print" : "e-mail", min(due, today).iso])
        }
    }

    /// A short agenda for Board and Service Design meetings. The Service Design agenda in
    /// week 2 is full of jargon on purpose, so the plain-language warning shows.
    static func agenda(for m: Meeting, week: Int) -> [AgendaItem] {
        switch m.kind {
        case .partnershipBoard:
            return [AgendaItem(title: "Welcome", summary: "Who is here and what today is for."),
                    AgendaItem(title: "Parents' ideas from the areas", summary: "Parent Champions bring ideas from parents in their area."),
                    AgendaItem(title: "What we did about your ideas", summary: "What changed since the last meeting, and what has not yet.")]
        case .serviceDesign where week == 2:
            return [AgendaItem(title: "Stakeholder engagement update", summary: "Outcomes of the consultation and next steps for the referral pathway."),
                    AgendaItem(title: "Co-design workshop", summary: "Plan the pilot with parents.")]
        case .serviceDesign:
            return [AgendaItem(title: "What parents told us", summary: "Parents' own words about the service, good and bad."),
                    AgendaItem(title: "Ideas to try", summary: "Choose one idea to try for three months.")]
        default:
            return []
        }
    }

    /// Days the centres are closed (Christmas, Boxing Day, New Year's Day).
    static func isClosed(_ d: LocalDate) -> Bool {
        (d.month == 12 && (d.day == 25 || d.day == 26)) || (d.month == 1 && d.day == 1)
    }

    /// A crèche for the parents coming: roughly one child per parent, spread over the
    /// bands, staffed to the ratios less `staffShort`.
    static func crechePlan(for m: Meeting, seed: Int, staffShort: Int) -> CrechePlan {
        let parents = m.championIDs.count + m.otherParents
        let children = max(1, parents + seed % 3 - 1)
        let under2 = (children + seed % 2) / 3
        let two = (children - under2) / 2
        let older = children - under2 - two
        var plan = CrechePlan(booked: [.underTwo: under2, .two: two, .threeAndOver: older],
                              staffBooked: 0, roomCapacity: 12)
        plan.staffBooked = max(0, plan.staffRequired() - staffShort)
        return plan
    }

    static let firstNames = ["Amy", "Ben", "Cara", "Dev", "Ella", "Femi", "Gina", "Hari", "Iris", "Jon",
                             "Kemi", "Lena", "Mo", "Nia", "Omar", "Pia", "Rosa", "Sade", "Tom", "Uma"]
    static let familyNames = ["Ali", "Brown", "Chen", "Davies", "Evans", "Fox", "Green", "Hughes", "Iqbal",
                              "Jones", "Khan", "Lopez", "Moore", "Nowak", "Owen", "Patel", "Quinn", "Reid"]

    private static func writeLarge(_ db: Database, today: LocalDate, areas: [Int64], scale: Int) throws {
        let meetingCount = 10_000 * scale
        var championIDs: [Int64] = []
        for i in 0..<(2000 * scale) {
            let name = "\(firstNames[i % firstNames.count]) \(familyNames[(i / firstNames.count) % familyNames.count]) \(i / 360 + 1)"
            championIDs.append(try RecordWrites.insertChampion(db, name: name, areaID: areas[i % areas.count],
                                                               trainedOn: today.adding(days: -(i % 900)), active: i % 7 != 0))
        }
        // 10,000 meetings (times the scale), eight a weekday times the scale, from two years
        // back; every fourth is the pre-meeting of the one before it.
        var day = today.adding(days: -730)
        var lastMain: (id: Int64, meeting: Meeting)?
        var made = 0
        var meetingIDs: [Int64] = []
        meetingIDs.reserveCapacity(meetingCount)
        while made < meetingCount {
            if day.weekday.isWeekday {
                for slot in 0..<(8 * scale) where made < meetingCount {
                    let n = made
                    let kind: MeetingKind
                    let title: String
                    if n % 4 == 3, let main = lastMain {
                        kind = .preMeeting(forMeeting: main.id)
                        title = "Pre-meeting: \(main.meeting.title)"
                    } else if n % 40 == 0 {
                        kind = .partnershipBoard
                        title = "Partnership Board"
                    } else if n % 2 == 0 {
                        kind = .serviceDesign
                        title = "Service Design: \(designTopics[n % designTopics.count])"
                    } else {
                        let g = groups[n % groups.count]
                        kind = .taskAndFinish(group: g)
                        title = g
                    }
                    let startMinute = 9 * 60 + 30 + (slot % 4) * 60 + (n % 11 == 0 ? 360 : 0)
                    let m = Meeting(id: 0, kind: kind, title: title, date: day, start: TimeOfDay(minutes: startMinute)!,
                                       end: TimeOfDay(minutes: startMinute + 60)!,
                                       // A bigger programme has more rooms, not more meetings per room.
                                       venue: venues[n % venues.count] + (scale > 1 ? ", room \((n / venues.count) % scale + 1)" : ""),
                                       championIDs: n % 13 == 0 ? [] : [championIDs[n % championIDs.count], championIDs[(n * 7 + 3) % championIDs.count]],
                                       otherParents: n % 5)
                    let id = try RecordWrites.insertMeeting(db, m)
                    meetingIDs.append(id)
                    let children = 3 + n % 6  // 3 to 8, averaging 5.5
                    let under2 = children / 3, two = children / 3
                    var plan = CrechePlan(booked: [.underTwo: under2, .two: two, .threeAndOver: children - under2 - two],
                                          staffBooked: 0, roomCapacity: 12)
                    plan.staffBooked = plan.staffRequired() - (n % 17 == 0 ? 1 : 0)
                    try writeCreche(db, meetingID: id, plan, seed: n)
                    if !kind.needsParentChampion { lastMain = nil } else { lastMain = (id, m) }
                    made += 1
                }
            }
            day = day.adding(days: 1)
        }
        // 50,000 children (times the scale), each booked into two sessions: 100,000 bookings;
        // sessions already held are signed in and out.
        let child = try db.makeStatement(sql: """
            INSERT INTO child (firstName, familyName, dateOfBirth, parentName, parentChampionId) VALUES (?, ?, ?, ?, ?)
            """)
        let booking = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO booking (meetingId, childId, signedInAt, signedOutAt, collectedBy) VALUES (?, ?, ?, ?, ?)
            """)
        let childCount = 50_000 * scale
        let meetingDates = try String.fetchAll(db, sql: "SELECT date FROM meeting ORDER BY id")
        for i in 0..<childCount {
            let born = today.adding(days: -(200 + i % 1200))
            try child.execute(arguments: [firstNames[i % firstNames.count], familyNames[(i / 7) % familyNames.count], born.iso,
                                          "Parent \(i)", i % 3 == 0 ? championIDs[i % championIDs.count] : nil])
            let id = db.lastInsertedRowID
            for k in 0..<2 {
                let m = (i * 2 + k * 7919) % meetingIDs.count
                let held = (LocalDate(iso: meetingDates[m]) ?? today) < today
                let at = held ? LocalDateTime(date: LocalDate(iso: meetingDates[m]) ?? today, time: TimeOfDay(hour: 10, minute: 0)!).instant.timeIntervalSince1970 : nil
                try booking.execute(arguments: [meetingIDs[m], id, at, at.map { $0 + 5400 }, held ? "Parent \(i)" : nil])
            }
        }
        // 20,000 ideas (times the scale), spread over the areas and the flow.
        let idea = try db.makeStatement(sql: "INSERT INTO idea (areaId, raisedOn, raisedBy, text, status, outcome, decidedOn, rung) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let statuses = ["new", "ready", "decided", "fed-back", "closed"]
        for i in 0..<(20_000 * scale) {
            let status = statuses[i % statuses.count]
            let raised = today.adding(days: -(i % 700))
            try idea.execute(arguments: [areas[i % areas.count], raised.iso, championIDs[i % championIDs.count],
                                         "\(designTopics[i % designTopics.count]): idea \(i) from a parent", status,
                                         status == "decided" || status == "fed-back" ? "Agreed to try it" : nil,
                                         status == "decided" || status == "fed-back" ? raised.adding(days: 20).iso : nil,
                                         Rung.allCases[i % Rung.allCases.count].rawValue])
        }
    }
}
