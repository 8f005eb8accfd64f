import Coproduction
import Foundation
import PropertyBased
import Testing

@Suite struct ICalendarWriterTests {
    @Test func foldingKeepsLinesWithin75OctetsAndNeverSplitsACharacter() async {
        let alphabet: [Character] = Array("abc XYZ,;:\\é£✓–👶日本")
        await propertyCheck(input: Gen.int(in: 0...400), Gen.int(in: 0...Int(UInt16.max))) { length, seed in
            var rng = seed
            let text = String((0..<length).map { _ -> Character in
                rng = (rng &* 1103515245 &+ 12345) & 0x7fffffff
                return alphabet[rng % alphabet.count]
            })
            let line = "DESCRIPTION:" + text
            let folded = ICalendarWriter.fold(line)
            for part in folded.components(separatedBy: "\r\n") {
                #expect(part.utf8.count <= 75)
                #expect(String(data: Data(part.utf8), encoding: .utf8) != nil)
            }
            #expect(ICalendarWriter.unfold(folded) == line)
        }
    }

    @Test func textIsEscaped() {
        #expect(ICalendarWriter.escape("Kursaal, Southend; back\\slash\nnext") == "Kursaal\\, Southend\\; back\\\\slash\\nnext")
    }

    @Test func aCalendarHasCRLFLineEndsAndLondonTimes() throws {
        let start = try #require(LocalDateTime(iso: "2027-06-15T10:00"))
        let event = CalendarEvent(uid: "abc@coproduce", summary: "Board", start: start,
                                  end: LocalDateTime(date: start.date, time: TimeOfDay(hour: 12, minute: 0)!),
                                  location: "Kursaal", description: "", cancelled: true, sequence: 2)
        let text = ICalendarWriter.calendar([event], stamp: Date(timeIntervalSince1970: 1_795_773_600))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("DTSTART;TZID=Europe/London:20270615T100000\r\n"))
        #expect(text.contains("DTSTAMP:20261127T100000Z\r\n"))
        #expect(text.contains("STATUS:CANCELLED\r\n") && text.contains("SEQUENCE:2\r\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London"))
    }
}
