/// Text as it may be sent to a terminal: control characters (C0 but tab and newline, DEL, C1)
/// become visible placeholders, so stored text can never move the cursor, retitle a window,
/// reach the clipboard (OSC 52) or hide what follows. Every text output of the command line
/// goes through this; the full-screen app draws such characters as placeholders too.
public enum TerminalText {
    /// `text` with each control character replaced by a visible placeholder: C0 by its
    /// Unicode control picture (ESC is `␛`, carriage return `␍`), DEL by `␡`, C1 by `�`.
    /// Tab and newline stay, so lists and multi-line notes keep their shape.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHostile) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: out.append(scalar)
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a character would act on a terminal rather than show.
    public static func isHostile(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v)
    }
}
