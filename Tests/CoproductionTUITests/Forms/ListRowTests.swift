import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Lists in forms are one row per item: rows are added, removed, moved and ticked with keys
/// on the row, and every problem names its row, all at once.
@Suite struct ListRowTests {
    func type(_ s: inout AppState, _ text: String) {
        for c in text { _ = update(&s, .key(.character(c))) }
    }

    @Test func agendaRowsAreAddedMovedAndRemovedWithKeysOnTheRow() throws {
        var s = bareState(size: Size(width: 80, height: 40))
        s.stack = [.meetingForm(MeetingForm.new(on: Fixture.today))]
        while s.form?.focus != .agendaTitle(0) { _ = update(&s, .key(.tab)) }
        type(&s, "Welcome")
        _ = update(&s, .key(.tab))
        type(&s, "who is here")
        for title in ["Budget", "Crèche"] {
            _ = update(&s, .key(.control("n")))
            type(&s, title)
        }
        var form = try #require(s.form)
        #expect(form.agenda.map(\.title) == ["Welcome", "Budget", "Crèche"])
        #expect(form.focus == .agendaTitle(2))
        // Ctrl-↑ moves the crèche item above the budget; the focus goes with it.
        _ = update(&s, .key(.controlUp))
        form = try #require(s.form)
        #expect(form.agenda.map(\.title) == ["Welcome", "Crèche", "Budget"])
        #expect(form.focus == .agendaTitle(1))
        #expect(form.message == "Agenda item moved to 2.")
        // Editing the first item means changing only that row.
        _ = update(&s, .key(.controlUp))
        _ = update(&s, .key(.controlUp))
        #expect(s.form?.message == "Already the first agenda item.")
        _ = update(&s, .key(.down))  // to the summary
        _ = update(&s, .key(.down))  // to the second item, Welcome
        _ = update(&s, .key(.control("x")))
        form = try #require(s.form)
        #expect(form.agenda.map(\.title) == ["Crèche", "Budget"])
        #expect(form.agenda.first?.summary == "")
        let text = view(s, size: s.size).text
        #expect(text.contains("Item 1        Crèche"))
        #expect(text.contains("Item 2        Budget"))
        #expect(form.message == "Agenda item 2 removed.")
        // The hint line names the list keys while the cursor is in a row.
        _ = update(&s, .key(.character("x")))
        #expect(view(s, size: s.size).text.contains("Ctrl-N new item  Ctrl-X remove  Ctrl-↑↓ move"))
    }

    @Test func everyBadActionIsReportedBesideItsRowAtOnce() throws {
        let f = try Fixture(size: Size(width: 100, height: 50))
        f.press(.character("P"), .enter, .character("h"))
        while f.controller.state.recordForm?.focus != .actionWhat(0) { f.press(.tab) }
        f.type("Book the room")
        f.press(.tab)
        f.type("Office")
        f.press(.tab)
        f.type("31/02/2027")
        f.press(.control("n"))
        f.press(.tab)
        f.type("Zoe")               // no "what"
        f.press(.control("n"))
        f.type("Send the minutes")  // no owner, a bad date
        f.press(.tab, .tab)
        f.type("tomorrowish")
        f.press(.enter)
        let form = try #require(f.controller.state.recordForm)
        #expect(form.errors[.actionDue(0)]?.hasPrefix("Action 1: 31/2/2027 does not exist") == true)
        #expect(form.errors[.actionWhat(1)] == "Action 2: needs to say what is to be done.")
        #expect(form.errors[.actionDue(2)]?.hasPrefix("Action 3: ") == true)
        #expect(form.errors[.actionOwner(2)] == "Action 3: needs an owner.")
        #expect(form.message == "4 things to fix before saving.")
        #expect(f.screen.text.contains("✗ Action 1:"))
    }

    @Test func markingTheSecondOfThreeActionsDone() throws {
        let f = try Fixture(size: Size(width: 100, height: 50))
        f.press(.character("P"), .enter, .character("h"))
        while f.controller.state.recordForm?.focus != .actionWhat(0) { f.press(.tab) }
        for (i, what) in ["Book the room", "Send the minutes", "Ask about Saturdays"].enumerated() {
            if i > 0 { f.press(.control("n")) }
            f.type(what)
            f.press(.tab)
            f.type("pri")
            // The owner is offered from the champions but may be anyone: ↓ chooses, Enter takes.
            #expect(f.screen.text.contains("Priya Shah"))
            f.press(.down, .enter)
        }
        f.press(.enter)
        let detail = try #require(f.controller.state.detail)
        guard case .meeting(let id) = detail.target else { Issue.record("the meeting did not open"); return }
        // Open the record again, go to the second action and press Ctrl-T.
        f.press(.character("h"))
        while f.controller.state.recordForm?.focus != .actionOwner(1) { f.press(.tab) }
        f.press(.control("t"))
        #expect(f.controller.state.recordForm?.message == "Action 2 marked done.")
        #expect(f.controller.state.recordForm?[.actionDone(1)] == "done")
        f.press(.enter)
        let admin = try #require(try f.database.demoActor())
        let actions = try #require(try f.database.meetingDetail(as: admin, id: id).record?.actions)
        #expect(actions.map(\.done) == [false, true, false])
        #expect(actions.map(\.owner) == ["Priya Shah", "Priya Shah", "Priya Shah"])
    }
}
