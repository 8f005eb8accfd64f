import Coproduction
@testable import CoproductionTUI
import Testing

@Suite struct UpdateTests {
    func apply(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = update(&state, .key(key)) }
    }

    @Test func tabAndDigitsMoveTheFocus() {
        var s = bareState()
        #expect(s.focus == .meetings)
        apply(&s, .tab)
        #expect(s.focus == .areas)
        apply(&s, .tab, .tab)
        #expect(s.focus == .meetings)
        apply(&s, .backTab)
        #expect(s.focus == .creche)
        apply(&s, .character("2"))
        #expect(s.focus == .areas)
        apply(&s, .character("1"))
        #expect(s.focus == .meetings)
    }

    @Test func arrowsAndVimKeysMoveTheSelectionWithinTheList() {
        var s = bareState(total: 3)
        apply(&s, .down, .character("j"))
        #expect(s[.meetings].selected == 2)
        apply(&s, .down)
        #expect(s[.meetings].selected == 2)
        apply(&s, .up, .character("k"), .character("k"))
        #expect(s[.meetings].selected == 0)
        // Only the focused pane moves.
        #expect(s[.areas].selected == 0)
    }

    @Test func pagingAndJumpsScrollSoTheSelectionStaysVisible() {
        var s = bareState(total: 100)
        let visible = MainLayout(size: s.size).visibleRows(.meetings)
        apply(&s, .end)
        #expect(s[.meetings].selected == 99)
        #expect(s[.meetings].top == 100 - visible)
        apply(&s, .character("g"))
        #expect(s[.meetings].selected == 0 && s[.meetings].top == 0)
        apply(&s, .pageDown)
        #expect(s[.meetings].selected == visible - 1)
        apply(&s, .control("d"), .control("u"))
        #expect(s[.meetings].selected == visible - 1)
        apply(&s, .character("G"), .home)
        #expect(s[.meetings].selected == 0)
    }

    @Test func slashTypesAFilterThatEscClears() {
        var s = bareState()
        apply(&s, .down, .down, .character("/"))
        #expect(s.editingFilter)
        apply(&s, .character("b"), .character("o"), .character("x"), .backspace)
        #expect(s[.meetings].filter == "bo")
        #expect(s[.meetings].selected == 0)
        // q is text while typing a filter, not quit.
        apply(&s, .character("q"))
        #expect(!s.quitRequested && s[.meetings].filter == "boq")
        apply(&s, .enter)
        #expect(!s.editingFilter && s[.meetings].filter == "boq")
        apply(&s, .escape)
        #expect(s[.meetings].filter == "")
        apply(&s, .character("/"), .character("x"), .escape)
        #expect(!s.editingFilter && s[.meetings].filter == "")
    }

    @Test func helpOpensAndClosesAndSwallowsOtherKeys() {
        var s = bareState()
        apply(&s, .character("?"))
        #expect(s.helpVisible)
        apply(&s, .down, .tab, .character("q"))
        #expect(!s.helpVisible && !s.quitRequested && s[.meetings].selected == 0 && s.focus == .meetings)
        apply(&s, .function(1), .escape)
        #expect(!s.helpVisible)
    }

    @Test func enterOnAnEmptyListSaysSoInsteadOfOpening() {
        var s = bareState(total: 0)
        apply(&s, .enter)
        #expect(s.detail == nil)
        #expect(s.status.contains("Nothing to open"))
    }

    @Test func qQuitsFromTheMainScreenAndGoesBackFromADetail() {
        var s = bareState()
        s.stack = [.detail(DetailState(target: .meeting(1)))]
        apply(&s, .character("q"))
        #expect(s.detail == nil && !s.quitRequested)
        apply(&s, .character("q"))
        #expect(s.quitRequested)
    }

    @Test func ctrlCQuitsFromAnywhere() {
        for setup in [{ (s: inout AppState) in s.stack = [.help(HelpScreen(about: .main))] }, { $0.editingFilter = true },
                      { $0.stack = [.detail(DetailState(target: .area(1)))] }, { $0.size = Size(width: 40, height: 10) },
                      { $0.stack = [.meetingForm(MeetingForm.new(on: Fixture.today))] }] {
            var s = bareState()
            setup(&s)
            apply(&s, .control("c"))
            #expect(s.quitRequested)
        }
    }

    @Test func aResizeKeepsTheSelectionOnScreen() {
        var s = bareState(total: 100, size: Size(width: 120, height: 40))
        apply(&s, .end)
        _ = update(&s, .resize(Size(width: 80, height: 24)))
        let visible = MainLayout(size: s.size).visibleRows(.meetings)
        #expect(s[.meetings].selected == 99)
        #expect(s[.meetings].top == 100 - visible)
    }

    @Test func tooSmallIgnoresKeysButQuit() {
        var s = bareState(size: Size(width: 60, height: 20))
        apply(&s, .down, .tab)
        #expect(s[.meetings].selected == 0 && s.focus == .meetings)
        // The keys are not lost quietly: the screen and the status line say they were not used.
        #expect(s.status.hasPrefix("Not used: the window is too small"))
        #expect(view(s, size: s.size).text.contains("Keys typed now"))
        _ = update(&s, .resize(Size(width: 80, height: 24)))
        #expect(s.status.contains("keys typed while it was too small were not used"))
        _ = update(&s, .resize(Size(width: 60, height: 20)))
        apply(&s, .character("q"))
        #expect(s.quitRequested)
    }

    @Test func ctrlLAsksForAFullRedraw() {
        var s = bareState()
        #expect(update(&s, .key(.control("l"))) == [.redraw])
    }

    @Test func everyActionHasAKeyAndNoKeyDoesTwoThingsOnOneScreen() {
        for screen in ScreenID.allCases {
            var seen: [Key: Action] = [:]
            for spec in ActionTable.all where spec.uses.contains(where: { $0.screens.contains(screen) }) {
                #expect(!spec.keys.isEmpty, "\(spec.action) has no key")
                for key in spec.keys where !(screen.takesText && key.isText) {
                    #expect(seen[key] == nil, "\(key.label) is bound twice on \(screen)")
                    seen[key] = spec.action
                }
            }
        }
        #expect(Set(ActionTable.all.map(\.action)) == Set(Action.allCases))
        for spec in ActionTable.all { #expect(!spec.uses.isEmpty, "\(spec.action) works nowhere") }
    }
}

