import Coproduction
import Testing

/// Who counts in the ratios on a session's day, and the fix when someone does not.
@Suite struct StaffStandingTests {
    let book = CrecheRulesTests.england()
    let session = LocalDate(iso: "2027-03-03")!
    var rules: CrecheRules { book.inForce(on: session)! }

    func member(_ name: String, level: Int = 3, firstAidOn: String? = "2025-01-10", born: String? = "1990-01-01") -> StaffMember {
        var m = StaffMember(id: 1, name: name, level: level, paediatricFirstAid: firstAidOn != nil)
        m.firstAidOn = firstAidOn.flatMap(LocalDate.init(iso:))
        m.dateOfBirth = born.flatMap(LocalDate.init(iso:))
        m.qualifiedOn = LocalDate(iso: "2012-09-01")
        m.safeguardingOn = LocalDate(iso: "2026-01-05")
        m.dbsOn = LocalDate(iso: "2025-06-01")
        return m
    }

    @Test func firstAidIssuedExactlyThreeYearsBeforeHasRunOut() {
        // Issued 3 Mar 2024: it covers 2 Mar 2027 and has run out on 3 Mar 2027, the anniversary.
        let bev = member("Bev Hart", firstAidOn: "2024-03-03")
        let dayBefore = StaffStanding(bev, on: session.adding(days: -1), rules: rules)
        #expect(dayBefore.fullFirstAidInDate && dayBefore.firstAidRanOut == nil)
        #expect(dayBefore.expiring == ["Bev Hart's paediatric first aid runs out on 3 Mar 2027."])
        let onTheDay = StaffStanding(bev, on: session, rules: rules)
        #expect(!onTheDay.fullFirstAidInDate && onTheDay.firstAidRanOut == LocalDate(iso: "2027-03-03"))
        // Alone on the rota with children in, the check names her and the fix.
        let review = RotaReview([bev, member("Dan Mills", level: 2, firstAidOn: nil)], on: session, rules: rules, children: 3)
        #expect(review.failures == ["Bev Hart's paediatric first aid ran out on 3 Mar 2027: add someone else with first aid."])
    }

    @Test func safeguardingTwoYearsToTheDayIsStillInDateAndTheDayAfterIsNot() {
        var ann = member("Ann Cole")
        ann.safeguardingOn = LocalDate(iso: "2025-03-03")
        #expect(StaffStanding(ann, on: session, rules: rules).counts, "trained 3 Mar 2025, renewed by 3 Mar 2027 at the latest")
        let after = StaffStanding(ann, on: session.adding(days: 1), rules: rules)
        #expect(!after.counts)
        #expect(after.reasons == ["Ann Cole's safeguarding training was due again by 3 Mar 2027: book it, or add someone else."])
        // Before September 2025 no interval was set, so the same date counted a year later.
        #expect(StaffStanding(ann, on: LocalDate(iso: "2025-08-31")!, rules: book.inForce(on: LocalDate(iso: "2025-08-31")!)!).counts)
    }

    @Test func aWorkerTurning17OnTheSessionsDayCounts() {
        let sam = member("Sam Lee", born: "2010-03-03")
        #expect(StaffStanding(sam, on: session, rules: rules).counts)
        let dayBefore = StaffStanding(sam, on: session.adding(days: -1), rules: rules)
        #expect(!dayBefore.counts)
        #expect(dayBefore.reasons == ["Sam Lee is 16 on 2 Mar 2027; staff in ratio are 17 or over: add someone else."])
    }

