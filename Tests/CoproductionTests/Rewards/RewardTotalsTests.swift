import Coproduction
import Testing

@Suite struct RewardTotalsTests {
    func reward(_ champion: Int64, _ pence: Int64, _ day: String, kind: RewardKind = .voucher, declined: Bool = false,
                advice: Bool = false) -> Reward {
        Reward(championID: champion, kind: kind, reason: .focusGroup, amount: Money(pence: pence), date: LocalDate(iso: day)!,
               declined: declined, benefitsAdviceOffered: advice, note: kind == .expenses ? "Bus fare" : "")
    }

    @Test func totalsSplitAtTheFinancialYear() {
        let totals = RewardTotals.of([
            reward(1, 2_000, "2027-03-31"), reward(1, 2_000, "2027-04-01"), reward(1, 640, "2027-03-15", kind: .expenses),
            reward(2, 1_000, "2027-03-31", declined: true, advice: true),
        ])
        let first = totals.filter { $0.year == FinancialYear(startYear: 2026) }
        let second = totals.filter { $0.year == FinancialYear(startYear: 2027) }
        #expect(first.count == 2 && second.count == 1)
        let one = first.first { $0.championID == 1 }!
        #expect(one.vouchers == .pounds(20) && one.expenses == Money(pence: 640) && one.given == Money(pence: 2_640))
        #expect(!one.benefitsAdviceOffered)
        let two = first.first { $0.championID == 2 }!
        #expect(two.given == .zero && two.declined == .pounds(10) && two.benefitsAdviceOffered)
        #expect(second[0].vouchers == .pounds(20) && second[0].championID == 1)
    }

    @Test func rewardsNeedAnAmountAndExpensesSayWhatFor() {
        #expect(RewardRules.problems(reward(1, 0, "2026-11-27")).map(\.field) == [.amount])
        #expect(RewardRules.problems(reward(1, 60_000, "2026-11-27")).map(\.field) == [.amount])
        var r = reward(1, 500, "2026-11-27", kind: .expenses)
        r.note = ""
        #expect(RewardRules.problems(r).map(\.field) == [.note])
        #expect(RewardRules.problems(reward(1, 2_000, "2026-11-27")).isEmpty)
    }

    @Test func thePolicyStatesAmountsUpFront() {
        #expect(RewardPolicy().amount(for: .focusGroup) == .pounds(20))
        #expect(RewardPolicy().amount(for: .other) == nil)
    }
}