@Suite struct HelpScrollTests {
    @Test func theMainScreensHelpFitsOneScreenAt80x24ForEveryRole() {
        for role in Role.allCases {
            var s = bareState()
            s.session = Actor(userID: 1, name: "Someone", role: role)
            _ = update(&s, .key(.character("?")))
            let help = try! #require(s.stack.last.flatMap { HelpScreen(entry: $0) })
            #expect(HelpPage.maxScroll(help, s) == 0, "the main screen's help needs scrolling at 80×24 for \(role)")
        }
    }

    @Test func everyHelpLineIsShownWholeAt80x24OnEveryScreen() {
        for screen in ScreenID.allCases where screen != .help {
            for role in Role.allCases {
                var s = bareState()
                s.session = Actor(userID: 1, name: "Someone", role: role)
                s.stack = [.help(HelpScreen(about: screen))]
                var text = view(s, size: s.size).text
                // Scroll to the end, collecting what is shown.
                for _ in 0..<30 {
                    _ = update(&s, .key(.down))
                    text += view(s, size: s.size).text
                }
                for entry in HelpPage.entries(screen, role: role) where !entry.heading {
                    #expect(text.contains(entry.key), "help on \(screen) for \(role) cuts the keys \(entry.key)")
                    #expect(text.contains(entry.help), "help on \(screen) for \(role) cuts “\(entry.help)”")
                }
            }
        }
    }

    @Test func scrollingTheHelpStopsAtItsEnd() {
        var s = bareState(size: Size(width: 80, height: 24))
        s.stack = [.help(HelpScreen(about: .meetingForm))]
        let limit = HelpPage.maxScroll(HelpScreen(about: .meetingForm), s)
        for _ in 0..<40 { _ = update(&s, .key(.down)) }
        #expect(s.stack.last.flatMap { HelpScreen(entry: $0) }?.scroll == limit)
        for _ in 0..<40 { _ = update(&s, .key(.up)) }
        #expect(s.stack.last.flatMap { HelpScreen(entry: $0) }?.scroll == 0)
        _ = update(&s, .key(.escape))
        #expect(!s.helpVisible)
    }
}
