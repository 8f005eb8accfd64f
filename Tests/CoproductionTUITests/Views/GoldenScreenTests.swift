@testable import CoproductionTUI
import SnapshotTesting
import Testing

/// Whole screens compared with committed text files in `__Snapshots__`. To rewrite them on
/// purpose after a deliberate change: `SNAPSHOT_TESTING_RECORD=all swift test`, then review
/// the diff before committing.
@Suite(.serialized) struct GoldenScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: sizes) func mainScreen(size: Size) throws {
        let f = try Fixture(size: size)
        assertSnapshot(of: f.screen.text, as: .lines, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func meetingDetail(size: Size) throws {
        let f = try Fixture(size: size)
        // The fourth upcoming meeting is the Partnership Board with a short-staffed crèche.
        f.press(.down, .down, .down, .enter)
        assertSnapshot(of: f.screen.text, as: .lines, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func areaDetail(size: Size) throws {
        let f = try Fixture(size: size)
        f.press(.character("2"), .enter)
        assertSnapshot(of: f.screen.text, as: .lines, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func helpOverlay(size: Size) throws {
        let f = try Fixture(size: size)
        f.press(.character("?"))
        assertSnapshot(of: f.screen.text, as: .lines, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func reportScreen(size: Size) throws {
        let f = try Fixture(size: size)
        f.press(.character("R"))
        assertSnapshot(of: f.screen.text, as: .lines, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func fundScreen(size: Size) throws {
        let f = try Fixture(size: size)
        f.press(.character("F"), .down)
        assertSnapshot(of: f.screen.text, as: .lines, named: "\(size.width)x\(size.height)")
    }

    @Test func marketingScreenShowsJargon() throws {
        let f = try Fixture()
        f.press(.character("M"))
        assertSnapshot(of: f.screen.text, as: .lines)
    }

    @Test func rewardsScreen() throws {
        let f = try Fixture()
        f.press(.character("V"))
        assertSnapshot(of: f.screen.text, as: .lines)
    }

    @Test func filteredList() throws {
        let f = try Fixture()
        f.press(.character("/"))
        f.type("board")
        assertSnapshot(of: f.screen.text, as: .lines)
    }

    @Test func asciiFallback() throws {
        let f = try Fixture(asciiOnly: true)
        assertSnapshot(of: f.screen.text, as: .lines)
    }

    @Test func signInScreen() throws {
        let f = try Fixture(signedIn: false)
        f.type("Zoe Adams")
        f.press(.enter)
        f.type("12")
        assertSnapshot(of: f.screen.text, as: .lines)
    }

    @Test(arguments: sizes) func meetingFormWithProblems(size: Size) throws {
        let f = try Fixture(size: size)
        f.press(.character("n"))
        f.press(.tab, .control("u"))
        f.type("31/02/2027")
        f.press(.tab, .control("u"))
        f.type("25:00")
        f.press(.enter)
        assertSnapshot(of: f.screen.text, as: .lines, named: "\(size.width)x\(size.height)")
    }

    @Test func tooSmall() throws {
        let f = try Fixture(size: Size(width: 60, height: 20))
        let text = f.screen.text
        #expect(text.contains("Terminal too small: need 80×24, have 60×20"))
        #expect(!text.contains("Upcoming meetings"))
    }
}

extension Size: CustomTestStringConvertible {
    public var testDescription: String { "\(width)×\(height)" }
}
