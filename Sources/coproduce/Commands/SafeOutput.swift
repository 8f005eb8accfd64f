import ArgumentParser
import Coproduction
import Foundation

/// Every line the command line prints goes through here: this module's `print` shadows the
/// standard one, so no command can send stored text to the terminal raw. Control characters
/// in what was stored (an OSC 52 clipboard write in an idea's title, say) arrive as visible
/// placeholders (``TerminalText/visible(_:)``); JSON is escaped by its encoder.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalText.visible(text), terminator: terminator)
}

/// Bytes for standard output that hold stored text: made visible first.
func safeBytes(_ text: String) -> Data { Data(TerminalText.visible(text).utf8) }

/// Bytes written to standard output as they are (a CSV, a calendar): a failed write (a full
/// disk) ends the command with status 1 and a message.
func writeToStandardOutput(_ data: Data) throws {
    fflush(nil)
    do {
        try FileHandle.standardOutput.write(contentsOf: data)
    } catch {
        Console.error("The output could not be written (\(error.localizedDescription)): it is incomplete.")
        throw ExitCode(1)
    }
}
