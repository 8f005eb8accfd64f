import Coproduction
import CoproductionStore
import Foundation
import Testing

@Suite struct MarketingRecordsTests {
    @Test func parentsApproveAMaterialAndANewVersionStartsAgain() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("m.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let id = try db.addMaterial(as: testAdmin, Material(title: "Bump to baby", kind: .poster, service: "Midwifery",
                                                            text: "Talk to your midwife about early intervention."))
        var row = try db.material(as: testAdmin, id: id)
        #expect(row.status == .draft && row.jargon.map(\.found) == ["early intervention"])
        #expect(throws: StoreError.self) { try db.reviewMaterial(as: testAdmin, id: id, championID: 1, verdict: .approve, comment: "", on: fixedToday) }
        try db.sendToParents(as: testAdmin, id: id)
        let champions = try db.champions(as: testAdmin)
        let kursaal = champions.filter { $0.areaID == 1 }.map(\.id), milton = champions.filter { $0.areaID == 2 }.map(\.id)
        #expect(try db.reviewMaterial(as: testAdmin, id: id, championID: kursaal[0], verdict: .approve, comment: "", on: fixedToday) == .withParents)
        #expect(try db.reviewMaterial(as: testAdmin, id: id, championID: kursaal[1], verdict: .approve, comment: "", on: fixedToday) == .withParents)
        // The same parent twice: refused, nothing saved.
        #expect(throws: StoreError.self) {
            try db.reviewMaterial(as: testAdmin, id: id, championID: kursaal[1], verdict: .approve, comment: "", on: fixedToday)
        }
        #expect(try db.material(as: testAdmin, id: id).reviews.count == 2)
        #expect(try db.reviewMaterial(as: testAdmin, id: id, championID: milton[0], verdict: .approve, comment: "", on: fixedToday) == .parentApproved)
        try db.reviseMaterial(as: testAdmin, id: id, text: "Talk to your midwife early on.")
        row = try db.material(as: testAdmin, id: id)
        #expect(row.status == .draft && row.material.version == 2 && row.currentReviews.isEmpty && row.jargon.isEmpty)
        try db.sendToParents(as: testAdmin, id: id)
        #expect(try db.reviewMaterial(as: testAdmin, id: id, championID: milton[0], verdict: .changes, comment: "Add the phone number",
                                      on: fixedToday) == .changesRequested)
    }

    @Test func aChampionAnswersForThemselvesButNotOnTheirOwnMaterial() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("m.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let mine = try db.addMaterial(as: zoe, Material(title: "Our group's flyer", kind: .leaflet, service: "Stay and Play", text: "Come along"))
        try db.sendToParents(as: testAdmin, id: mine)
        #expect(throws: StoreError.self) { try db.reviewMaterial(as: zoe, id: mine, verdict: .approve, comment: "", on: fixedToday) }
        let web = try #require(try db.materials(as: zoe).first { $0.status == .withParents && $0.material.id != mine })
        #expect(try db.reviewMaterial(as: zoe, id: web.material.id, verdict: .approve, comment: "", on: fixedToday) == .withParents)
        #expect(throws: StoreError.self) {
            try db.reviewMaterial(as: zoe, id: web.material.id, championID: zoe.championID! + 1, verdict: .approve, comment: "", on: fixedToday)
        }
    }
}
