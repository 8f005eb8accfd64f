import Coproduction
import CoproductionStore
import Foundation
import Testing

@Suite struct IdeaTests {
    func demo(_ folder: TemporaryFolder) throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.path("ideas.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return db
    }

    @Test func anIdeaGoesFromAParentToTheBoardAndBack() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let kursaal = try #require(try db.championRecords(as: zoe).first { $0.champion.id == zoe.championID }).champion.areaID
        let id = try db.addIdea(as: zoe, Idea(areaID: kursaal, raisedOn: fixedToday, raisedBy: zoe.championID, text: "Toy library"))
        #expect(throws: StoreError.self) { try db.moveIdea(as: zoe, id: id, IdeaStep(to: .decided, on: fixedToday, outcome: "Yes")) }
        try db.moveIdea(as: zoe, id: id, IdeaStep(to: .ready, on: fixedToday))
        // The agenda builder: a Board meeting takes every ready idea in one step.
        let board = try #require(try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 50).first { $0.meeting.kind == .partnershipBoard })
        let pulled = try db.pullReadyIdeas(as: testAdmin, meetingID: board.meeting.id)
        #expect(pulled >= 2, "Zoe's idea and the demo's ready ones")
        let agenda = try db.meetingDetail(as: testAdmin, id: board.meeting.id).facts.agenda
        #expect(agenda.contains { $0.summary == "Toy library" && $0.title == "Idea from parents in Kursaal" })
        var idea = try #require(try db.ideas(as: zoe, areaID: kursaal).first { $0.id == id })
        #expect(idea.status == .onAgenda && idea.agendaItemID != nil)
        #expect(throws: StoreError.invalid("outcome: say what was decided, in plain words.")) {
            try db.moveIdea(as: testAdmin, id: id, IdeaStep(to: .decided, on: fixedToday, outcome: " "))
        }
        try db.moveIdea(as: testAdmin, id: id, IdeaStep(to: .decided, on: fixedToday, outcome: "A toy library opens in January."))
        try db.moveIdea(as: zoe, id: id, IdeaStep(to: .fedBack, on: fixedToday, fedBackBy: zoe.championID, channel: .groupChat))
        idea = try #require(try db.ideas(as: zoe, areaID: kursaal).first { $0.id == id })
        #expect(idea.status == .fedBack && idea.channel == .groupChat && idea.outcome == "A toy library opens in January.")
    }

    @Test func aChampionWorksOnlyWithTheirOwnAreasIdeasAndNeverSeesContactOrDBS() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let records = try db.championRecords(as: zoe)
        #expect(records.allSatisfy { $0.phone == nil && $0.dbsNumber == nil && $0.dbsRenewalDue == nil })
        let milton = try #require(records.first { $0.areaName == "Milton" }).champion.areaID
        #expect(throws: StoreError.self) { try db.ideas(as: zoe, areaID: milton) }
        let office = try db.signIn(name: "Office Demo", secret: DemoData.demoPIN)
        let hannah = try #require(try db.championRecords(as: office).first { $0.champion.name == "Hannah Clarke" })
        #expect(hannah.flags(today: fixedToday).contains { $0.what == "DBS" && $0.status == .fail })
        #expect(try #require(records.first { $0.champion.name == "Priya Shah" }).flags(today: fixedToday).contains { $0.what == "Refresher" })
    }

    @Test func areasShowOpenIdeasAndFeedbackOverdueAndKeepHistoryWhenRenamedOrRetired() throws {
        let folder = TemporaryFolder()
        let db = try demo(folder)
        let areas = try db.areas(as: testAdmin, today: fixedToday, offset: 0, limit: 10)
        let milton = try #require(areas.first { $0.area.name == "Milton" })
        #expect(milton.ideasOpen == 1 && milton.awaitingFeedback == 1 && milton.feedbackOverdue == 1)
        try db.renameArea(as: testAdmin, id: milton.area.id, to: "Milton and Chalkwell")
        try db.setAreaRetired(as: testAdmin, id: milton.area.id, retired: true)
        let after = try db.areaDetail(as: testAdmin, id: milton.area.id, today: fixedToday)
        #expect(after.summary.area.name == "Milton and Chalkwell" && after.summary.area.retired)
        #expect(after.ideas.count == 2 && after.records.count == 3)
        #expect(throws: StoreError.self) {
            try db.addIdea(as: testAdmin, Idea(areaID: milton.area.id, raisedOn: fixedToday, raisedBy: nil, text: "New"))
        }
        #expect(try db.ladder(as: testAdmin, areaID: milton.area.id)[.coproduction] == 1)
    }
}

@Suite struct AreaChecksTests {
    @Test func theAreasFlagDueChecksButDBSOnlyForThoseWhoMaySeeIt() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("checks.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let office = try db.signIn(name: "Office Demo", secret: DemoData.demoPIN)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        func checks(_ actor: Actor) throws -> [String: CheckStatus] {
            Dictionary(uniqueKeysWithValues: try db.areas(as: actor, today: fixedToday, offset: 0, limit: 10).map { ($0.area.name, $0.checks) })
        }
        #expect(try checks(office)["Kursaal"] == .warn, "Priya's refresher is due within 30 days")
        #expect(try checks(office)["Milton"] == .fail, "Hannah's DBS renewal is overdue")
        #expect(try checks(zoe)["Milton"] == .pass, "a champion is not told about a colleague's DBS")
        #expect(try checks(zoe)["Kursaal"] == .warn)
    }
}
