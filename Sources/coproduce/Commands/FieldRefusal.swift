import ArgumentParser
import CoproductionStore

/// A store call whose problems are about fields: each is printed with the option that holds
/// it ("--age: …"), then "Nothing was saved.", and the command stops with status 1.
enum FieldRefusal {
    /// Runs `body`; field problems are printed against `options` (field code to option name).
    @discardableResult
    static func attempt<T>(_ options: [String: String], _ body: () throws(StoreError) -> T) throws -> T {
        do { return try body() } catch .fields(let issues) {
            try MeetingsCommand.refuse(issues.map { "\(options[$0.field] ?? $0.field): \($0.message)" } + ["Nothing was saved."])
        } catch {
            return try CommandSession.attempt { () throws(StoreError) in throw error }
        }
    }
}
