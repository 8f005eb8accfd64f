import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Apologies offer to cancel the family's crèche places in the same step.
@Suite struct ApologiesTests {
    /// Zoe Adams invited to today's pre-meeting, whose crèche has her Leo (signed in) and Maisie.
    func fixture() throws -> Fixture {
        let f = try Fixture()
        try f.database.write { db in
            try db.execute(sql: "INSERT INTO meetingChampion (meetingId, championId, response) VALUES (14, 1, 'invited')")
        }
        return f
    }

    func booked(_ f: Fixture) throws -> [String] {
        let admin = try f.database.signIn(name: DemoData.adminName, secret: DemoData.demoPIN)
        return try f.database.register(as: admin, meetingID: 14).map(\.child.firstName).sorted()
    }

    @Test func aChampionsApologiesOfferToCancelTheirChildsPlace() throws {
        let f = try fixture()
        _ = try #require(f.signIn(as: "Zoe Adams"))
        f.press(.enter)  // her first meeting: today's pre-meeting
        #expect(f.screen.text.contains("Pre-meeting: Partnership Board"))
        f.press(.character("x"))
        let prompt = try #require(f.controller.state.prompt)
        #expect(prompt.question.hasPrefix("Maisie has a crèche place booked for this meeting. Cancel your place too"),
                "Leo is signed in already, so only Maisie's place is offered: \(prompt.question)")
        f.press(.character("y"))
        #expect(f.controller.state.status == "Crèche place cancelled for Maisie. The crèche now has 4 children booked.")
        #expect(try booked(f) == ["Amara", "Leo", "Oliver", "Ruby"])
    }

    @Test func keepingThePlaceLeavesTheBooking() throws {
        let f = try fixture()
        _ = try #require(f.signIn(as: "Zoe Adams"))
        f.press(.enter, .character("x"), .character("n"))
        #expect(f.controller.state.prompt == nil)
        #expect(try booked(f).contains("Maisie"))
    }

    @Test func theOfficeMarksAChampionsApologiesAndTheStaffNeededDrops() throws {
        let f = try fixture()
        _ = try #require(f.signIn(as: "Office Demo"))
        f.press(.enter, .character("x"))
        #expect(f.controller.state.prompt?.question.contains("Which Parent Champion has sent apologies") == true)
        f.type("zoe")
        f.press(.enter)
        let prompt = try #require(f.controller.state.prompt)
        #expect(prompt.question.contains("Maisie has a crèche place") && prompt.question.contains("Cancel their place"))
        f.press(.character("y"))
        #expect(f.controller.state.status.hasPrefix("Crèche place cancelled for Maisie. The crèche now has 4 children booked and needs"))
        let admin = try f.database.signIn(name: DemoData.adminName, secret: DemoData.demoPIN)
        let detail = try f.database.meetingDetail(as: admin, id: 14)
        #expect(detail.championResponses[detail.championIDs.firstIndex(of: 1)!] == .apologies)
    }
}
