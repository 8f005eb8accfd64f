import ArgumentParser
import CoproductionStore
import Foundation

/// `coproduce sar`: everything held about one parent and their children.
struct SubjectAccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sar",
        abstract: "Everything held about one parent and their children, as JSON and readable text, for a subject access request.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "A Parent Champion (name or id).") var champion: String?
    @Option(help: "A parent named on children's records.") var parent: String?
    @Option(help: "The folder to write subject-access.json and subject-access.txt into.") var out: String

    func validate() throws {
        if (champion == nil) == (parent == nil) { throw ValidationError("Give either --champion or --parent.") }
    }

    func run() throws {
        let (db, actor) = try database.openSignedIn()
        let id = try champion.map { try Lookup.champion($0, in: db, as: actor, option: "--champion") }
        let report = try CommandSession.attempt { () throws(StoreError) in try db.subjectAccess(as: actor, championID: id, parentName: parent) }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(out, 0o700)  // whatever the umask
        } catch {
            Console.error("Cannot make the folder \(out): \(error.localizedDescription). Nothing was written.")
            throw ExitCode(1)
        }
        let who = champion ?? parent ?? ""
        try FileOutput.write(try report.json(), to: (out as NSString).appendingPathComponent("subject-access.json"))
        try FileOutput.write(safeBytes(report.text(title: "Everything held about \(who), \(Clock.now().date.long)")),
                             to: (out as NSString).appendingPathComponent("subject-access.txt"))
        print("Written to \(out): subject-access.json and subject-access.txt.")
    }
}
