import Coproduction
import Testing

@Suite struct StaffingRuleTests {
    let rule = StaffingRule(ratios: .eyfs)

    @Test(arguments: [
        (AgeBand.underTwo, 0, 0), (.underTwo, 1, 1), (.underTwo, 3, 1), (.underTwo, 4, 2), (.underTwo, 6, 2), (.underTwo, 7, 3),
        (.two, 1, 1), (.two, 5, 1), (.two, 6, 2), (.two, 10, 2), (.two, 11, 3),
        (.threeAndOver, 1, 1), (.threeAndOver, 8, 1), (.threeAndOver, 9, 2), (.threeAndOver, 16, 2), (.threeAndOver, 17, 3),
    ])
    func staffPerBandAtTheEdges(band: AgeBand, children: Int, staff: Int) {
        #expect(rule.staffFor(band, count: children) == staff)
    }

    @Test(arguments: [(13, 1), (14, 2), (26, 2), (27, 3)])
    func levelSixLiftsTheOlderRatioTo13(children: Int, staff: Int) {
        #expect(rule.staffFor(.threeAndOver, count: children, level6WithGroup: true) == staff)
        // The Level 6 ratio applies only to 3 and over.
        #expect(rule.staffFor(.two, count: 6, level6WithGroup: true) == 2)
    }

    @Test func bandsAreStaffedSeparatelyThenAdded() {
        // 4 under 2 (2 staff) + 6 aged 2 (2) + 9 aged 3+ (2) = 6, never shared across bands.
        let plan = CrechePlan(booked: [.underTwo: 4, .two: 6, .threeAndOver: 9], staffBooked: 0, roomCapacity: 30)
        #expect(rule.staffRequired(for: plan) == 6)
    }

    @Test func theSessionMinimumAppliesOnlyWhenChildrenAreBooked() {
        let one = CrechePlan(booked: [.threeAndOver: 1], staffBooked: 0, roomCapacity: 10)
        #expect(rule.staffRequired(for: one) == 2)
        let none = CrechePlan(booked: [:], staffBooked: 0, roomCapacity: 10)
        #expect(rule.staffRequired(for: none) == 0)
        var relaxed = RatioTable.eyfs
        relaxed.minimumStaff = 1
        #expect(StaffingRule(ratios: relaxed).staffRequired(for: one) == 1)
    }

    @Test func theRatioTableIsASetting() {
        var old = RatioTable.eyfs
        old.two = 4  // the ratio before September 2023
        let plan = CrechePlan(booked: [.two: 5], staffBooked: 0, roomCapacity: 10)
        #expect(StaffingRule(ratios: .eyfs).staffRequired(for: plan) == 2)
        #expect(StaffingRule(ratios: old).staffRequired(for: plan) == 2)
        let ten = CrechePlan(booked: [.two: 10], staffBooked: 0, roomCapacity: 10)
        #expect(StaffingRule(ratios: .eyfs).staffRequired(for: ten) == 2)
        #expect(StaffingRule(ratios: old).staffRequired(for: ten) == 3)
    }

    @Test func ageBandIsTakenOnTheDayOfTheMeeting() throws {
        let birth = try #require(LocalDate(iso: "2024-12-10"))
        #expect(AgeBand.on(try #require(LocalDate(iso: "2026-12-09")), bornOn: birth) == .underTwo)
        #expect(AgeBand.on(try #require(LocalDate(iso: "2026-12-10")), bornOn: birth) == .two)
        #expect(AgeBand.on(try #require(LocalDate(iso: "2027-12-09")), bornOn: birth) == .two)
        #expect(AgeBand.on(try #require(LocalDate(iso: "2027-12-10")), bornOn: birth) == .threeAndOver)
    }
}
