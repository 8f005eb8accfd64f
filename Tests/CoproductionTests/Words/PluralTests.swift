@testable import Coproduction
import Testing

/// One helper for counts in words, so no message says "1 meetings" or "2 child".
@Suite struct PluralTests {
    @Test(arguments: [(1, "meeting", "1 meeting"), (2, "meeting", "2 meetings"), (0, "meeting", "0 meetings"),
                      (1, "child", "1 child"), (3, "child", "3 children"), (2, "person", "2 people"),
                      (2, "activity", "2 activities"), (2, "day", "2 days"), (2, "match", "2 matches"),
                      (2, "crèche", "2 crèches"), (5, "staff", "5 staff"), (1, "place", "1 place"),
                      // The rules by ending, for nouns not in the list of irregular ones.
                      (2, "box", "2 boxes"), (2, "bus", "2 buses"), (2, "wish", "2 wishes"), (2, "church", "2 churches"),
                      (2, "bath", "2 baths"), (2, "family", "2 families"), (2, "key", "2 keys"), (2, "café", "2 cafés"),
                      (2, "of them Parent Champion", "2 of them Parent Champions")])
    func countsSayTheNounInTheRightNumber(count: Int, noun: String, expected: String) {
        #expect(Plural.count(count, noun) == expected)
    }

    @Test func aPluralOfItsOwnIsUsedWhenGiven() {
        #expect(Plural.count(2, "match", "matches found") == "2 matches found")
        #expect(Plural.noun(1, "match", "matches found") == "match")
    }
}
