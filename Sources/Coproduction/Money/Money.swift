import Foundation

/// An amount of money in whole pence, so sums never drift; shown as pounds ("£1,000.00").
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in pence (negative only for a difference, such as an overspent budget).
    public var pence: Int64

    /// An amount in pence.
    public init(pence: Int64) { self.pence = pence }

    /// Nothing.
    public static let zero = Money(pence: 0)

    /// Whole pounds.
    public static func pounds(_ pounds: Int64) -> Money { Money(pence: pounds * 100) }

    /// Compares two amounts.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }
    /// Adds two amounts.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }
    /// Takes one amount from another.
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }

    /// "£1,000.00", "£20.00", "−£5.50".
    public var description: String {
        let sign = pence < 0 ? "−" : ""
        let whole = abs(pence) / 100, part = abs(pence) % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return "\(sign)£\(digits)\(grouped).\(part < 10 ? "0" : "")\(part)"
    }

    /// The amount as typed in the UK: "1000", "£1,000", "12.50", "£7.5". Refuses negative
    /// amounts, more than two decimal places and anything that is not a number.
    public static func parse(_ text: String) -> Result<Money, InputError> {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("£") { t.removeFirst() }
        t = t.replacingOccurrences(of: ",", with: "")
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        let problem = InputError("“\(text)” is not an amount of money: write it in pounds, such as 250 or £12.50.")
        guard !t.isEmpty, parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0,
              parts[0].allSatisfy(\.isASCII), whole < 10_000_000 else { return .failure(problem) }
        var pence = whole * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard fraction.count <= 2, !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int64(fraction) else {
                return .failure(InputError("“\(text)” has more than two figures after the point: pounds and pence, such as 12.50."))
            }
            pence += fraction.count == 1 ? n * 10 : n
        }
        return .success(Money(pence: pence))
    }
}

/// A UK financial year, 1 April to 31 March, named by the year it starts ("2026–27").
public struct FinancialYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The calendar year its April falls in.
    public var startYear: Int

    /// The year starting in April of `startYear`.
    public init(startYear: Int) { self.startYear = startYear }

    /// The financial year a day falls in.
    public init(containing day: LocalDate) { startYear = day.month >= 4 ? day.year : day.year - 1 }

    /// Its first day, 1 April.
    public var first: LocalDate { LocalDate(year: startYear, month: 4, day: 1)! }
    /// Its last day, 31 March.
    public var last: LocalDate { LocalDate(year: startYear + 1, month: 3, day: 31)! }

    /// Whether a day falls in it.
    public func contains(_ day: LocalDate) -> Bool { first <= day && day <= last }

    /// "2026–27".
    public var description: String { "\(startYear)–\(String(format: "%02d", (startYear + 1) % 100))" }

    /// Orders years.
    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }

    /// "2026–27", "2026-27", "2026/27" or "2026".
    public static func parse(_ text: String) -> Result<FinancialYear, InputError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        let head = t.prefix { $0.isNumber }
        guard head.count == 4, let year = Int(head), (2000...2100).contains(year) else {
            return .failure(InputError("“\(text)” is not a financial year: write the year it starts, such as 2026 or 2026-27."))
        }
        let rest = t.dropFirst(4)
        if !rest.isEmpty {
            let tail = rest.dropFirst()
            guard ["-", "–", "/"].contains(rest.first!), Int(tail).map({ $0 == (year + 1) % 100 || $0 == year + 1 }) == true else {
                return .failure(InputError("“\(text)”: a financial year runs April to March, such as 2026-27."))
            }
        }
        return .success(FinancialYear(startYear: year))
    }
}
