import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct MeetingFormTests {
    func fill(_ f: Fixture, _ field: MeetingForm.Field, _ text: String) {
        while f.controller.state.form?.focus != field { f.press(.tab) }
        f.press(.control("u"))
        f.type(text)
    }

    func count(_ f: Fixture) throws -> Int {
        try f.database.countMeetings(as: try #require(try f.database.demoActor()), from: Fixture.today.adding(days: -30))
    }

    @Test func typingTabbingAndTheKindChoice() throws {
        let f = try Fixture()
        f.press(.character("n"))
        var form = try #require(f.controller.state.form)
        #expect(form.focus == .title && form.kind == "board")
        #expect(!form.fields.contains(.group) && !form.fields.contains(.prepares))
        f.type("Play group")
        #expect(f.controller.state.form?[.title] == "Play group")
        f.press(.backTab)
        #expect(f.controller.state.form?.focus == .kind)
        f.press(.right, .right)
        form = try #require(f.controller.state.form)
        #expect(form.kind == "task-and-finish" && form.fields.contains(.group))
        f.press(.left)
        #expect(f.controller.state.form?.kind == "service-design")
        // Letters typed on the kind field change nothing.
        f.type("xyz")
        #expect(f.controller.state.form?[.kind] == "")
    }

    @Test func problemsShowBesideTheirFieldsAndNothingIsSaved() throws {
        let f = try Fixture()
        let before = try count(f)
        f.press(.character("n"))
        fill(f, .date, "31/02/2027")
        fill(f, .start, "25:00")
        fill(f, .confirmed, "Zoe Adams, Nobody Here")
        fill(f, .parents, "lots")
        f.press(.enter)
        let form = try #require(f.controller.state.form, "the form stays open")
        #expect(form.errors[.title] == "A meeting needs a title.")
        #expect(form.errors[.date]?.contains("does not exist") == true)
        #expect(form.errors[.start]?.contains("not a time of day") == true)
        #expect(form.errors[.confirmed]?.contains("Nobody Here") == true)
        #expect(form.errors[.parents] != nil)
        #expect(form[.date] == "31/02/2027" && form[.confirmed] == "Zoe Adams, Nobody Here", "what was typed is kept")
        #expect(form.focus == .title, "the first problem gets the focus")
        #expect(try count(f) == before)
        #expect(f.screen.text.contains("✗ A meeting needs a title."))
    }

    @Test func aGoodFormSavesAndOpensTheMeeting() throws {
        let f = try Fixture()
        let before = try count(f)
        f.press(.character("n"))
        f.type("Speech and language")
        fill(f, .date, "30/11/2026")
        fill(f, .start, "15:00")
        fill(f, .end, "16:30")
        fill(f, .venue, "SAVS")
        fill(f, .confirmed, "zoe adams")
        fill(f, .agendaTitle(0), "Welcome")
        fill(f, .agendaSummary(0), "who is here")
        f.press(.control("n"))
        f.type("Stakeholder update")
        f.press(.tab)
        f.type("outcomes")
        f.press(.enter)
        #expect(f.controller.state.form == nil)
        #expect(try count(f) == before + 1)
        guard case .meeting(let d)? = f.controller.state.detail?.content else {
            Issue.record("the saved meeting did not open")
            return
        }
        #expect(d.facts.meeting.title == "Speech and language")
        #expect(d.facts.agenda.map(\.title) == ["Welcome", "Stakeholder update"])
        #expect(d.championNames == ["Zoe Adams"])
        let checks = f.controller.state.checker.check(d.facts)
        #expect(checks.first { $0.barrier == .schoolRun }?.status == .fail)
        #expect(checks.first { $0.barrier == .plainLanguage }?.status == .warn)
        #expect(f.controller.state.status.hasPrefix("Saved: Speech and language"))
    }

    @Test func escOnAChangedFormAsksFirst() throws {
        let f = try Fixture()
        f.press(.character("n"), .escape)
        #expect(f.controller.state.form == nil, "an untouched form just closes")
        f.press(.character("n"))
        f.type("Half typed")
        f.press(.escape)
        #expect(f.controller.state.form?.confirmingDiscard == true)
        f.press(.character("n"))
        #expect(f.controller.state.form?[.title] == "Half typed")
        f.press(.escape, .character("y"))
        #expect(f.controller.state.form == nil)
    }

    @Test func aStaleSaveKeepsWhatWasTypedAndSaysWhoChangedIt() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter, .character("e"))
        let form = try #require(f.controller.state.form)
        guard case .existing(let id, let version) = form.target else {
            Issue.record("not an edit")
            return
        }
        #expect(!form.fields.contains(.kind))
        // Someone else saves the same meeting from another terminal.
        let other = try AppDatabase.open(path: f.database.path)
        let office = try other.signIn(name: "Office Demo", secret: DemoData.demoPIN)
        var theirs = try other.meetingDetail(as: office, id: id).facts.meeting
        theirs.venue = "Centre Place"
        try other.updateMeeting(as: office, id: id, expectedVersion: version, to: theirs,
                                now: LocalDateTime(iso: "2026-11-27T09:58")!.instant)
        fill(f, .title, "Board (moved)")
        f.press(.enter)
        let after = try #require(f.controller.state.form, "the form stays open")
        #expect(after.message.contains("changed by Office Demo at 09:58"))
        #expect(after[.title] == "Board (moved)")
        #expect(try f.database.meetingDetail(as: office, id: id).facts.meeting.title == "Partnership Board")
    }

    @Test func aChampionCannotOpenTheForm() throws {
        let f = try Fixture()
        f.signIn(as: "Zoe Adams")
        f.press(.character("n"))
        #expect(f.controller.state.form == nil)
        #expect(f.controller.state.status == "Parent Champion accounts cannot change meetings. Ask the office if you need this.")
    }

    @Test func pOpensAPreMeetingHalfAnHourBefore() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter, .character("p"))
        let form = try #require(f.controller.state.form)
        #expect(form.kind == "pre-meeting")
        #expect(form[.title] == "Pre-meeting: Partnership Board")
        #expect(form[.date] == "01/12/2026" && form[.start] == "09:30" && form[.end] == "10:00")
        f.press(.enter)
        guard case .meeting(let d)? = f.controller.state.detail?.content else {
            Issue.record("the pre-meeting was not saved")
            return
        }
        #expect(d.facts.meeting.kind.preparedMeetingID != nil)
        #expect(d.prepares?.title == "Partnership Board")
    }

    @Test func cancellingAsksForAReasonAndDeletingAsksYesOrNo() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter, .character("c"))
        #expect(f.controller.state.prompt?.wantsText == true)
        f.press(.enter)
        #expect(f.controller.state.prompt?.error.contains("Say why") == true)
        f.type("Room flooded")
        f.press(.enter)
        #expect(f.controller.state.prompt == nil)
        guard case .meeting(let d)? = f.controller.state.detail?.content else { return }
        #expect(d.facts.meeting.status == .cancelled && d.facts.meeting.cancelReason == "Room flooded")
        #expect(f.screen.text.contains("CANCELLED"))
        f.press(.character("D"), .character("n"))
        #expect(f.controller.state.detail != nil)
        f.press(.character("D"), .character("y"))
        #expect(f.controller.state.detail == nil)
        #expect(f.controller.state.status == "Meeting deleted.")
    }
}

