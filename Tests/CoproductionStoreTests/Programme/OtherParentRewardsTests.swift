import Coproduction
import CoproductionStore
import Foundation
import GRDB
import Testing

/// Vouchers and expenses for the other parents who come (not Parent Champions): named by full
/// name and known from then on, totalled apart from champions, private from champions, kept
/// only as long as their rewards, and nobody added when the reward is refused.
@Suite struct OtherParentRewardsTests {
    func open() throws -> (TemporaryFolder, AppDatabase) {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("other-\(UUID().uuidString).sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        return (folder, db)
    }

    @Test func anotherParentIsThankedAndKnownFromThenOn() throws {
        let (folder, db) = try open()
        _ = folder
        let voucher = Reward(recipient: .parent(0), kind: .voucher, reason: .focusGroup, amount: .pounds(20), date: fixedToday)
        let first = try db.addReward(as: testAdmin, voucher, forOtherParentNamed: "  Ann   Smith ")
        #expect(first.newParent)
        let second = try db.addReward(as: testAdmin, Reward(recipient: .parent(0), kind: .expenses, reason: .focusGroup, amount: Money(pence: 450),
                                                            date: fixedToday, note: "bus fare"), forOtherParentNamed: "ann smith")
        #expect(!second.newParent, "the same parent, however the name is typed")
        #expect(try db.otherParents(as: testAdmin).map(\.name) == ["Ann Smith"])
        let totals = try #require(try db.rewardTotals(as: testAdmin, year: FinancialYear(startYear: 2026)).first { $0.parent == "Ann Smith" })
        #expect(totals.totals.championID == nil)
        #expect(totals.totals.vouchers == .pounds(20) && totals.totals.expenses == Money(pence: 450))
        let rows = try db.rewards(as: testAdmin, year: FinancialYear(startYear: 2026)).filter { $0.parent == "Ann Smith" }
        #expect(rows.count == 2 && rows.allSatisfy { if case .parent = $0.reward.recipient { true } else { false } })

        // A champion sees only their own; the other parent's name never reaches them.
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        #expect(try db.rewards(as: zoe, year: FinancialYear(startYear: 2026)).allSatisfy { $0.parent == "Zoe Adams" })
        #expect(throws: StoreError.self) { try db.otherParents(as: zoe) }
    }

    @Test func aRefusedRewardAddsNobodyAndANameNeedsTwoParts() throws {
        let (folder, db) = try open()
        _ = folder
        #expect(throws: StoreError.self, "expenses need a note") {
            _ = try db.addReward(as: testAdmin, Reward(recipient: .parent(0), kind: .expenses, reason: .meeting, amount: .pounds(5), date: fixedToday),
                                 forOtherParentNamed: "Bea Jones")
        }
        #expect(throws: StoreError.self, "one name is not enough to know who") {
            _ = try db.addReward(as: testAdmin, Reward(recipient: .parent(0), kind: .voucher, reason: .meeting, amount: .pounds(10), date: fixedToday),
                                 forOtherParentNamed: "Bea")
        }
        #expect(try db.otherParents(as: testAdmin).isEmpty)
    }

    @Test func retentionDeletesTheirRewardsAndThenTheirName() throws {
        let (folder, db) = try open()
        _ = folder
        let old = LocalDate(iso: "2019-06-01")!
        _ = try db.addReward(as: testAdmin, Reward(recipient: .parent(0), kind: .voucher, reason: .review, amount: .pounds(10), date: old),
                             forOtherParentNamed: "Cara Long")
        let due = try db.retentionDue(as: testAdmin, today: fixedToday).filter { $0.kind == RetentionKind.reward.rawValue }
        #expect(due.contains { $0.name == "Cara Long" })
        _ = try db.purge(as: testAdmin, today: fixedToday, now: Date())
        #expect(try db.otherParents(as: testAdmin).isEmpty)
    }
}
