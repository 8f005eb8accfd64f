import Coproduction
import PropertyBased
import Testing

@Suite struct FundRulesTests {
    let year = FinancialYear(startYear: 2026)
    let day = LocalDate(iso: "2026-11-27")!

    func proposal(_ pounds: Int64, status: ProposalStatus = .submitted, approved: Int64? = nil) -> FundProposal {
        var p = FundProposal(applicant: .group("Milton Mums"), areaID: 1, title: "Welcome packs", purpose: "Packs for new families",
                             requested: .pounds(pounds), year: year, submittedOn: day)
        p.status = status
        p.approved = approved.map { Money(pence: $0) }
        return p
    }

    @Test func aProposalOverTheLimitIsRefusedOnItsAmount() {
        let rules = FundRules()
        #expect(rules.problems(proposal(1000)).isEmpty)
        let over = rules.problems(proposal(1001))
        #expect(over.map(\.field) == [.amount])
        #expect(over.first?.message.contains("over the limit of £1,000.00") == true)
        #expect(FundRules(limit: .pounds(500)).problems(proposal(600)).map(\.field) == [.amount])
        #expect(rules.problems(proposal(0)).map(\.field) == [.amount])
    }

    @Test func emptyTitleAndPurposeAreNamed() {
        var p = proposal(100)
        p.title = " "
        p.purpose = ""
        p.applicant = .group("")
        #expect(Set(FundRules().problems(p).map(\.field)) == [.title, .purpose, .applicant])
    }

    @Test func aDecisionNeedsAReasonEitherWay() {
        let rules = FundRules()
        #expect(rules.decisionProblems(proposal(100), approve: true, amount: nil, reason: "", remaining: .pounds(5000)).map(\.field) == [.reason])
        #expect(rules.decisionProblems(proposal(100), approve: false, amount: nil, reason: " ", remaining: .pounds(5000)).map(\.field) == [.reason])
        #expect(rules.decisionProblems(proposal(100), approve: false, amount: nil, reason: "Not local", remaining: .zero).isEmpty)
    }

    @Test func approvingMoreThanIsLeftIsRefused() {
        let rules = FundRules()
        let problems = rules.decisionProblems(proposal(800), approve: true, amount: nil, reason: "Good", remaining: .pounds(799))
        #expect(problems.map(\.field) == [.amount])
        #expect(problems.first?.message.contains("more than the £799.00 left in the 2026–27 budget") == true)
        #expect(rules.decisionProblems(proposal(800), approve: true, amount: .pounds(700), reason: "Good", remaining: .pounds(799)).isEmpty)
        #expect(rules.decisionProblems(proposal(800), approve: true, amount: .pounds(1200), reason: "Good", remaining: .pounds(5000))
            .first?.message.contains("limit") == true)
    }

    @Test func theFlowGoesOneWay() {
        let rules = FundRules()
        #expect(!rules.decisionProblems(proposal(100, status: .approved, approved: 10_000), approve: true, amount: nil, reason: "x",
                                        remaining: .pounds(1000)).isEmpty)
        #expect(!rules.deliveryProblems(proposal(100, status: .submitted)).isEmpty)
        #expect(rules.deliveryProblems(proposal(100, status: .approved, approved: 10_000)).isEmpty)
        #expect(!rules.deliveryProblems(proposal(100, status: .declined)).isEmpty)
        #expect(!rules.reviewProblems(proposal(100, status: .approved, approved: 10_000), comment: "late").isEmpty)
        #expect(rules.reviewProblems(proposal(100, status: .underReview), comment: "fine").isEmpty)
    }

    @Test func closingNeedsDeliveryAndAnImpactStatement() {
        let rules = FundRules()
        let delivered = proposal(100, status: .delivered, approved: 10_000)
        #expect(rules.closingProblems(delivered, impact: "").map(\.field) == [.impact])
        #expect(rules.closingProblems(delivered, impact: "30 families came").isEmpty)
        #expect(!rules.closingProblems(proposal(100, status: .approved, approved: 10_000), impact: "30 families came").isEmpty)
    }

    @Test func onlyApprovedMoneyOfTheYearIsCommitted() {
        let proposals = [proposal(100, status: .approved, approved: 9_999), proposal(200, status: .declined),
                         proposal(300, status: .submitted), proposal(50, status: .closed, approved: 4_001)]
        var other = proposal(900, status: .approved, approved: 90_000)
        other.year = FinancialYear(startYear: 2025)
        let budget = FundBudget.of(year, total: .pounds(1000), proposals: proposals + [other])
        #expect(budget.committed == Money(pence: 14_000))
        #expect(budget.remaining == Money(pence: 86_000))
    }

    @Test func committedAndRemainingAlwaysAddUpToTheBudget() async {
        await propertyCheck(input: Gen.int(in: 1...99_999).array(of: 0...40), Gen.int(in: 0...10_000_000)) { amounts, total in
            let proposals = amounts.map { proposal(1, status: .approved, approved: Int64($0)) }
            let budget = FundBudget.of(year, total: Money(pence: Int64(total)), proposals: proposals)
            #expect(budget.committed.pence == amounts.reduce(0) { $0 + Int64($1) })
            #expect(budget.committed + budget.remaining == Money(pence: Int64(total)))
        }
    }
}
