import Coproduction
import Foundation
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct RegisterScreenTests {
    func openRegister(_ f: Fixture) throws -> RegisterScreen {
        f.press(.character("3"), .character("r"))
        guard case .register(let screen)? = f.controller.state.detail?.content else {
            throw RegisterMissing()
        }
        return screen
    }

    struct RegisterMissing: Error {}

    @Test func lockAndSwitchUserWorkOnARegisterWithChildrenListed() throws {
        // The defect: with children on the register, L and U were swallowed by its row keys.
        let f = try Fixture()
        let screen = try openRegister(f)
        try #require(!screen.rows.isEmpty)
        f.press(.down, .character("L"))
        #expect(f.controller.state.session == nil)
        #expect(f.screen.text.contains("Locked."))
        #expect(!f.screen.text.contains(screen.rows[0].child.fullName))
        f.type(DemoData.demoPIN)
        f.press(.enter)
        _ = try openRegister(f)
        f.press(.character("U"))
        #expect(f.controller.state.session == nil)
        #expect(f.controller.state.signIn.name.isEmpty)
        #expect(f.screen.text.contains("Signed out. The next person can sign in."))
    }

    @Test func theTerminalCursorSitsOnTheSelectedChild() throws {
        let f = try Fixture()
        _ = try openRegister(f)
        f.press(.down)
        let screen = f.screen
        let cursor = try #require(screen.cursor)
        #expect(!cursor.visible)
        #expect(screen[cursor.x, cursor.y].grapheme == "▶", "the cursor is not on the selection marker")
    }

    @Test func signingInAndOutChangesTheHeadcount() throws {
        let f = try Fixture()
        let screen = try openRegister(f)
        #expect(f.screen.text.contains("In the crèche now: 2"))
        let ruby = try #require(screen.rows.firstIndex { $0.child.firstName == "Ruby" })
        for _ in 0..<ruby { f.press(.down) }
        f.press(.character("i"))
        #expect(f.screen.text.contains("In the crèche now: 3"))
        f.press(.character("o"))
        #expect(f.controller.state.prompt != nil)
        f.type("Hannah Clarke")
        f.press(.enter)
        #expect(f.controller.state.prompt == nil)
        #expect(f.screen.text.contains("In the crèche now: 2"))
        #expect(f.screen.text.contains("signed out: 1"))
    }

    @Test func aStrangerCollectingNeedsAReasonAndShowsLoudly() throws {
        let f = try Fixture()
        _ = try openRegister(f)
        f.press(.character("o"))  // Amara, first and in the crèche
        f.type("Uncle Bob")
        f.press(.enter)
        let prompt = try #require(f.controller.state.prompt)
        #expect(prompt.question.contains("Uncle Bob is NOT on Amara's list"))
        f.press(.enter)  // no reason yet
        #expect(f.controller.state.prompt?.error.contains("record why") == true)
        f.type("Grace phoned ahead")
        f.press(.enter)
        // Then their age: someone not on the list must be the minimum age (16) or over.
        #expect(f.controller.state.prompt?.question.contains("How old is Uncle Bob?") == true)
        f.type("15")
        f.press(.enter)
        #expect(f.controller.state.prompt?.error.contains("must be 16 or over") == true)
        f.press(.backspace, .backspace)
        f.type("34")
        f.press(.enter)
        #expect(f.controller.state.prompt == nil)
        #expect(f.screen.text.contains("COLLECTED BY SOMEONE NOT ON THE LIST: Grace phoned ahead (aged 34)"))
    }

    @Test func theTimerWarnsNearTwoHours() throws {
        let f = try Fixture()
        _ = try openRegister(f)
        f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:30")!)
        #expect(f.screen.text.contains("1 h 50 min ! near 2 h"))
        f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:41")!)
        #expect(f.screen.text.contains("2 h 01 min ✗ over 2 h"))
        #expect(f.screen.text.contains("NOT COLLECTED: the session ended at 10:45"))
    }

    @Test func eachAlertFlashesOnceAndRingsUnlessTheBellIsOff() throws {
        let f = try Fixture()
        _ = try openRegister(f)
        // Opened at 10:00: Amara and Leo are in, the session (to 10:45) not over yet.
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T10:30")!).isEmpty)
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T10:46")!) == [.alert(bell: true)], "the session's end passed")
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T10:59")!).isEmpty, "14 minutes after the end")
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:00")!) == [.alert(bell: true)], "+15: call the parent")
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:15")!) == [.alert(bell: true)], "+30: the emergency contacts")
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:24")!).isEmpty, "1 h 44 min: nothing yet")
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:25")!) == [.alert(bell: true)], "1 h 45 min")
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:30")!).isEmpty, "once each")
        // Another terminal silences the bell; this one reads the setting on its next poll.
        let other = try AppDatabase.open(path: f.database.path)
        try other.set(.alertBell, to: "no", as: try other.signIn(name: DemoData.adminName, secret: DemoData.demoPIN))
        #expect(f.controller.pollForChanges())
        #expect(f.controller.tick(now: LocalDateTime(iso: "2026-11-27T11:40")!) == [.alert(bell: false)], "2 h, silent")
        #expect(f.screen.text.contains("2 h 00 min ✗ over 2 h"))
    }

    @Test func theRegisterStaysOpenPastTheLockWithAChildInAndHidesOnlyTheNotes() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Crèche Demo"))
        _ = try openRegister(f)
        #expect(f.screen.text.contains("peanuts"))
        f.press(.character("w"))  // a form left open over the register
        f.advance(seconds: 301)
        let s = f.controller.state
        #expect(s.session?.name == "Crèche Demo" && s.screen == .register, "not locked: children are in")
        #expect(s.notesHidden && !f.screen.text.contains("peanuts") && f.screen.text.contains("notes hidden"))
        #expect(f.screen.text.contains("2 in") || f.screen.text.contains("In the crèche now: 2"))
        // The whole record hides them too.
        f.press(.enter)
        #expect(!f.screen.text.contains("peanuts") && f.screen.text.contains("Hidden while nobody was at the keys"))
        f.press(.escape, .character("p"))
        f.type("9999")
        f.press(.enter)
        #expect(f.controller.state.notesHidden)
        f.press(.control("u"))
        f.type(DemoData.demoPIN)
        f.press(.enter)
        #expect(!f.controller.state.notesHidden && f.screen.text.contains("peanuts"))
    }

    @Test func anOfficeRegisterLocksAsUsual() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Office Demo"))
        _ = try openRegister(f)
        f.advance(seconds: 301)
        #expect(f.controller.state.session == nil)
    }

    @Test func aLongNoteWrapsWholeAndEnterShowsTheWholeRecord() throws {
        let f = try Fixture()
        let admin = try f.database.signIn(name: DemoData.adminName, secret: DemoData.demoPIN)
        let amara = try #require(try f.database.children(as: admin).first { $0.firstName == "Amara" })
        var changed = amara
        changed.notes = Self.longNote
        try f.database.updateChild(as: admin, id: amara.id, changed, today: Fixture.today)
        _ = try openRegister(f)
        let text = f.screen.text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "┃ ")) }.joined(separator: " ")
        #expect(text.contains("adrenaline pen (EpiPen) is in the red bag on the top shelf"))
        #expect(text.contains("call 999 and then her mother"), "the end of the note is on screen")
        f.press(.enter)
        #expect(f.controller.state.screen == .child)
        let record = f.screen.text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "┃ ")) }.joined(separator: " ")
        #expect(record.contains("Tunde Okafor") && record.contains("call 999 and then her mother"))
    }

    static let longNote = "Allergy: peanuts and all tree nuts, severe (anaphylaxis). Her adrenaline pen (EpiPen) is in the red bag on the top "
        + "shelf by the door; a second pen is with her mother. No food from home may be shared at snack time; check every label. "
        + "Mild eczema: cream twice a day. If she has any swelling or wheeze, use the pen, call 999 and then her mother."

    @Test func aChampionSeesOnlyTheirOwnChildrenAndNoNotes() throws {
        let f = try Fixture()
        f.signIn(as: "Zoe Adams")
        let screen = try openRegister(f)
        #expect(screen.rows.map(\.child.firstName).sorted() == ["Leo", "Maisie"])
        #expect(!f.screen.text.contains("Dairy-free"))
        #expect(f.screen.text.contains("held by the crèche staff"))
        f.press(.character("i"))
        #expect(f.controller.state.status.contains("cannot change crèche bookings"))
    }

    @Test func bookingAChildByName() throws {
        let f = try Fixture()
        f.press(.character("3"), .down, .character("r"))
        f.press(.character("b"))
        f.type("Nobody Known")
        f.press(.enter)
        #expect(f.controller.state.prompt?.error.contains("No child you can book") == true)
        f.press(.control("u"))
        f.type("amara okafor")
        f.press(.enter)
        guard case .register(let screen)? = f.controller.state.detail?.content else { return }
        #expect(screen.rows.map(\.child.firstName) == ["Amara"])
    }
}
