import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce meetings add|edit|cancel|list`: meetings from the command line.
struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings", abstract: "Add, change, cancel and list meetings.",
        subcommands: [Add.self, Edit.self, Cancel.self, Accept.self, Unaccept.self, List.self, Attendance.self, Actions.self, Papers.self, ApproveMinutes.self, Addendum.self])

    /// The kinds as typed on the command line.
    enum KindCode: String, ExpressibleByArgument, CaseIterable {
        case board, serviceDesign = "service-design", taskAndFinish = "task-and-finish", committee, preMeeting = "pre-meeting"
    }

    /// Prints every problem, one line each, and stops with status 1: nothing is written.
    static func refuse(_ problems: [String]) throws -> Never {
        for p in problems { Console.error(p) }
        throw ExitCode(1)
    }

    /// `--agenda "Title: summary"` as an agenda item.
    static func agendaItem(_ text: String) -> AgendaItem {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        return AgendaItem(title: parts.first ?? "", summary: parts.count > 1 ? parts[1] : "")
    }

    /// `--repeat` and `--until` as a series from `first`: nil when it does not repeat, each
    /// problem added against its option. `anchoring` is the series' own rule when only
    /// `--until` was given, moved to `first`.
    static func seriesRule(_ repeats: String?, until: String?, first: LocalDate?, kind: KindCode, problems: inout [String],
                           anchoring: Recurrence? = nil) -> SeriesRule? {
        guard repeats != nil || until != nil else { return nil }
        if kind == .preMeeting {
            problems.append("--repeat: a pre-meeting prepares one meeting, so it does not repeat: make one for each meeting.")
            return nil
        }
        guard let first else { return nil }
        var recurrence: Recurrence?
        if let anchoring {
            recurrence = anchoring.anchored(to: first)
        } else {
            switch Recurrence.parse(repeats ?? "", from: first) {
            case .success(let r): recurrence = r
            case .failure(let e): problems.append("--repeat: \(e.description)"); return nil
            }
            if repeats == nil {
                problems.append("--repeat: say how the series repeats, as \"every 2 weeks\" (--until alone is not a series).")
                return nil
            }
        }
        guard let recurrence else {
            if until != nil && anchoring == nil { problems.append("--until: a meeting that does not repeat has no end day: leave --until out.") }
            return nil
        }
        guard let untilText = until?.trimmingCharacters(in: .whitespaces), !untilText.isEmpty else {
            problems.append("--until: a series needs an end, or it would never stop: give the day of its last meeting, as --until 30/06/2027.")
            return nil
        }
        switch UKInput.date(untilText, today: Clock.now().date) {
        case .failure(let e):
            problems.append("--until: \(e.description)")
            return nil
        case .success(let end):
            let rule = SeriesRule(recurrence, first: first, until: end)
            if let problem = rule.problems.first {
                problems.append("--until: \(problem)")
                return nil
            }
            return rule
        }
    }

    /// The fields of a meeting as typed, checked together so every problem is reported.
    struct Typed {
        var date: String?
        var start: String?
        var end: String?

        func resolve(default m: Meeting?, problems: inout [String]) -> (LocalDate, TimeOfDay, TimeOfDay)? {
            let today = Clock.now().date
            func read<T>(_ text: String?, _ option: String, _ current: T?, _ parse: (String) -> Result<T, InputError>) -> T? {
                guard let text else { return current }
                switch parse(text) {
                case .success(let v): return v
                case .failure(let e):
                    problems.append("\(option): \(e.description)")
                    return nil
                }
            }
            let d = read(date, "--date", m?.date) { UKInput.date($0, today: today) }
            let s = read(start, "--start", m?.start, UKInput.time)
            let e = read(end, "--end", m?.end, UKInput.time)
            guard let d, let s, let e else { return nil }
            return (d, s, e)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a meeting and print its id.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "board, service-design, task-and-finish or committee (with --group), or pre-meeting (with --for).") var kind: KindCode
        @Option(help: "The title.") var title: String
        @Option(help: "The day: 12/01/2027 or 2027-01-12.") var date: String
        @Option(help: "Start, UK time: 10:00.") var start: String
        @Option(help: "End, UK time: 12:00.") var end: String
        @Option(help: "Where it is held.") var venue = ""
        @Option(help: "The Task and Finish group's name.") var group: String?
        @Option(name: .customLong("for"), help: ArgumentHelp("For a pre-meeting: the meeting it prepares (id or title).", valueName: "meeting"))
        var prepares: String?
        @Option(help: ArgumentHelp("A Parent Champion who has confirmed, by name or id (repeat for more).", valueName: "name"))
        var champion: [String] = []
        @Option(help: ArgumentHelp("A Parent Champion invited, not yet confirmed, by name or id (repeat for more).", valueName: "name"))
        var invite: [String] = []
        @Option(help: "Other parents expected.") var parents = 0
        @Option(help: ArgumentHelp("An agenda item, \"Title: plain summary\" (repeat for more).", valueName: "item")) var agenda: [String] = []
        @Option(name: .customLong("repeat"), help: ArgumentHelp(
            "Make a series: \"every 2 weeks\", \"every month on the 2nd Tuesday\", \"every month on the last Friday\" (with --until).",
            valueName: "rule"))
        var repeats: String?
        @Option(help: ArgumentHelp("The day of the series' last meeting (with --repeat).", valueName: "day")) var until: String?

        func run() throws {
            var problems: [String] = []
            let db = try database.open()
            let actor = try CommandSession.actor(for: db)
            // Names (or ids) for the champions and the meeting prepared.
            let candidates = try Lookup.championCandidates(in: db, as: actor)
            func ids(_ names: [String], _ option: String) -> [Int64] {
                names.compactMap { name in
                    switch Lookup.resolution(name, among: candidates, what: "Parent Champion", option: option) {
                    case .success(let id): return id
                    case .failure(let problem): problems += problem.lines; return nil
                    }
                }
            }
            let confirmed = ids(champion, "--champion")
            let invited = ids(invite, "--invite")
            let preparedID = try prepares.map { try Lookup.meeting($0, in: db, as: actor, option: "--for") }
            let when = Typed(date: date, start: start, end: end).resolve(default: nil, problems: &problems)
            let kind = MeetingKind(code: self.kind.rawValue, groupName: group, preparedMeetingID: preparedID)
            if kind == nil {
                problems.append(self.kind == .taskAndFinish ? "--group: a task-and-finish meeting needs its group's name."
                                : self.kind == .committee ? "--group: a committee meeting needs the committee's name (Finance, Risk)."
                                : "--for: a pre-meeting needs the meeting it prepares (its id or title).")
            }
            let items = agenda.map(MeetingsCommand.agendaItem)
            // Check every field even when the date or times cannot be read, so each problem
            // is reported in one go.
            let placeholder = (Clock.now().date, TimeOfDay(minutes: 0)!, TimeOfDay(minutes: 1)!)
            let (d, s, e) = when ?? placeholder
            let meeting = Meeting(id: 0, kind: kind ?? .serviceDesign, title: title, date: d, start: s, end: e, venue: venue,
                                  championIDs: confirmed + invited, confirmed: confirmed, otherParents: parents)
            problems += meeting.problems(agenda: items).filter { when != nil || $0.field != .end }.map { "--\($0.line)" }
            problems += try CommandSession.attempt { () throws(StoreError) in try db.referenceProblems(meeting) }.map { "--\($0.line)" }
            let rule = MeetingsCommand.seriesRule(repeats, until: until, first: when?.0, kind: self.kind, problems: &problems)
            if !problems.isEmpty { try MeetingsCommand.refuse(problems) }
            if let rule {
                let ids = try FieldRefusal.attempt(["until": "--until", "repeat": "--repeat"]) { () throws(StoreError) in
                    try db.addMeetingSeries(as: actor, meeting, agenda: items, rule: rule, now: Clock.date())
                }
                Console.error("A series of \(Plural.count(ids.count, "meeting")), \(rule.words). Their ids follow, first to last.")
                for id in ids { print(id) }
                return
            }
            let id = try CommandSession.attempt { () throws(StoreError) in
                try db.addMeeting(as: actor, meeting, agenda: items, now: Clock.date())
            }
            print(id)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a meeting. With --if-version, refuses when someone else saved it since you read that version.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: "New title.") var title: String?
        @Option(help: "New day.") var date: String?
        @Option(help: "New start.") var start: String?
        @Option(help: "New end.") var end: String?
        @Option(help: "New venue.") var venue: String?
        @Option(help: "Other parents expected.") var parents: Int?
        @Option(help: ArgumentHelp("Replace the agenda: \"Title: plain summary\" (repeat for more).", valueName: "item")) var agenda: [String] = []
        @Option(help: ArgumentHelp("Save only if the meeting is still at this version (from `meetings list --json`).",
                                   valueName: "n"))
        var ifVersion: Int?
        @Option(help: "Its rung on the ladder: informing, consultation, engagement, co-design, co-production.") var rung: Rung?
        @Option(help: ArgumentHelp("For a meeting of a series: this (this one only) or later (this and later ones).", valueName: "this|later"))
        var scope: Scope?
        @Option(name: .customLong("repeat"), help: ArgumentHelp(
            "How it repeats from this meeting on (\"every 2 weeks\"; \"does not repeat\" ends the series here). Implies --scope later.",
            valueName: "rule"))
        var repeats: String?
        @Option(help: ArgumentHelp("The day of the series' last meeting. Implies --scope later.", valueName: "day")) var until: String?

        enum Scope: String, ExpressibleByArgument, CaseIterable {
            case this, later
        }

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            let detail = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: id) }
            let ruleChanged = repeats != nil || until != nil
            if let series = detail.series, scope == nil && !ruleChanged {
                try MeetingsCommand.refuse(["Meeting \(id) is meeting \(series.position) of \(series.count) in a series (\(series.rule.words)): say --scope this for this one only, "
                                            + "or --scope later for this and later ones."])
            }
            if scope == .this && ruleChanged {
                try MeetingsCommand.refuse(["--scope this: how a series repeats changes this and later ones; use --scope later."])
            }
            let onlyRung = title == nil && date == nil && start == nil && end == nil && venue == nil && parents == nil && agenda.isEmpty
                && !ruleChanged && scope != .later
            if let rung, onlyRung {
                try CommandSession.attempt { () throws(StoreError) in try db.setRung(as: actor, meetingID: id, rung, now: Clock.date()) }
                print("Meeting \(id) is tagged \(rung.name).")
                return
            }
            var m = detail.facts.meeting
            var problems: [String] = []
            if let (d, s, e) = Typed(date: date, start: start, end: end).resolve(default: m, problems: &problems) {
                m.date = d
                m.start = s
                m.end = e
            }
            if let title { m.title = title }
            if let venue { m.venue = venue }
            if let parents { m.otherParents = parents }
            let items = agenda.isEmpty ? nil : agenda.map(MeetingsCommand.agendaItem)
            problems += m.problems(agenda: items ?? []).map { "--\($0.line)" }
            // This and later ones (or a meeting becoming a series): the rule from this meeting on.
            let later = scope == .later || ruleChanged
            var rule: SeriesRule?
            if later {
                if ruleChanged || detail.series == nil {
                    rule = MeetingsCommand.seriesRule(repeats ?? detail.series.map { $0.rule.recurrence.words(from: $0.rule.first) },
                                                      until: until ?? detail.series?.rule.until.uk, first: m.date,
                                                      kind: KindCode(rawValue: m.kind.code) ?? .board, problems: &problems,
                                                      anchoring: repeats == nil ? detail.series?.rule.recurrence : nil)
                } else if let series = detail.series {
                    let first = date == nil ? series.slot : m.date
                    rule = SeriesRule(series.rule.recurrence.anchored(to: first), first: first, until: series.rule.until)
                }
            }
            if !problems.isEmpty { try MeetingsCommand.refuse(problems) }
            var reached = [id]
            if later {
                let change = try FieldRefusal.attempt(["until": "--until", "repeat": "--repeat"]) { () throws(StoreError) in
                    try db.changeSeries(as: actor, id: id, expectedVersion: ifVersion ?? detail.version, to: m, agenda: items, rule: rule,
                                        now: Clock.date())
                }
                reached = change.changed + change.added
                print("Saved \(Lookup.meetingName(id, in: db, as: actor)) and later ones: \(change.words).")
            } else {
                try CommandSession.attempt { () throws(StoreError) in
                    try db.updateMeeting(as: actor, id: id, expectedVersion: ifVersion ?? detail.version, to: m, agenda: items, now: Clock.date())
                }
                print(detail.series == nil ? "Saved \(Lookup.meetingName(id, in: db, as: actor))." : "Saved \(Lookup.meetingName(id, in: db, as: actor)) only; the rest of its series is as it was.")
            }
            if let rung {
                for one in reached {
                    try CommandSession.attempt { () throws(StoreError) in try db.setRung(as: actor, meetingID: one, rung, now: Clock.date()) }
                }
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a meeting, with the reason kept on record.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: "Why it is cancelled (kept on record).") var reason: String
        @Option(help: ArgumentHelp("Cancel only if the meeting is still at this version.", valueName: "n")) var ifVersion: Int?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            let detail = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: id) }
            try CommandSession.attempt { () throws(StoreError) in
                try db.cancelMeeting(as: actor, id: id, expectedVersion: ifVersion ?? detail.version, reason: reason, now: Clock.date())
            }
            print("Cancelled meeting \(id): \(detail.facts.meeting.title), \(detail.facts.meeting.date.long).")
        }
    }

    struct Attendance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attendance",
            abstract: "Each Parent Champion's attendance at meetings held in a period (cancelled meetings are left out).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "From this day (default: 90 days ago).") var from: String?
        @Option(help: "To this day (default: today).") var to: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let today = Clock.now().date
            let start = from == nil ? today.adding(days: -90) : try Lookup.day(from, option: "--from")
            let end = try Lookup.day(to, option: "--to")
            if end < start { try MeetingsCommand.refuse(["--to: \(end.uk) is before --from \(start.uk)."]) }
            let (db, actor) = try database.openSignedIn()
            let figures = try CommandSession.attempt { () throws(StoreError) in try db.attendanceFigures(as: actor, from: start, to: end) }
            if json {
                let rows: [[String: Any]] = figures.map {
                    ["champion": $0.championID, "name": $0.name, "area": $0.area, "attended": $0.attended,
                     "apologies": $0.apologies, "absent": $0.absent]
                }
                print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                return
            }
            print("Meetings held \(start.long) to \(end.long):")
            for f in figures {
                print("  \(f.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(f.area.padding(toLength: 14, withPad: " ", startingAt: 0)) attended \(f.attended), apologies \(f.apologies), absent \(f.absent)")
            }
            if figures.isEmpty { print("  No meetings recorded as held in that time.") }
        }
    }

    struct Actions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "actions", abstract: "Actions not yet done, oldest due first; overdue ones flagged.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Only those past their due date.") var overdue = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let today = Clock.now().date
            let open = try CommandSession.attempt { () throws(StoreError) in try db.openActions(as: actor) }
            let shown = overdue ? open.filter { $0.0.isOverdue(on: today) } : open
            for (action, meetingID, title) in shown {
                let flag = action.isOverdue(on: today) ? "✗ OVERDUE" : "! open   "
                let due = action.due.map { "due \($0.long)" } ?? "no date"
                print("\(flag)  \(action.what) — \(action.owner), \(due)  (\(title), meeting \(meetingID))")
            }
            if shown.isEmpty { print(overdue ? "No overdue actions." : "No open actions.") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings from a day on (default today).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "From this day: 12/01/2027 or 2027-01-12.") var from: String?
        @Option(help: "At most this many.") var limit = 500
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let day = try Lookup.day(from, option: "--from")
            let (db, actor) = try database.openSignedIn()
            var checker = try CommandSession.attempt { () throws(StoreError) in try db.barrierChecker() }
            checker.today = Clock.now().date
            let items = try CommandSession.attempt { () throws(StoreError) in
                try db.meetings(as: actor, from: day, offset: 0, limit: max(1, limit), checker: checker)
            }
            if json {
                let rows = try items.map { item -> [String: Any] in
                    let m = item.meeting
                    let detail = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: m.id) }
                    let version = detail.version
                    var row: [String: Any] = [
                        "id": m.id, "kind": m.kind.code, "title": m.title, "date": m.date.iso, "start": m.start.description,
                        "end": m.end.description, "venue": m.venue, "invited": m.championIDs, "confirmed": m.confirmedChampionIDs,
                        "otherParents": m.otherParents, "status": m.status.rawValue, "checks": item.status.word, "version": version,
                        "agenda": item.facts.agenda.map { ["title": $0.title, "summary": $0.summary] },
                    ]
                    if let group = m.kind.groupName { row["group"] = group }
                    if let target = m.kind.preparedMeetingID { row["for"] = target }
                    if let reason = m.cancelReason { row["cancelReason"] = reason }
                    if let series = detail.series {
                        row["series"] = ["id": series.id, "repeats": series.rule.words, "rrule": series.rule.rrule, "slot": series.slot.iso,
                                         "position": series.position, "count": series.count] as [String: Any]
                    }
                    return row
                }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            for item in items {
                let m = item.meeting
                let state = m.status == .cancelled ? "cancelled" : item.status.word
                print("\(String(m.id).padding(toLength: 6, withPad: " ", startingAt: 0))\(m.date.medium) \(m.date.year) \(m.start)–\(m.end)  \(m.kind.label.padding(toLength: 7, withPad: " ", startingAt: 0))\(m.title)  [\(state)]")
            }
        }
    }
}
