import Coproduction
import PropertyBased
import Testing

/// Text for a terminal: no character that acts on it survives; everything else is untouched.
@Suite struct TerminalTextTests {
    @Test func escapeSequencesBecomeVisiblePlaceholders() {
        #expect(TerminalText.visible("a\u{1B}]52;c;eA==\u{07}b") == "a␛]52;c;eA==␇b")
        #expect(TerminalText.visible("x\ry\u{7F}\u{9B}z") == "x␍y␡\u{FFFD}z")
        #expect(TerminalText.visible("tab\there\nnext line, Zoë 🙂") == "tab\there\nnext line, Zoë 🙂")
    }

    @Test func nothingHostileSurvivesAnyText() async {
        await propertyCheck(input: Gen.int(in: 0...0x3000).array(of: 0...40)) { codes in
            var text = String.UnicodeScalarView()
            text.append(contentsOf: codes.compactMap { Unicode.Scalar(UInt32($0)) })
            let shown = TerminalText.visible(String(text))
            #expect(!shown.unicodeScalars.contains(where: TerminalText.isHostile))
            #expect(shown.unicodeScalars.count == text.count, "one placeholder per character")
        }
    }
}
