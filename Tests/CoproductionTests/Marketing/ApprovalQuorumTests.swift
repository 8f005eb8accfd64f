import Coproduction
import Testing

@Suite struct ApprovalQuorumTests {
    func sent(version: Int = 1, by: Int64? = nil) -> Material {
        var m = Material(id: 1, title: "Stay and Play", kind: .leaflet, service: "Stay and Play", text: "Come and play.", submittedBy: by)
        m.version = version
        m.sentToParents = true
        return m
    }

    func approve(_ champion: Int64, area: Int64, version: Int = 1) -> MaterialReview {
        MaterialReview(championID: champion, areaID: area, version: version, verdict: .approve, comment: "")
    }

    @Test func aDraftIsADraftWhateverTheReviews() {
        var m = sent()
        m.sentToParents = false
        #expect(ApprovalQuorum().status(of: m, reviews: [approve(1, area: 1), approve(2, area: 2), approve(3, area: 3)]) == .draft)
    }

    @Test func threeApprovalsFromTwoAreasMakeItParentApproved() {
        let q = ApprovalQuorum()
        #expect(q.status(of: sent(), reviews: [approve(1, area: 1), approve(2, area: 2)]) == .withParents)
        #expect(q.shortfall(of: sent(), reviews: [approve(1, area: 1), approve(2, area: 2)]) == "1 more approval")
        #expect(q.status(of: sent(), reviews: [approve(1, area: 1), approve(2, area: 2), approve(3, area: 2)]) == .parentApproved)
        #expect(q.shortfall(of: sent(), reviews: [approve(1, area: 1), approve(2, area: 2), approve(3, area: 2)]) == nil)
    }

    @Test func threeApprovalsFromOneAreaAreNotEnough() {
        let reviews = [approve(1, area: 1), approve(2, area: 1), approve(3, area: 1)]
        #expect(ApprovalQuorum().status(of: sent(), reviews: reviews) == .withParents)
        #expect(ApprovalQuorum().shortfall(of: sent(), reviews: reviews) == "parents of 1 more area")
        #expect(ApprovalQuorum(approvals: 3, areas: 1).status(of: sent(), reviews: reviews) == .parentApproved)
    }

    @Test func anOpenRequestForChangesHoldsItBack() {
        let reviews = [approve(1, area: 1), approve(2, area: 2), approve(3, area: 3),
                       MaterialReview(championID: 4, areaID: 4, version: 1, verdict: .changes, comment: "Say where to get help")]
        #expect(ApprovalQuorum().status(of: sent(), reviews: reviews) == .changesRequested)
    }

    @Test func aNewVersionClearsTheApprovals() {
        let reviews = [approve(1, area: 1), approve(2, area: 2), approve(3, area: 3),
                       MaterialReview(championID: 4, areaID: 4, version: 1, verdict: .changes, comment: "Say where to get help")]
        #expect(ApprovalQuorum().status(of: sent(version: 2), reviews: reviews) == .withParents)
        #expect(ApprovalQuorum().status(of: sent(version: 2), reviews: reviews + [approve(1, area: 1, version: 2), approve(2, area: 2, version: 2),
                                                                                   approve(5, area: 5, version: 2)]) == .parentApproved)
    }

    @Test func oneAnswerPerParentPerVersionAndNeverOnTheirOwn() {
        let existing = [approve(1, area: 1)]
        let twice = MaterialRules.reviewProblems(sent(), by: 1, verdict: .approve, comment: "", existing: existing)
        #expect(twice.map(\.field) == [.parent])
        #expect(twice.first?.message.contains("already answered") == true)
        #expect(MaterialRules.reviewProblems(sent(version: 2), by: 1, verdict: .approve, comment: "", existing: existing).isEmpty)
        let own = MaterialRules.reviewProblems(sent(by: 7), by: 7, verdict: .approve, comment: "", existing: [])
        #expect(own.first?.message.contains("put forward themselves") == true)
        #expect(MaterialRules.reviewProblems(sent(), by: 2, verdict: .changes, comment: " ", existing: []).map(\.field) == [.comment])
    }

    @Test func duplicateApprovalsFromOneParentCountOnce() {
        let reviews = [approve(1, area: 1), approve(1, area: 1), approve(2, area: 2)]
        #expect(ApprovalQuorum().status(of: sent(), reviews: reviews) == .withParents)
    }
}
