import Coproduction
import CoproductionStore
import Foundation
import Testing

@Suite struct FundRecordsTests {
    let year = FinancialYear(startYear: 2026)

    /// Each test's own folder, removed when the test ends.
    let folder = TemporaryFolder()

    func fresh() throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.path("fund.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return db
    }

    func propose(_ db: AppDatabase, _ pounds: Int64) throws -> Int64 {
        try db.addProposal(as: testAdmin, FundProposal(applicant: .group("Leigh Road Parents"), areaID: 1, title: "Picnic", purpose: "A picnic",
                                                       requested: .pounds(pounds), year: year, submittedOn: fixedToday))
    }

    func issues(_ body: () throws -> Void) -> [FieldIssue] {
        do {
            try body()
            return []
        } catch StoreError.fields(let issues) {
            return issues
        } catch {
            Issue.record("expected field problems, got \(error)")
            return []
        }
    }

    @Test func aProposalGoesFromSubmittedToClosedAndMovesTheBudget() throws {
        let db = try fresh()
        let before = try db.fundOverview(as: testAdmin, year: year).budget
        let id = try propose(db, 400)
        try db.reviewProposal(as: testAdmin, id: id, reviewer: "SAVS lead", recommendation: .approve, comment: "Local and cheap", on: fixedToday)
        #expect(try db.proposal(as: testAdmin, id: id).proposal.status == .underReview)
        try db.decideProposal(as: testAdmin, id: id, approve: true, amount: .pounds(350), reason: "Good value", meetingID: 1, on: fixedToday)
        let after = try db.fundOverview(as: testAdmin, year: year).budget
        #expect(after.committed == before.committed + .pounds(350))
        #expect(after.remaining == before.remaining - .pounds(350))
        try db.deliverProposal(as: testAdmin, id: id, on: fixedToday, note: "Sunny")
        #expect(issues { try db.closeProposal(as: testAdmin, id: id, impact: "  ") }.map(\.field) == ["impact"])
        #expect(try db.proposal(as: testAdmin, id: id).proposal.status == .delivered)
        try db.closeProposal(as: testAdmin, id: id, impact: "20 families met their neighbours")
        let row = try db.proposal(as: testAdmin, id: id)
        #expect(row.proposal.status == .closed && row.proposal.approved == .pounds(350) && row.reviews.count == 1)
        #expect(row.proposal.decidedAtMeetingID == 1)
    }

    @Test func badDecisionsSaveNothing() throws {
        let db = try fresh()
        let id = try propose(db, 900)
        #expect(issues { try db.decideProposal(as: testAdmin, id: id, approve: false, reason: "", on: fixedToday) }.map(\.field) == ["reason"])
        #expect(issues { try db.decideProposal(as: testAdmin, id: id, approve: true, amount: .pounds(1001), reason: "x", on: fixedToday) }
            .map(\.field) == ["amount"])
        // Spend the budget down, then ask for more than is left.
        try db.setFundBudget(as: testAdmin, year: year, total: try db.fundOverview(as: testAdmin, year: year).budget.committed + .pounds(500))
        let over = issues { try db.decideProposal(as: testAdmin, id: id, approve: true, reason: "Good", on: fixedToday) }
        #expect(over.first?.message.contains("more than the £500.00 left") == true)
        #expect(try db.proposal(as: testAdmin, id: id).proposal.status == .submitted)
        #expect(try db.fundOverview(as: testAdmin, year: year).budget.remaining == .pounds(500))
        #expect(issues { try db.deliverProposal(as: testAdmin, id: id, on: fixedToday, note: "") }.map(\.field) == ["delivered"])
        #expect(issues { _ = try propose(db, 1500) }.map(\.field) == ["amount"])
    }

    @Test func theBudgetCannotGoBelowWhatIsCommitted() throws {
        let db = try fresh()
        let committed = try db.fundOverview(as: testAdmin, year: year).budget.committed
        #expect(issues { try db.setFundBudget(as: testAdmin, year: year, total: committed - Money(pence: 1)) }.map(\.field) == ["budget"])
    }

    @Test func aChampionAppliesAndReviewsOnlyAsThemselves() throws {
        let db = try fresh()
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let mine = try db.addProposal(as: zoe, FundProposal(applicant: .champion(zoe.championID!), areaID: 1, title: "Toddler disco",
                                                            purpose: "Music and dancing", requested: .pounds(150), year: year, submittedOn: fixedToday))
        #expect(throws: StoreError.self) {
            _ = try db.addProposal(as: zoe, FundProposal(applicant: .champion(zoe.championID! + 1), areaID: 1, title: "x", purpose: "y",
                                                          requested: .pounds(1), year: year, submittedOn: fixedToday))
        }
        #expect(issues { try db.reviewProposal(as: zoe, id: mine, recommendation: .approve, comment: "Mine!", on: fixedToday) }
            .first?.message.contains("you applied") == true)
        let other = try propose(db, 100)
        try db.reviewProposal(as: zoe, id: other, reviewer: "Someone Else", recommendation: .decline, comment: "Not local", on: fixedToday)
        #expect(try db.proposal(as: testAdmin, id: other).reviews.last?.reviewer == "Zoe Adams")
        #expect(throws: StoreError.self) { try db.decideProposal(as: zoe, id: other, approve: true, reason: "x", on: fixedToday) }
    }
}
