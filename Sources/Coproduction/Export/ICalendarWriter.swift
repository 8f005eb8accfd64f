import Foundation

/// One meeting as a calendar event.
public struct CalendarEvent: Hashable, Sendable {
    /// A stable identifier: the same meeting keeps the same UID, so a calendar re-importing
    /// the file updates the event rather than adding another.
    public var uid: String
    /// The title.
    public var summary: String
    /// Starts, UK wall clock.
    public var start: LocalDateTime
    /// Ends, UK wall clock.
    public var end: LocalDateTime
    /// Where.
    public var location: String
    /// The agenda and anything else, in plain text.
    public var description: String
    /// Cancelled meetings stay in the calendar as cancelled.
    public var cancelled: Bool
    /// Counts up each time the meeting changes, so calendars take the newest.
    public var sequence: Int
    /// For a series' master event: its RRULE value (with UNTIL).
    public var recurrenceRule: String?
    /// For a series' master event: the days the rule gives that have no meeting (deleted or
    /// cancelled), at the series' start time.
    public var exceptionDates: [LocalDateTime] = []
    /// For one meeting of a series that differs from its master: the rule's slot it fills.
    public var recurrenceID: LocalDateTime?
    /// Alarms before it starts (none on a cancelled meeting).
    public var alarms: [ReminderOffset] = []
    /// For an invitation: who sends it (an address).
    public var organizer: String?
    /// For an invitation: who it is to.
    public var attendees: [CalendarAttendee] = []

    /// Creates an event.
    public init(uid: String, summary: String, start: LocalDateTime, end: LocalDateTime, location: String,
                description: String, cancelled: Bool, sequence: Int) {
        self.uid = uid
        self.summary = summary
        self.start = start
        self.end = end
        self.location = location
        self.description = description
        self.cancelled = cancelled
        self.sequence = sequence
    }
}

/// Someone an invitation is to.
public struct CalendarAttendee: Hashable, Sendable {
    /// Their name.
    public var name: String
    /// Their e-mail address.
    public var address: String

    /// Creates an attendee.
    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}

/// Writes an RFC 5545 calendar: CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 character, TEXT values escaped, times in Europe/London with its VTIMEZONE, DTSTAMP in
/// UTC. No kept library does this here, so it is written by hand and checked by an
/// independent parser in the tests.
///
/// A series is one master event carrying its RRULE, with an EXDATE for each day the rule
/// gives that has no meeting, and one event per meeting that differs from the master (moved,
/// retimed, its own agenda), sharing the master's UID with a RECURRENCE-ID naming its slot.
/// That is the form Outlook, Google and Apple calendars all import as one series; a meeting
/// cancelled inside a series is an EXDATE, because a cancelled RECURRENCE-ID event is shown
/// as if it were on by some of them. "This and later ones" ends the series (UNTIL) and
/// starts another with its own UID, as Google does, rather than RANGE=THISANDFUTURE, which
/// Outlook ignores.
public enum ICalendarWriter {
    /// The whole calendar; `method` is PUBLISH for a feed, REQUEST for an invitation.
    public static func calendar(_ events: [CalendarEvent], stamp: Date, method: String = "PUBLISH") -> String {
        header(method: method) + events.map { event($0, stamp: stamp) }.joined() + footer
    }

    /// The start of a calendar, up to its first event: its properties and the time zone.
    /// With ``event(_:stamp:)`` and ``footer``, a calendar written a page of events at a time
    /// is the same text as ``calendar(_:stamp:method:)`` makes whole.
    public static func header(method: String = "PUBLISH") -> String {
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//A Better Start Southend//Coproduce//EN", "CALSCALE:GREGORIAN",
                     "METHOD:\(method)", "X-WR-CALNAME:Coproduce meetings", "X-WR-TIMEZONE:Europe/London"] + londonTimeZone
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The end of a calendar.
    public static let footer = "END:VCALENDAR\r\n"

    /// One event, folded, each line ending in CRLF.
    public static func event(_ e: CalendarEvent, stamp: Date) -> String {
        var lines = ["BEGIN:VEVENT", "UID:\(escape(e.uid))", "DTSTAMP:\(utc(stamp))",
                     "DTSTART;TZID=Europe/London:\(local(e.start))", "DTEND;TZID=Europe/London:\(local(e.end))",
                     "SUMMARY:\(escape(e.summary))", "SEQUENCE:\(e.sequence)", "STATUS:\(e.cancelled ? "CANCELLED" : "CONFIRMED")"]
        if let rule = e.recurrenceRule { lines.append("RRULE:\(rule)") }
        if !e.exceptionDates.isEmpty {
            lines.append("EXDATE;TZID=Europe/London:" + e.exceptionDates.map(local).joined(separator: ","))
        }
        if let slot = e.recurrenceID { lines.append("RECURRENCE-ID;TZID=Europe/London:\(local(slot))") }
        if !e.location.isEmpty { lines.append("LOCATION:\(escape(e.location))") }
        if let organizer = e.organizer { lines.append("ORGANIZER:mailto:\(organizer)") }
        for a in e.attendees {
            let name = TerminalText.visible(a.name).replacingOccurrences(of: "\"", with: "")
            lines.append("ATTENDEE;CN=\"\(name)\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:\(a.address)")
        }
        if !e.description.isEmpty { lines.append("DESCRIPTION:\(escape(e.description))") }
        for alarm in e.cancelled ? [] : e.alarms {
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:\(escape("\(e.summary) in \(alarm.words)"))",
                      "TRIGGER:\(alarm.trigger)", "END:VALARM"]
        }
        lines.append("END:VEVENT")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Europe/London: GMT in winter, BST from the last Sunday of March to the last Sunday of October.
    static let londonTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/London",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT escaping: backslash, semicolon, comma and newlines.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            // Control characters (an escape sequence in a title) become visible placeholders.
            default: out += TerminalText.visible(String(ch))
            }
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets; each continuation starts with a
    /// space. Characters (grapheme clusters' scalars) are never split across lines.
    public static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = parts.isEmpty ? 75 : 74  // a continuation's leading space counts
            if octets + size > limit {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        parts.append(current)
        return parts.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }

    /// Undoes ``fold(_:)``: a CRLF followed by one space is removed.
    public static func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "")
    }

    static func local(_ t: LocalDateTime) -> String {
        String(format: "%04d%02d%02dT%02d%02d00", t.date.year, t.date.month, t.date.day, t.time.hour, t.time.minute)
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
