import Coproduction
import Foundation
import Testing

/// Reminders: the offsets as typed, addresses, and the message itself in plain words with
/// the meeting attached as an invitation.
@Suite struct ReminderMessageTests {
    @Test func offsetsAreReadAsLengthsOfTimeLongestFirst() throws {
        #expect(try ReminderOffset.parse("2h, 2d").get().map(\.description) == ["2d", "2h"])
        #expect(try ReminderOffset.parse("90 minutes, 1 week").get().map(\.trigger) == ["-P1W", "-PT90M"])
        #expect(try ReminderOffset.parse("").get().isEmpty)
        guard case .failure(let e) = ReminderOffset.parse("soon") else { Issue.record("accepted"); return }
        #expect(e.description.contains("is not a length of time"))
        guard case .failure(let tooLong) = ReminderOffset.parse("5w") else { Issue.record("accepted"); return }
        #expect(tooLong.description.contains("outside 5 minutes to 4 weeks"))
        guard case .failure(let many) = ReminderOffset.parse("1d, 2d, 3d, 4d, 5d, 6d") else { Issue.record("accepted"); return }
        #expect(many.description.contains("At most five"))
    }

    @Test func anAddressMustBeOne() {
        #expect(EmailAddress.problem("zoe@example.org") == nil)
        for bad in ["zoe", "zoe@", "@example.org", "zoe@example", "zoe at example.org", "zoe@example.org, x@y.z", "a<b@c.d"] {
            #expect(EmailAddress.problem(bad) != nil, "\(bad)")
        }
    }

    @Test func theMessageIsPlainWordsWithTheMeetingAttached() throws {
        let start = LocalDateTime(iso: "2026-12-01T10:00")!
        let event = CalendarEvent(uid: "abc@coproduce", summary: "Partnership Board", start: start,
                                  end: LocalDateTime(iso: "2026-12-01T12:00")!, location: "Kursaal Children's Centre",
                                  description: "Partnership Board", cancelled: false, sequence: 0)
        let m = ReminderMessage(toName: "Zoë Adams", toAddress: "zoe@example.org", fromAddress: "office@example.org", programme: "A Better Start Southend",
                                event: event, offset: ReminderOffset(minutes: 2 * 1440), answer: "You said you are coming. Thank you.",
                                creche: "A crèche place is booked for Leo.")
        #expect(m.subject == "Reminder: Partnership Board, Tuesday 1 December, 10:00")
        #expect(m.body.hasPrefix("Hello Zoë,") && m.body.contains("When: Tuesday 1 December, 10:00 to 12:00."))
        // The app's own plain-words rules find nothing in what the message itself says.
        #expect(PlainLanguageChecker.standard.hits(in: m.subject + "\n" + m.body).isEmpty)
        let text = m.text(messageID: "x1@coproduce", date: start.instant)
        #expect(text.contains("To: =?UTF-8?B?") && text.contains("<zoe@example.org>"), "a name with ë is encoded")
        #expect(text.contains("Content-Type: text/calendar; method=REQUEST; charset=utf-8"))
        #expect(!text.contains("\n\n") || text.contains("\r\n\r\n"), "CRLF line ends")
        let ics = ICalendarWriter.calendar([event], stamp: start.instant, method: "REQUEST")
        #expect(ics.contains("METHOD:REQUEST\r\n") && ics.contains("UID:abc@coproduce\r\n"))
    }
}
