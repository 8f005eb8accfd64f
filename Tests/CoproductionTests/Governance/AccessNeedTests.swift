import Coproduction
import Foundation
import Testing

/// The Access check: a confirmed person's need met by the venue or by an arrangement for the
/// meeting, and named only to those who may see it.
@Suite struct AccessNeedTests {
    let meeting = Meeting(id: 1, kind: .partnershipBoard, title: "Board", date: LocalDate(iso: "2026-12-08")!,
                          start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 0)!, venue: "Shoeburyness Library",
                          championIDs: [1, 2])
    let checker = BarrierChecker()

    @Test func aNeedMetNeitherByTheVenueNorAnArrangementFails() {
        let needs = [PersonNeed(person: "Priya Shah", need: .stepFree)]
        let failing = checker.access(meeting, AccessFacts(needs: needs))
        #expect(failing.status == .fail && failing.reason.contains("Priya Shah needs step-free access, which Shoeburyness Library does not offer"))
        #expect(checker.access(meeting, AccessFacts(needs: needs, venueOffers: [.stepFree])).status == .pass)
        #expect(checker.access(meeting, AccessFacts(needs: needs, arrangements: [Arrangement(need: .stepFree, note: "Ground-floor room booked")])).status == .pass)
        #expect(checker.access(meeting, AccessFacts()).status == .pass)
    }

    @Test func anInterpreterMustBeBookedInTheirLanguage() {
        let needs = [PersonNeed(person: "Jade Cooper", need: .interpreter, language: "Polish")]
        #expect(checker.access(meeting, AccessFacts(needs: needs, venueOffers: Set(AccessNeed.allCases))).status == .fail, "no venue offers one")
        #expect(checker.access(meeting, AccessFacts(needs: needs, arrangements: [Arrangement(need: .interpreter, language: "Romanian")])).status == .fail)
        #expect(checker.access(meeting, AccessFacts(needs: needs, arrangements: [Arrangement(need: .interpreter, language: "polish")])).status == .pass)
    }

    @Test func whoseNeedItIsStaysPrivateFromOthers() {
        let hidden = checker.access(meeting, AccessFacts(needs: [PersonNeed(person: nil, need: .hearingLoop)]))
        #expect(hidden.status == .fail && hidden.reason.hasPrefix("Someone coming needs hearing loop"))
        #expect(AccessNeed(word: "step-free") == .stepFree && AccessNeed(word: "breastfeeding") == .breastfeeding && AccessNeed(word: "lift") == nil)
    }
}
