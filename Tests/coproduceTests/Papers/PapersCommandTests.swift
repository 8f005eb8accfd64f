import Foundation
import Testing

/// `coproduce papers`: the pack written as HTML, printed by a real browser (headless
/// Chromium) to A4 PDF, turned into PNG pages by pdftoppm, and the words read back off the
/// pages, by OCR (tesseract) as well as from the PDF's text.
@Suite(.serialized) struct PapersCommandTests {
    let env = ["COPRODUCE_NOW": "2026-11-27T10:00"]

    /// A demo database, and the id of the Service Design meeting on 7 January 2027 (its group
    /// met before and decided something; Milton's parents have ideas with answers).
    func demo(_ scratch: Scratch) throws -> (db: String, meeting: String) {
        let db = scratch.path("demo.sqlite")
        #expect(try Binary.run(["init", "--demo", "--db", db], environment: env).status == 0)
        let list = try Binary.run(["meetings", "list", "--db", db, "--from", "07/01/2027", "--limit", "3"], environment: env)
        let line = try #require(list.stdout.split(separator: "\n").first { $0.contains("Service Design: Speech and language") })
        return (db, String(line.split(separator: " ")[0]))
    }

    /// Runs a program to the end; the test fails with its own words if it fails.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try Spawn.start(arguments, environment: ProcessInfo.processInfo.environment).wait()
        #expect(result.status == 0, "\(arguments[0]): \(result.stderr)")
        return result.stdout
    }

    /// The HTML printed to PDF by headless Chromium, as a browser's Print would.
    func printToPDF(_ html: String, _ scratch: Scratch, name: String) throws -> String {
        let pdf = scratch.path(name + ".pdf")
        try run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                 "--user-data-dir=" + scratch.path("chromium-" + name), "--print-to-pdf=" + pdf, "file://" + html])
        return pdf
    }

    /// The PDF's pages as PNG files (pdftoppm), first page first.
    func pages(_ pdf: String, _ scratch: Scratch, dpi: Int = 100) throws -> [String] {
        let prefix = scratch.path(URL(fileURLWithPath: pdf).deletingPathExtension().lastPathComponent + "-page")
        try run(["pdftoppm", "-r", "\(dpi)", "-png", pdf, prefix])
        let folder = scratch.url.path
        return try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix(URL(fileURLWithPath: prefix).lastPathComponent) && $0.hasSuffix(".png") }
            .sorted { (Int($0.split(separator: "-").last!.dropLast(4)) ?? 0) < (Int($1.split(separator: "-").last!.dropLast(4)) ?? 0) }
            .map { folder + "/" + $0 }
    }

    /// A PNG's width and height, from its header.
    func size(_ png: String) throws -> (width: Int, height: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(png) is not a PNG")
        func int(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func thePackPrintsAsNumberedA4PagesWithItsWordsOnThem() throws {
        let scratch = Scratch()
        let (db, meeting) = try demo(scratch)
        let html = scratch.path("papers.html")
        let written = try Binary.run(["papers", meeting, "--db", db, "--out", html], environment: env)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Papers for Service Design: Speech and language (Thu 7 Jan 2027) written to \(html)."))
        let mode = try FileManager.default.attributesOfItem(atPath: html)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let pdf = try printToPDF(html, scratch, name: "papers")
        let pngs = try pages(pdf, scratch)
        #expect(pngs.count == 2)
        for png in pngs {
            let (w, h) = try size(png)
            // A4 is 210 × 297 mm: at 100 dpi about 827 × 1169 pixels.
            #expect(abs(w - 827) <= 2 && abs(h - 1169) <= 2, "\(png) is \(w) × \(h), not A4")
        }
        // Each page's words: the cover, then the numbered sections, each page numbered.
        let first = try run(["pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"])
        #expect(first.contains("Service Design: Speech and"))
        #expect(first.contains("Thursday 7 January 2027, 10:00 to 12:00"))
        #expect(first.contains("There is a free crèche"))
        #expect(first.contains("A pre-meeting on Tuesday 5 January 2027"))
        #expect(first.contains("Page 1 of 2"))
        let second = try run(["pdftotext", "-layout", "-f", "2", "-l", "2", pdf, "-"])
        for words in ["1. What we will talk about", "2. What we decided last time", "Try a Saturday morning session for working parents.",
                      "3. You said, we did", "You said: Buggy parking inside the library when it rains.", "4. Words we could not avoid",
                      "Page 2 of 2"] {
            #expect(second.contains(words), "page 2 does not say “\(words)”")
        }
        // And read off the picture of the first page itself, as a person would see it.
        let ocrPage = try pages(pdf, scratch, dpi: 150).first { $0.contains("page-1") }
        let seen = try run(["tesseract", try #require(ocrPage), "-"])
        #expect(seen.contains("Thursday 7 January 2027"), "OCR read: \(seen)")
        #expect(seen.contains("Page 1 of 2"), "OCR read: \(seen)")
    }

    @Test func largePrintIsBiggerTextOnMorePages() throws {
        let scratch = Scratch()
        let (db, meeting) = try demo(scratch)
        let normal = scratch.path("normal.html"), large = scratch.path("large.html")
        #expect(try Binary.run(["papers", meeting, "--db", db, "--out", normal], environment: env).status == 0)
        let result = try Binary.run(["papers", meeting, "--db", db, "--out", large, "--large-print"], environment: env)
        #expect(result.status == 0 && result.stdout.contains("in large print"))
        let normalPages = try pages(try printToPDF(normal, scratch, name: "normal"), scratch).count
        let largePDF = try printToPDF(large, scratch, name: "large")
        let largePages = try pages(largePDF, scratch).count
        #expect(largePages > normalPages)
        let text = try run(["pdftotext", "-f", "1", "-l", "1", largePDF, "-"])
        #expect(text.contains("Page 1 of \(largePages)"))
    }

    @Test func aMeetingThatIsNotThereOrAnUnwritableFileSaysSoAndWritesNothing() throws {
        let scratch = Scratch()
        let (db, _) = try demo(scratch)
        let missing = try Binary.run(["papers", "9999", "--db", db, "--out", scratch.path("x.html")], environment: env)
        #expect(missing.status != 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("x.html")))
        let nowhere = try Binary.run(["papers", "Partnership Board", "--db", db, "--out", scratch.path("no/such/folder/x.html")], environment: env)
        #expect(nowhere.status != 0)
        #expect(!nowhere.stderr.isEmpty)
    }
}