    @Test func studentsCountAtTheLevelBelowOnlyFromJanuary2024AndWhenMarkedCompetent() {
        var kim = member("Kim Ray", level: 3)
        kim.student = true
        let lastDay2023 = LocalDate(iso: "2024-01-03")!, firstDay2024 = LocalDate(iso: "2024-01-04")!
        #expect(!StaffStanding(kim, on: firstDay2024, rules: book.inForce(on: firstDay2024)!).counts, "not yet marked competent")
        kim.competent = true
        let before = StaffStanding(kim, on: lastDay2023, rules: book.inForce(on: lastDay2023)!)
        #expect(before.counts && before.countedLevel == 0)
        let after = StaffStanding(kim, on: firstDay2024, rules: book.inForce(on: firstDay2024)!)
        #expect(after.counts && after.countedLevel == 2)
        // From September 2025 a student in ratio needs full paediatric first aid.
        kim.firstAid = .none
        kim.firstAidOn = nil
        #expect(!StaffStanding(kim, on: session, rules: rules).counts)
    }

    @Test func levelTwoGainedAfterJune2016CountsAtThatLevelOnlyWithFirstAid() {
        var tom = member("Tom Reid", level: 2, firstAidOn: nil)
        tom.qualifiedOn = LocalDate(iso: "2016-06-30")
        let standing = StaffStanding(tom, on: session, rules: rules)
        #expect(standing.counts && standing.countedLevel == 0)
        tom.qualifiedOn = LocalDate(iso: "2016-06-29")
        #expect(StaffStanding(tom, on: session, rules: rules).countedLevel == 2)
        tom.qualifiedOn = nil
        #expect(StaffStanding(tom, on: session, rules: rules).missing.first?.contains("when Tom Reid gained their Level 2") == true)
    }

    @Test func oneAtLevel3InChargeAndHalfTheOthersAtLevel2() {
        let lead = member("Bev Hart")
        func unqualified(_ name: String) -> StaffMember {
            var m = member(name, level: 2, firstAidOn: nil)
            m.fullAndRelevant = false
            return m
        }
        // Lead plus two others: one of the two at Level 2 is half.
        let half = RotaReview([lead, member("Dan Mills", level: 2), unqualified("Jo Park")], on: session, rules: rules, children: 6)
        #expect(half.failures.isEmpty)
        // Lead plus three others: one of three is under half (two needed).
        let under = RotaReview([lead, member("Dan Mills", level: 2), unqualified("Jo Park"), unqualified("Al Khan")],
                               on: session, rules: rules, children: 6)
        #expect(under.failures == ["Only 1 of the 3 other staff is at Level 2 or above; at least 2 must be: add someone at Level 2."])
        let noLead = RotaReview([member("Dan Mills", level: 2), member("Sunita Rao", level: 2)], on: session, rules: rules, children: 2)
        #expect(noLead.failures == ["Nobody on the rota who counts is at Level 3 or above to be in charge: add someone at Level 3."])
    }

    @Test func missingRecordsWarnAndTheCheckSaysWhatToAdd() {
        var settings = BarrierSettings.standard
        settings.rules = book
        let checker = BarrierChecker(settings: settings)
        var dan = member("Dan Mills", level: 2, firstAidOn: nil, born: nil)
        dan.dbsOn = nil
        var plan = CrechePlan(booked: [.threeAndOver: 3], staffBooked: 2, roomCapacity: 10)
        plan.rota = [member("Bev Hart"), dan]
        let meeting = Meeting(id: 1, kind: .partnershipBoard, title: "Board", date: session, start: TimeOfDay(hour: 10, minute: 0)!,
                              end: TimeOfDay(hour: 11, minute: 30)!, venue: "Hub", championIDs: [], otherParents: 1)
        let result = checker.creche(meeting, plan)
        #expect(result.status == .warn)
        #expect(result.reason.contains("Record Dan Mills's date of birth (or that they are 17 or over) and the date of Dan Mills's enhanced DBS check"))
        // Someone who does not count leaves the crèche short, and the check says why.
        var young = member("Sam Lee", born: "2011-01-01")
        young.level = 2
        plan.rota = [member("Bev Hart"), young]
        let short = checker.creche(meeting, plan)
        #expect(short.status == .fail)
        #expect(short.reason.hasPrefix("2 staff booked but 1 count, 2 needed for 3 children: book 1 more. Sam Lee is 16 on 3 Mar 2027"))
    }
}
