import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct AreaPageTests {
    /// Ideas name the parents who raised them: crèche staff see that they are kept from them,
    /// never an empty list that reads as "no ideas", and none of their words.
    @Test func crecheStaffAreToldIdeasAreKeptFromThemNotShownNone() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("2"), .enter)
        #expect(f.screen.text.contains("Stay and play on Saturdays"))
        _ = try #require(f.signIn(as: "Crèche Demo"))
        f.press(.character("2"), .enter)
        let text = f.screen.text
        #expect(text.contains("Kept to the office and Parent Champions"))
        #expect(!text.contains("Stay and play on Saturdays"))
        #expect(!text.contains("No ideas logged yet"))
        #expect(!text.contains("I adds one"))
    }
}
