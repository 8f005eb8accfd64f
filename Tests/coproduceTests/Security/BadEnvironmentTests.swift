import Foundation
import Testing

/// The smaller ones from the fault trials: a nonsense busy timeout, an empty `--db`, and an
/// empty file are refused with a message instead of crashing or being taken over.
@Suite struct BadEnvironmentTests {
    @Test(arguments: ["nan", "inf", "1e10", "-1", "five"])
    func aBusyTimeoutThatIsNotSecondsIsRefusedNotACrash(value: String) throws {
        let scratch = Scratch()
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db]).status == 0)
        let result = try Binary.run(["info", "--db", db], environment: ["COPRODUCE_BUSY_TIMEOUT": value])
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("COPRODUCE_BUSY_TIMEOUT must be a number of seconds from 0 to 600; “\(value)” is not."))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func anEmptyDbOptionIsRefused() throws {
        let result = try Binary.run(["info", "--db", ""])
        #expect(result.status == 1 && result.stderr.contains("--db was given no path"))
    }

    @Test func anEmptyFileIsNotMadeIntoADatabase() throws {
        let scratch = Scratch()
        let path = scratch.path("notes.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let result = try Binary.run(["init", "--db", path, "--admin", "Alison Griffin"], stdin: "correct horse\n")
        #expect(result.status == 1 && result.stderr.contains("it is an empty file, not a Coproduce database"), "\(result.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0, "the file is left as it was")
    }
}
