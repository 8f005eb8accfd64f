import Foundation
import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import SnapshotTesting
import Testing

/// Every screen in the plain mode (screen readers) and in the ASCII and terminal-line modes
/// (terminals without UTF-8 or without the glyphs): golden screens of each, and for every role
/// that nothing runs through a border, no line is wider than the screen, and only what the
/// mode can draw is drawn.
@Suite(.serialized) struct InclusionModesTests {
    /// A fixture whose theme is changed before anything is drawn.
    static func fixture(_ theme: Theme, size: Size = Size(width: 80, height: 24)) throws -> Fixture {
        let f = try Fixture(size: size)
        var state = f.controller.state
        state.theme = theme
        state.plainAtStart = theme.plain
        f.controller = AppController(database: f.database, state: state, clock: { Fixture.now.instant })
        return f
    }

    static let plain = Theme(colour: false, asciiOnly: false, plain: true)
    static let ascii = Theme(colour: false, asciiOnly: true)
    static let terminalLines = Theme(colour: false, asciiOnly: false, lines: .terminal)
    static let unicode = Theme(colour: false, asciiOnly: false)

    /// The screens every test walks: each way in from the main screen, named.
    static var screens: [(String, ScreenID, [Key])] {
        ScreenWalkTests.paths.enumerated().map { i, p in ("\(i)-\(p.0.rawValue)", p.0, p.1) }
    }

    @Test func everyScreenInPlainModeMatchesItsGoldenFile() throws {
        let f = try Self.fixture(Self.plain)
        for (name, screen, path) in Self.screens {
            guard ScreenWalkTests.go(f, screen, path) else { continue }
            assertSnapshot(of: f.screen.text, as: .lines, named: name)
        }
    }

    @Test func everyScreenInASCIIModeMatchesItsGoldenFile() throws {
        let f = try Self.fixture(Self.ascii)
        for (name, screen, path) in Self.screens {
            guard ScreenWalkTests.go(f, screen, path) else { continue }
            assertSnapshot(of: f.screen.text, as: .lines, named: name)
        }
    }

    /// The columns where a border's vertical line is drawn on a row, in the Unicode mode.
    static func borders(_ screen: Screen) -> [(x: Int, y: Int)] {
        var out: [(Int, Int)] = []
        for y in 0..<screen.height {
            for x in 0..<screen.width where ["│", "┃", "┌", "┐", "└", "┘", "┏", "┓", "┗", "┛"].contains(screen[x, y].grapheme) {
                out.append((x, y))
            }
        }
        return out
    }

    @Test(arguments: ScreenWalkTests.people.map(\.0)) func nothingRunsThroughABorderInAnyModeForAnyRole(role: Role) throws {
        let name = ScreenWalkTests.people.first { $0.0 == role }!.1
        let modes: [(String, Theme)] = [("ascii", Self.ascii), ("terminal lines", Self.terminalLines), ("plain", Self.plain)]
        let reference = try Self.fixture(Self.unicode)
        _ = try #require(reference.signIn(as: name))
        var fixtures: [(String, Theme, Fixture)] = []
        for (label, theme) in modes {
            let f = try Self.fixture(theme)
            _ = try #require(f.signIn(as: name))
            fixtures.append((label, theme, f))
        }
        var checked = 0
        for (_, screen, path) in Self.screens {
            guard ScreenWalkTests.go(reference, screen, path) else { continue }
            let lines = Self.borders(reference.screen)
            for (label, theme, f) in fixtures {
                guard ScreenWalkTests.go(f, screen, path) else { continue }
                let drawn = f.screen
                checked += 1
                for line in drawn.lines { #expect(DisplayWidth.of(line) <= 80, "\(label) \(screen): a line wider than the screen") }
                switch label {
                case "ascii":
                    // Every border cell of the Unicode screen is a border cell here too: no text ran into it.
                    for (x, y) in lines {
                        #expect(["|", "#", "+", "-", "="].contains(drawn[x, y].grapheme),
                                "\(label) \(screen) for \(role): “\(drawn[x, y].grapheme)” at column \(x) of “\(drawn.lines[y])”")
                    }
                    let allASCII = drawn.text.unicodeScalars.allSatisfy { $0.isASCII }
                    #expect(allASCII, "\(label) \(screen): a character that is not ASCII")
                case "terminal lines":
                    for (x, y) in lines {
                        let cell = drawn[x, y].grapheme
                        #expect(cell.count == 1 && ASCIIFold.boxLines.contains(Character(cell)), "\(label) \(screen): no line at \(x),\(y)")
                    }
                    // Only letters (é, £) and light lines: no ✓ ✗ ▶ … that a console font lacks.
                    let symbols = drawn.text.unicodeScalars.filter { (0x2000...0x2BFF).contains($0.value) && !ASCIIFold.boxLines.contains(Character($0)) }
                    #expect(symbols.isEmpty, "\(label) \(screen): \(String(String.UnicodeScalarView(symbols)))")
                default:
                    // The plain mode draws no lines at all.
                    #expect(Self.borders(drawn).isEmpty, "plain \(screen) draws a border")
                    #expect(!drawn.text.contains("──") && !drawn.text.contains("━━"), "plain \(screen) draws a rule")
                    #expect(theme.plain)
                }
            }
        }
        #expect(checked >= 3 * 10)
    }

