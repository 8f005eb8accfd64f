@testable import CoproductionTUI
import PropertyBased
import Testing

/// The line editor in every single-line field: the keys of a shell or a browser.
@Suite struct LineEditorTests {
    func edited(_ text: String, selectAll: Bool = false, _ edits: LineEditor.Edit...) -> LineEditor {
        var e = LineEditor(text, selectAll: selectAll)
        for edit in edits { e.apply(edit) }
        return e
    }

    @Test func typingInTheMiddleOfAFieldInsertsThere() {
        let e = edited("09/12/2026", .home, .right, .right, .insert("!"))
        #expect(e.text == "09!/12/2026" && e.cursor == 3)
    }

    @Test func aPreFilledFieldIsSelectedSoTypingReplacesIt() {
        #expect(edited("09/12/2026", selectAll: true, .insert("3"), .insert("1")).text == "31")
        // A move keeps the text and drops the selection.
        #expect(edited("09/12/2026", selectAll: true, .left, .insert("X")).text == "09/12/202X6")
        #expect(edited("09/12/2026", selectAll: true, .home, .insert("X")).text == "X09/12/2026")
        #expect(edited("abc", selectAll: true, .backspace).text == "")
    }

    @Test func homeEndAndWordMoves() {
        var e = edited("Partnership Board meeting", .home)
        #expect(e.cursor == 0)
        e.apply(.wordRight)
        #expect(e.cursor == 11)
        e.apply(.wordRight)
        #expect(e.cursor == 17)
        e.apply(.wordLeft)
        #expect(e.cursor == 12)
        e.apply(.end)
        #expect(e.cursor == 25)
    }

    @Test func cuttingWordsAndLines() {
        #expect(edited("Partnership Board meeting", .deleteWordBack).text == "Partnership Board ")
        #expect(edited("Partnership Board meeting", .wordLeft, .killToEnd).text == "Partnership Board ")
        #expect(edited("Partnership Board meeting", .wordLeft, .killToStart).text == "meeting")
        #expect(edited("ab", .home, .delete).text == "b")
        #expect(edited("ab", .home, .backspace).text == "ab")
        #expect(edited("ab", .delete).text == "ab")
    }

    @Test func graphemesAreOneStepEach() {
        // An emoji family, a letter with a combining accent, and wide CJK.
        let text = "👨‍👩‍👧 Zoe\u{301} 日本"
        var e = LineEditor(text, selectAll: false)
        e.apply(.home)
        e.apply(.right)
        #expect(e.cursor == 1)
        e.apply(.delete)
        #expect(e.text == "👨‍👩‍👧Zoe\u{301} 日本")
        e.apply(.end)
        e.apply(.backspace)
        #expect(e.text == "👨‍👩‍👧Zoe\u{301} 日")
        // A combining mark typed after a letter joins it.
        var accent = LineEditor("Zoe", selectAll: false)
        accent.apply(.insert("\u{308}"))
        #expect(accent.text == "Zoë" && accent.cursor == 3)
    }

    @Test func aLongFieldScrollsToKeepTheCursorInView() {
        let text = String(repeating: "abcdefghij", count: 10)
        var e = LineEditor(text, selectAll: false)
        var (shown, column) = e.visible(width: 20)
        #expect(column <= 19 && shown.hasSuffix("ij") && text.hasSuffix(shown))
        e.apply(.home)
        (shown, column) = e.visible(width: 20)
        #expect(column == 0 && shown.hasPrefix("abc"))
        // Wide characters count two columns.
        let wide = LineEditor(String(repeating: "日", count: 30), selectAll: false)
        let (w, c) = wide.visible(width: 20)
        #expect(DisplayWidth.of(w) <= 20 && c <= 19)
    }

    @Test func anySequenceOfEditsKeepsTheCursorOnAGraphemeInsideTheText() async {
        let pieces = ["a", "Z", " ", "é", "e\u{301}", "\u{301}", "👶", "日", "—", "£"]
        let edits: [LineEditor.Edit] = [.left, .right, .home, .end, .wordLeft, .wordRight, .backspace, .delete, .deleteWordBack,
                                        .killToEnd, .killToStart]
        await propertyCheck(input: Gen.int(in: 0...1_000_000).array(of: 0...60), Gen.bool()) { steps, selectAll in
            var e = LineEditor("Zoë 日本 👶", selectAll: selectAll)
            for step in steps {
                if step % 3 == 0 { e.apply(.insert(pieces[step % pieces.count])) } else { e.apply(edits[step % edits.count]) }
                #expect(e.cursor >= 0 && e.cursor <= e.text.count)
                // The text before the cursor is whole graphemes of the text.
                let prefix = String(e.text.prefix(e.cursor))
                #expect(e.text.hasPrefix(prefix) && prefix.count == e.cursor)
            }
        }
    }
}
