import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// `update` screen by screen: a message in, the commands out and the state after. No
/// database: results arrive as the messages the runner would send.
@Suite struct PageUpdateTests {
    static let meeting = Meeting(id: 7, kind: .partnershipBoard, title: "Partnership Board", date: Fixture.today.adding(days: 3),
                                 start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 0)!, venue: "Hall",
                                 championIDs: [3], confirmed: [3])

    static func detail(_ m: Meeting = meeting, creche: CrechePlan? = nil) -> MeetingDetail {
        let facts = MeetingFacts(meeting: m, creche: creche, preMeetingDates: [])
        return MeetingDetail(facts: facts, championNames: ["Zoe Adams"], championAreas: ["Kursaal"], championResponses: [.confirmed],
                             prepares: nil, preMeetings: [], version: 4, record: nil, championIDs: [3])
    }

    /// A state with a screen open over the main screen, signed in with a role.
    static func state(_ role: Role = .office, _ screens: [ScreenState]) -> AppState {
        var s = bareState()
        s.session = Actor(userID: 1, name: "Someone", role: role, championID: role == .champion ? 3 : nil)
        s.stack = screens
        return s
    }

    static func meetingPage(_ d: MeetingDetail = detail()) -> ScreenState {
        var page = DetailState(target: .meeting(d.facts.meeting.id))
        page.content = .meeting(d)
        page.loaded = true
        return .detail(page)
    }

    @Test func theMeetingPageAsksTheRunnerToReadBeforeEditingCancellingOrDeleting() {
        for (key, command) in [("e", Command.editMeeting(7)), ("c", .askCancel(7)), ("D", .askDelete(7)), ("p", .preMeeting(7))] {
            var s = Self.state(.office, [Self.meetingPage()])
            #expect(update(&s, .key(.character(Character(key)))) == [command], "\(key) on a meeting")
            #expect(s.stack.count == 1)
        }
    }

    @Test func aMeetingNotYetHeldCannotBeRecordedAndSaysWhen() {
        var s = Self.state(.office, [Self.meetingPage()])
        #expect(update(&s, .key(.character("h"))) == [])
        #expect(s.status.contains("record what happened on or after the day"))
    }

    @Test func aChampionAnswersForThemselvesAndOfficeStaffAreToldToEdit() {
        var s = Self.state(.champion, [Self.meetingPage()])
        #expect(update(&s, .key(.character("a"))) == [.respond(7, .confirmed)])
        #expect(update(&s, .key(.character("x"))) == [.respond(7, .apologies)])
        #expect(update(&s, .key(.character("e"))) == [])
        #expect(s.status.contains("cannot change meetings"))
        var office = Self.state(.office, [Self.meetingPage()])
        #expect(update(&office, .key(.character("a"))) == [])
        #expect(office.status.contains("edit the meeting"))
    }

    @Test func aSavedMeetingClosesTheFormOpensTheMeetingAndCanBeUndone() {
        var s = Self.state(.office, [.meetingForm(MeetingForm.new(on: Fixture.today))])
        _ = update(&s, .key(.character("B")))
        let commands = update(&s, .key(.control("s")))
        guard case .saveMeeting(let form)? = commands.first else {
            Issue.record("Ctrl-S did not ask to save: \(commands)")
            return
        }
        #expect(form.dirty)
        let change = UndoChange.created(id: 9, version: 1, title: "B")
        _ = update(&s, .saved(Saved("Saved: B.", open: .meeting(9), undo: .set(change))))
        #expect(s.form == nil)
        #expect(s.detail?.target == .meeting(9))
        #expect(s.status == "Saved: B.")
        #expect(update(&s, .key(.character("u"))) == [.undo(change)])
    }

    @Test func formProblemsLandBesideTheirFieldsAndKeepWhatWasTyped() {
        var s = Self.state(.office, [.meetingForm(MeetingForm.new(on: Fixture.today))])
        for c in "Board" { _ = update(&s, .key(.character(c))) }
        let typed = s.form?[.title]
        _ = update(&s, .meetingFormProblems([.end: "The end must be after the start.", .venue: "Say where."], message: ""))
        #expect(s.form?[.title] == typed)
        #expect(s.form?.errors[.end] == "The end must be after the start.")
        #expect(s.form?.message == "2 things to fix before saving.")
        #expect(s.form?.focus == .end || s.form?.focus == .venue)
    }

    @Test func escOnAChangedFormAsksAndYThrowsTheChangesAway() {
        var s = Self.state(.office, [.meetingForm(MeetingForm.new(on: Fixture.today))])
        _ = update(&s, .key(.character("x")))
        _ = update(&s, .key(.escape))
        #expect(s.form?.confirmingDiscard == true)
        _ = update(&s, .key(.character("n")))
        #expect(s.form?.confirmingDiscard == false && s.form != nil)
        _ = update(&s, .key(.escape))
        _ = update(&s, .key(.character("y")))
        #expect(s.form == nil && s.status == "Changes thrown away.")
    }

    @Test func aQuestionIsAnsweredByTheRunnerAndEscChangesNothing() {
        let prompt = PromptState(purpose: .cancelMeeting(id: 7, version: 4), question: "Why?")
        var s = Self.state(.office, [Self.meetingPage(), .prompt(prompt)])
        for c in "Snow" { _ = update(&s, .key(.character(c))) }
        let commands = update(&s, .key(.enter))
        guard case .answer(let answered)? = commands.first, commands.count == 1 else {
            Issue.record("Enter did not answer: \(commands)")
            return
        }
        #expect(answered.text == "Snow" && answered.purpose == prompt.purpose)
        _ = update(&s, .promptProblem("The reason is too long."))
        #expect(s.prompt?.error == "The reason is too long." && s.prompt?.text == "Snow")
        _ = update(&s, .key(.escape))
        #expect(s.prompt == nil && s.status == "Nothing was changed." && s.detail != nil)
    }

    @Test func aFollowUpQuestionTakesThePlaceOfTheFirst() {
        let first = PromptState(purpose: .chooseIdea(areaID: 1), question: "Which idea?")
        let next = PromptState(purpose: .ideaStep(ideaID: 4, to: .decided), question: "What was decided?")
        var s = Self.state(.office, [.prompt(first)])
        _ = update(&s, .followUp(.prompt(next)))
        #expect(s.stack == [.prompt(next)])
    }

    @Test func signingInSendsTheNameAndSecretOnceAndClearsTheSecret() {
        var s = bareState()
        s.session = nil
        for c in "Zoe" { _ = update(&s, .key(.character(c))) }
        #expect(update(&s, .key(.enter)) == [])
        #expect(s.signIn.field == .secret)
        for c in "1234" { _ = update(&s, .key(.character(c))) }
        #expect(update(&s, .key(.enter)) == [.signIn(name: "Zoe", secret: "1234")])
        #expect(s.signIn.secret.isEmpty)
        _ = update(&s, .signInRefused("Sign-in refused."))
        #expect(s.signIn.message == "Sign-in refused." && s.signIn.name == "Zoe")
        _ = update(&s, .signedIn(Actor(userID: 4, name: "Zoe", role: .champion, championID: 3)))
        #expect(s.session?.name == "Zoe" && s.stack.isEmpty)
    }

    @Test func helpOpensOverAnyScreenAndClosesBackToIt() {
        var s = Self.state(.office, [Self.meetingPage()])
        _ = update(&s, .key(.character("?")))
        #expect(s.helpVisible && s.stack.last == .help(HelpScreen(about: .meeting)))
        _ = update(&s, .key(.escape))
        #expect(!s.helpVisible && s.detail?.target == .meeting(7))
        // F1 opens it from a form, where ? is a letter.
        var form = Self.state(.office, [.meetingForm(MeetingForm.new(on: Fixture.today))])
        _ = update(&form, .key(.character("?")))
        #expect(!form.helpVisible && form.form?[.title].hasSuffix("?") == true)
        _ = update(&form, .key(.function(1)))
        #expect(form.helpVisible)
    }

    @Test func lockAndSwitchUserWorkOverTheHelpAndAQuestionButAreLettersInAForm() {
        for screens: [ScreenState] in [[.help(HelpScreen(about: .main))], [Self.meetingPage(), .help(HelpScreen(about: .meeting))],
                                       [.prompt(PromptState(purpose: .deleteMeeting(id: 7, version: 4), question: "Delete?"))]] {
            var s = Self.state(.office, screens)
            #expect(update(&s, .key(.character("L"))) == [.forget])
            #expect(s.session == nil && s.signIn.name == "Someone" && s.detail == nil)
            var u = Self.state(.office, screens)
            _ = update(&u, .key(.character("U")))
            #expect(u.session == nil && u.signIn.name.isEmpty)
        }
        var form = Self.state(.office, [.meetingForm(MeetingForm.new(on: Fixture.today))])
        _ = update(&form, .key(.character("L")))
        #expect(form.session != nil && form.form?[.title] == "L")
    }

    @Test func theActionsPageOpensTheMeetingAnActionCameFrom() {
        let row = OpenActionRow(action: ActionItem(id: 1, what: "Book the hall", owner: "Priya", due: Fixture.today.adding(days: -2)),
                                meetingID: 12, meetingTitle: "Service Design", meetingDate: Fixture.today.adding(days: -20))
        var page = DetailState(target: .actions)
        page.content = .actions([row])
        page.loaded = true
        var s = Self.state(.office, [.detail(page)])
        _ = update(&s, .key(.enter))
        #expect(s.detail?.target == .meeting(12))
        _ = update(&s, .key(.escape))
        #expect(s.detail?.target == .actions)
        let text = view(s, size: s.size).text
        #expect(text.contains("✗ overdue") && text.contains("Book the hall") && text.contains("Priya"))
    }

    @Test func deletingARecordClosesEveryScreenShowingIt() {
        var s = Self.state(.office, [Self.meetingPage(), .prompt(PromptState(purpose: .deleteMeeting(id: 7, version: 4), question: "Delete?"))])
        #expect(update(&s, .key(.character("y"))).count == 1)
        _ = update(&s, .saved(Saved("Meeting deleted.", gone: [.meeting(7)], undo: .clear)))
        #expect(s.stack.isEmpty && s.status == "Meeting deleted." && s.undo == nil)
    }
}
