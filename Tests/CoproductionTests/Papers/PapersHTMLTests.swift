@testable import Coproduction
import Testing

/// The pack of papers as HTML: numbered sections in order, the cover's facts, page numbers
/// for print, large print at 18 pt, terms used explained, and text made safe.
@Suite struct PapersHTMLTests {
    static let board = Meeting(id: 13, kind: .partnershipBoard, title: "Partnership Board", date: LocalDate(iso: "2027-01-12")!,
                               start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 12, minute: 0)!, venue: "Kursaal Children's Centre")

    static func pack(agenda: [AgendaItem] = [AgendaItem(title: "Play <groups>", summary: "What you think of the stakeholder plan.")]) -> PapersPack {
        PapersPack(programme: "A Better Start Southend", meeting: board, agenda: agenda,
                   preMeeting: Meeting(id: 14, kind: .preMeeting(forMeeting: 13), title: "Pre-meeting", date: LocalDate(iso: "2027-01-08")!,
                                       start: TimeOfDay(hour: 9, minute: 45)!, end: TimeOfDay(hour: 10, minute: 45)!, venue: "Kursaal Children's Centre"),
                   crechePlaces: .init(total: 12, free: 1),
                   lastMeeting: .init(title: "Partnership Board", date: LocalDate(iso: "2026-11-10")!, decisions: ["Keep the Saturday dads' group."]),
                   youSaid: [.init(area: "Kursaal", answers: [.init(said: "More baby groups near the seafront.", did: "A new group starts in March.",
                                                                      on: LocalDate(iso: "2026-12-01"))])],
                   glossary: [GlossaryEntry(term: "stakeholder", plain: "people with an interest")])
    }

    @Test func theCoverSaysWhatWhenWhereTheCrecheAndThePreMeeting() {
        let html = PapersHTML.render(Self.pack())
        #expect(html.contains("<h1>Partnership Board</h1>"))
        #expect(html.contains("Tuesday 12 January 2027, 10:00 to 12:00"))
        #expect(html.contains("Kursaal Children&#39;s Centre") || html.contains("Kursaal Children's Centre"))
        #expect(html.contains("1 place still free of 12"))
        #expect(html.contains("A pre-meeting on Friday 8 January 2027, 09:45 to 10:45"))
    }

    @Test func theSectionsAreNumberedInOrder() throws {
        let html = PapersHTML.render(Self.pack())
        let order = ["1.</span> What we will talk about", "2.</span> What we decided last time", "3.</span> You said, we did",
                     "4.</span> Words we could not avoid"]
        var last = html.startIndex
        for heading in order {
            let found = try #require(html.range(of: heading, range: last..<html.endIndex), "\(heading) missing or out of order")
            last = found.upperBound
        }
        #expect(html.contains("Keep the Saturday dads&#39; group.") || html.contains("Keep the Saturday dads' group."))
        #expect(html.contains("<strong>You said:</strong> More baby groups near the seafront."))
    }

    @Test func printedPagesAreA4AndNumbered() {
        let html = PapersHTML.render(Self.pack())
        #expect(html.contains("size: A4"))
        #expect(html.contains("counter(page)"))
        #expect(html.contains("counter(pages)"))
    }

    @Test func largePrintIsEighteenPoint() {
        #expect(PapersHTML.render(Self.pack(), largePrint: false).contains("font-size: 12pt"))
        #expect(PapersHTML.render(Self.pack(), largePrint: true).contains("font-size: 18pt"))
        #expect(PapersHTML.pointSize(largePrint: true) >= 16)
    }

    @Test func onlyTheTermsUsedAreExplained() {
        #expect(Self.pack().termsUsed.map(\.term) == ["stakeholder"])
        #expect(PapersHTML.render(Self.pack()).contains("<dt>stakeholder</dt><dd>people with an interest</dd>"))
        let plain = Self.pack(agenda: [AgendaItem(title: "Play groups", summary: "What you think.")])
        #expect(plain.termsUsed.isEmpty)
        #expect(PapersHTML.render(plain).contains("None: these papers use everyday words."))
    }

    @Test func textFromTheDatabaseCannotWriteMarkup() {
        let html = PapersHTML.render(Self.pack())
        #expect(html.contains("Play &lt;groups&gt;"))
        #expect(!html.contains("<groups>"))
    }
}
