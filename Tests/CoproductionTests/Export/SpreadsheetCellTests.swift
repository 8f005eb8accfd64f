import Coproduction
import Testing

/// OWASP's rule for CSV cells: what starts like a formula is text; the app's numbers stay numbers.
@Suite struct SpreadsheetCellTests {
    @Test(arguments: ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "=", "+cmd|' /C calc'!A0"])
    func aFormulaStartIsPrefixed(cell: String) {
        #expect(SpreadsheetCell.safe(cell) == "'" + cell)
    }

    @Test(arguments: ["-3", "12.50", "-0.5", "+44", "Zoe Adams", "", "Kursaal", "3 children"])
    func numbersAndPlainTextAreLeftAlone(cell: String) {
        #expect(SpreadsheetCell.safe(cell) == cell)
    }
}
