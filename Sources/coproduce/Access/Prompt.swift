import Coproduction
import CoproductionStore
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

    /// Asks for a new secret twice when interactive (once from a pipe), saying the rules
    /// first. At a terminal, one too short or two entries that differ are asked for again, up
    /// to three times, rather than ending the command.
    static func newSecret(_ who: String) -> String? {
        let shortest = SignInRules.minimumSecretLength
        if interactive {
            FileHandle.standardError.write(Data(("A PIN or passphrase needs at least \(shortest) characters; a few words you will remember "
                + "are stronger than a number. It is not shown as you type.\n").utf8))
        }
        for attempt in 1...3 {
            guard let first = secret("New PIN or passphrase for \(who): ") else {
                Console.error("No PIN or passphrase was given for \(who)\(interactive ? "" : " on standard input") (it ended first). Nothing was changed.")
                return nil
            }
            guard interactive else { return first }
            let again = attempt < 3 ? " Try again." : ""
            if first.count < shortest {
                Console.error("That has \(Plural.count(first.count, "character")): a PIN or passphrase needs at least \(shortest).\(again)")
                continue
            }
            guard let second = secret("Type it again: ") else { return nil }
            guard first == second else {
                Console.error("The two entries differ.\(again.isEmpty ? "" : " Type it again, the same both times.")")
                continue
            }
            return first
        }
        Console.error("Three tries gave no PIN or passphrase for \(who). Nothing was changed.")
        return nil
    }
}
