import Coproduction
import Testing

/// One rule for what a typed name stands for, used by the app's pickers and the command line.
@Suite struct NameMatchTests {
    let names = ["Zoë Adams", "Zoe Adamson", "Priya Shah", "Renée Dubois", "Hannah Clarke"]

    @Test func aWholeNameWinsOverLongerNamesItIsPartOf() {
        #expect(NameMatch.pick("zoe adams", in: names) == .one(0))
    }

    @Test func partOfOneNameIsThatName() {
        #expect(NameMatch.pick("renee", in: names) == .one(3))
        #expect(NameMatch.pick(" SHAH ", in: names) == .one(2))
    }

    @Test func partOfSeveralIsRefusedWithTheBestFirst() {
        #expect(NameMatch.pick("zo", in: names) == .several([0, 1]))
        // A name with a word starting with it comes before one merely containing it.
        #expect(NameMatch.pick("sha", in: ["Natasha Brown", "Sharon Lee"]) == .several([1, 0]))
    }

    @Test func nothingTypedOrNothingMatchingIsNone() {
        #expect(NameMatch.pick("", in: names) == .none)
        #expect(NameMatch.pick("Atlantis", in: names) == .none)
    }
}
