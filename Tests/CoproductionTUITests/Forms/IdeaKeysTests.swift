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
        // m picks an idea by a few of its words, then a menu offers its next step.
        f.press(.character("m"))
        f.type("swimming")
        #expect(f.screen.text.contains("Baby swimming at Leisure Park"))
        f.press(.enter)
        #expect(f.controller.state.prompt?.question.contains("What next?") == true)
        #expect(f.screen.text.contains("move it on: ready for the Board"))
        f.press(.enter)
        #expect(f.controller.state.status.hasSuffix("is ready for the Board."))
        // A decided idea: the champion who told parents is picked by part of the name, then how.
        let admin = try #require(try f.database.demoActor())
        let milton = try #require(try f.database.areas(as: admin, today: Fixture.today, offset: 0, limit: 10).first { $0.area.name == "Milton" }).area.id
        let decided = try #require(try f.database.ideas(as: admin, areaID: milton).first { $0.status == .decided })
        f.press(.character("m"))
        f.type(String(decided.text.prefix(12)))
        f.press(.enter, .enter)
        #expect(f.controller.state.prompt?.question.contains("Who told the parents") == true)
        f.type("hann")
        #expect(f.screen.text.contains("Hannah Clarke"))
        f.press(.enter)
        #expect(f.controller.state.prompt?.question.contains("How did Hannah Clarke tell the parents") == true)
        f.press(.down, .down, .enter)
        #expect(f.controller.state.status == "Idea #\(decided.id) is now fed back.")
        #expect(try f.database.ideas(as: admin, areaID: milton).first { $0.id == decided.id }?.channel == .newsletter)
        // An idea that has gone as far as it goes is not offered.
        f.press(.character("m"))
        f.type(String(decided.text.prefix(12)))
        f.press(.enter)
        #expect(f.controller.state.prompt?.error.contains("No idea still moving in this area is called") == true)
    }

    @Test func ctrlRPullsReadyIdeasOntoTheBoardBeingEdited() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter, .character("e"))
        #expect(f.screen.text.contains("Ctrl-R add ready ideas"))
        f.press(.control("r"))
        let form = try #require(f.controller.state.form)
        #expect(form.agenda.contains { $0.title == "Idea from parents in Kursaal" && $0.summary.hasPrefix("Stay and play on Saturdays") })
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
