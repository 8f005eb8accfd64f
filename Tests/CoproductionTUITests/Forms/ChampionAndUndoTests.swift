import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

@Suite struct ChampionAnswersTests {
    func signInAsZoe(_ f: Fixture) throws -> Actor {
        f.signIn(as: "Zoe Adams")
        return try #require(f.controller.state.session)
    }

    @Test func aChampionSeesOnlyTheMeetingsTheyAreInvitedTo() throws {
        let f = try Fixture()
        let zoe = try signInAsZoe(f)
        let s = f.controller.state
        #expect(s[.meetings].total > 0)
        #expect(s[.meetings].total < (try f.database.countMeetings(as: zoe, from: Fixture.today)))
        let zoeID = try #require(zoe.championID)
        for item in s.meetings.items {
            let d = try f.database.meetingDetail(as: zoe, id: item.meeting.id)
            let prepared = try d.prepares.map { try f.database.meetingDetail(as: zoe, id: $0.id).facts.meeting.championIDs } ?? []
            #expect(item.meeting.championIDs.contains(zoeID) || prepared.contains(zoeID))
        }
        #expect(f.screen.text.contains("My meetings"))
    }

    @Test func aChampionSendsApologiesThenUndoes() throws {
        let f = try Fixture()
        let zoe = try signInAsZoe(f)
        let zoeID = try #require(zoe.championID)
        let row = try #require(f.controller.state.meetings.items.firstIndex { $0.meeting.championIDs.contains(zoeID) })
        for _ in 0..<row { f.press(.down) }
        let id = try #require(f.controller.state.meetings.item(at: row)).meeting.id
        f.press(.enter, .character("x"))
        func answer() throws -> Response? {
            let d = try f.database.meetingDetail(as: zoe, id: id)
            return d.championNames.firstIndex(of: "Zoe Adams").map { d.championResponses[$0] }
        }
        #expect(try answer() == .apologies)
        #expect(f.controller.state.status.hasPrefix("Apologies sent"))
        f.press(.character("a"))
        #expect(try answer() == .confirmed)
        f.press(.character("x"), .character("u"))
        #expect(try answer() == .confirmed)
        #expect(f.controller.state.status.hasPrefix("Undone: your answer"))
    }

    @Test func officeStaffAreToldToEditInstead() throws {
        let f = try Fixture()
        f.press(.character("a"))
        #expect(f.controller.state.status.contains("edit the meeting"))
    }
}

@Suite struct UndoTests {
    @Test func undoTakesBackANewMeetingAnEditAndACancel() throws {
        let f = try Fixture()
        let admin = try #require(try f.database.demoActor())
        let before = try f.database.countMeetings(as: admin, from: Fixture.today)
        f.press(.character("n"))
        f.type("Undo me")
        f.press(.enter)
        #expect(try f.database.countMeetings(as: admin, from: Fixture.today) == before + 1)
        f.press(.character("u"))
        #expect(try f.database.countMeetings(as: admin, from: Fixture.today) == before)
        #expect(f.controller.state.status == "Undone: new meeting Undo me.")

        f.press(.down, .down, .down, .enter, .character("e"))
        f.press(.control("u"))
        f.type("Renamed board")
        f.press(.enter)
        guard case .meeting(let d)? = f.controller.state.detail?.content else { return }
        #expect(d.facts.meeting.title == "Renamed board")
        f.press(.character("u"))
        #expect(try f.database.meetingDetail(as: admin, id: d.facts.meeting.id).facts.meeting.title == "Partnership Board")

        f.press(.character("c"))
        f.type("Snow")
        f.press(.enter)
        #expect(try f.database.meetingDetail(as: admin, id: d.facts.meeting.id).facts.meeting.status == .cancelled)
        f.press(.character("u"))
        #expect(try f.database.meetingDetail(as: admin, id: d.facts.meeting.id).facts.meeting.status == .planned)
        #expect(f.controller.state.status == "Undone: cancel of Partnership Board.")
        f.press(.character("u"))
        #expect(f.controller.state.status == "Nothing to undo.")
    }

    @Test func undoRefusesWhenSomeoneElseChangedTheMeetingSince() throws {
        let f = try Fixture()
        f.press(.down, .down, .down, .enter, .character("e"))
        f.press(.control("u"))
        f.type("Mine")
        f.press(.enter)
        guard case .meeting(let d)? = f.controller.state.detail?.content else { return }
        let other = try AppDatabase.open(path: f.database.path)
        let office = try other.signIn(name: "Office Demo", secret: DemoData.demoPIN)
        var theirs = try other.meetingDetail(as: office, id: d.facts.meeting.id).facts.meeting
        theirs.title = "Theirs"
        try other.updateMeeting(as: office, id: d.facts.meeting.id, expectedVersion: d.version, to: theirs)
        f.controller.pollForChanges()
        f.press(.character("u"))
        // Undoing now would throw away the other person's change, so it is refused.
        let admin = try #require(try f.database.demoActor())
        let title = try f.database.meetingDetail(as: admin, id: d.facts.meeting.id).facts.meeting.title
        #expect(title == "Theirs")
        #expect(f.controller.state.status.hasPrefix("Cannot undo: This record was changed by Office Demo"))
    }
}
