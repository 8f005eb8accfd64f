import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Clicks and the wheel, as the backend reports them: a click chooses what was drawn under
/// it, a second click on the chosen row opens it, the wheel moves three rows, and nothing
/// happens with the mouse off.
@Suite struct MouseTests {
    /// The fixture with the mouse on, as the configuration file's default leaves it.
    static func fixture() throws -> Fixture {
        let f = try Fixture()
        var state = f.controller.state
        state.mouseEnabled = true
        f.controller = AppController(database: f.database, state: state, clock: { Fixture.now.instant })
        return f
    }

    /// Where a row's text is drawn on screen.
    static func find(_ text: String, in screen: Screen) -> (x: Int, y: Int)? {
        for (y, line) in screen.lines.enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }

    @Test func aClickOnARowOfAnotherPaneFocusesItAndChoosesTheRowAndASecondClickOpensIt() throws {
        let f = try Self.fixture()
        #expect(f.controller.state.focus == .meetings)
        let milton = try #require(Self.find("Milton", in: f.screen))
        f.controller.handle(.mouse(MouseEvent(.click, x: milton.x, y: milton.y)))
        #expect(f.controller.state.focus == .areas)
        #expect(f.controller.state.areas.item(at: f.controller.state[.areas].selected)?.area.name == "Milton")
        #expect(f.controller.state.stack.isEmpty)
        f.controller.handle(.mouse(MouseEvent(.click, x: milton.x, y: milton.y)))
        #expect(f.controller.state.detail?.target == .area(f.controller.state.areas.item(at: 1)!.area.id))
    }

    @Test func theWheelMovesTheListUnderItThreeRowsAtATime() throws {
        let f = try Self.fixture()
        let row = try #require(Self.find("Kursaal", in: f.screen))
        f.controller.handle(.mouse(MouseEvent(.wheelDown, x: row.x, y: row.y)))
        #expect(f.controller.state.focus == .areas)
        #expect(f.controller.state[.areas].selected == 3)
        f.controller.handle(.mouse(MouseEvent(.wheelUp, x: row.x, y: row.y)))
        #expect(f.controller.state[.areas].selected == 0)
    }

    @Test func aClickOnAFormFieldPutsTheCursorThere() throws {
        let f = try Self.fixture()
        f.press(.character("n"))
        #expect(f.controller.state.screen == .meetingForm)
        let venue = try #require(Self.find("Venue", in: f.screen))
        f.controller.handle(.mouse(MouseEvent(.click, x: venue.x, y: venue.y)))
        #expect(f.controller.state.form?.focus == .venue)
        let title = try #require(Self.find("Title", in: f.screen))
        f.controller.handle(.mouse(MouseEvent(.click, x: title.x, y: title.y)))
        #expect(f.controller.state.form?.focus == .title)
    }

    @Test func aClickOnARowOfAListScreenChoosesIt() throws {
        let f = try Self.fixture()
        f.press(.character("F"))
        let before = f.controller.state.detail?.selected
        let rows = f.screen.hits.filter { if case .detailRow = $0.target { return true } else { return false } }
        let second = try #require(rows.first { $0.target == .detailRow(1) })
        f.controller.handle(.mouse(MouseEvent(.click, x: second.rect.x + 2, y: second.rect.y)))
        #expect(before == 0)
        #expect(f.controller.state.detail?.selected == 1)
    }

    @Test func withTheMouseOffClicksDoNothing() throws {
        let f = try Fixture()
        let milton = try #require(Self.find("Milton", in: f.screen))
        let before = f.controller.state
        f.controller.handle(.mouse(MouseEvent(.click, x: milton.x, y: milton.y)))
        #expect(f.controller.state.focus == before.focus)
        #expect(f.controller.state[.areas].selected == before[.areas].selected)
    }
}