    @Test func aPlainRowIsAWholeSentenceWithTheCursorOnIt() throws {
        let f = try Self.fixture(Self.plain)
        let screen = f.screen
        let cursor = try #require(screen.cursor)
        let line = screen.lines[cursor.y]
        #expect(line.hasPrefix(" ▶ "))
        #expect(line.contains("Friday 27 November 2026, 09:45 to 10:45"))
        // The sentence goes on, whole, on the next line (wrapped, never cut).
        #expect(screen.lines[cursor.y + 1].contains("checks pass") || screen.lines[cursor.y + 1].contains("Fails")
                || line.contains("checks pass") || line.contains("Fails"))
        #expect(!screen.text.contains("…"))
        // One list at a time: the other panes are not drawn.
        #expect(!screen.text.contains("Parent Champion areas"))
        f.press(.character("2"))
        #expect(f.screen.text.contains("Parent Champion areas"))
        #expect(f.controller.state.status.contains("Parent Champion areas, list 2 of 3"))
        f.press(.down)
        #expect(f.controller.state.status == "2 of 6.")
        let areas = f.screen
        #expect(areas.lines[try #require(areas.cursor).y].contains("Milton: "))
    }

    @Test func aListScreenInPlainModeWrapsItsRowsInsteadOfCuttingThem() throws {
        let f = try Self.fixture(Self.plain)
        f.press(.character("F"))
        let screen = f.screen
        // The fund's longest title, cut at 80 columns on the usual screen, is whole.
        #expect(screen.text.contains("Welcome packs for new families") || screen.text.contains("new families"))
        #expect(!screen.lines.contains { $0.contains("famil…") })
        let cursor = try #require(screen.cursor)
        #expect(screen.lines[cursor.y].contains("#6"))
    }

    @Test func aQuestionInPlainModeIsShownAloneNotOverTheScreenUnderIt() throws {
        let f = try Self.fixture(Self.plain)
        f.press(.enter, .character("c"))
        #expect(f.controller.state.screen == .textPrompt)
        #expect(!f.screen.text.contains("Barrier checks"))
        #expect(f.controller.state.status.contains("A question"))
    }

    @Test func f2TurnsThePlainModeOnAndItIsKeptForTheAccount() throws {
        let f = try Self.fixture(Self.unicode)
        _ = try #require(f.signIn(as: "Office Demo"))
        f.press(.function(2))
        #expect(f.controller.state.theme.plain)
        #expect(f.controller.state.status.contains("Plain mode on"))
        let office = try f.database.signIn(name: "Office Demo", secret: DemoData.demoPIN)
        #expect(try f.database.prefersPlain(userID: office.userID))
        // Someone else signs in: their own choice (off); then the office again: on.
        _ = try #require(f.signIn(as: "Zoe Adams"))
        #expect(!f.controller.state.theme.plain)
        _ = try #require(f.signIn(as: "Office Demo"))
        #expect(f.controller.state.theme.plain)
        f.press(.function(2))
        #expect(!f.controller.state.theme.plain)
        #expect(!(try f.database.prefersPlain(userID: office.userID)))
    }

    @Test func theTerminalDecidesTheGlyphs() {
        func lines(_ utf8: Bool, _ term: String?, _ acs: Bool) -> LineDrawing {
            Theme.forTerminal(environment: [:], utf8: utf8, term: term, hasLineDrawing: acs).lines
        }
        #expect(lines(true, "xterm-256color", true) == .unicode)
        #expect(lines(true, "tmux-256color", true) == .unicode)
        #expect(lines(true, "linux", true) == .terminal)
        #expect(lines(true, "vt100", true) == .terminal)
        #expect(lines(true, "vt220", false) == .ascii)
        #expect(lines(false, "xterm-256color", true) == .terminal)
        #expect(lines(false, "xterm-256color", false) == .ascii)
        let console = Theme.forTerminal(environment: [:], utf8: true, term: "linux", hasLineDrawing: true)
        #expect(console.glyphs.pass == "+" && console.glyphs.fail == "x" && console.glyphs.cursor == ">")
        #expect(!console.asciiOnly)
        #expect(!Theme.forTerminal(environment: ["NO_COLOR": "1"], utf8: true, term: "xterm", hasLineDrawing: true, palette: .light).colour)
    }

    @Test func foldedTextNeverTakesMoreColumnsThanWereMeasured() {
        var screen = Screen(width: 20, height: 1, asciiOnly: true)
        screen.put("|", x: 19, y: 0)
        screen.put(DisplayWidth.pad("£26.40 to 3 parents", to: 19), x: 0, y: 0)
        #expect(screen.lines[0].hasSuffix("|"))
        #expect(screen.lines[0].hasPrefix("GBP26.40"))
        var padded = Screen(width: 12, height: 1, asciiOnly: true)
        padded.put("£5 …   ", x: 0, y: 0)
        #expect(padded.lines[0] == "GBP5 ..     ")
    }

    @Test func hintKeysAreWordsInASCII() throws {
        let f = try Self.fixture(Self.ascii)
        let hints = f.screen.lines[23]
        #expect(hints.contains("Down move"))
        #expect(!hints.contains("v move"))
    }

    @Test func theLightThemeAvoidsYellowAndCyanAndHighContrastIsNeverDim() throws {
        for palette in [Palette.light, .highContrast] {
            let f = try Self.fixture(Theme(colour: true, asciiOnly: false, palette: palette))
            for (_, screen, path) in Self.screens {
                guard ScreenWalkTests.go(f, screen, path) else { continue }
                let styles = Set(f.screen.cells.map(\.style))
                if palette == .light {
                    #expect(!styles.contains { $0.foreground == .yellow || $0.foreground == .cyan }, "\(screen): yellow or cyan on a light background")
                } else {
                    #expect(!styles.contains { $0.dim && $0.foreground == nil && !$0.underline }, "\(screen): dim text in high contrast")
                    #expect(!styles.contains { $0.foreground == .yellow || $0.foreground == .cyan || $0.foreground == .green })
                }
            }
        }
        // NO_COLOR wins over any theme.
        let none = Theme.forTerminal(environment: ["NO_COLOR": ""], utf8: true, term: "xterm", hasLineDrawing: true, palette: .light)
        #expect(none.status(.fail).foreground == nil && none.heading.foreground == nil)
    }

    @Test func theSignInScreenInPlainModeIsLinesOfWords() throws {
        let f = try Fixture(signedIn: false)
        var state = f.controller.state
        state.theme = Self.plain
        f.controller = AppController(database: f.database, state: state, clock: { Fixture.now.instant })
        let text = f.screen.text
        #expect(Self.borders(f.screen).isEmpty)
        #expect(text.contains("Name"))
        #expect(f.screen.cursor?.visible == true)
    }
}

/// `w` on a meeting writes its papers, ordinary and large print, into the papers folder.
@Suite struct WritePapersKeyTests {
    @Test func wOnAMeetingWritesBothPrintsAndSaysWhere() throws {
        let f = try Fixture()
        f.press(.enter, .character("w"))
        #expect(f.controller.state.status.hasPrefix("Papers written to \(f.controller.papersFolder)/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: f.controller.papersFolder).sorted()
        #expect(files.count == 2)
        #expect(files.contains { $0.hasSuffix("-large-print.html") })
        for file in files {
            let path = f.controller.papersFolder + "/" + file
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Papers for parents"))
        }
    }
}
