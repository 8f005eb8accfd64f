import Coproduction
import CoproductionStore
import Foundation

/// A record a name on the command line may stand for, with the words that tell it from others
/// of the same name.
struct Candidate {
    /// Its id.
    var id: Int64
    /// Its name (a title, a child's full name…).
    var name: String
    /// What else to show beside it when names clash (a date, an area).
    var detail: String
}

extension Lookup {
    /// The days a calendar covers: `from` (default 30 days ago) to `to` (default a year
    /// ahead), each as typed on the command line; refused when the end is before the start.
    static func calendarWindow(from: String?, to: String?) throws -> (LocalDate, LocalDate) {
        let today = Clock.now().date
        let start = from == nil ? today.adding(days: -30) : try Lookup.day(from, option: "--from")
        let end = to == nil ? today.adding(days: 365) : try Lookup.day(to, option: "--to")
        if end < start { try MeetingsCommand.refuse(["--to: \(end.uk) is before --from \(start.uk)."]) }
        return (start, end)
    }

    /// The id a name or an id stands for among `candidates`: an id as it is; a name matched
    /// ignoring case and accents (`zoe` finds Zoë), whole first, then as part of a name. A name
    /// that fits several is refused with each candidate and its id, so the id can be given.
    static func resolve(_ text: String, among candidates: [Candidate], what: String, option: String) throws -> Int64 {
        switch resolution(text, among: candidates, what: what, option: option) {
        case .success(let id): return id
        case .failure(let problem): try MeetingsCommand.refuse(problem.lines)
        }
    }

    /// Why a name or id stands for no record, or for several: the lines to print.
    struct Unresolved: Error {
        var lines: [String]
    }

    /// As ``resolve(_:among:what:option:)``, with the problem returned, so a command can
    /// report it among the others it finds.
    static func resolution(_ text: String, among candidates: [Candidate], what: String, option: String) -> Result<Int64, Unresolved> {
        let typed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(typed) {
            guard candidates.contains(where: { $0.id == id }) else {
                return .failure(Unresolved(lines: ["\(option): there is no \(what) with id \(id)."]))
            }
            return .success(id)
        }
        switch NameMatch.pick(typed, in: candidates.map(\.name)) {
        case .one(let i):
            return .success(candidates[i].id)
        case .none:
            return .failure(Unresolved(lines: ["\(option): there is no \(what) called \(typed). Check the spelling, or give its id."]))
        case .several(let found):
            let matches = found.map { candidates[$0] }
            let shown = matches.prefix(12).map { "  \($0.id)  \($0.name)\($0.detail.isEmpty ? "" : " (\($0.detail))")" }
            let more = matches.count > 12 ? ["  … and \(matches.count - 12) more: type more of the name."] : []
            return .failure(Unresolved(lines: ["\(option): \(matches.count) \(what)s are called “\(typed)”; give the id of the one you mean:"]
                                       + shown + more))
        }
    }

    /// A meeting as messages name it: "Partnership Board, Tue 12 Jan 2027 10:00 (meeting 13)";
    /// just "meeting 13" when it cannot be read.
    static func meetingName(_ id: Int64, in db: AppDatabase, as actor: Actor) -> String {
        guard let m = try? db.meetingDetail(as: actor, id: id).facts.meeting else { return "meeting \(id)" }
        return "\(m.title), \(m.date.long) \(m.start) (meeting \(id))"
    }

    /// A meeting by id or title (upcoming and past meetings whose words match).
    static func meeting(_ text: String, in db: AppDatabase, as actor: Actor, option: String) throws -> Int64 {
        let today = Clock.now().date
        let typed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(typed) {
            _ = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: id) }
            return id
        }
        let items = try CommandSession.attempt { () throws(StoreError) -> [MeetingListItem] in
            let ids = try db.meetingIDs(as: actor, from: today, filter: typed, offset: 0, limit: 50)
                + db.meetingIDs(as: actor, from: today, filter: typed, offset: 0, limit: 50, past: true)
            return try db.meetings(as: actor, ids: ids)
        }
        let candidates = items.map { Candidate(id: $0.meeting.id, name: $0.meeting.title, detail: "\($0.meeting.date.long) \($0.meeting.start)") }
        return try resolve(typed, among: candidates, what: "meeting", option: option)
    }

    /// A child by id or full name (the children this account may see).
    static func child(_ text: String, in db: AppDatabase, as actor: Actor, option: String) throws -> Int64 {
        let children = try CommandSession.attempt { () throws(StoreError) in try db.children(as: actor) }
        let candidates = children.map { Candidate(id: $0.id, name: $0.fullName, detail: "born \($0.dateOfBirth.uk), parent \($0.parentName)") }
        return try resolve(text, among: candidates, what: "child", option: option)
    }

    /// A fund proposal by id or title (this financial year's and last year's).
    static func proposal(_ text: String, in db: AppDatabase, as actor: Actor, option: String) throws -> Int64 {
        let year = FinancialYear(containing: Clock.now().date)
        let rows = try CommandSession.attempt { () throws(StoreError) in
            try db.fundOverview(as: actor, year: year).proposals + db.fundOverview(as: actor, year: FinancialYear(startYear: year.startYear - 1)).proposals
        }
        let candidates = rows.map { Candidate(id: $0.proposal.id, name: $0.proposal.title, detail: "\($0.areaName), \($0.proposal.status.name)") }
        return try resolve(text, among: candidates, what: "proposal", option: option)
    }

    /// A marketing material by id or title.
    static func material(_ text: String, in db: AppDatabase, as actor: Actor, option: String) throws -> Int64 {
        let rows = try CommandSession.attempt { () throws(StoreError) in try db.materials(as: actor) }
        let candidates = rows.map { Candidate(id: $0.material.id, name: $0.material.title, detail: "v\($0.material.version) \($0.material.kind.name)") }
        return try resolve(text, among: candidates, what: "material", option: option)
    }

    /// An idea by id or its words (in any area this account may see).
    static func idea(_ text: String, in db: AppDatabase, as actor: Actor, option: String) throws -> Int64 {
        let today = Clock.now().date
        let areas = try CommandSession.attempt { () throws(StoreError) in try db.areas(as: actor, today: today, offset: 0, limit: 100) }
        var candidates: [Candidate] = []
        for area in areas {
            let ideas = (try? db.ideas(as: actor, areaID: area.area.id)) ?? []
            candidates += ideas.map { Candidate(id: $0.id, name: $0.text, detail: "\(area.area.name), \($0.status.name)") }
        }
        return try resolve(text, among: candidates, what: "idea", option: option)
    }
}
