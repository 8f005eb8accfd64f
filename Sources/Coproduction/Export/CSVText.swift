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
            appendField(field, to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends one record of an export a person opens, each field first made safe for a
    /// terminal (``TerminalText/visible(_:)``) and a spreadsheet (``SpreadsheetCell/safe(_:)``).
    /// A field neither would change (most of them) is written as it is, read once.
    public static func appendSafe(_ fields: [String], to bytes: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            var field = field
            let made: String? = field.withUTF8 { utf8 in
                if mayChange(utf8) { return SpreadsheetCell.safe(TerminalText.visible(String(decoding: utf8, as: UTF8.self))) }
                append(utf8, to: &bytes)
                return nil
            }
            if var made { made.withUTF8 { append($0, to: &bytes) } }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// One field, quoted when it must be.
    private static func appendField(_ field: String, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { append($0, to: &bytes) }
    }

    /// One field's UTF-8, quoted when it holds a double quote, a comma, a carriage return or a
    /// line feed (a double quote inside doubled).
    private static func append(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var quoted = false
        for byte in utf8 where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A {
            quoted = true
            break
        }
        guard quoted else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether making a field safe could change it: it starts as a formula might (`=`, `+`,
    /// `-`, `@`, a tab, a carriage return), or holds a control character (below U+0020 but a
    /// tab or line feed, U+007F, or U+0080 to U+009F, which UTF-8 writes as C2 80 to C2 9F).
    static func mayChange(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: break
        }
        var previous: UInt8 = 0
        for byte in utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) {
                return true
            }
            previous = byte
        }
        return false
    }

    /// Records as text, each ended by CRLF.
    public static func records(_ rows: [[String]]) -> String {
        var bytes: [UInt8] = []
        for row in rows { append(row, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
