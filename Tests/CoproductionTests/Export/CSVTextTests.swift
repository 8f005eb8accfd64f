import Coproduction
import CSV
import Foundation
import PropertyBased
import Testing

/// The CSV the exports write: RFC 4180, byte for byte what CSV.swift's writer made before,
/// and read back by CSV.swift's reader as the same fields.
@Suite struct CSVTextTests {
    @Test func aFieldIsQuotedOnlyWhenItMustBe() {
        #expect(CSVText.records([["Kursaal", "10:00", "Zoe Adams; Ann Bell"]]) == "Kursaal,10:00,Zoe Adams; Ann Bell\r\n")
        #expect(CSVText.records([["Board, annual", "say \"hello\"", "two\nlines", "a\rb", ""]])
                == "\"Board, annual\",\"say \"\"hello\"\"\",\"two\nlines\",\"a\rb\",\r\n")
        #expect(CSVText.records([["crèche", "£300.00"]]) == "crèche,£300.00\r\n")
        #expect(CSVText.records([]) == "")
    }

    /// The old writer, for comparison: CSV.swift's `CSVWriter` with CRLF between records.
    func written(_ rows: [[String]]) throws -> String {
        let csv = try CSVWriter(stream: .toMemory(), newline: .crlf)
        for row in rows { try csv.write(row: row) }
        csv.stream.close()
        let data = csv.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    @Test func theBytesAreTheOnesCSVSwiftWrote() async throws {
        let pieces = ["a", "Zoë", ",", "\"", "\n", "\r\n", " ", "12", "£", "=1+1", "café, bar", "\u{1F600}"]
        await propertyCheck(input: Gen.int(in: 1...4), Gen.int(in: 0...10_000)) { fields, seed in
            var n = seed
            let row = (0..<fields).map { _ -> String in
                n = (n &* 1103515245 &+ 12345) & 0x7FFF_FFFF
                return (0..<(n % 4)).map { i in pieces[(n >> (i * 4)) % pieces.count] }.joined()
            }
            #expect(CSVText.records([row, row]) == (try? written([row, row])))
        }
    }

    @Test func CSVSwiftReadsTheFieldsBack() throws {
        let row = ["say \"hi\", then", "two\r\nlines", "plain", ""]
        let reader = try CSVReader(string: CSVText.records([["a", "b", "c", "d"], row]), hasHeaderRow: true)
        #expect(reader.next() == row)
    }

    /// A field written as it is, without being made safe, is one that making safe leaves as it
    /// is: formulas, terminal controls and C1 controls (U+0080 to U+009F, beside "£" and "é"
    /// whose UTF-8 also starts C2 or C3) all still go through the whole rule.
    @Test func appendSafeWritesWhatMakingEachFieldSafeWrites() async {
        let pieces = ["a", "=", "+", "-", "@", "\t", "\r", "\n", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "£", "é",
                      "\u{1F600}", ",", "\"", "12", " "]
        await propertyCheck(input: Gen.int(in: 1...4), Gen.int(in: 0...100_000)) { fields, seed in
            var n = seed
            let row = (0..<fields).map { _ -> String in
                n = (n &* 1103515245 &+ 12345) & 0x7FFF_FFFF
                return (0..<(n % 5)).map { i in pieces[(n >> (i * 5)) % pieces.count] }.joined()
            }
            var fast: [UInt8] = [], whole: [UInt8] = []
            CSVText.appendSafe(row, to: &fast)
            CSVText.append(row.map { SpreadsheetCell.safe(TerminalText.visible($0)) }, to: &whole)
            #expect(fast == whole, "\(row)")
        }
        var bytes: [UInt8] = []
        CSVText.appendSafe(["=SUM(A1)", "bell\u{7}", "next\u{85}line", "£3"], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "'=SUM(A1),bell\u{2407},next\u{FFFD}line,£3\r\n")
    }
}
