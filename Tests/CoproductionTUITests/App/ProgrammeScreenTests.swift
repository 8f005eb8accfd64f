import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// The fund, marketing and rewards screens driven by keys over the demo data.
@Suite struct ProgrammeScreenTests {
    @Test func theReportDrawsABarForEveryFigureWithItsNumber() throws {
        let f = try Fixture()
        f.press(.character("R"))
        f.press(.end)
        let text = f.screen.text
        #expect(text.contains("on each rung of the ladder of co-production"))
        #expect(text.contains("█"))
        f.press(.escape)
        #expect(f.controller.state.detail == nil)
    }

    @Test func approvingOverTheRemainingBudgetKeepsTheFormAndSavesNothing() throws {
        let f = try Fixture()
        try f.database.setFundBudget(as: testAdminActor, year: FinancialYear(startYear: 2026), total: Money(pence: 165_000 + 10_000))
        f.press(.character("F"))
        // The newest proposal (Translated sheet, £300) is chosen; m opens the decision.
        f.press(.character("m"))
        #expect(f.controller.state.stepForm?.title.contains("Translated") == true)
        f.press(.tab, .tab)
        f.type("Parents asked for it")
        // The reason is a text box: Enter starts a new line there, Ctrl-S saves.
        f.press(.enter)
        #expect(f.controller.state.stepForm?.values["reason"] == "Parents asked for it\n")
        f.press(.backspace, .control("s"))
        let form = try #require(f.controller.state.stepForm)
        #expect(form.errors["amount"]?.contains("more than the £100.00 left") == true)
        #expect(form.values["reason"] == "Parents asked for it")
        #expect(try f.database.fundOverview(as: testAdminActor, year: FinancialYear(startYear: 2026)).proposals.first?.proposal.status == .submitted)
        // The focus went to the amount; approve less: saved, and the screen shows it.
        #expect(form.focus == "amount")
        f.press(.control("u"))
        f.type("90")
        f.press(.enter)
        #expect(f.controller.state.stepForm == nil)
        #expect(f.screen.text.contains("✓ approved         £90.00"))
        #expect(f.screen.text.contains("remaining £10.00"))
    }

    @Test func theBudgetIsSetOnTheFundScreenAndNeverBelowWhatIsCommitted() throws {
        let f = try Fixture()
        f.press(.character("F"), .character("e"))
        #expect(f.controller.state.stepForm?.values["budget"] == "£5,000.00")
        f.press(.control("u"))
        f.type("1000")
        f.press(.enter)
        #expect(f.controller.state.stepForm?.errors["budget"]?.contains("£1,650.00 is already committed") == true)
        f.press(.control("u"))
        f.type("6,000")
        f.press(.enter)
        #expect(f.controller.state.stepForm == nil)
        #expect(f.screen.text.contains("budget £6,000.00") && f.screen.text.contains("remaining £4,350.00"))
    }

    @Test func aNewProposalWithAnUnknownAreaSaysWhichAreasThereAre() throws {
        let f = try Fixture()
        // Another proposal chosen first: saving moves the choice to the new one.
        f.press(.character("F"), .down, .down)
        #expect(f.controller.state.detail?.selected == 2)
        f.press(.character("n"))
        f.type("Leigh Parents")
        f.press(.tab)
        f.type("Leigh")
        f.press(.tab)
        f.type("Picnic")
        f.press(.tab)
        f.type("A picnic in the park")
        f.press(.tab)
        f.type("1,200")
        f.press(.enter)
        let form = try #require(f.controller.state.stepForm)
        // Every problem at once, the focus on the first.
        #expect(form.errors["area"]?.contains("Kursaal") == true)
        #expect(form.errors["amount"]?.contains("over the limit of £1,000.00") == true)
        #expect(form.focus == "area")
        f.press(.control("u"))
        f.type("Milton")
        f.press(.tab, .tab, .tab, .control("u"))
        f.type("250")
        f.press(.enter)
        #expect(f.controller.state.stepForm == nil)
        #expect(f.screen.text.contains("Picnic"))
        // The selection moves to the proposal just sent in, so its details show under the list.
        guard case .fund(let fund)? = f.controller.state.detail?.content else { Issue.record("the fund is not showing"); return }
        let chosen = fund.proposals[f.controller.state.detail!.selected]
        #expect(chosen.proposal.title == "Picnic")
        #expect(f.screen.lines[try #require(f.screen.cursor).y].contains("Picnic"))
    }

