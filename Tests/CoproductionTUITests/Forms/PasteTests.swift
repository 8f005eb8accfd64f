import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Pasted text is only ever text: it never saves a form, runs a shortcut or locks the screen.
@Suite struct PasteTests {
    static func formState() -> AppState {
        var s = bareState()
        s.stack = [.meetingForm(MeetingForm.new(on: Fixture.today))]
        _ = s.askChoices()  // as when the form opens: it has asked for its names already
        return s
    }

    @Test func twoLinesPastedIntoATitleBecomeOneLineAndNothingIsSaved() {
        var s = Self.formState()
        let commands = update(&s, .paste("Partnership Board\nAgenda: budget, crèche\n"))
        #expect(commands.isEmpty)
        #expect(s.form?[.title] == "Partnership Board Agenda: budget, crèche")
        #expect(s.form?.focus == .title)
        #expect(s.status.contains("line breaks became spaces"))
    }

    @Test func pastedLettersNeverRunAsShortcutsAndNeverLock() {
        var s = bareState()
        let before = s
        let commands = update(&s, .paste("eLnq\nD"))
        #expect(commands.isEmpty && !s.quitRequested && s.session != nil && s.stack.isEmpty)
        #expect(s.main == before.main)
        #expect(s.status == "Pasted text was ignored: open a form or a field, then paste.")
    }

    @Test func controlCharactersAndEscapeSequencesAreDroppedNeverDrawn() {
        var s = Self.formState()
        _ = update(&s, .paste("Board\u{1B}[31m red\u{1B}[0m\u{07}\u{08}!"))
        #expect(s.form?[.title] == "Board red!")
        #expect(s.status.contains("control characters were left out"))
    }

    @Test func aLongPasteIsCutToTheFieldsLimit() {
        var s = Self.formState()
        _ = update(&s, .paste(String(repeating: "a", count: 5_000)))
        #expect(s.form?[.title].count == TextLimits.title)
        #expect(s.status.contains("cut to \(TextLimits.title) characters"))
    }

    @Test func aPasteGoesWhereTheCursorIs() {
        var s = Self.formState()
        for c in "Board" { _ = update(&s, .key(.character(c))) }
        _ = update(&s, .key(.home))
        _ = update(&s, .paste("Partnership "))
        #expect(s.form?[.title] == "Partnership Board")
    }

    @Test func aPasteOnTheLockScreenNeverSignsIn() {
        var s = bareState()
        s.session = nil
        let commands = update(&s, .paste("Zoe Adams\n1234\n"))
        #expect(commands.isEmpty && s.session == nil)
        #expect(s.signIn.name == "Zoe Adams 1234" && s.signIn.secret.isEmpty)
    }

    @Test func aPasteIntoTheFilterFilters() {
        var s = bareState()
        _ = update(&s, .key(.character("/")))
        _ = update(&s, .paste("board\n"))
        #expect(s[.meetings].filter == "board" && s.editingFilter)
    }

    @Test func ctrlCInAChangedFormAsksFirst() {
        var s = Self.formState()
        _ = update(&s, .key(.control("c")))
        #expect(s.quitRequested, "an unchanged form quits at once")
        s = Self.formState()
        _ = update(&s, .key(.character("B")))
        _ = update(&s, .key(.control("c")))
        #expect(!s.quitRequested && s.form?.confirmingDiscard == true)
        #expect(view(s, size: s.size).text.contains("Quit and throw away the changes?"))
        _ = update(&s, .key(.character("n")))
        #expect(!s.quitRequested && s.form?[.title] == "B" && s.form?.confirmingDiscard == false)
        _ = update(&s, .key(.control("c")))
        _ = update(&s, .key(.character("y")))
        #expect(s.quitRequested)
        // Asked, Ctrl-C again quits whatever happens.
        s = Self.formState()
        _ = update(&s, .key(.character("B")))
        _ = update(&s, .key(.control("c")))
        _ = update(&s, .key(.control("c")))
        #expect(s.quitRequested)
    }

    @Test func enteringAFilledFieldSelectsItSoTypingReplacesIt() {
        var s = Self.formState()
        _ = update(&s, .key(.tab))  // the date, filled in
        let date = s.form?.focus
        #expect(s.form.map { !$0[$0.focus].isEmpty } == true)
        for c in "31/12/2026" { _ = update(&s, .key(.character(c))) }
        #expect(s.form.map { $0[$0.focus] } == "31/12/2026" && s.form?.focus == date)
        // ← keeps the text and moves into it.
        _ = update(&s, .key(.tab))
        let start = s.form.map { $0[$0.focus] } ?? ""
        _ = update(&s, .key(.left))
        _ = update(&s, .key(.character("9")))
        #expect(s.form.map { $0[$0.focus] } == String(start.dropLast()) + "9" + String(start.suffix(1)))
    }
}
