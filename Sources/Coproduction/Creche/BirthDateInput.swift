/// A child's date of birth as typed at the crèche door: a date, or, when the parent has not
/// got it to hand, an age ("2", "aged 3", "under 1"), from which a date is estimated in the
/// middle of that year of age so the child's age band is right on the day.
public struct BirthDateInput: Hashable, Sendable {
    /// The date of birth, exact or estimated.
    public var date: LocalDate
    /// Whether it was estimated from an age (the office replaces it with the real date).
    public var estimated: Bool

    /// A date of birth.
    public init(date: LocalDate, estimated: Bool) {
        self.date = date
        self.estimated = estimated
    }

    /// What the field takes, for its placeholder.
    public static let hint = "12/01/2024, or an age: under 1, 1, 2, 3, 4"

    /// Parses a UK date (day first) or an age in whole years up to ``Child/maximumAge``
    /// ("under 1", "baby", "2", "aged 2", "2 years", "3y"). The error says what is wrong.
    public static func parse(_ text: String, today: LocalDate) -> Result<BirthDateInput, InputError> {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.isEmpty { return .failure(InputError("Type the date of birth, or the child's age in years.")) }
        if let years = age(in: t) {
            guard years <= Child.maximumAge else {
                return .failure(InputError("A child of \(years) is too old for the crèche (up to \(Child.maximumAge))."))
            }
            return .success(BirthDateInput(date: estimate(years: years, today: today), estimated: true))
        }
        switch UKInput.date(t, today: today) {
        case .success(let d): return .success(BirthDateInput(date: d, estimated: false))
        case .failure(let e): return .failure(InputError("\(e.description) Or type the child's age, for example 2."))
        }
    }

    /// The whole years an age names, or nil when the text is not an age.
    static func age(in text: String) -> Int? {
        if ["under 1", "under one", "baby", "0"].contains(text) { return 0 }
        var words = text
        for prefix in ["aged ", "age "] where words.hasPrefix(prefix) { words.removeFirst(prefix.count) }
        for suffix in [" years old", " years", " year", "yrs", "y"] where words.hasSuffix(suffix) { words.removeLast(suffix.count) }
        words = words.trimmingCharacters(in: .whitespaces)
        guard !words.isEmpty, words.allSatisfy(\.isNumber), words.count <= 2 else { return nil }
        return Int(words)
    }

    /// Half a year past the birthday that makes them `years` old: the middle of that year.
    static func estimate(years: Int, today: LocalDate) -> LocalDate {
        let birthday = LocalDate(year: today.year - years, month: today.month, day: min(today.day, LocalDate.daysIn(month: today.month, year: today.year - years)))
            ?? today
        return birthday.adding(days: -182)
    }
}
