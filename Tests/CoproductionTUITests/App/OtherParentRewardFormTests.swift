import Coproduction
import CoproductionStore
import Foundation
@testable import CoproductionTUI
import Testing

/// The reward form's Who field: "another parent who came" takes a full name, adds the parent
/// to the app and records the voucher; a single name is refused beside the field.
@Suite struct OtherParentRewardFormTests {
    @Test func aVoucherForAParentWhoIsNotAChampion() throws {
        let f = try Fixture()
        f.press(.character("V"), .character("n"))
        let form = try #require(f.controller.state.stepForm)
        #expect(form.specs.first { $0.id == "who" }?.choices == ["a Parent Champion", "another parent who came"])
        #expect(form.specs.first { $0.id == "parent" }?.label == "Name")
        f.press(.right, .tab)  // another parent who came; then the name
        f.type("Dee")
        f.press(.control("s"))
        #expect(f.controller.state.stepForm?.errors["parent"]?.contains("first and family name") == true)
        f.type(" Hart")
        f.press(.tab, .tab, .right, .right)  // kind: voucher; for: focus group
        f.press(.control("s"))
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        #expect(f.controller.state.status.contains("for Dee Hart (new, not a champion)."))
        let dee = try f.database.rewards(as: testAdminActor, year: FinancialYear(startYear: 2026)).first { $0.parent == "Dee Hart" }
        #expect(dee?.reward.amount == .pounds(20) && dee?.reward.championID == nil)
        #expect(f.screen.text.contains("Dee Hart"))
    }
}
