import Coproduction
import Foundation
import Testing

/// A declaration of interest: whose it is, what, and its dates.
@Suite struct InterestTests {
    let day = LocalDate(iso: "2026-12-01")!

    @Test func aDeclarationWithNoPersonOrNothingDeclaredIsRefusedBesideItsField() {
        let problems = Interest(what: "  ", from: day).problems()
        #expect(Set(problems.map(\.field)) == [.person, .what])
        #expect(problems.first { $0.field == .person }?.message.contains("say whose interest it is") == true)
        #expect(Interest(championID: 1, what: "Chair of the play group", from: day, until: day.adding(days: -1)).problems().map(\.field) == [.until])
        #expect(Interest(userID: 3, what: "Trustee of the café", from: day).problems().isEmpty)
    }

    @Test func anInterestIsCurrentFromItsStartToItsEnd() {
        let i = Interest(championID: 1, what: "x", from: day, until: day.adding(days: 10))
        #expect(!i.current(on: day.adding(days: -1)) && i.current(on: day) && i.current(on: day.adding(days: 10)) && !i.current(on: day.adding(days: 11)))
    }
}
