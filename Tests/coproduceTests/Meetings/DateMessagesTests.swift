import Foundation
import Testing

/// Dates typed on the command line say what is wrong with them, next to the option.
@Suite struct DateMessagesTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    func add(_ db: String, date: String) throws -> Binary.Result {
        try Binary.run(["meetings", "add", "--db", db, "--kind", "service-design", "--title", "Story walks",
                        "--date", date, "--start", "10:00", "--end", "11:00", "--venue", "Milton Hall"], environment: env)
    }

    @Test func aYearFirstDateIsReadAndExtraCharactersAfterTheYearAreNamed() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let slashed = try add(db, date: "2027/03/03")
        #expect(slashed.status == 0, "\(slashed.stderr)")
        let list = try Binary.run(["meetings", "list", "--db", db, "--from", "03/03/2027", "--limit", "40"], environment: env)
        #expect(list.stdout.contains("Wed  3 Mar 2027 10:00–11:00"), "\(list.stdout)")
        let long = try add(db, date: "12/01/2027000000000000")
        #expect(long.status != 0)
        #expect(long.stderr.contains("--date"))
        #expect(long.stderr.contains("has extra characters after the year: write it as 12/01/2027 (day/month/year)."))
    }
}
