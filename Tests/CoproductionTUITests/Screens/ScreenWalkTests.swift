import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Every screen the demo reaches, for every role: the hint line and `?` help offer only keys
/// the store lets that role use, and every key a screen acts on is in its help.
@Suite(.serialized) struct ScreenWalkTests {
    static let people: [(Role, String)] = [(.admin, DemoData.adminName), (.office, "Office Demo"), (.crecheStaff, "Crèche Demo"),
                                           (.champion, "Zoe Adams")]

    /// The way to each screen from the main screen.
    static let paths: [(ScreenID, [Key])] = [
        (.main, []), (.meeting, [.enter]), (.area, [.character("2"), .enter]), (.creche, [.character("3"), .enter]),
        (.register, [.character("3"), .character("r")]), (.report, [.character("R")]), (.fund, [.character("F")]),
        (.marketing, [.character("M")]), (.rewards, [.character("V")]), (.actions, [.character("T")]), (.audit, [.character("A")]),
        (.help, [.character("?")]), (.meetingForm, [.character("n")]), (.recordForm, [.character("P"), .character("h")]),
        (.stepForm, [.character("F"), .character("n")]), (.textPrompt, [.enter, .character("c")]),
        (.textPrompt, [.character("3"), .character("r"), .character("b")]), (.question, [.enter, .character("D")]),
        (.question, [.character("M"), .character("m")]),
    ]

    /// Words the app uses when it refuses a key to a role.
    static func isRefusal(_ text: String) -> Bool {
        text.contains("accounts cannot") || text.contains("Only admins") || text.contains("Only office staff") || text.contains("answer for themselves")
            || text.contains("Only Parent Champion") || text.contains("Not available to")
    }

    /// Back to the main screen, throwing away anything half-typed.
    static func home(_ f: Fixture) {
        for _ in 0..<12 where !f.controller.state.stack.isEmpty {
            if let form = f.controller.state.stack.last, isConfirming(form) { f.press(.character("y")) } else { f.press(.escape) }
        }
        f.press(.character("1"), .home)
    }

    static func isConfirming(_ entry: ScreenState) -> Bool {
        switch entry {
        case .meetingForm(let f): return f.confirmingDiscard
        case .recordForm(let f): return f.confirmingDiscard
        case .stepForm(let f): return f.confirmingDiscard
        default: return false
        }
    }

    /// Goes to a screen; false when the role cannot reach it that way.
    static func go(_ f: Fixture, _ screen: ScreenID, _ path: [Key]) -> Bool {
        home(f)
        for key in path { f.press(key) }
        return f.controller.state.screen == screen
    }

    @Test(arguments: people.map(\.0)) func noOfferedKeyIsRefusedAndEveryAcceptedKeyIsInHelp(role: Role) throws {
        let f = try Fixture()
        let name = Self.people.first { $0.0 == role }!.1
        _ = try #require(f.signIn(as: name))
        var reached = 0
        for (screen, path) in Self.paths {
            guard Self.go(f, screen, path) else { continue }
            reached += 1
            let state = f.controller.state
            let helpKeys = ActionTable.keys(on: screen, role: role)
            let inHelp = Set(helpKeys.map(\.action))
            // No key the screen accepts is missing from its help.
            for key in Self.keyUniverse where !(screen.takesText && key.isText) {
                var copy = state
                let commands = update(&copy, .key(key))
                let accepted = !commands.isEmpty || copy != state
                guard accepted, copy.status == state.status || !Self.isRefusal(copy.status) else { continue }
                let action = ActionTable.action(for: key, on: screen)
                #expect(action.map(inHelp.contains) ?? false,
                        "\(key.label) does something on \(screen) for \(role) but is not in its help")
            }
            // Every key offered in help does not meet a refusal when pressed, nor when what it
            // opens is saved or answered.
            for key in helpKeys where ![.forceQuit, .quit, .lock, .switchUser, .redraw].contains(key.action) {
                guard Self.go(f, screen, path) else { continue }
                let spec = ActionTable.spec(key.action)
                guard let press = spec.keys.first(where: { !(screen.takesText && $0.isText) }) else { continue }
                let before = f.controller.state.status
                f.press(press)
                let after = f.controller.state
                #expect(after.status == before || !Self.isRefusal(after.status), "\(press.label) on \(screen) is offered to \(role) but refused: \(after.status)")
                if after.stack.count > state.stack.count, ScreenID.forms.contains(after.screen) || after.screen == .textPrompt {
                    f.type("x")
                    f.press(.control("s"))
                    let saved = f.controller.state
                    let words = saved.prompt?.error ?? saved.form?.message ?? saved.recordForm?.message ?? saved.stepForm?.message ?? saved.status
                    #expect(!Self.isRefusal(words), "\(press.label) on \(screen) opens a form \(role) cannot save: \(words)")
                }
            }
            // The hint line offers only what help lists.
            guard Self.go(f, screen, path) else { continue }
            let hints = HintLine.pairs(f.controller.state)
            let helpLabels = Set(helpKeys.map(\.firstKey))
            for (key, word) in hints.own + hints.shared {
                #expect(helpLabels.contains(key), "the hint \(key) \(word) on \(screen) for \(role) is not in its help")
            }
        }
        #expect(reached >= (role == .champion ? 9 : 10), "only \(reached) screens reached as \(role)")
    }

    /// Every key the table knows, and every letter and digit.
    static let keyUniverse: [Key] = {
        var keys = Set(ActionTable.all.flatMap(\.keys))
        for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" { keys.insert(.character(c)) }
        for k: Key in [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter, .escape, .backspace, .delete] {
            keys.insert(k)
        }
        return Array(keys)
    }()

    @Test func theHintLineOffersOnlyKeysTheRoleMayUse() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Zoe Adams"))
        let main = HintLine.pairs(f.controller.state)
        #expect(!main.own.contains { $0.0 == "n" }, "a champion is offered n new")
        #expect(main.shared.contains { $0.0 == "?" })
        f.press(.enter)
        let meeting = HintLine.pairs(f.controller.state)
        #expect(!meeting.own.contains { $0.0 == "e" || $0.0 == "c" || $0.0 == "p" })
        #expect(meeting.own.contains { $0.0 == "a" } && meeting.own.contains { $0.0 == "x" })
        let help = HelpPage.entries(.meeting, role: .champion).map(\.key)
        #expect(!help.contains("D") && !help.contains("A") && !help.contains("T A"))
    }

    @Test func aPreMeetingDoesNotOfferItsOwnPreMeeting() throws {
        let f = try Fixture()
        // Find a pre-meeting in the upcoming list and open it.
        var found = false
        for _ in 0..<30 {
            let s = f.controller.state
            if s.meetings.item(at: s[.meetings].selected)?.meeting.kind.needsParentChampion == false { found = true; break }
            f.press(.down)
        }
        try #require(found, "the demo has no upcoming pre-meeting")
        f.press(.enter)
        #expect(!HintLine.pairs(f.controller.state).own.contains { $0.0 == "p" })
        f.press(.character("p"))
        #expect(f.controller.state.status.contains("That is a pre-meeting already"))
        #expect(f.controller.state.form == nil)
    }
}
