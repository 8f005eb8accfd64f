import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Records are named by part of their name, never by id: champions on a meeting, a child to
/// book, the meeting a fund decision was made at.
@Suite struct PickByNameTests {
    @Test func twoChampionsChosenByPartOfTheirNames() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("n"))
        f.type("Speech and language")
        while f.controller.state.form?.focus != .confirmed { f.press(.tab) }
        f.type("zo")
        #expect(f.screen.text.contains("Zoe Adams  Kursaal"))
        f.press(.enter)
        f.type("ren")   // Renée, typed without the accent
        #expect(f.screen.text.contains("Renée Dubois  Milton"))
        f.press(.enter)
        #expect(f.controller.state.form?[.confirmed] == "Zoe Adams, Renée Dubois, ")
        f.press(.enter)
        guard case .meeting(let d)? = f.controller.state.detail?.content else {
            Issue.record("the meeting was not saved: \(f.controller.state.form?.errors ?? [:])")
            return
        }
        #expect(d.championNames.sorted() == ["Renée Dubois", "Zoe Adams"])
    }

    @Test func aChildBookedByPartOfTheirName() throws {
        let f = try Fixture()
        // The second crèche in the pane has no children booked yet.
        f.press(.character("3"), .down, .character("r"), .character("b"))
        #expect(f.controller.state.prompt != nil)
        f.type("a")
        let offered = f.controller.state.prompt?.suggestions.map(\.name) ?? []
        #expect(!offered.isEmpty)
        #expect(offered.contains("Ruby Clarke"))
        f.press(.control("u"))
        f.type("oliv")
        #expect(f.screen.text.contains("Oliver Shah"))
        f.press(.enter)
        #expect(f.controller.state.prompt == nil, "\(f.controller.state.prompt?.error ?? "")")
        #expect(f.controller.state.status == "Oliver Shah booked.")
        // Booked, he is no longer offered for this crèche.
        f.press(.character("b"))
        f.type("oliv")
        #expect(f.controller.state.prompt?.suggestions.isEmpty == true)
        f.press(.escape)
        // A name that is nobody is refused with what to do; nothing is booked.
        f.press(.character("b"))
        f.type("Nobody")
        f.press(.enter)
        #expect(f.controller.state.prompt?.error.contains("type part of the name and choose from the list") == true)
    }

    @Test func theFundDecisionNamesItsMeetingByTitle() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        let admin = try #require(try f.database.demoActor())
        let board = try #require(try f.database.meetingNames(as: admin, from: Fixture.today.adding(days: -60), to: Fixture.today)
            .last { $0.record.name.contains("Partnership Board") })
        var s = f.controller.state
        s.stack = [.stepForm(StepForm(purpose: .decideProposal(1), title: "Decide", specs: [
            StepForm.FieldSpec("meeting", "At meeting", "if decided at one: type part of its title"),
        ]))]
        let commands = update(&s, .key(.character("p")))
        #expect(commands.contains(.readChoices([.meetings])))
        let names = f.controller.readChoices([.meetings], admin)
        _ = update(&s, names[0])
        for c in "artnership" { _ = update(&s, .key(.character(c))) }
        let offered = try #require(s.stack.last.flatMap { StepForm(entry: $0) }).suggestions.map(\.name)
        #expect(offered.contains(MeetingForm.choiceName(board.record.name, board.date, board.start)))
        #expect(!offered.contains { $0.allSatisfy(\.isNumber) })
    }
}
