import Coproduction
import Foundation
import PropertyBased
import Testing

/// A date of birth typed at the crèche door: a date, or an age the date is estimated from.
@Suite struct BirthDateInputTests {
    let today = LocalDate(iso: "2026-11-27")!

    @Test func aDateIsTakenAsItIsAndNotMarkedEstimated() throws {
        let born = try BirthDateInput.parse("14/03/2024", today: today).get()
        #expect(born == BirthDateInput(date: LocalDate(iso: "2024-03-14")!, estimated: false))
    }

    @Test(arguments: [("under 1", 0), ("baby", 0), ("1", 1), ("2", 2), ("aged 3", 3), ("4 years", 4), ("3y", 3), (" Aged 2 ", 2)])
    func anAgeGivesADateInThatYearOfAge(text: String, years: Int) throws {
        let born = try BirthDateInput.parse(text, today: today).get()
        #expect(born.estimated)
        #expect(today.age(ofSomeoneBornOn: born.date) == years)
    }

    @Test func anEstimatedAgeStaysInItsBandForMonthsAfter() async {
        // Estimated mid-year, the age (and so the ratio band) holds for the next five months.
        await propertyCheck(input: Gen.int(in: 0...5), Gen.int(in: 0...3650)) { years, offset in
            let day = LocalDate(iso: "2020-01-01")!.adding(days: offset)
            guard case .success(let born) = BirthDateInput.parse(String(years), today: day) else {
                Issue.record("\(years) refused on \(day)")
                return
            }
            #expect(day.age(ofSomeoneBornOn: born.date) == years)
            #expect(day.adding(days: 150).age(ofSomeoneBornOn: born.date) == years)
        }
    }

    @Test func tooOldAFutureDateAndNonsenseSayWhatIsWrong() {
        #expect(throws: InputError("A child of 7 is too old for the crèche (up to 5).")) { try BirthDateInput.parse("7", today: today).get() }
        for text in ["", "soon", "31/02/2024"] {
            guard case .failure(let e) = BirthDateInput.parse(text, today: today) else {
                Issue.record("\(text) was taken")
                continue
            }
            #expect(e.description.contains("age") || e.description.contains("date"), "\(text): \(e.description)")
        }
    }
}
