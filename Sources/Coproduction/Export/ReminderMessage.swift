import Foundation

/// An e-mail address, as far as a form can tell: one `@`, something either side, a dot in the
/// domain, no spaces, at most 254 characters.
public enum EmailAddress {
    /// Why `text` is not an address, or nil when it looks like one.
    public static func problem(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return "Type the e-mail address reminders go to, as name@example.org." }
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard t.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !t.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" || $0 == "\"" }),
              t.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
        else { return "“\(t)” is not an e-mail address: write it as name@example.org." }
        return nil
    }
}

/// A reminder of a meeting, in plain words, as an RFC 5322 message with the meeting attached
/// as a calendar invitation (text/calendar, METHOD:REQUEST, the export's UID), for
/// `sendmail -t`.
public struct ReminderMessage: Hashable, Sendable {
    /// Who it is to: their name and address.
    public var toName: String
    /// Their address.
    public var toAddress: String
    /// Who it is from (the `mail-from` setting).
    public var fromAddress: String
    /// The programme's name, to sign it.
    public var programme: String
    /// The meeting, as the invitation carries it.
    public var event: CalendarEvent
    /// How long before the meeting this reminder is.
    public var offset: ReminderOffset
    /// "You said you are coming", "You have not said yet", …
    public var answer: String
    /// The crèche line: a place booked, none booked, no crèche; empty for a parent with no child.
    public var creche: String

    /// Creates a message.
    public init(toName: String, toAddress: String, fromAddress: String, programme: String, event: CalendarEvent, offset: ReminderOffset,
                answer: String, creche: String) {
        self.toName = toName
        self.toAddress = toAddress
        self.fromAddress = fromAddress
        self.programme = programme
        self.event = event
        self.offset = offset
        self.answer = answer
        self.creche = creche
    }

    /// "Reminder: Partnership Board, Tuesday 1 December, 10:00".
    public var subject: String {
        "Reminder: \(event.summary), \(Self.longDay(event.start.date)), \(event.start.time)"
    }

    /// The words of the message, short sentences and plain words.
    public var body: String {
        let first = toName.split(separator: " ").first.map(String.init) ?? toName
        var lines = ["Hello \(first),", "",
                     "This is a reminder: \(event.summary) is in \(offset.words).", "",
                     "When: \(Self.longDay(event.start.date)), \(event.start.time) to \(event.end.time).",
                     "Where: \(event.location.isEmpty ? "the office will tell you" : event.location).", "",
                     answer]
        if !creche.isEmpty { lines.append(creche) }
        lines += ["", "If you cannot come, please tell the office.",
                  "The meeting is attached, so you can add it to your calendar.", "",
                  "Thank you,", programme.isEmpty ? "The office" : programme]
        return lines.joined(separator: "\n")
    }

    /// The whole message: headers, a plain-text part and the invitation, CRLF line ends.
    public func text(messageID: String, date: Date) -> String {
        var invitation = event
        invitation.organizer = fromAddress
        invitation.attendees = [(toName, toAddress)].map { CalendarAttendee(name: $0.0, address: $0.1) }
        let ics = ICalendarWriter.calendar([invitation], stamp: date, method: "REQUEST")
        let boundary = "coproduce-" + String(messageID.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init).prefix(24))
        let headers = [
            "From: \(fromAddress)",
            "To: \(Self.encodedWord(toName)) <\(toAddress)>",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "Auto-Submitted: auto-generated",
        ]
        let parts = [
            "--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
            Self.base64Lines(body.replacingOccurrences(of: "\n", with: "\r\n")),
            "--\(boundary)", "Content-Type: text/calendar; method=REQUEST; charset=utf-8",
            "Content-Disposition: attachment; filename=\"meeting.ics\"", "Content-Transfer-Encoding: base64", "",
            Self.base64Lines(ics),
            "--\(boundary)--", "",
        ]
        return (headers + [""] + parts).joined(separator: "\r\n")
    }

    /// An RFC 2047 encoded word when the text is not plain ASCII.
    static func encodedWord(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !text.contains("=?") { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func base64Lines(_ text: String) -> String {
        let b = Data(text.utf8).base64EncodedString()
        return stride(from: 0, to: b.count, by: 76).map { i -> String in
            let start = b.index(b.startIndex, offsetBy: i)
            return String(b[start..<(b.index(start, offsetBy: 76, limitedBy: b.endIndex) ?? b.endIndex)])
        }.joined(separator: "\r\n")
    }

    static func longDay(_ d: LocalDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(d.weekday.name) \(d.day) \(months[d.month - 1])"
    }

    static func rfc5322Date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 0)
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }
}
