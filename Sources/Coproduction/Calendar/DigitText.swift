/// Numbers written as zero-padded digits into text being made in place: dates and times, which
/// batch commands write for every row (`String(format:)` took a quarter of an export's time).
enum DigitText {
    /// Text of `count` bytes, made by `fill` into an uninitialised buffer.
    static func make(count: Int, _ fill: (inout Writer) -> Void) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            var writer = Writer(buffer: buffer)
            fill(&writer)
            return count
        }
    }

    /// Writes into the buffer, from its start.
    struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var at = 0

        /// `n` (not negative) as `width` digits, zero-padded.
        mutating func digits(_ n: Int, width: Int) {
            var rest = n
            for i in stride(from: at + width - 1, through: at, by: -1) {
                buffer[i] = UInt8(48 + rest % 10)
                rest /= 10
            }
            at += width
        }

        /// One ASCII character.
        mutating func character(_ c: Unicode.Scalar) {
            buffer[at] = UInt8(ascii: c)
            at += 1
        }
    }
}
