import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct RecordFormTests {
    @Test func pastMeetingsAreListedAndRecordedFromTheirDetail() throws {
        let f = try Fixture()
        f.press(.character("P"))
        #expect(f.controller.state.showPast)
        #expect(f.screen.text.contains("Past meetings"))
        let first = try #require(f.controller.state.meetings.item(at: 0)).meeting
        #expect(first.date < Fixture.today)
        #expect(f.screen.text.contains("! to record"))
        f.press(.enter, .character("h"))
        var form = try #require(f.controller.state.recordForm)
        #expect(!form[.attended].isEmpty, "who confirmed is the starting point")
        // A bad name and a bad date are shown beside their fields; nothing is saved.
        f.press(.control("u"))
        f.type("Nobody Here")
        while f.controller.state.recordForm?.focus != .actions { f.press(.tab) }
        f.type("Book the room; Office; 31/02/2027")
        f.press(.enter)
        form = try #require(f.controller.state.recordForm)
        #expect(form.errors[.attended]?.contains("Nobody Here") == true)
        #expect(form.errors[.actions]?.contains("does not exist") == true)
        let admin = try #require(try f.database.demoActor())
        #expect(try f.database.meetingDetail(as: admin, id: first.id).facts.meeting.status == .planned)
        // Mended, it saves.
        while f.controller.state.recordForm?.focus != .attended { f.press(.tab) }
        f.press(.control("u"))
        f.type("Zoe Adams")
        while f.controller.state.recordForm?.focus != .actions { f.press(.tab) }
        f.press(.control("u"))
        f.type("Book the room; Office; 20/11/2026")
        f.press(.enter)
        #expect(f.controller.state.recordForm == nil)
        let d = try f.database.meetingDetail(as: admin, id: first.id)
        #expect(d.facts.meeting.status == .held)
        #expect(d.record?.actions.first?.isOverdue(on: Fixture.today) == true)
        #expect(f.screen.text.contains("Recorded:"))
        f.press(.end)
        f.press(.escape)
        #expect(f.screen.text.contains("✓ held"))
    }

    @Test func aMeetingStillToComeCannotBeRecorded() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter, .character("h"))
        #expect(f.controller.state.recordForm == nil)
        #expect(f.controller.state.status.contains("record what happened on or after the day"))
    }
}
