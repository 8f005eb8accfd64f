import CoproductionStore
@testable import CoproductionTUI
import SnapshotTesting
import Testing

/// Whole screens compared with committed text files in `__Snapshots__`: the text, and a
/// second file with every cell's style (reverse, bold, underline, dim and colour), drawn in
/// colour, so a lost selection highlight or a status without its colour fails too. To
/// rewrite them on purpose after a deliberate change: `SNAPSHOT_TESTING_RECORD=all swift test`,
/// then review the diff before committing.
@Suite(.serialized) struct GoldenScreenTests {
    /// Compares the text and the styles of the screen with their golden files.
    func assertScreen(_ f: Fixture, named name: String? = nil, fileID: StaticString = #fileID, file: StaticString = #filePath,
                      testName: String = #function, line: UInt = #line, column: UInt = #column) {
        assertSnapshot(of: f.screen.text, as: .lines, named: name, fileID: fileID, file: file, testName: testName, line: line, column: column)
        assertSnapshot(of: f.screen.styleLayer, as: .lines, named: (name.map { $0 + "-" } ?? "") + "style",
                       fileID: fileID, file: file, testName: testName, line: line, column: column)
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: sizes) func mainScreen(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        assertScreen(f, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func meetingDetail(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        // The fourth upcoming meeting is the Partnership Board with a short-staffed crèche.
        f.press(.down, .down, .down, .enter)
        assertScreen(f, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func areaDetail(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        f.press(.character("2"), .enter)
        assertScreen(f, named: "\(size.width)x\(size.height)")
    }

    /// Today, as each role lands on it after signing in, at the fixed clock.
    @Test(arguments: ["Office Demo", "Zoe Adams", "Crèche Demo"]) func todayScreen(person: String) throws {
        let f = try Fixture(colour: true)
        _ = try #require(f.signIn(as: person, stayOnToday: true))
        assertScreen(f, named: person.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "è", with: "e"))
    }

    @Test(arguments: sizes) func helpOverlay(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        f.press(.character("?"))
        assertScreen(f, named: "\(size.width)x\(size.height)")
    }

    /// A 300-character allergy note, whole on the register and on the child's record.
    @Test(arguments: sizes) func longAllergyNote(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        let admin = try f.database.signIn(name: DemoData.adminName, secret: DemoData.demoPIN)
        var amara = try #require(try f.database.children(as: admin).first { $0.firstName == "Amara" })
        amara.notes = RegisterScreenTests.longNote
        #expect(RegisterScreenTests.longNote.count >= 300)
        try f.database.updateChild(as: admin, id: amara.id, amara, today: Fixture.today)
        f.press(.character("3"), .character("r"))
        assertScreen(f, named: "register-\(size.width)x\(size.height)")
        f.press(.enter)
        assertScreen(f, named: "record-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func reportScreen(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        f.press(.character("R"))
        assertScreen(f, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func fundScreen(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        f.press(.character("F"), .down)
        assertScreen(f, named: "\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func actionsScreen(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        f.press(.character("T"))
        assertScreen(f, named: "\(size.width)x\(size.height)")
    }

    @Test func marketingScreenShowsJargon() throws {
        let f = try Fixture(colour: true)
        f.press(.character("M"))
        assertScreen(f)
    }

    @Test func rewardsScreen() throws {
        let f = try Fixture(colour: true)
        f.press(.character("V"))
        assertScreen(f)
    }

    @Test func filteredList() throws {
        let f = try Fixture(colour: true)
        f.press(.character("/"))
        f.type("board")
        assertScreen(f)
    }

    @Test func asciiFallback() throws {
        let f = try Fixture(asciiOnly: true, colour: true)
        assertScreen(f)
    }

    @Test func signInScreen() throws {
        let f = try Fixture(signedIn: false, colour: true)
        f.type("Zoe Adams")
        f.press(.enter)
        f.type("12")
        assertScreen(f)
    }

    @Test(arguments: sizes) func meetingFormWithProblems(size: Size) throws {
        let f = try Fixture(size: size, colour: true)
        f.press(.character("n"))
        f.press(.tab, .control("u"))
        f.type("31/02/2027")
        f.press(.tab, .control("u"))
        f.type("25:00")
        f.press(.enter)
        assertScreen(f, named: "\(size.width)x\(size.height)")
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
