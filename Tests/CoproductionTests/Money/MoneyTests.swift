import Coproduction
import PropertyBased
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [("1000", 100_000), ("£1,000", 100_000), ("12.5", 1_250), ("£12.50", 1_250), ("0.07", 7), (" 20 ", 2_000)])
    func amountsTypedInTheUKAreWholePence(text: String, pence: Int64) throws {
        #expect(try Money.parse(text).get() == Money(pence: pence))
    }

    @Test(arguments: ["", "ten pounds", "12.345", "-5", "£", "1.2.3", "12,50.1x"])
    func anythingElseIsRefusedWithAnExample(text: String) {
        guard case .failure(let e) = Money.parse(text) else {
            Issue.record("“\(text)” was accepted")
            return
        }
        #expect(e.description.contains("12.50"))
    }

    @Test func shownAsPoundsWithThousandsGrouped() {
        #expect(Money(pence: 100_000).description == "£1,000.00")
        #expect(Money(pence: 5).description == "£0.05")
        #expect(Money(pence: 123_456_789).description == "£1,234,567.89")
        #expect(Money(pence: -550).description == "−£5.50")
    }

    @Test func tenTimesTenPenceIsExactlyAPound() {
        var total = Money.zero
        for _ in 0..<10 { total = total + (try! Money.parse("0.10").get()) }
        #expect(total == .pounds(1))
    }

    @Test func whatIsShownParsesBackToTheSameAmount() async {
        await propertyCheck(input: Gen.int(in: 0...99_999_999)) { pence in
            let m = Money(pence: Int64(pence))
            #expect((try? Money.parse(m.description).get()) == m)
        }
    }

    @Test func financialYearsRunAprilToMarch() throws {
        #expect(FinancialYear(containing: LocalDate(iso: "2027-03-31")!) == FinancialYear(startYear: 2026))
        #expect(FinancialYear(containing: LocalDate(iso: "2027-04-01")!) == FinancialYear(startYear: 2027))
        #expect(FinancialYear(startYear: 2026).description == "2026–27")
        #expect(try FinancialYear.parse("2026-27").get() == FinancialYear(startYear: 2026))
        #expect(try FinancialYear.parse("2026").get() == FinancialYear(startYear: 2026))
        #expect((try? FinancialYear.parse("2026-28").get()) == nil)
        #expect((try? FinancialYear.parse("26").get()) == nil)
    }
}
