import Coproduction
import CoproductionStore
import Foundation
import Testing

/// The register of interests through the store: who may declare and read, and a fund panel
/// member kept off a proposal they applied for or declared an interest in.
@Suite struct InterestRecordsTests {
    let folder = TemporaryFolder()
    let year = FinancialYear(startYear: 2026)

    func fresh() throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.path("interests.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return db
    }

    /// The refusal's words, one entry a problem (empty when nothing was refused).
    func issues(_ body: () throws -> Void) -> [(field: String, message: String)] {
        do {
            try body()
            return []
        } catch StoreError.fields(let issues) {
            return issues.map { ($0.field, $0.message) }
        } catch let error as StoreError {
            return [("", error.description)]
        } catch {
            Issue.record("expected field problems, got \(error)")
            return []
        }
    }

    @Test func aPanelMemberCannotReviewAProposalTheyAppliedForOrDeclaredAnInterestIn() throws {
        let db = try fresh()
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let theirs = try db.addProposal(as: testAdmin, FundProposal(applicant: .champion(zoe.championID!), areaID: 1, title: "Disco",
                                                                    purpose: "Music", requested: .pounds(100), year: year, submittedOn: fixedToday))
        // The office entering the review for Zoe by name: she applied, so it is refused.
        #expect(issues { try db.reviewProposal(as: testAdmin, id: theirs, reviewer: "Zoe Adams", recommendation: .approve, comment: "Good", on: fixedToday) }
            .first?.message.contains("Zoe Adams applied for this grant") == true)
        let group = try db.addProposal(as: testAdmin, FundProposal(applicant: .group("Milton Play"), areaID: 1, title: "Play boxes",
                                                                   purpose: "Toys", requested: .pounds(200), year: year, submittedOn: fixedToday))
        try db.declareInterest(as: zoe, Interest(what: "I chair Milton Play", from: fixedToday, proposalID: group))
        #expect(issues { try db.reviewProposal(as: zoe, id: group, recommendation: .approve, comment: "Good", on: fixedToday) }
            .first?.message.contains("has declared an interest in this proposal (I chair Milton Play)") == true)
        #expect(try db.proposal(as: testAdmin, id: group).reviews.isEmpty, "nothing saved")
        // Once the interest has ended, the review goes in.
        let id = try #require(try db.interests(as: zoe).first?.id)
        try db.endInterest(as: testAdmin, id: id, on: fixedToday.adding(days: -0))
        try db.reviewProposal(as: zoe, id: group, recommendation: .approve, comment: "Good", on: fixedToday.adding(days: 1))
        #expect(try db.proposal(as: testAdmin, id: group).reviews.count == 1)
    }

    @Test func aChampionDeclaresAndReadsOnlyTheirOwn() throws {
        let db = try fresh()
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let other = try #require(try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM champion WHERE name <> 'Zoe Adams' LIMIT 1") })
        try db.declareInterest(as: testAdmin, Interest(championID: other, what: "Runs the café", from: fixedToday, meetingID: 14))
        try db.declareInterest(as: zoe, Interest(what: "Governor at the school", from: fixedToday))
        #expect(throws: StoreError.self) { try db.declareInterest(as: zoe, Interest(championID: other, what: "x", from: fixedToday)) }
        #expect(try db.interests(as: zoe).map(\.what) == ["Governor at the school"])
        #expect(try db.interests(as: testAdmin).count == 2)
        #expect(try db.meetingDetail(as: testAdmin, id: 14).declared.map(\.what) == ["Runs the café"])
        #expect(try db.meetingDetail(as: zoe, id: 14).declared.isEmpty, "another champion's declaration is not theirs to see")
        let staff = try db.signIn(name: "Crèche Demo", secret: DemoData.demoPIN)
        #expect(throws: StoreError.self) { try db.interests(as: staff) }
        let none = issues { try db.declareInterest(as: testAdmin, Interest(what: "Something", from: fixedToday)) }
        #expect(none.map(\.field) == ["person"])
    }
}
