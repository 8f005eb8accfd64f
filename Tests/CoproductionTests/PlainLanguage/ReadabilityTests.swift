@testable import Coproduction
import Testing

/// The reading age (Flesch–Kincaid grade + 5) and the Flesch reading ease on texts whose
/// counts are known, and the check that names long sentences and hard words.
@Suite struct ReadabilityTests {
    @Test(arguments: [("cat", 1), ("table", 2), ("little", 2), ("beautiful", 3), ("meeting", 2), ("parents", 2),
                      ("jumped", 1), ("decided", 3), ("commissioning", 4), ("make", 1), ("agreed", 2), ("co-production", 4)])
    func syllablesAreCountedFromTheSpelling(word: String, expected: Int) {
        #expect(Readability.syllables(in: word) == expected, "\(word)")
    }

    @Test func aShortPlainSentenceScoresAsTheFormulasSay() {
        // 6 words, 6 syllables, 1 sentence: ease 206.835 − 1.015×6 − 84.6×1 = 116.145;
        // grade 0.39×6 + 11.8×1 − 15.59 = −1.45, so the reading age is the floor of 5.
        let r = Readability("The cat sat on the mat.")
        #expect(r.sentences == 1)
        #expect(r.words == 6)
        #expect(r.syllables == 6)
        #expect(abs(r.readingEase - 116.145) < 0.001)
        #expect(r.readingAge == 5)
    }

    @Test func everydayWordsForParentsMeetTheGovUKTarget() {
        let text = "We will meet at the children's centre. There is a crèche for your child. "
            + "Tell us what you think about the play groups. We will tell you what we did."
        let r = Readability(text)
        #expect(r.measurable)
        #expect(r.readingAge <= 9)
        #expect(r.meets(Readability.defaultTarget))
        #expect(r.longSentences.isEmpty)
    }

    @Test func officeWritingIsNamedWithItsLongestSentenceAndHardWords() {
        let text = "The commissioning framework establishes a multi-agency infrastructure for the delivery of "
            + "integrated early intervention pathways across the locality, ensuring that stakeholders are appropriately "
            + "consulted throughout the implementation period. Parents can come."
        let r = Readability(text)
        #expect(r.readingAge >= 16)
        #expect(!r.meets(9))
        #expect(r.longSentences.count == 1)
        #expect(r.longSentences[0].hasPrefix("The commissioning framework"))
        #expect(r.hardWords.contains("commissioning"))
        #expect(r.hardWords.contains("infrastructure"))
        #expect(!r.hardWords.contains("parents"))
        let words = r.summary(target: 9)
        #expect(words.contains("Reading age \(r.readingAge) (aim for 9 or under)."))
        #expect(words.contains("Long sentence: “The commissioning framework"))
        #expect(words.contains("(28 words)"))
        #expect(words.contains("Hard words: commissioning"))
    }

    @Test func namesInTheMiddleOfASentenceAreNotHardWords() {
        let r = Readability("We meet at Shoeburyness Library with Cambridge Road Family Centre staff on Tuesday.")
        #expect(!r.hardWords.contains("shoeburyness"))
    }

    @Test func aHeadingIsTooShortToMeasureAndAlwaysMeetsTheTarget() {
        let r = Readability("Multi-agency safeguarding arrangements")
        #expect(!r.measurable)
        #expect(r.meets(9))
        #expect(r.summary(target: 9).contains("Too short"))
    }

    @Test func aMoneyAmountDoesNotEndASentence() {
        #expect(Readability("You get £26.40 for coming. It is paid in a week.").sentences == 2)
    }

    @Test func theAgendaCheckWarnsAboveTheTargetAndPassesBelowIt() {
        var checker = BarrierChecker()
        let hard = AgendaItem(id: 1, title: "Pathways", summary: "The commissioning framework establishes a multi-agency infrastructure for "
            + "the delivery of integrated early intervention pathways across the locality, ensuring appropriate consultation.")
        let easy = AgendaItem(id: 2, title: "Play groups", summary: "Tell us what you think of the play groups. We want to make them better for you and your child.")
        let warned = checker.plainLanguage([hard])
        #expect(warned.status == .warn)
        #expect(warned.reason.contains("Reading age"))
        #expect(warned.reason.contains("Long sentence"))
        #expect(checker.plainLanguage([easy]).status == .pass)
        #expect(checker.plainLanguage([easy]).reason.contains("reading age"))
        // A target at the text's own reading age lets the same text through.
        checker.settings.readingAge = Readability(hard.summary + ".").readingAge
        #expect(!checker.plainLanguage([hard]).reason.contains("Reading age"))
        #expect(checker.plainLanguage([hard]).reason.contains("Jargon"))
    }
}