    @Test func aChampionCannotOpenOtherFamiliesRewards() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Zoe Adams"))
        f.press(.character("V"))
        #expect(f.screen.text.contains("Zoe Adams"))
        #expect(!f.screen.text.contains("Hannah Clarke"))
        f.press(.character("n"))
        #expect(f.controller.state.stepForm == nil)
        #expect(f.controller.state.status.contains("cannot change parents' vouchers"))
    }

    @Test func aRewardFormShowsEveryProblemAndThenTakesTheStatedVoucher() throws {
        let f = try Fixture()
        f.press(.character("V"), .character("n"))
        #expect(f.controller.state.stepForm?.values["who"] == StepForm.rewardToChampion)
        f.press(.tab)
        f.type("Nobody Here")
        f.press(.tab, .right)  // expenses
        f.press(.enter)
        var form = try #require(f.controller.state.stepForm)
        #expect(form.errors["parent"]?.contains("No Parent Champion is called “Nobody Here”") == true)
        #expect(form.errors["amount"]?.contains("no amount is stated for expenses") == true)
        #expect(form.errors["note"]?.contains("Say what the expenses were for") == true)
        // An amount that reads but breaks a rule is named too, while the parent is still wrong.
        f.press(.tab, .tab, .tab)
        f.type("600")
        f.press(.enter)
        form = try #require(f.controller.state.stepForm)
        #expect(form.errors["amount"]?.contains("more than £500.00 for one reward") == true)
        #expect(form.errors["parent"] != nil)
        f.press(.control("u"))
        // A focus-group voucher with no amount takes the £20 stated up front.
        f.press(.control("u"))
        f.type("Jade Cooper")
        f.press(.tab, .left, .tab, .right, .right, .tab, .control("u"), .enter)
        form = f.controller.state.stepForm ?? form
        #expect(f.controller.state.stepForm == nil, "\(form.errors)")
        let jade = try f.database.rewards(as: testAdminActor, year: FinancialYear(startYear: 2026)).first { $0.parent == "Jade Cooper" }
        #expect(jade?.reward.amount == .pounds(20) && jade?.reward.reason == .focusGroup && jade?.reward.benefitsAdviceOffered == false)
    }

    @Test func aDraftIsSentToParentsOnlyAfterYes() throws {
        let f = try Fixture()
        f.press(.character("M"))
        #expect(f.screen.text.contains("“multi-agency” → several services together"))
        f.press(.character("m"))
        #expect(f.controller.state.prompt != nil)
        f.press(.character("n"))
        #expect(try f.database.materials(as: testAdminActor).first?.status == .draft)
        f.press(.character("m"), .character("y"))
        #expect(try f.database.materials(as: testAdminActor).first?.status == .withParents)
    }
}

/// An admin for direct store calls in screen tests.
let testAdminActor = Actor(userID: 0, name: "Test Admin", role: .admin)

@Suite struct FilterCountTests {
    @Test func aFilterMatchingMoreThanAThousandSaysSoInsteadOfCountingOn() throws {
        let f = try Fixture()
        try f.database.write { db in
            for i in 0..<1_005 {
                try RecordWrites.insertMeeting(db, Meeting(id: 0, kind: .serviceDesign, title: "Walk \(i)", date: Fixture.today.adding(days: 1 + i % 30),
                                                           start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!,
                                                           venue: "Seafront"))
            }
        }
        f.press(.character("/"))
        f.type("seafront")
        #expect(f.controller.state[.meetings].moreThanTotal)
        #expect(f.screen.text.contains("1/1000+"))
        f.type(" 100")
        #expect(!f.controller.state[.meetings].moreThanTotal)
        #expect(f.controller.state[.meetings].total == 6)  // Walk 100, and Walk 1000 to 1004
        #expect(f.screen.text.contains("1/6"))
    }
}
