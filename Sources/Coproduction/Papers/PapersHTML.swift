/// Writes a ``PapersPack`` as one print-ready HTML page: A4, numbered sections, "Page N of
/// M" at the foot of every printed page, and a large-print form at 18 pt.
///
/// Why HTML and not PDF: any browser on the office machine prints it, a parent can open it
/// on a phone where it reflows to the screen, a screen reader reads its headings and lists
/// as they are, and large print is the same document with a bigger size rather than a
/// second layout. No PDF writer is among the libraries this project keeps, and a hand-made
/// one would lose all of that. Chromium prints it to PDF headless (`make test` does, and
/// checks the pages).
public enum PapersHTML {
    /// The body text size in points: 12, or 18 for large print (RNIB's clear print asks for 16
    /// at least).
    public static func pointSize(largePrint: Bool) -> Int { largePrint ? 18 : 12 }

    /// The whole page.
    public static func render(_ pack: PapersPack, largePrint: Bool = false) -> String {
        let m = pack.meeting
        let size = pointSize(largePrint: largePrint)
        var section = 0
        func heading(_ words: String) -> String {
            section += 1
            return "<h2><span class=\"n\">\(section).</span> \(escape(words))</h2>"
        }
        var html: [String] = []
        html.append("""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(m.title)): papers for parents</title>
            <style>
            @page { size: A4; margin: 18mm 18mm 22mm 18mm;
              @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: sans-serif; font-size: \(max(10, size - 2))pt; } }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: \(size)pt; line-height: 1.5; color: #000; background: #fff; max-width: 48em; margin: 0 auto; }
            h1 { font-size: \(size * 2)pt; margin: 0 0 0.3em; }
            h2 { font-size: \(Int(Double(size) * 1.4))pt; margin: 1.2em 0 0.4em; break-after: avoid; }
            .cover { break-after: page; }
            .facts dt { font-weight: bold; margin-top: 0.6em; }
            .facts dd { margin: 0 0 0 0; }
            ol li, ul li { margin-bottom: 0.5em; }
            .summary { display: block; }
            .small { font-size: \(max(10, size - 2))pt; }
            </style>
            </head>
            <body>
            """)
        // The cover: what, when, where, the crèche and the pre-meeting.
        html.append("<section class=\"cover\">")
        if !pack.programme.isEmpty { html.append("<p>\(escape(pack.programme))</p>") }
        html.append("<h1>\(escape(m.title))</h1>")
        html.append("<p>Papers for parents. Please read them before the meeting; bring them with you if you like.</p>")
        html.append("<dl class=\"facts\">")
        html.append("<dt>What</dt><dd>\(escape(m.kind.name))</dd>")
        html.append("<dt>When</dt><dd>\(escape(m.date.spoken)), \(m.start) to \(m.end)</dd>")
        html.append("<dt>Where</dt><dd>\(escape(m.venue.isEmpty ? "To be told" : m.venue))</dd>")
        if let places = pack.crechePlaces {
            let free = places.free == 0 ? "It is full now; ask anyway, in case a place comes free."
                : "\(Plural.count(places.free, "place")) still free of \(places.total)."
            html.append("<dt>Crèche</dt><dd>There is a free crèche for your children while you are at the meeting. \(free) "
                        + "To book a place, tell your Parent Champion or the office, with your child's name and age.</dd>")
        } else {
            html.append("<dt>Crèche</dt><dd>No crèche is booked for this meeting yet. If you need one, tell the office and they will arrange it.</dd>")
        }
        if let pre = pack.preMeeting {
            let venue = pre.venue.isEmpty ? "" : " at \(escape(pre.venue))"
            html.append("<dt>Before the meeting</dt><dd>A pre-meeting on \(escape(pre.date.spoken)), \(pre.start) to \(pre.end)\(venue): "
                        + "we go through these papers together, so you know what to expect and can ask anything.</dd>")
        }
        html.append("</dl></section>")

        html.append("<section>" + heading("What we will talk about"))
        if pack.agenda.isEmpty {
            html.append("<p>The agenda is not ready yet. It will be sent to you before the meeting.</p>")
        } else {
            html.append("<ol>")
            for item in pack.agenda {
                let summary = item.summary.isEmpty ? "" : "<span class=\"summary\">\(escape(item.summary))</span>"
                html.append("<li><strong>\(escape(item.title))</strong>\(summary)</li>")
            }
            html.append("</ol>")
        }
        html.append("</section>")

        html.append("<section>" + heading("What we decided last time"))
        if let last = pack.lastMeeting, !last.decisions.isEmpty {
            html.append("<p>At the \(escape(last.title)) on \(escape(last.date.spoken)) we decided:</p><ul>")
            for decision in last.decisions { html.append("<li>\(escape(decision))</li>") }
            html.append("</ul>")
        } else if let last = pack.lastMeeting {
            html.append("<p>The \(escape(last.title)) on \(escape(last.date.spoken)) made no decisions.</p>")
        } else {
            html.append("<p>No earlier meeting of this group is recorded as held, so there is nothing from last time.</p>")
        }
        html.append("</section>")

        html.append("<section>" + heading("You said, we did"))
        let answered = pack.youSaid.filter { !$0.answers.isEmpty }
        if answered.isEmpty {
            html.append("<p>No ideas from your areas have an answer yet. Your Parent Champion will tell you when they do.</p>")
        }
        for area in answered {
            html.append("<h3>\(escape(area.area))</h3><ul>")
            for a in area.answers {
                let when = a.on.map { " (\(escape($0.inWords)))" } ?? ""
                html.append("<li><strong>You said:</strong> \(escape(a.said))<br><strong>We did:</strong> \(escape(a.did))\(when)</li>")
            }
            html.append("</ul>")
        }
        html.append("</section>")

        let terms = pack.termsUsed
        html.append("<section>" + heading("Words we could not avoid"))
        if terms.isEmpty {
            html.append("<p>None: these papers use everyday words.</p>")
        } else {
            html.append("<dl class=\"facts\">")
            for entry in terms { html.append("<dt>\(escape(entry.term))</dt><dd>\(escape(entry.plain))</dd>") }
            html.append("</dl>")
        }
        html.append("</section>")
        html.append("<p class=\"small\">If you would like these papers another way (large print, read to you, or in another language), tell the office.</p>")
        html.append("</body>\n</html>\n")
        return html.joined(separator: "\n")
    }

    /// Text made safe inside HTML.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