/// A series made in the form, then one of its meetings changed: Enter asks "this one, or this
/// and later ones" before anything is saved.
@Suite struct SeriesFormTests {
    func fill(_ f: Fixture, _ field: MeetingForm.Field, _ text: String) {
        while f.controller.state.form?.focus != field { f.press(.tab) }
        f.press(.control("u"))
        f.type(text)
    }

    @Test func aSeriesNeedsAnEndAndAnEditAsksWhichMeetingsItReaches() throws {
        let f = try Fixture()
        let actor = try #require(try f.database.demoActor())
        f.press(.character("n"))
        fill(f, .title, "Spring Board")
        fill(f, .date, "16/03/2027")
        fill(f, .repeats, "every month on the 3rd tuesday")
        f.press(.enter)
        var form = try #require(f.controller.state.form, "refused: no end")
        #expect(form.errors[.until]?.contains("A series needs an end") == true)
        #expect(form[.repeats] == "every month on the 3rd tuesday", "what was typed stays")
        fill(f, .until, "15/04/2027")
        f.press(.enter)
        form = try #require(f.controller.state.form, "refused: one meeting only")
        #expect(form.errors[.until]?.contains("no meeting after the first") == true)
        fill(f, .until, "31/07/2027")
        fill(f, .venue, "SAVS")
        f.press(.enter)
        #expect(f.controller.state.form == nil)
        #expect(f.controller.state.status.contains("Saved a series of 5"))
        let items = try f.database.meetings(as: actor, from: LocalDate(iso: "2027-03-01")!, offset: 0, limit: 50).filter { $0.meeting.title == "Spring Board" }
        #expect(items.map(\.meeting.date.iso) == ["2027-03-16", "2027-04-20", "2027-05-18", "2027-06-15", "2027-07-20"])

        // The second meeting, moved on its own: Enter asks, Esc goes back, o saves this one only.
        let second = try f.database.meetingDetail(as: actor, id: items[1].meeting.id)
        f.controller.handle(.present(.meetingForm(MeetingForm.editing(second))))
        #expect(f.controller.state.form?[.repeats] == "every month on the 3rd Tuesday")
        fill(f, .date, "21/04/2027")
        f.press(.enter)
        #expect(f.controller.state.form?.askingScope == true)
        #expect(f.controller.state.status.contains("Meeting 2 of 5 in a series"))
        #expect(f.screen.text.contains("o this one only  l this and later ones"))
        f.press(.escape)
        #expect(f.controller.state.form?.askingScope == false && f.controller.state.form?[.date] == "21/04/2027")
        f.press(.enter, .character("o"))
        #expect(f.controller.state.form == nil)
        let moved = try f.database.meetingDetail(as: actor, id: items[1].meeting.id)
        #expect(moved.facts.meeting.date.iso == "2027-04-21" && moved.series?.slot.iso == "2027-04-20")
        #expect(try f.database.meetingDetail(as: actor, id: items[2].meeting.id).facts.meeting.date.iso == "2027-05-18")
    }
}
