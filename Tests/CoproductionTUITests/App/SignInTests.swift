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
        #expect(f.screen.text.contains("Agenda"))
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
        #expect(f.controller.state.detail?.target != .audit)
        #expect(f.screen.text.contains("Only admins can see the audit trail."))
    }

    @Test func aChampionsLockSignsThemOutAndShowsNoName() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Zoe Adams"))
        f.press(.character("n"))  // a half-typed idea or form is dropped with the session
        f.advance(seconds: 301)
        let s = f.controller.state
        #expect(s.session == nil && s.signIn.name.isEmpty && s.signIn.lockedFor == nil)
        #expect(!f.screen.text.contains("Zoe Adams"), "the lock screen names nobody")
        #expect(s.signIn.message.contains("You are signed out") && s.signIn.message.contains("not saved was not kept"))
        #expect(s.resume.isEmpty)
    }

    @Test func anOfficeLockOffersTheNameAndEscLetsSomeoneElseInWithoutCountingAgainstIt() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Office Demo"))
        f.press(.character("3"), .character("r"))
        #expect(f.screen.text.contains("Crèche register"))
        f.press(.character("L"))
        #expect(f.screen.text.contains("Not Office Demo? Press Esc to sign in as"))
        // Zoe presses Esc: her PIN, typed after, is hers, not a wrong try for Office Demo.
        f.press(.escape)
        #expect(f.controller.state.signIn.name.isEmpty)
        signIn(f, "Zoe Adams", DemoData.demoPIN)
        #expect(f.controller.state.session?.name == "Zoe Adams")
        #expect(f.controller.state.detail?.target == .today, "Zoe lands on her own Today; Office Demo's register is not reopened for her")
        #expect(!f.screen.text.contains("Crèche register"))
        let refused = try f.database.auditEntries(as: testAdminActor(f)).filter { $0.action == "sign-in refused" }
        #expect(refused.isEmpty)
    }

    @Test func unlockingReturnsToTheScreenThatWasOpen() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Office Demo"))
        f.press(.character("3"), .character("r"))
        f.advance(seconds: 301)
        #expect(f.controller.state.session == nil)
        f.type(DemoData.demoPIN)
        f.press(.enter)
        #expect(f.controller.state.screen == .register)
        #expect(f.screen.text.contains("Amara Okafor"), "read afresh after the sign-in")
    }

    @Test func aCountdownShowsInTheLastMinuteAndAResizeIsNotActivity() throws {
        let f = try Fixture()
        f.advance(seconds: 230)
        #expect(f.controller.state.lockCountdown == nil)
        f.advance(seconds: 20)
        #expect(f.controller.state.lockCountdown == 50)
        #expect(f.screen.text.contains("Locking in 50 s: press any key to stay signed in."))
        f.controller.handle(.resize(Size(width: 100, height: 30)))
        f.advance(seconds: 51)
        #expect(f.controller.state.session == nil, "a resize did not restart the clock")
    }

    @Test func aKeyInTheLastMinuteKeepsTheSession() throws {
        let f = try Fixture()
        f.advance(seconds: 270)
        #expect(f.controller.state.lockCountdown == 30)
        f.press(.down)
        #expect(f.controller.state.lockCountdown == nil)
        f.advance(seconds: 200)
        #expect(f.controller.state.session != nil)
    }

    @Test func aLockedOutAccountIsToldUntilWhenAndAnUnknownNameIsNot() throws {
        let f = try Fixture(signedIn: false)
        for _ in 1...4 { signIn(f, "Office Demo", "9999"); f.press(.escape) }
        signIn(f, "Office Demo", "9999")
        #expect(f.controller.state.signIn.message.contains("locked after 5 wrong tries, until 10:05"))
        f.press(.escape)
        signIn(f, "Office Demo", DemoData.demoPIN)
        #expect(f.controller.state.session == nil && f.controller.state.signIn.message.contains("until 10:05"), "the right PIN waits too")
        f.press(.escape)
        for _ in 1...6 { signIn(f, "Nobody Here", "9999"); f.press(.escape) }
        signIn(f, "Nobody Here", "9999")
        #expect(f.controller.state.signIn.message.contains("do not match") && !f.controller.state.signIn.message.contains("locked"))
    }

    /// An admin to read the audit trail with.
    func testAdminActor(_ f: Fixture) throws -> Actor {
        try f.database.signIn(name: DemoData.adminName, secret: DemoData.demoPIN)
    }
}
