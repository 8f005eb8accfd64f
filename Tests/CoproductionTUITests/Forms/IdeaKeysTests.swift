import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct IdeaKeysTests {
    @Test func logAnIdeaThenMoveOneAlongFromTheAreaDetail() throws {
        let f = try Fixture()
        f.press(.character("2"), .down, .enter)  // Milton
        f.press(.character("I"))
        f.type("Baby swimming at Leisure Park")
        f.press(.enter)
        #expect(f.controller.state.status.hasPrefix("Idea #"))
        #expect(f.screen.text.contains("Ideas       2 open"))
        f.press(.character("m"))
        f.type("3")
        f.press(.enter)
        #expect(f.controller.state.prompt?.question.contains("Who told the parents") == true)
        f.type("Hannah Clarke; newsletter")
        f.press(.enter)
        #expect(f.controller.state.status == "Idea #3 is now fed back.")
        f.press(.character("m"))
        f.type("4")
        f.press(.enter)
        #expect(f.controller.state.prompt?.error.contains("goes no further") == true)
    }

    @Test func ctrlRPullsReadyIdeasOntoTheBoardBeingEdited() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter, .character("e"))
        #expect(f.screen.text.contains("Ctrl-R add ready ideas"))
        f.press(.control("r"))
        let form = try #require(f.controller.state.form)
        #expect(form[.agenda].contains("Idea from parents in Kursaal: Stay and play on Saturdays"))
        #expect(form.message.contains("2 ideas from parents added"))
        f.press(.enter)
        let admin = try #require(try f.database.demoActor())
        let kursaal = try #require(try f.database.areas(as: admin, today: Fixture.today, offset: 0, limit: 10).first).area.id
        #expect(try f.database.ideas(as: admin, areaID: kursaal).contains { $0.status == .onAgenda })
    }
}

@Suite struct RungFieldTests {
    @Test func aMeetingIsTaggedWithItsRungFromTheForm() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter, .character("e"))
        while f.controller.state.form?.focus != .rung { f.press(.tab) }
        f.type("halfway")
        f.press(.enter)
        #expect(f.controller.state.form?.errors[.rung]?.contains("Choose a rung") == true)
        f.press(.control("u"))
        f.type("Co-production")
        f.press(.enter)
        guard case .meeting(let d)? = f.controller.state.detail?.content else {
            Issue.record("not saved")
            return
        }
        #expect(d.rung == .coproduction)
    }
}
