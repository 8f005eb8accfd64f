import Coproduction
import GRDB

extension AppDatabase {
    /// The pack of papers for a meeting's parents: the meeting, its agenda (standing items
    /// first), its pre-meeting, its crèche's places, what the last meeting of the same group
    /// decided, and "you said, we did" for the areas of the parents invited (for a Parent
    /// Champion, only their own area's ideas, as everywhere else).
    public func papersPack(as actor: Actor, meetingID: Int64) throws(StoreError) -> PapersPack {
        let detail = try meetingDetail(as: actor, id: meetingID)
        let checker = try barrierChecker()
        let programme = try text(of: .programmeName)
        let ideaScope = AccessPolicy.scope(actor.role, .read, .idea)
        let m = detail.facts.meeting
        let (last, answers): (PapersPack.LastMeeting?, [PapersPack.AreaAnswers]) = try read { db in
            var last: PapersPack.LastMeeting?
            if let previous = try Self.previousOfBody(db, meetingID),
               let title = try String.fetchOne(db, sql: "SELECT title FROM meeting WHERE id = ?", arguments: [previous.id]) {
                let decisions = try String.fetchAll(db, sql: "SELECT text FROM decision WHERE meetingId = ? ORDER BY position", arguments: [previous.id])
                last = PapersPack.LastMeeting(title: title, date: previous.date, decisions: decisions)
            }
            var areas = try Row.fetchAll(db, sql: """
                SELECT DISTINCT a.id, a.name FROM meetingChampion mc JOIN champion ch ON ch.id = mc.championId
                JOIN area a ON a.id = ch.areaId WHERE mc.meetingId = ? ORDER BY a.name
                """, arguments: [meetingID]).map { (id: $0["id"] as Int64, name: $0["name"] as String) }
            switch ideaScope {
            case .all: break
            case .own:
                let own = try actor.championID.flatMap { try Int64.fetchOne(db, sql: "SELECT areaId FROM champion WHERE id = ?", arguments: [$0]) }
                areas = areas.filter { $0.id == own }
            case .none: areas = []
            }
            let answers = try areas.map { area in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT text, outcome, decidedOn FROM idea WHERE areaId = ? AND outcome IS NOT NULL AND trim(outcome) <> ''
                      AND status IN ('decided', 'fed-back') ORDER BY decidedOn DESC, id DESC LIMIT 5
                    """, arguments: [area.id])
                return PapersPack.AreaAnswers(area: area.name, answers: rows.map {
                    PapersPack.Answer(said: $0["text"], did: $0["outcome"], on: ($0["decidedOn"] as String?).flatMap(LocalDate.init(iso:)))
                })
            }
            return (last, answers)
        }
        let places = detail.facts.creche.map { PapersPack.CrechePlaces(total: $0.roomCapacity, free: max(0, $0.roomCapacity - $0.totalChildren)) }
        return PapersPack(programme: programme, meeting: m, agenda: detail.standingItems + detail.facts.agenda,
                          preMeeting: detail.preMeetings.first, crechePlaces: places, lastMeeting: last, youSaid: answers,
                          glossary: checker.language.glossary)
    }
}
