import Coproduction
import CoproductionStore
import Foundation
@testable import CoproductionTUI
import Testing

/// A meeting's governance keys: d records the papers sent, v a declaration of interest, each
/// refusing bad input beside its field and showing on the page once saved.
@Suite struct MeetingGovernanceTests {
    @Test func papersAndADeclarationAreRecordedFromTheMeetingPage() throws {
        let f = try Fixture(size: Size(width: 100, height: 50))
        // The first Board after today: one invited parent has not had the papers yet.
        let board = try #require(try f.database.meetings(as: testAdminActor, from: Fixture.today, offset: 0, limit: 50)
            .first { $0.meeting.kind == .partnershipBoard })
        let index = try f.database.meetingIDs(as: testAdminActor, from: Fixture.today, filter: "", offset: 0, limit: 50).firstIndex(of: board.meeting.id)
        for _ in 0..<(index ?? 0) { f.press(.down) }
        f.press(.enter)
        #expect(f.screen.text.contains("✗ fail  Papers"))
        #expect(f.screen.text.contains("1. Declarations of interest"))
        f.press(.character("d"))
        let form = try #require(f.controller.state.stepForm)
        #expect(form.specs.first { $0.id == "to" }?.choices.first == MeetingPage.everyoneUnsent)
        f.press(.tab, .tab)
        f.type("99/99/2026")
        f.press(.enter)
        #expect(f.controller.state.stepForm?.errors["on"] != nil)
        f.press(.control("u"))
        f.press(.enter)
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        // Sent today, after the day they were due: recorded, and the check says they went late.
        #expect(f.screen.text.contains("! warn  Papers        Papers reached 1 of 3 parents after 24 Nov 2026"))
        #expect(f.screen.text.contains(": e-mail, 27 Nov 2026"))
        f.press(.character("v"))
        #expect(f.controller.state.stepForm?.title.contains("Declaration of interest") == true)
        f.press(.enter)
        #expect(f.controller.state.stepForm?.errors["what"]?.contains("Say what the interest is") == true)
        #expect(f.controller.state.stepForm?.focus == "what")
        f.type("I chair the play group on the agenda")
        f.press(.control("s"))
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        #expect(f.screen.text.contains("Interests") && f.screen.text.contains("I chair the play group on the agenda"))
    }
}
