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
}
