import Coproduction
import CoproductionStore
import Foundation
@testable import CoproductionTUI
import Testing

/// The Reports screen: sections that say what they count, the past meetings not recorded on
/// their own line, `f` listing the meetings behind a failing share, `p` choosing the period
/// (a from–to refused beside its field when it is backwards), `w` writing text and CSV.
@Suite struct ReportScreenTests {
    @Test func theReportListsFailingMeetingsChoosesItsPeriodAndWritesFiles() throws {
        let f = try Fixture(size: Size(width: 120, height: 60))
        f.press(.character("R"))
        #expect(f.screen.text.contains("past meetings not recorded yet"))
        #expect(f.screen.text.contains("Of the 14 meetings in the period not cancelled"))
        guard case .detail(let d)? = f.controller.state.stack.last, case .report(let report, nil)? = d.content else {
            Issue.record("the report is not shown")
            return
        }
        let failing = try #require(ReportPage.failingChecks(report).first)
        let first = try #require(report.failing[failing.code]?.first)
        #expect(!f.screen.text.contains("(meeting \(first.id))"))
        f.press(.character("f"))
        #expect(f.screen.text.contains("\(first.title) (meeting \(first.id))"), "\(f.screen.text)")

        f.press(.character("p"))
        #expect(f.controller.state.stepForm?.title == "The report's period")
        while f.controller.state.stepForm?.values["period"] != "from–to" { f.press(.right) }
        f.press(.tab)
        f.type("01/04/2026")
        f.press(.tab)
        f.type("31/03/2026")
        f.press(.control("s"))
        #expect(f.controller.state.stepForm?.errors["to"]?.contains("is before") == true)
        f.press(.control("u"))
        f.type("31/03/2027")
        f.press(.control("s"))
        #expect(f.controller.state.stepForm == nil, "\(f.controller.state.stepForm?.errors ?? [:])")
        #expect(f.screen.text.contains("Co-production report, Wed 1 Apr 2026 to Wed 31 Mar 2027"), "\(f.screen.text)")

        f.press(.character("w"))
        let folder = f.controller.papersFolder
        let text = try String(contentsOfFile: folder + "/co-production-report-2026-04-01-to-2027-03-31.txt", encoding: .utf8)
        #expect(text.hasPrefix("Co-production report, Wed 1 Apr 2026 to Wed 31 Mar 2027"))
        #expect(text.contains("Meetings held (recorded as held in the period), by kind"))
        let csv = try String(contentsOfFile: folder + "/co-production-report-2026-04-01-to-2027-03-31.csv", encoding: .utf8)
        #expect(csv.hasPrefix("section,what,value,as shown\r\n"))
        #expect(csv.contains("School run"))
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/co-production-report-2026-04-01-to-2027-03-31.csv")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(f.controller.state.status.contains("co-production-report-2026-04-01-to-2027-03-31.txt"))
    }

    /// A Parent Champion's written report is what their screen shows: no ladder of
    /// co-production (the staff's words), in the file as on the screen.
    @Test func aChampionWritesWhatTheirScreenShows() throws {
        let f = try Fixture()
        _ = try #require(f.signIn(as: "Zoe Adams"))
        f.press(.character("R"))
        f.press(.end)
        #expect(!f.screen.text.contains("ladder of co-production"))
        f.press(.character("w"))
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: f.controller.papersFolder).first { $0.hasSuffix(".txt") })
        let text = try String(contentsOfFile: f.controller.papersFolder + "/" + name, encoding: .utf8)
        #expect(text.contains("Meetings held (recorded as held in the period), by kind"))
        #expect(!text.contains("ladder of co-production"))
    }

    @Test func thePeriodsAreTheFinancialYearsAndTheLastTwelveMonths() {
        let today = LocalDate(iso: "2026-11-27")!
        #expect(ReportPeriod.thisFinancialYear.days(today: today) == (LocalDate(iso: "2026-04-01")!, LocalDate(iso: "2027-03-31")!))
        #expect(ReportPeriod.lastFinancialYear.days(today: today) == (LocalDate(iso: "2025-04-01")!, LocalDate(iso: "2026-03-31")!))
        #expect(ReportPeriod.lastTwelveMonths.days(today: today).from == LocalDate(iso: "2025-11-27")!)
        #expect(ReportPeriod.thisFinancialYear.words(today: today) == "this financial year (2026–27)")
    }
}
