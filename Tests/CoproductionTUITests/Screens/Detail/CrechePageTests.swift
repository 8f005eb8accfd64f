import Coproduction
import CoproductionStore
import Foundation
@testable import CoproductionTUI
import Testing

/// A crèche's page shows where its day stands against Ofsted's registration exemptions, and d
/// records the date notice was sent (office staff and admins), refusing a bad date beside it.
@Suite struct CrechePageTests {
    @Test func theRegistrationStatusShowsAndDRecordsTheNotice() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("3"), .enter)
        #expect(f.screen.text.contains("Ofsted      ✓ no child over 2 hours"))
        f.press(.character("d"))
        let form = try #require(f.controller.state.stepForm)
        #expect(form.title.contains("Notice to Ofsted: Kursaal Children's Centre, 2026"))
        f.type("31/02/2026")
        f.press(.enter)
        #expect(f.controller.state.stepForm?.errors["sent"] != nil, "no 31 February")
        #expect(f.controller.state.stepForm?.values["sent"] == "31/02/2026")
        f.press(.control("u"))
        f.type("20/11/2026")
        f.press(.enter)
        #expect(f.controller.state.stepForm == nil)
        let kursaal = try #require(try f.database.venueYears(as: testAdminActor, year: 2026).first { $0.venue == "Kursaal Children's Centre" })
        #expect(kursaal.noticeSentOn == LocalDate(iso: "2026-11-20"))
    }

    @Test func aChampionCannotRecordTheNotice() throws {
        let f = try Fixture()
        _ = f.signIn(as: "Zoe Adams")
        f.press(.character("3"), .enter)
        f.press(.character("d"))
        #expect(f.controller.state.stepForm == nil)
    }
}
