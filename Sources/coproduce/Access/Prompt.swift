import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asking the person at the terminal, with the secret never echoed.
enum Prompt {
    /// Whether standard input is a terminal (otherwise secrets are read from it as a line).
    static var interactive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Asks for a line of text on standard error; nil at end of input.
    static func line(_ question: String) -> String? {
        FileHandle.standardError.write(Data(question.utf8))
        return readLine(strippingNewline: true)
    }

    /// Asks for a PIN or passphrase without echoing it; from a pipe, reads one line.
    static func secret(_ question: String) -> String? {
        guard interactive else { return readLine(strippingNewline: true) }
        FileHandle.standardError.write(Data(question.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }

    /// Asks for a new secret twice when interactive; once from a pipe.
    static func newSecret(_ who: String) -> String? {
        guard let first = secret("New PIN or passphrase for \(who): ") else {
            Console.error("No PIN or passphrase was given for \(who)\(interactive ? "" : " on standard input") (it ended first). Nothing was changed.")
            return nil
        }
        guard interactive else { return first }
        guard let again = secret("Type it again: ") else { return nil }
        guard first == again else {
            Console.error("The two entries differ. Nothing was changed: try again.")
            return nil
        }
        return first
    }
}
