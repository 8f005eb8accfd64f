import Coproduction
import CoproductionStore
import Foundation
@testable import CoproductionTUI
import Testing

/// `!` on a meeting: a failing check accepted with a reason from the meeting page, shown on it
/// as accepted with the reason and name; an empty reason withdraws it; no reason for a check
/// not yet accepted is refused beside the field. Parent Champions do not have the key.
@Suite struct AcceptCheckKeyTests {
    @Test func aFailingCheckIsAcceptedFromTheMeetingPageAndWithdrawn() throws {
        let f = try Fixture(size: Size(width: 100, height: 50))
        // The first upcoming meeting with a failing check.
        let checker = f.controller.state.checker
        let items = try f.database.meetings(as: testAdminActor, from: Fixture.today, offset: 0, limit: 50)
        let index = try #require(items.firstIndex { checker.check($0.facts).contains { $0.status == .fail } })
        let failing = try #require(checker.check(items[index].facts).first { $0.status == .fail })
        for _ in 0..<index { f.press(.down) }
        f.press(.enter)
        f.press(.character("!"))
        let form = try #require(f.controller.state.stepForm)
        #expect(form.title.hasPrefix("Accept a failing check for"))
        #expect(form.specs.first { $0.id == "check" }?.choices.first == failing.barrier.name)
        f.press(.tab)
        f.press(.control("s"))
        #expect(f.controller.state.stepForm?.errors["reason"]?.contains("Say why this meeting is right as it is") == true)
        f.type("agreed with the parents at the last meeting")
        f.press(.control("s"))
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        #expect(f.screen.text.contains("accepted: agreed with the parents at the last meeting (Demo Admin"), "\(f.screen.text)")
        let detail = try f.database.meetingDetail(as: testAdminActor, id: items[index].meeting.id)
        #expect(detail.facts.accepted[failing.barrier]?.reason == "agreed with the parents at the last meeting")

        // The accepted check is among the choices again; with no reason it is withdrawn.
        f.press(.character("!"))
        let again = try #require(f.controller.state.stepForm)
        #expect(again.specs.first { $0.id == "check" }?.choices.contains(failing.barrier.name) == true)
        while f.controller.state.stepForm?.values["check"] != failing.barrier.name { f.press(.right) }
        f.press(.control("s"))
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        #expect(try f.database.meetingDetail(as: testAdminActor, id: items[index].meeting.id).facts.accepted.isEmpty)
    }
}
