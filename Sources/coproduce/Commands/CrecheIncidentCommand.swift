import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension CrecheCommand {
    /// `coproduce creche incident add|follow-up|list`: accidents and incidents, append-only.
    struct IncidentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "incident", abstract: "Accidents and incidents in a crèche: record one, add what follows (parent told, acknowledgement, notice to Ofsted, addendum), list them.",
            subcommands: [Add.self, FollowUp.self, List.self])

        /// A time on `day` (`10:40`) or a date and time (`04/12/2026 10:40`).
        static func moment(_ text: String, on day: LocalDate, option: String) throws -> Date {
            switch UKInput.moment(text, on: day, today: Clock.now().date) {
            case .success(let m): return m.instant
            case .failure(let e): try MeetingsCommand.refuse(["\(option): \(e.description)"])
            }
        }

        /// The follow-ups the options give, in order.
        static func followUps(toldBy: String?, toldAt: String?, toldHow: String?, acknowledgedBy: String?, acknowledgedAt: String?,
                              notifiedBy: String?, notifiedAt: String?, reference: String?, addendum: String?, day: LocalDate) throws -> [IncidentFollowUp] {
            let now = Clock.date()
            var out: [IncidentFollowUp] = []
            if let toldBy {
                out.append(IncidentFollowUp(kind: .parentTold, at: try toldAt.map { try moment($0, on: day, option: "--told-at") } ?? now,
                                            by: toldBy, detail: toldHow ?? ""))
            }
            if let acknowledgedBy {
                out.append(IncidentFollowUp(kind: .acknowledged,
                                            at: try acknowledgedAt.map { try moment($0, on: day, option: "--acknowledged-at") } ?? now,
                                            by: acknowledgedBy, detail: ""))
            }
            if let notifiedBy {
                out.append(IncidentFollowUp(kind: .notified, at: try notifiedAt.map { try moment($0, on: day, option: "--notified-at") } ?? now,
                                            by: notifiedBy, detail: reference ?? ""))
            }
            if let addendum { out.append(IncidentFollowUp(kind: .addendum, at: now, by: "", detail: addendum)) }
            return out
        }

        /// A follow-up's kind in a listing.
        static func label(_ kind: IncidentFollowUp.Kind) -> String {
            switch kind {
            case .parentTold: return "Parent told by"
            case .acknowledged: return "Acknowledged by"
            case .notified: return "Ofsted and safeguarding partners told by"
            case .addendum: return "Addendum"
            }
        }

        /// Prints refusals by field with the option that holds each.
        static func attempt<T>(_ body: () throws(StoreError) -> T) throws -> T {
            try FieldRefusal.attempt(["time": "--time", "place": "--place", "what": "--what", "first_aid_by": "--first-aid-by",
                                      "first_aid_given": "--first-aid", "action": "--action", "told_by": "--told-by",
                                      "told_at": "--told-at", "told_how": "--told-how", "acknowledged_by": "--acknowledged-by",
                                      "acknowledged_at": "--acknowledged-at", "notified_on": "--notified-at",
                                      "notified_by": "--notified-by", "reference": "--reference", "addendum": "--addendum"], body)
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Record an accident or incident (office staff, crèche staff on the session's rota); prints its id. Nothing recorded can be changed: add an addendum.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The child: their id or full name.") var child: String
            @Argument(help: "The meeting: its id or its title.") var meeting: String
            @Option(help: "When it happened, as 10:40 (on the session's day).") var time: String
            @Option(help: "Where it happened.") var place: String
            @Option(help: "What happened.") var what: String
            @Flag(help: "An injury noticed when the child arrived, not one in the crèche.") var onArrival = false
            @Option(help: ArgumentHelp("Who gave first aid (someone on the session's rota).", valueName: "name")) var firstAidBy: String?
            @Option(help: "What first aid was given.") var firstAid = ""
            @Option(help: "What was done next.") var action = ""
            @Flag(help: "Serious: Ofsted and the local safeguarding partners must be told within 14 days.") var serious = false
            @Option(help: ArgumentHelp("Who told the parent.", valueName: "name")) var toldBy: String?
            @Option(help: ArgumentHelp("When the parent was told (10:40, or 04/12/2026 10:40; default now).", valueName: "time")) var toldAt: String?
            @Option(help: ArgumentHelp("How the parent was told (in person, by phone).", valueName: "how")) var toldHow: String?
            @Option(help: ArgumentHelp("The parent who acknowledged it.", valueName: "name")) var acknowledgedBy: String?
            @Option(help: ArgumentHelp("When they acknowledged it (default now).", valueName: "time")) var acknowledgedAt: String?

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                let childID = try Lookup.child(child, in: db, as: actor, option: "child")
                let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
                let detail = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: meetingID) }
                let day = detail.facts.meeting.date
                let incident = Incident(meetingID: meetingID, childID: childID, childName: child,
                                        at: try IncidentCommand.moment(time, on: day, option: "--time"), place: place, what: what,
                                        onArrival: onArrival, firstAidBy: firstAidBy, firstAidGiven: firstAid, action: action, serious: serious)
                let followUps = try IncidentCommand.followUps(toldBy: toldBy, toldAt: toldAt, toldHow: toldHow, acknowledgedBy: acknowledgedBy,
                                                              acknowledgedAt: acknowledgedAt, notifiedBy: nil, notifiedAt: nil, reference: nil,
                                                              addendum: nil, day: day)
                let id = try IncidentCommand.attempt { () throws(StoreError) in
                    try db.recordIncident(as: actor, incident, followUps: followUps, now: Clock.date())
                }
                print(id)
                let saved = try CommandSession.attempt { () throws(StoreError) in try db.incidents(as: actor, meetingID: meetingID) }
                if let recorded = saved.first(where: { $0.id == id }) {
                    let sessionEnds = LocalDateTime(date: day, time: detail.facts.meeting.end)
                    for need in recorded.needs(now: LocalDateTime(Clock.date()), sessionEnds: sessionEnds) {
                        Console.error("\(need.status == .fail ? "✗" : "!") \(need.words)")
                    }
                    if recorded.serious { Console.error("  Once told: coproduce creche incident follow-up \(id) --notified-by NAME --reference REF") }
                }
            }
        }

        struct FollowUp: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "follow-up", abstract: "Add to an incident: who told the parent, their acknowledgement, the notice to Ofsted and the safeguarding partners, or an addendum.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The incident's id (creche incident list shows them).") var incident: Int64
            @Option(help: ArgumentHelp("Who told the parent.", valueName: "name")) var toldBy: String?
            @Option(help: ArgumentHelp("When (10:40 on the incident's day, or 04/12/2026 10:40; default now).", valueName: "time")) var toldAt: String?
            @Option(help: ArgumentHelp("How (in person, by phone).", valueName: "how")) var toldHow: String?
            @Option(help: ArgumentHelp("The parent who acknowledged it.", valueName: "name")) var acknowledgedBy: String?
            @Option(help: ArgumentHelp("When they acknowledged it (default now).", valueName: "time")) var acknowledgedAt: String?
            @Option(help: ArgumentHelp("Who told Ofsted and the local safeguarding partners.", valueName: "name")) var notifiedBy: String?
            @Option(help: ArgumentHelp("When they were told (default now).", valueName: "time")) var notifiedAt: String?
            @Option(help: ArgumentHelp("Ofsted's reference for the notice.", valueName: "ref")) var reference: String?
            @Option(help: ArgumentHelp("A correction or something learned later.", valueName: "text")) var addendum: String?

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                let found = try CommandSession.attempt { () throws(StoreError) in try db.incident(as: actor, id: incident) }
                let day = LocalDateTime(found.at).date
                let followUps = try IncidentCommand.followUps(toldBy: toldBy, toldAt: toldAt, toldHow: toldHow, acknowledgedBy: acknowledgedBy,
                                                              acknowledgedAt: acknowledgedAt, notifiedBy: notifiedBy, notifiedAt: notifiedAt,
                                                              reference: reference, addendum: addendum, day: day)
                try IncidentCommand.attempt { () throws(StoreError) in try db.addFollowUps(as: actor, incidentID: incident, followUps, now: Clock.date()) }
                print("Added to incident \(incident): " + followUps.map(\.kind.rawValue).joined(separator: ", ") + ".")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "Incidents that still need the parent told, their acknowledgement or a notice to Ofsted; with a meeting, all of that session's.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "A meeting (its id or title): every incident in that session.") var meeting: String?

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                let now = Clock.now()
                if let meeting {
                    let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
                    let rows = try CommandSession.attempt { () throws(StoreError) in try db.incidents(as: actor, meetingID: meetingID) }
                    if rows.isEmpty { print("No incidents recorded in that session.") }
                    for i in rows {
                        let at = LocalDateTime(i.at)
                        print("Incident \(i.id): \(i.childName), \(at.date.inWords) \(at.time), \(i.place)\(i.serious ? " (serious)" : "")\(i.onArrival ? " (noticed on arrival)" : "")")
                        print("  What happened: \(i.what)")
                        if let by = i.firstAidBy { print("  First aid by \(by): \(i.firstAidGiven)") }
                        if !i.action.isEmpty { print("  Action: \(i.action)") }
                        print("  Recorded by \(i.recordedBy)")
                        for f in i.followUps {
                            let when = LocalDateTime(f.at)
                            print("  \(IncidentCommand.label(f.kind)): \(f.by.isEmpty ? "" : f.by + ", ")\(when.date.inWords) \(when.time)\(f.detail.isEmpty ? "" : " (\(f.detail))")")
                        }
                    }
                    return
                }
                let open = try CommandSession.attempt { () throws(StoreError) in try db.incidentsNeedingAttention(as: actor, now: now) }
                if open.isEmpty { print("No incidents need anything.") }
                for item in open {
                    for need in item.needs {
                        print("\(need.status == .fail ? "✗ fail" : "! warn")  incident \(item.incident.id) (\(item.meetingTitle)): \(need.words)")
                    }
                }
                if open.contains(where: { $0.needs.contains { $0.status == .fail } }) { throw ExitCode(1) }
            }
        }
    }
}
