/// CSV records (RFC 4180) written straight into bytes. CSV.swift, which the app keeps for
/// reading imports, writes a scalar at a time into an `OutputStream` and searches each field
/// five times with Foundation before writing it; a table of 100,000 meetings spent longer in
/// it than in the whole database. The rule is small enough to hold here: a field is quoted
/// when it holds a double quote, a comma, a carriage return or a line feed, and a double
/// quote inside it is doubled. The bytes are the ones CSV.swift writes.
public enum CSVText {
    /// Appends one record, its fields joined by commas and ended by CRLF, to `bytes`.
    public static func append(_ fields: [String], to bytes: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            let utf8 = field.utf8
            if utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }) {
                bytes.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    bytes.append(byte)
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends one record of an export a person opens, each field first made safe for a
    /// terminal (``TerminalText/visible(_:)``) and a spreadsheet (``SpreadsheetCell/safe(_:)``).
    public static func appendSafe(_ fields: [String], to bytes: inout [UInt8]) {
        append(fields.map { SpreadsheetCell.safe(TerminalText.visible($0)) }, to: &bytes)
    }

    /// Records as text, each ended by CRLF.
    public static func records(_ rows: [[String]]) -> String {
        var bytes: [UInt8] = []
        for row in rows { append(row, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
