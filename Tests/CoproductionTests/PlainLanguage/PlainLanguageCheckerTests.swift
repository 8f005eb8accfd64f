import Coproduction
import Testing

@Suite struct PlainLanguageCheckerTests {
    let checker = PlainLanguageChecker.standard

    @Test func theShippedGlossaryHasAtLeast150DistinctEntriesWithAlternatives() {
        let terms = StandardGlossary.entries.map { $0.term.lowercased() }
        #expect(terms.count >= 150)
        #expect(Set(terms).count == terms.count)
        #expect(StandardGlossary.entries.allSatisfy { !$0.plain.isEmpty && $0.plain.lowercased() != $0.term.lowercased() })
    }

    @Test func findsWholeWordsLongestFirst() {
        let hits = checker.hits(in: "Service users told the stakeholders about the referral pathway.")
        #expect(hits.map(\.entry.term) == ["service users", "stakeholders", "referral pathway"])
        #expect(hits.first?.found == "Service users")
    }

    @Test func ignoresPartsOfOtherWordsAndLowerCaseAcronyms() {
        #expect(checker.hits(in: "The autopilot pilots landed in Lancaster").isEmpty)
        #expect(checker.hits(in: "la la land").isEmpty)
        #expect(checker.hits(in: "Ask the LA").map(\.entry.term) == ["LA"])
    }

    @Test func plainTextPasses() {
        #expect(checker.hits(in: "What parents told us about the crèche, and what we will change.").isEmpty)
    }

    @Test func theCheckNamesEveryHitWithItsSuggestion() {
        let result = BarrierChecker().plainLanguage([AgendaItem(title: "Stakeholder update", summary: "Utilise the KPIs")])
        #expect(result.status == .warn)
        #expect(result.reason.contains("“Stakeholder” → say “person or group involved”"))
        #expect(result.reason.contains("“Utilise” → say “use”"))
        #expect(result.reason.contains("“KPIs” → say “targets”"))
        #expect(BarrierChecker().plainLanguage([]).status == .pass)
        #expect(BarrierChecker().plainLanguage([AgendaItem(title: "Welcome", summary: "Who is here")]).status == .pass)
    }

    @Test func staffGlossaryEntriesCount() {
        let custom = PlainLanguageChecker(glossary: [GlossaryEntry(term: "huddle", plain: "short meeting")])
        #expect(custom.hits(in: "A quick huddle").map(\.entry.plain) == ["short meeting"])
    }
}
