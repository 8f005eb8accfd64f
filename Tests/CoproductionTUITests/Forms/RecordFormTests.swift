import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct RecordFormTests {
    @Test func theMinutesAreATextBoxWhereEnterStartsALineAndPastedLinesStay() throws {
        let f = try Fixture()
        f.press(.character("P"), .enter, .character("h"))
        while f.controller.state.recordForm?.focus != .minutes { f.press(.tab) }
        f.type("We talked about the crèche.")
        f.press(.enter)
        f.type("Parents want Saturdays.")
        #expect(f.controller.state.recordForm?[.minutes] == "We talked about the crèche.\nParents want Saturdays.")
        #expect(f.controller.state.recordForm != nil, "Enter in the minutes saved the form")
        // ↑ moves up a line inside the box; a paste keeps its line breaks.
        f.press(.up, .end)
        f.controller.handle(.paste("\nFrom the e-mail:\n- a room\n- a date"))
        let minutes = try #require(f.controller.state.recordForm?[.minutes])
        #expect(minutes.hasSuffix("From the e-mail:\n- a room\n- a date"))
        #expect(f.controller.state.recordForm?.focus == .minutes)
        let text = f.screen.text
        #expect(text.contains("Ctrl-S save"))
        // Ctrl-S saves the whole form from inside the box; the meeting shows the lines.
        f.press(.control("s"))
        #expect(f.controller.state.recordForm == nil)
        let id = try #require(f.controller.state.detail.flatMap { if case .meeting(let id) = $0.target { return id } else { return nil } })
        let saved = try f.database.meetingDetail(as: try #require(try f.database.demoActor()), id: id)
        #expect(saved.record?.minutes == minutes)
        // The meeting shows each line of the minutes on a line of its own.
        var lines: [String] = []
        for _ in 0..<4 {
            lines += f.screen.lines
            f.press(.pageDown)
        }
        #expect(lines.contains { $0.contains("Minutes     We talked about the crèche.") })
        #expect(lines.contains { $0.contains("            Parents want Saturdays.") })
    }

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
        #expect(form.people.indices.contains { form[.attendance($0)] == "came" }, "who confirmed is the starting point")
        // A name that is nobody and a bad date are shown beside their fields; nothing is saved.
        while f.controller.state.recordForm?.focus != .alsoCame { f.press(.tab) }
        f.type("Nobody Here")
        while f.controller.state.recordForm?.focus != .actionWhat(0) { f.press(.tab) }
        f.type("Book the room")
        f.press(.tab)
        f.type("Office")
        f.press(.tab)
        f.type("31/02/2027")
        f.press(.enter)
        form = try #require(f.controller.state.recordForm)
        #expect(form.errors[.alsoCame]?.contains("Nobody Here") == true)
        #expect(form.errors[.actionDue(0)]?.hasPrefix("Action 1: ") == true)
        #expect(form.errors[.actionDue(0)]?.contains("does not exist") == true)
        let admin = try #require(try f.database.demoActor())
        #expect(try f.database.meetingDetail(as: admin, id: first.id).facts.meeting.status == .planned)
        // Mended, it saves.
        while f.controller.state.recordForm?.focus != .alsoCame { f.press(.tab) }
        f.press(.control("u"))
        while f.controller.state.recordForm?.focus != .actionDue(0) { f.press(.tab) }
        f.press(.control("u"))
        f.type("20/11/2026")
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
