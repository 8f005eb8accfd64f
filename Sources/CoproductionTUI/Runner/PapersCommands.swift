import Coproduction
import CoproductionStore
import Foundation

extension AppController {
    /// Writes a meeting's pack of papers for parents, in ordinary and large print, into the
    /// papers folder (made 0700, the files 0600), and says where they went and anything the
    /// plain-words check found.
    func writePapers(_ meetingID: Int64, as actor: Actor) -> [Message] {
        do {
            let pack = try database.papersPack(as: actor, meetingID: meetingID)
            let folder = URL(fileURLWithPath: papersFolder, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let m = pack.meeting
            let slug = m.title.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
                .split(separator: "-").joined(separator: "-")
            let base = "\(m.date.iso)-\(slug.isEmpty ? "meeting" : slug)"
            var written: [String] = []
            for large in [false, true] {
                let url = folder.appendingPathComponent(base + (large ? "-large-print" : "") + ".html")
                try Data(PapersHTML.render(pack, largePrint: large).utf8).write(to: url, options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
                written.append(url.path)
            }
            let advice = state.checker.plainWords(pack.text.split(separator: "\n").map { $0.hasSuffix(".") ? String($0) : $0 + "." }.joined(separator: " "))
            return [.status("Papers written to \(written[0]) and a large-print copy beside it: open one in a browser to print."
                            + (advice.map { " Plain words: \($0)" } ?? ""))]
        } catch let error as StoreError {
            return [.status("\(error)")]
        } catch {
            return [.status("The papers could not be written to \(papersFolder): \(error.localizedDescription). Nothing was changed.")]
        }
    }
}

extension AppController {
    /// Writes the report as it is shown, as text and as CSV, into the papers folder (made 0700,
    /// the files 0600), and says where they went.
    func writeReport(_ report: CoproductionReport, expanded: Barrier?, forParents: Bool) -> [Message] {
        do {
            let folder = URL(fileURLWithPath: papersFolder, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let base = "co-production-report-\(report.from)-to-\(report.to)"
            let from = LocalDate(iso: report.from)?.long ?? report.from, to = LocalDate(iso: report.to)?.long ?? report.to
            let text = report.text(title: "Co-production report, \(from) to \(to)", expanded: expanded, forParents: forParents) + "\n"
            let csv = report.csvRows(forParents: forParents).map { row in CSVText.records([row.map { SpreadsheetCell.safe(TerminalText.visible($0)) }]) }.joined()
            var written: [String] = []
            for (name, body) in [(base + ".txt", text), (base + ".csv", csv)] {
                let url = folder.appendingPathComponent(name)
                try Data(body.utf8).write(to: url, options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
                written.append(url.path)
            }
            return [.status("The report is written to \(written[0]) and, for a spreadsheet, \(written[1]).")]
        } catch {
            return [.status("The report could not be written to \(papersFolder): \(error.localizedDescription). Nothing was changed.")]
        }
    }
}
