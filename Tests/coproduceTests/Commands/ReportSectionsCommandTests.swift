import Foundation
import Testing

/// `coproduce report`: sections that say what they count, past meetings not recorded on their
/// own line, `--failing CHECK` listing the meetings behind a share, the financial years, CSV.
@Suite struct ReportSectionsCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    @Test func theReportSaysWhatItCountsAndListsTheMeetingsBehindAFailingShare() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let text = try Binary.run(["report", "--db", db], environment: env)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Meetings held (recorded as held in the period), by kind"))
        #expect(text.stdout.contains("9 past meetings not recorded yet (neither held nor cancelled)"))
        #expect(text.stdout.contains("Pre-meeting") && text.stdout.contains("93% (1 failing)"), "\(text.stdout)")

        let failing = try Binary.run(["report", "--db", db, "--failing", "pre-meeting"], environment: env)
        #expect(failing.status == 0, "\(failing.stderr)")
        #expect(failing.stdout.contains("Finance committee  (meeting 48):"))
        #expect(failing.stdout.contains("1 meeting failed pre-meeting from Thu 27 Nov 2025 to Fri 27 Nov 2026."))

        let year = try Binary.run(["report", "--db", db, "--financial-year", "last"], environment: env)
        #expect(year.stdout.hasPrefix("Co-production report, Tue 1 Apr 2025 to Tue 31 Mar 2026"))
        let both = try Binary.run(["report", "--db", db, "--financial-year", "this", "--from", "01/01/2026"], environment: env)
        #expect(both.status != 0 && both.stderr.contains("not both"))

        let out = scratch.path("report.csv")
        let csv = try Binary.run(["report", "--db", db, "--csv", "--out", out], environment: env)
        #expect(csv.status == 0, "\(csv.stderr)")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("section,what,value,as shown\r\n"))
        #expect(written.contains("Pre-meeting,0.9286,93% (1 failing)"))
    }
}
