import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct SignInTests {
    func signIn(_ f: Fixture, _ name: String, _ secret: String) {
        f.type(name)
        f.press(.enter)
        f.type(secret)
        f.press(.enter)
    }

    @Test func nothingShowsUntilSomeoneSignsIn() throws {
        let f = try Fixture(signedIn: false)
        let text = f.screen.text
        #expect(text.contains("Sign in"))
        #expect(!text.contains("Partnership Board") && !text.contains("Kursaal"))
        #expect(f.controller.state.meetings.items.isEmpty)
    }

    @Test func aWrongPinIsRefusedAndTheRightOneLetsYouIn() throws {
        let f = try Fixture(signedIn: false)
        signIn(f, "Office Demo", "9999")
        #expect(f.controller.state.session == nil)
        #expect(f.controller.state.signIn.secret.isEmpty, "the secret is never kept after a try")
        #expect(f.screen.text.contains("do not match"))
        #expect(!f.screen.text.contains("9999"))
        f.type(DemoData.demoPIN)
        f.press(.enter)
        #expect(f.controller.state.session?.role == .office)
        #expect(f.screen.text.contains("Office Demo (Office staff)"))
        #expect(f.screen.text.contains("Partnership Board"))
    }

    @Test func theSecretIsShownOnlyAsDots() throws {
        let f = try Fixture(signedIn: false)
        f.type("Zoe Adams")
        f.press(.tab)
        f.type("4321")
        #expect(f.screen.text.contains("••••"))
        #expect(!f.screen.text.contains("4321"))
    }

    @Test func lockClearsEveryPieceOfDataAndKeepsTheName() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter)
        #expect(f.screen.text.contains("Barrier checks"))
        f.press(.character("L"))
        let s = f.controller.state
        #expect(s.session == nil && s.detail == nil)
        #expect(s.meetings.items.isEmpty && s.areas.items.isEmpty && s.creches.items.isEmpty)
        #expect(s.signIn.name == DemoData.adminName && s.signIn.field == .secret)
        let text = f.screen.text
        #expect(!text.contains("Partnership Board") && !text.contains("Barrier checks") && !text.contains("Kursaal"))
        f.type(DemoData.demoPIN)
        f.press(.enter)
        #expect(f.controller.state.session?.name == DemoData.adminName)
    }

    @Test func switchUserStartsWithAnEmptyName() throws {
        let f = try Fixture()
        f.press(.character("U"))
        #expect(f.controller.state.session == nil)
        #expect(f.controller.state.signIn.name.isEmpty)
        signIn(f, "Zoe Adams", DemoData.demoPIN)
        #expect(f.controller.state.session?.role == .champion)
    }

    @Test func theScreenLocksItselfAfterFiveMinutesWithoutAKey() throws {
        let f = try Fixture()
        f.press(.character("/"))
        f.type("board")
        f.advance(seconds: 299)
        #expect(f.controller.state.session != nil)
        f.press(.down)  // a key resets the timer
        f.advance(seconds: 299)
        #expect(f.controller.state.session != nil)
        f.advance(seconds: 2)
        let s = f.controller.state
        #expect(s.session == nil)
        #expect(s[.meetings].filter.isEmpty && !s.editingFilter, "half-typed input is dropped whole")
        #expect(s.signIn.message.contains("Locked after 5 minutes"))
        #expect(!f.screen.text.contains("Partnership Board"))
    }

    @Test func onlyAdminsOpenTheAuditTrail() throws {
        let f = try Fixture()
        f.press(.character("A"))
        guard case .audit(let entries, _)? = f.controller.state.detail?.content else {
            Issue.record("the admin did not get the audit trail")
            return
        }
        #expect(entries.isEmpty == false || f.screen.text.contains("Audit trail"))
        f.press(.escape, .character("U"))
        signIn(f, "Zoe Adams", DemoData.demoPIN)
        f.press(.character("A"))
        #expect(f.controller.state.detail == nil)
        #expect(f.screen.text.contains("Only admins can see the audit trail."))
    }
}
