import Coproduction
import CoproductionStore
import Foundation
@testable import CoproductionTUI
import Testing

/// A session's end passing with children still in: pane 3 and the register show the
/// escalation with its times, and c marks each call made, kept with who and when.
@Suite struct RegisterUncollectedTests {
    func at(_ time: String) -> LocalDateTime { LocalDateTime(iso: "2026-11-27T\(time)")! }

    @Test func paneThreeAndTheRegisterShowTheCallsDueAndCMarksOne() throws {
        let f = try Fixture()
        #expect(!f.screen.text.contains("not collected"), "the pre-meeting's crèche has not ended at 10:00")
        // The clock moves on to 11:05 with someone at the keys (a key resets the lock's timer).
        f.clock.now = at("11:05").instant
        f.press(.up)
        f.controller.tick(now: at("11:05"))
        #expect(f.controller.state.main.crecheAlerts.contains { $0.words == "Amara Okafor not collected: call the parent now" && $0.status == .fail })
        #expect(f.screen.text.contains("✗ Amara Okafor not collected"), "pane 3 at 80×24 shows the alert")
        // The pane's rows make room for the alerts: the selection stays in what is drawn.
        #expect(f.controller.state.paneRows(.creche) == MainLayout(size: f.controller.state.size).visibleRows(.creche) - 2)
        f.press(.character("3"), .character("r"))
        let text = f.screen.text
        #expect(text.contains("NOT COLLECTED: the session ended at 10:45"))
        #expect(text.contains("✗ 11:00 Call the parent (Grace Okafor): due now"))
        #expect(text.contains("11:15 Call the emergency contacts"))
        f.press(.character("c"))
        let form = try #require(f.controller.state.stepForm)
        #expect(form.values["step"] == nil || form.values["step"] == UncollectedStep.parent.rawValue)
        // A time before the session's end is refused beside its field, and what was typed stays.
        f.press(.tab)
        f.type("10:30")
        f.press(.tab, .control("u"))
        f.type("Kerry Walsh")
        f.press(.tab)
        f.type("no answer")
        // What came of it is a text box: Ctrl-S saves.
        f.press(.control("s"))
        let refused = try #require(f.controller.state.stepForm)
        #expect(refused.errors["at"]?.contains("The session ends at 10:45") == true)
        #expect(refused.values["note"] == "no answer" && refused.values["by"] == "Kerry Walsh")
        #expect(refused.focus == "at", "the focus goes to the field to fix")
        f.press(.control("u"))
        f.type("11:02")
        f.press(.control("s"))
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        #expect(f.screen.text.contains("✓ 11:00 Call the parent (Grace Okafor): done 11:02 by Kerry Walsh"))
    }
}
