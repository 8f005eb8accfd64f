import Coproduction
import Testing

@Suite struct IdeaFlowTests {
    @Test func ideasMoveOneStepAtATime() {
        #expect(IdeaFlow.problem(from: .new, to: .ready) == nil)
        #expect(IdeaFlow.problem(from: .ready, to: .onAgenda) == nil)
        #expect(IdeaFlow.problem(from: .onAgenda, to: .decided) == nil)
        #expect(IdeaFlow.problem(from: .decided, to: .fedBack) == nil)
        #expect(IdeaFlow.problem(from: .new, to: .decided)?.contains("no skipping") == true)
        #expect(IdeaFlow.problem(from: .ready, to: .fedBack) != nil)
        #expect(IdeaFlow.problem(from: .decided, to: .ready) != nil)
        #expect(IdeaFlow.problem(from: .fedBack, to: .closed) != nil)
        #expect(IdeaFlow.problem(from: .onAgenda, to: .closed) == nil)
        #expect(IdeaFlow.problem(from: .closed, to: .ready) != nil)
    }

    @Test func decidedButNotFedBackIsFlaggedAfterTheSetting() {
        let today = LocalDate(iso: "2026-11-27")!
        var idea = Idea(areaID: 1, raisedOn: today.adding(days: -60), raisedBy: nil, text: "Buggy parking", status: .decided)
        idea.decidedOn = today.adding(days: -28)
        #expect(!idea.awaitingFeedbackTooLong(today: today, days: 28))
        idea.decidedOn = today.adding(days: -29)
        #expect(idea.awaitingFeedbackTooLong(today: today, days: 28))
        idea.status = .fedBack
        #expect(!idea.awaitingFeedbackTooLong(today: today, days: 28))
    }

    @Test(arguments: [(31, nil), (30, CheckStatus.warn), (0, .warn), (-1, .fail)])
    func refreshersAndDBSAreFlaggedWithin30DaysOrOverdue(daysAhead: Int, status: CheckStatus?) {
        let today = LocalDate(iso: "2026-11-27")!
        let flags = ChampionChecks.flags(refresherDue: today.adding(days: daysAhead), dbsRenewalDue: nil, today: today)
        #expect(flags.first?.status == status)
        #expect(flags.allSatisfy { $0.what == "Refresher" })
    }
}
