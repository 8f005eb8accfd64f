import Coproduction
import CoproductionStore
import Foundation
import Testing

@Suite struct RewardRecordsTests {
    @Test func totalsPerParentSplitAtTheFinancialYearAndChampionsSeeOnlyTheirOwn() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("r.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let me = zoe.championID!
        _ = try db.addReward(as: testAdmin, Reward(championID: me, kind: .voucher, reason: .focusGroup, amount: .pounds(20),
                                                   date: LocalDate(iso: "2027-03-31")!))
        _ = try db.addReward(as: testAdmin, Reward(championID: me, kind: .voucher, reason: .focusGroup, amount: .pounds(20),
                                                   date: LocalDate(iso: "2027-04-01")!))
        let this = try db.rewardTotals(as: testAdmin, year: FinancialYear(startYear: 2026)).first { $0.totals.championID == me }
        let next = try db.rewardTotals(as: testAdmin, year: FinancialYear(startYear: 2027)).first { $0.totals.championID == me }
        // The demo gives Zoe £20 of vouchers and £6.40 of expenses this year.
        #expect(this?.totals.vouchers == .pounds(40) && this?.totals.expenses == Money(pence: 640))
        #expect(next?.totals.vouchers == .pounds(20))
        #expect(try db.rewards(as: zoe, year: FinancialYear(startYear: 2026)).allSatisfy { $0.reward.championID == me })
        #expect(throws: StoreError.self) {
            _ = try db.addReward(as: testAdmin, Reward(championID: me, kind: .expenses, reason: .meeting, amount: .pounds(5), date: fixedToday))
        }
        #expect(try db.rewardPolicy().amount(for: .focusGroup) == .pounds(20))
        try db.set(.rewardFocusGroup, to: "£25", as: testAdmin)
        #expect(try db.rewardPolicy().amount(for: .focusGroup) == .pounds(25))
    }

    @Test func oldRewardsAndLeaversDetailsAreDueUnderTheirOwnPeriods() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("r.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let old = try db.addReward(as: testAdmin, Reward(championID: 1, kind: .voucher, reason: .meeting, amount: .pounds(10),
                                                         date: LocalDate(iso: "2020-03-31")!))
        let kept = try db.addReward(as: testAdmin, Reward(championID: 1, kind: .voucher, reason: .meeting, amount: .pounds(10),
                                                          date: LocalDate(iso: "2020-04-01")!))
        try db.setChampionStatus(as: testAdmin, championID: 2, .left, reason: "Moved away", since: LocalDate(iso: "2020-06-01")!)
        let due = try db.retentionDue(as: testAdmin, today: fixedToday)
        #expect(due.contains { $0.kind == "reward" && $0.id == old })
        #expect(!due.contains { $0.kind == "reward" && $0.id == kept })
        #expect(due.contains { $0.kind == "champion details" && $0.id == 2 })
        try db.set(.retentionChampionYears, to: "7", as: testAdmin)
        #expect(!(try db.retentionDue(as: testAdmin, today: fixedToday)).contains { $0.kind == "champion details" })
        try db.set(.retentionChampionYears, to: "6", as: testAdmin)
        try db.purge(as: testAdmin, today: fixedToday)
        let left = try db.retentionDue(as: testAdmin, today: fixedToday)
        #expect(left.isEmpty)
        #expect(try db.rewards(as: testAdmin, year: FinancialYear(startYear: 2020)).map(\.reward.id) == [kept])
        let record = try #require(try db.championRecords(as: testAdmin).first { $0.champion.id == 2 })
        #expect(record.phone == nil && record.dbsNumber == nil && record.status == .left)
    }
}
