import Coproduction
import Foundation
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Plain words for parents: every screen a Parent Champion reaches in the demo, its help, and
/// what every key says there, at 80×24 and 120×40, through the app's own plain-language check.
@Suite(.serialized) struct PlainWordsTests {
    /// The ways to each screen a champion reaches, from the main screen.
    static let paths: [[Key]] = ScreenWalkTests.paths.map(\.1) + [
        [.character("2"), .enter, .character("I")],  // log an idea for the area
        [.character("3"), .character("r"), .enter],  // their child's whole record
        [.character("F"), .character("n")], [.character("F"), .character("w")],  // a fund proposal, a review
        [.character("M"), .character("w")],  // a parent's answer on a material
        [.character("K")],  // their own PIN
        [.character("P")], [.character("P"), .enter],  // past meetings, one of them
        [.down, .enter], [.down, .down, .enter], [.down, .down, .down, .enter], [.end, .enter],
        [.character("2"), .down, .enter],  // another area's ideas
    ]

    /// Everything on screen, joined across the box's lines so a phrase split by wrapping is read whole.
    static func words(_ f: Fixture) -> String {
        f.screen.text.split(separator: "\n").map { line in
            String(line).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "┃│┏┓┗┛━─┌┐└┘ "))
        }.joined(separator: "\n")
    }

    @Test(arguments: GoldenScreenTests.sizes) func everyWordAChampionSeesPassesThePlainLanguageCheck(size: Size) throws {
        let f = try Fixture(size: size)
        _ = try #require(f.signIn(as: "Zoe Adams"))
        let checker = f.controller.state.checker.language
        var seen: [String: [String]] = [:]  // jargon found → where (the first few places)
        func read(_ place: String) {
            for hit in checker.hits(in: Self.words(f)) where (seen[hit.found.lowercased()]?.count ?? 0) < 3 {
                if !(seen[hit.found.lowercased()] ?? []).contains(place) { seen[hit.found.lowercased(), default: []].append(place) }
            }
        }
        var screens = 0
        for path in Self.paths {
            ScreenWalkTests.home(f)
            for key in path { f.press(key) }
            let place = path.map(\.label).joined(separator: " ")
            read("after \(place)")
            screens += 1
            let state = f.controller.state
            if !state.screen.takesText {
                f.press(.character("?"))
                read("\(place) then ?")
            }
            // What each key says on this screen (a refusal, a status, a form or a question),
            // read at the smaller size.
            guard size.width == 80 else { continue }
            for key in ScreenWalkTests.keyUniverse where ![.character("q"), .control("c"), .character("L"), .character("U"), .character("?")].contains(key) {
                ScreenWalkTests.home(f)
                for k in path { f.press(k) }
                guard f.controller.state.screen == state.screen else { break }
                f.press(key)
                read("\(place) then \(key.label)")
            }
        }
        #expect(screens >= 20)
        #expect(seen.isEmpty, "jargon a Parent Champion sees: \(seen.sorted { $0.key < $1.key }.map { "“\($0.key)” (\($0.value.joined(separator: " | ")))" }.joined(separator: "; "))")
    }

    @Test func aChampionsScreensSayYouAndYourChildAndLeaveOutRatiosAndCodes() throws {
        let f = try Fixture(size: Size(width: 120, height: 40))
        try f.database.write { db in
            try db.execute(sql: "INSERT INTO meetingChampion (meetingId, championId, response) VALUES (14, 1, 'confirmed')")
        }
        _ = try #require(f.signIn(as: "Zoe Adams"))
        let main = f.screen.text
        #expect(main.contains("You") && main.contains("Your child"))
        let today = try #require(main.split(separator: "\n").first { $0.contains("Pre-meeting: Partnership Board") })
        #expect(today.contains("coming") && today.contains("Leo, Maisie, booked"), "\(today)")
        for code in ["Kind", "Checks", "Champs", "<2", "3+", "Staff", "T&F"] { #expect(!main.contains(code), "the main screen shows “\(code)”") }
        f.press(.enter)
        let meeting = f.screen.text
        #expect(meeting.contains("You         coming") && meeting.contains("Your child  Leo, Maisie, booked"))
        #expect(meeting.contains("Easy for parents to come?") && !meeting.contains("Barrier checks"))
        #expect(!meeting.contains("Ratio") && !meeting.contains("1:"), "no ratios for parents")
        // A staff member sees the staff's words on the same meeting.
        f.press(.escape)
        _ = try #require(f.signIn(as: "Office Demo"))
        f.press(.enter)
        #expect(f.screen.text.contains("Barrier checks") && f.screen.text.contains("Ratio"))
    }

    @Test func aRefusalSaysWhatAChampionCanDo() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Zoe Adams"))
        f.press(.character("2"), .down, .enter)  // Milton, not her own area
        f.press(.character("I"))
        f.type("A bus pass for parents who come to meetings")
        f.press(.enter)
        let words = f.controller.state.prompt?.error ?? f.controller.state.status
        #expect(words == "You can log and move on ideas for Kursaal, your own area. For Milton, tell one of its champions or the office.")
    }
}
