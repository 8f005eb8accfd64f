import Foundation
import Testing

/// Stored text never reaches a terminal raw, and never runs as a formula in a spreadsheet:
/// an idea and a fund proposal carrying OSC 52 (clipboard) and OSC 0 (window title) escape
/// sequences and a `=HYPERLINK` formula, read back through every text output.
@Suite struct HostileTextTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]
    static let clipboard = "Stay and play\u{1B}]52;c;cm0gLXJmIH4K\u{07} on Saturdays"
    static let title = "Park day\u{1B}]0;pwned\u{07}\u{7F}\u{9B}31m"
    static let formula = "=HYPERLINK(\"http://evil.example/\",\"Click\")"

    /// Bytes that would act on a terminal: ESC, BEL, CR, DEL and the C1 controls (as UTF-8).
    static func hostile(_ data: String) -> [String] {
        var found: [String] = []
        for scalar in data.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v) { found.append(String(format: "U+%04X", v)) }
        }
        return found
    }

    @Test func everyTextOutputShowsControlCharactersAsPlaceholders() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        for text in [Self.clipboard, Self.formula] {
            let added = try Binary.run(["ideas", "add", "--db", db, "--area", "Kursaal", "--text", text, "--by", "Zoe Adams"], environment: env)
            #expect(added.status == 0, "\(added.stderr)")
        }
        let fund = try Binary.run(["fund", "add", "--db", db, "--champion", "Zoe Adams", "--area", "Kursaal", "--title", Self.title,
                                   "--purpose", "A day out for families", "--amount", "50"], environment: env)
        #expect(fund.status == 0, "\(fund.stderr)")
        let sar = scratch.path("sar")
        let outputs: [[String]] = [
            ["ideas", "list", "--area", "Kursaal"], ["ideas", "list", "--area", "Kursaal", "--json"], ["fund", "list"], ["fund", "list", "--json"],
            ["audit"], ["audit", "--json"], ["report"], ["export", "csv", "ideas"], ["export", "csv", "ideas", "--excel"], ["export", "ics"],
            ["sar", "--champion", "Zoe Adams", "--out", sar],
        ]
        for args in outputs {
            let result = try Binary.run(args + ["--db", db], environment: env)
            #expect(result.status == 0, "\(args.joined(separator: " ")): \(result.stderr)")
            // The calendar's own line ends are CRLF, as RFC 5545 requires.
            let text = args.contains("ics") || args.contains("csv") ? result.stdout.replacingOccurrences(of: "\r\n", with: "\n") : result.stdout
            #expect(Self.hostile(text).isEmpty, "\(args.joined(separator: " ")) sent \(Self.hostile(text)) to the terminal")
            #expect(Self.hostile(result.stderr).isEmpty)
        }
        #expect(try Binary.run(["ideas", "list", "--area", "Kursaal", "--db", db], environment: env).stdout.contains("Stay and play␛]52;c;cm0gLXJmIH4K␇ on Saturdays"))
        let sarText = try String(contentsOfFile: (sar as NSString).appendingPathComponent("subject-access.txt"), encoding: .utf8)
        #expect(Self.hostile(sarText).isEmpty && sarText.contains("Stay and play␛]52;c;cm0gLXJmIH4K␇ on Saturdays"), "the SAR text file shows the placeholders")
    }

    @Test func aFormulaInAnIdeaIsTextInTheSpreadsheetAndNumbersStayNumbers() throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        #expect(try Binary.run(["ideas", "add", "--db", db, "--area", "Kursaal", "--text", Self.formula], environment: env).status == 0)
        let csv = try Binary.run(["export", "csv", "ideas", "--db", db], environment: env).stdout
        #expect(csv.contains("'=HYPERLINK"), "the formula is prefixed")
        #expect(!csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"))
        let meetings = try Binary.run(["export", "csv", "meetings", "--db", db], environment: env).stdout
        #expect(!meetings.contains("'1") && !meetings.contains("'-"), "numbers the app writes are not prefixed")
    }
}
