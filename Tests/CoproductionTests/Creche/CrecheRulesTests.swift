import Coproduction
import Testing

/// The law's dated rows: a session is checked against the row of its own day.
@Suite struct CrecheRulesTests {
    /// The rows as the database's migration ships them (the store's tests read them back).
    static func england() -> CrecheRuleBook {
        func row(_ from: String, two: Int, students: Bool, studentsFirstAid: Bool, safeguarding: Int?) -> CrecheRules {
            CrecheRules(effectiveFrom: LocalDate(iso: from)!, source: "EYFS \(from)", underTwo: 3, two: two, threeAndOver: 8,
                        threeAndOverWithLevel6: 13, minimumStaffAge: 17, firstAidValidYears: 3,
                        firstAidNeededForLevelsFrom: LocalDate(iso: "2016-06-30")!, studentsAtLevelBelow: students,
                        studentsNeedFirstAid: studentsFirstAid, safeguardingRenewalYears: safeguarding)
        }
        return CrecheRuleBook([
            row("2025-09-01", two: 5, students: true, studentsFirstAid: true, safeguarding: 2),
            row("2021-09-01", two: 4, students: false, studentsFirstAid: false, safeguarding: nil),
            row("2024-01-04", two: 5, students: true, studentsFirstAid: false, safeguarding: nil),
            row("2023-09-04", two: 5, students: false, studentsFirstAid: false, safeguarding: nil),
        ])
    }

    @Test func theRowInForceIsTheLatestBegunOnOrBeforeTheDay() {
        let book = Self.england()
        #expect(book.rows.map(\.effectiveFrom.iso) == ["2021-09-01", "2023-09-04", "2024-01-04", "2025-09-01"])
        #expect(book.inForce(on: LocalDate(iso: "2023-09-03")!)?.two == 4, "the day before 1:5 came in")
        #expect(book.inForce(on: LocalDate(iso: "2023-09-04")!)?.two == 5, "the day it came in")
        #expect(book.inForce(on: LocalDate(iso: "2024-01-03")!)?.studentsAtLevelBelow == false)
        #expect(book.inForce(on: LocalDate(iso: "2024-01-04")!)?.studentsAtLevelBelow == true)
        #expect(book.inForce(on: LocalDate(iso: "2025-08-31")!)?.safeguardingRenewalYears == nil)
        #expect(book.inForce(on: LocalDate(iso: "2025-09-01")!)?.safeguardingRenewalYears == 2)
        #expect(book.inForce(on: LocalDate(iso: "2019-01-01")!)?.effectiveFrom.iso == "2021-09-01", "before every row: the oldest")
        #expect(CrecheRuleBook([]).inForce(on: LocalDate(iso: "2026-01-01")!) == nil)
    }

    @Test func aPastSessionIsCheckedAgainstTheRatiosOfItsOwnDay() {
        var settings = BarrierSettings.standard
        settings.rules = Self.england()
        let checker = BarrierChecker(settings: settings)
        // Five 2-year-olds: two staff before 4 September 2023 (1:4), one after, then the minimum of two.
        let plan = CrechePlan(booked: [.two: 5], staffBooked: 2, roomCapacity: 10)
        #expect(plan.staffRequired(checker.ratios(on: LocalDate(iso: "2023-09-01")!)) == 2)
        #expect(StaffingRule(ratios: checker.ratios(on: LocalDate(iso: "2023-09-01")!)).staffFor(.two, count: 5) == 2)
        #expect(StaffingRule(ratios: checker.ratios(on: LocalDate(iso: "2023-09-04")!)).staffFor(.two, count: 5) == 1)
    }

    @Test func theProgrammesOwnRatiosApplyOnlyWhereStricter() {
        var settings = BarrierSettings.standard
        settings.rules = Self.england()
        settings.ratios.two = 3
        settings.ratios.threeAndOver = 10
        let ratios = BarrierChecker(settings: settings).ratios(on: LocalDate(iso: "2026-12-08")!)
        #expect(ratios.two == 3, "the programme staffs 2-year-olds more generously than the law")
        #expect(ratios.threeAndOver == 8, "a looser setting never beats the law")
    }
}
