@testable import CoproductionTUI
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ScreenTests {
    init() { setlocale(LC_ALL, "C.UTF-8") }

    @Test func widthsAgreeWithTheTerminal() {
        #expect(DisplayWidth.of("crèche") == 6)
        #expect(DisplayWidth.of("cre\u{300}che") == 6)  // è as e + combining grave
        #expect(DisplayWidth.of("£20 ✓ ✗") == 7)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("👶") == 2)
    }

    @Test func textAfterWideAndCombiningCharactersStaysInItsColumn() {
        var screen = Screen(width: 12, height: 3)
        screen.put("cre\u{300}che|", x: 0, y: 0)
        screen.put("crèche|", x: 0, y: 1)
        screen.put("日本語|", x: 0, y: 2)
        #expect(screen[6, 0].grapheme == "|")
        #expect(screen[6, 1].grapheme == "|")
        #expect(screen[6, 2].grapheme == "|")
        #expect(screen[1, 2].width == 0)
    }

    @Test func writingStopsAtTheEdgeWithoutSplittingAWideCharacter() {
        var screen = Screen(width: 5, height: 1)
        let written = screen.put("ab日本", x: 0, y: 0)
        #expect(written == 4)
        #expect(screen.lines == ["ab日 "])
    }

    @Test func truncationAndPaddingCountColumnsNotCharacters() {
        #expect(DisplayWidth.truncate("Partnership Board", to: 8) == "Partner…")
        #expect(DisplayWidth.pad("✓ ok", to: 6) == "✓ ok  ")
        #expect(DisplayWidth.pad("7", to: 3, alignRight: true) == "  7")
        #expect(DisplayWidth.wrap("one two three four", width: 9) == ["one two", "three", "four"])
    }

    @Test func asciiFallbackFoldsAccentsAndSymbols() {
        #expect(ASCIIFold.fold("Crèche £20 – Siobhán ✓") == "Creche GBP20 - Siobhan +")
        var screen = Screen(width: 20, height: 1, asciiOnly: true)
        screen.put("Renée ✗ fail", x: 0, y: 0)
        #expect(screen.lines == ["Renee x fail        "])
    }
}
