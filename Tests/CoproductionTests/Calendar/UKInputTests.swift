import Coproduction
import Testing

@Suite struct UKInputTests {
    let today = LocalDate(iso: "2026-11-27")!

    @Test(arguments: [("12/01/2027", "2027-01-12"), ("12/1/2027", "2027-01-12"), ("12/1/27", "2027-01-12"),
                      ("2027-01-12", "2027-01-12"), ("12/1", "2027-01-12"), ("28/11", "2026-11-28"), ("27/11", "2026-11-27"),
                      ("26/11", "2027-11-26"), ("29/02/2028", "2028-02-29"),
                      ("2027/03/03", "2027-03-03"), ("2027/3/14", "2027-03-14")])
    func datesAreDayFirst(text: String, iso: String) throws {
        #expect(try UKInput.date(text, today: today).get().iso == iso)
    }

    @Test(arguments: ["31/02/2027", "29/02/2027", "12/13/2027", "2027-02-30", "next week", "12/1/2027/1", "12/01/227"])
    func impossibleOrUnclearDatesSayWhy(text: String) {
        guard case .failure(let error) = UKInput.date(text, today: today) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(!error.description.isEmpty)
    }

    @Test(arguments: [("10:00", "10:00"), ("9:30", "09:30"), ("09.30", "09:30"), ("1430", "14:30"), ("10am", "10:00"),
                      ("2:30pm", "14:30"), ("12pm", "12:00"), ("12am", "00:00"), ("14", "14:00")])
    func timesAsTyped(text: String, time: String) throws {
        #expect(try UKInput.time(text).get().description == time)
    }

    @Test(arguments: ["25:00", "10:60", "13pm", "noon", "", "1:5"])
    func badTimesAreRefused(text: String) {
        if case .success(let t) = UKInput.time(text) { Issue.record("\(text) read as \(t)") }
    }

    @Test func aYearWithMoreAfterItSaysSoAndHowToWriteIt() {
        guard case .failure(let error) = UKInput.date("12/01/2027000000000000000000000", today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(error.description == "“12/01/202700000000000…” has extra characters after the year: write it as 12/01/2027 (day/month/year).")
        guard case .failure(let iso) = UKInput.date("2027-01-12T10", today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(iso.description.contains("has extra characters after the date: write just 2027-01-12 (or 12/01/2027)"))
    }

    @Test func aSlashedDateWithTheYearFirstButNotFourDigitsIsRefusedAsDayMonthYear() {
        guard case .failure(let error) = UKInput.date("203/03/03", today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(error.description.contains("day/month/year") || error.description.contains("no month"))
    }
}
