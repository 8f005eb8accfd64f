import Coproduction
import CoproductionStore
import Foundation
@testable import CoproductionTUI
import Testing

/// Incidents and collection from the register's keys: bad input refused beside its field with
/// everything typed kept, and an incident still owed the parent's acknowledgement failing in
/// pane 3 the next day.
@Suite struct RegisterIncidentTests {
    func at(_ iso: String) -> LocalDateTime { LocalDateTime(iso: iso)! }

    /// Moves the clock on with someone at the keys (a key resets the lock's timer).
    func move(_ f: Fixture, to iso: String) {
        f.clock.now = at(iso).instant
        f.press(.up)
        f.controller.tick(now: at(iso))
    }

    @Test func anIncidentOutsideTheSessionOrAcknowledgedBeforeItIsRefusedBesideItsFields() throws {
        let f = try Fixture()
        move(f, to: "2026-11-27T11:30")
        f.press(.character("3"), .character("r"))
        f.press(.character("a"))  // Amara, the first child
        #expect(f.controller.state.stepForm?.title.contains("Amara Okafor") == true)
        f.press(.control("u"))
        f.type("10:50")
        f.press(.tab)
        f.type("soft play")
        f.press(.tab)
        f.type("bumped her head on the slide")
        for _ in 0..<6 { f.press(.tab) }
        f.type("Crèche Demo")
        f.press(.tab)
        f.type("10:55")
        f.press(.tab)
        f.type("in person")
        f.press(.tab)
        f.type("Grace Okafor")
        f.press(.tab)
        f.type("10:20")
        f.press(.control("s"))
        let form = try #require(f.controller.state.stepForm, "refused: the form stays open")
        #expect(form.errors["time"]?.contains("outside the session (09:45–10:45)") == true)
        #expect(form.values["what"] == "bumped her head on the slide" && form.values["told_how"] == "in person")
        // Put right: the acknowledgement is checked against the incident's time, beside its field.
        #expect(form.focus == "time")
        f.press(.control("u"))
        f.type("10:30")
        f.press(.control("s"))
        let again = try #require(f.controller.state.stepForm)
        #expect(again.errors["acknowledged_at"]?.contains("is before the incident (10:30") == true)
        #expect(again.focus == "acknowledged_at")
        f.press(.control("u"))
        f.type("10:40")
        f.press(.control("s"))
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        #expect(f.screen.text.contains("incident 10:30, soft play: parent told and acknowledged"))
    }

    @Test func anIncidentWithoutTheParentToldFailsInPaneThreeTheNextDay() throws {
        let f = try Fixture()
        let row = try #require(try f.database.register(as: testAdminActor, meetingID: 14).first)
        try f.database.recordIncident(as: testAdminActor, Incident(meetingID: 14, childID: row.child.id, childName: "", at: at("2026-11-27T10:15").instant,
                                                                   place: "garden", what: "fell"), now: at("2026-11-27T10:20").instant)
        // Everyone is collected at the end, so the incident is all pane 3 has to say.
        for r in try f.database.register(as: testAdminActor, meetingID: 14) {
            if case .inCreche = r.state {
                try f.database.signOut(as: testAdminActor, bookingID: r.bookingID, at: at("2026-11-27T10:45").instant, collectedBy: r.child.parentName)
            }
        }
        move(f, to: "2026-11-27T10:50")
        #expect(f.controller.state.main.crecheAlerts.contains { $0.status == .warn && $0.words == "Amara Okafor, incident 27 Nov: parent not told" })
        move(f, to: "2026-11-28T09:00")
        #expect(f.controller.state.main.crecheAlerts.contains { $0.status == .fail && $0.words == "Amara Okafor, incident 27 Nov: parent not told" })
        #expect(f.screen.text.contains("✗ Amara Okafor, incident 27 Nov:"), "pane 3 shows it (cut to its width at 80 columns)")
    }

    @Test func aCollectionPasswordUnderFourCharactersIsRefusedAndTypedAsDots() throws {
        let f = try Fixture()
        f.press(.character("3"), .character("r"), .character("l"))
        #expect(f.controller.state.prompt?.question.contains("who collects Amara Okafor") == true)
        f.press(.enter)  // the first choice: a collection password
        let form = try #require(f.controller.state.stepForm)
        #expect(form.specs.first { $0.id == "collector" }?.choices.contains("Grace Okafor") == true)
        f.press(.tab)
        f.type("abc")
        f.press(.tab)
        f.type("abc")
        #expect(!f.screen.text.contains("abc") && f.screen.text.contains("•••"))
        f.press(.enter)
        let refused = try #require(f.controller.state.stepForm)
        #expect(refused.errors["password"]?.contains("at least 4 characters") == true)
        #expect(refused.values["password"] == "abc", "nothing typed is lost")
        f.press(.control("u"))
        f.type("bluebell")
        f.press(.tab, .control("u"))
        f.type("bluebell")
        f.press(.enter)
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        #expect(try f.database.collectionSafety(as: testAdminActor, childID: 1).withPassword == ["Grace Okafor"])
    }
}
