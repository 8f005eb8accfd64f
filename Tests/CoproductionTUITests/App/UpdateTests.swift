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
        s.detail = DetailState(target: .meeting(1))
        apply(&s, .character("q"))
        #expect(s.detail == nil && !s.quitRequested)
        apply(&s, .character("q"))
        #expect(s.quitRequested)
    }

    @Test func ctrlCQuitsFromAnywhere() {
        for setup in [{ (s: inout AppState) in s.helpVisible = true }, { $0.editingFilter = true },
                      { $0.detail = DetailState(target: .area(1)) }, { $0.size = Size(width: 40, height: 10) }] {
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
        apply(&s, .character("q"))
        #expect(s.quitRequested)
    }

    @Test func ctrlLAsksForAFullRedraw() {
        var s = bareState()
        #expect(update(&s, .key(.control("l"))) == [.redraw])
    }

    @Test func everyActionHasAKeyAndNoKeyDoesTwoThings() {
        var seen: [Key: Action] = [:]
        for spec in ActionTable.all {
            #expect(!spec.keys.isEmpty, "\(spec.action) has no key")
            for key in spec.keys {
                #expect(seen[key] == nil, "\(key.label) is bound twice")
                seen[key] = spec.action
            }
        }
        #expect(Set(ActionTable.all.map(\.action)) == Set(Action.allCases))
    }
}

@Suite struct HelpScrollTests {
    @Test func everyKeyFitsOnOneHelpScreenAt80x24() {
        let s = bareState()
        #expect(HelpOverlay.maxScroll(s) == 0, "the help needs scrolling at 80×24: shorten it or accept the scroll")
    }

    @Test func everyHelpLineIsShownWholeAt80x24() {
        var s = bareState()
        _ = update(&s, .key(.character("?")))
        let text = view(s, size: s.size).text
        for entry in ActionTable.helpEntries {
            #expect(text.contains(entry.keys), "help cuts or leaves out the keys \(entry.keys)")
            #expect(text.contains(entry.help), "help cuts or leaves out “\(entry.help)”")
        }
        // Every action is in the help, on its own line or in a pair.
        let paired = Set(ActionTable.helpPairs.flatMap(\.actions))
        for spec in ActionTable.all where !paired.contains(spec.action) {
            #expect(text.contains(spec.help), "\(spec.action) is not in the help")
        }
    }

    @Test func scrollingTheHelpStopsAtItsEnd() {
        var s = bareState()
        _ = update(&s, .key(.character("?")))
        for _ in 0..<5 { _ = update(&s, .key(.down)) }
        #expect(s.helpScroll == HelpOverlay.maxScroll(s))
        _ = update(&s, .key(.up))
        #expect(s.helpScroll == 0)
        _ = update(&s, .key(.escape))
        #expect(!s.helpVisible && s.helpScroll == 0)
    }
}
