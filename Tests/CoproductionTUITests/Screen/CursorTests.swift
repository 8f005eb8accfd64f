import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// The terminal cursor follows what the user is working on, so screen readers, braille
/// displays and magnifiers track it: the selected row in lists, where the next letter goes
/// in text.
@Suite struct CursorTests {
    @Test func onTheMainScreenTheCursorIsOnTheSelectedRowsMarker() throws {
        let f = try Fixture()
        f.press(.down, .down)
        var cursor = try #require(f.screen.cursor)
        #expect(f.screen[cursor.x, cursor.y].grapheme == "▶")
        #expect(!cursor.visible)
        f.press(.tab, .down)
        cursor = try #require(f.screen.cursor)
        #expect(f.screen[cursor.x, cursor.y].grapheme == "▶")
        #expect(f.screen.lines[cursor.y].contains("Milton") || f.screen.lines[cursor.y].contains("▶"))
    }

    @Test func inAFieldTheCursorIsShownAfterTheTextTyped() throws {
        let f = try Fixture()
        f.press(.character("n"))
        f.type("Board")
        let cursor = try #require(f.screen.cursor)
        #expect(cursor.visible)
        let line = f.screen.lines[cursor.y]
        let before = String(line.prefix(cursor.x))
        #expect(before.hasSuffix("Board"), "the cursor is not just after the typed text: \(line)")
    }

    @Test func theFilterAndTheSignInShowTheCursorWhereTypingGoes() throws {
        let f = try Fixture()
        f.press(.character("/"))
        f.type("boa")
        var cursor = try #require(f.screen.cursor)
        #expect(cursor.visible && String(f.screen.lines[cursor.y].prefix(cursor.x)).hasSuffix("boa"))
        let locked = try Fixture(signedIn: false)
        locked.type("Zoe")
        cursor = try #require(locked.screen.cursor)
        #expect(cursor.visible && String(locked.screen.lines[cursor.y].prefix(cursor.x)).hasSuffix("Zoe"))
    }

    @Test func theSettingKeepsTheCursorShownOnListsToo() throws {
        var s = bareState(total: 3)
        s.cursorAlwaysVisible = true
        #expect(view(s, size: s.size).cursor?.visible == true)
        s.cursorAlwaysVisible = false
        #expect(view(s, size: s.size).cursor?.visible == false)
    }
}
