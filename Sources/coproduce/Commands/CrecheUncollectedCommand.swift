import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension CrecheCommand {
    /// `coproduce creche uncollected [list|call]`: children still signed in after their
    /// session's end, the escalation's steps with their times, and each call marked done.
    struct UncollectedCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uncollected",
            abstract: "Children still signed in after their session's end: call the parent at +15 minutes, the emergency contacts at +30, children's social care at +60, each marked done.",
            subcommands: [List.self, Call.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the children not collected, with each step's time and whether it is done; exits 1 when a step is overdue.")
            @OptionGroup var database: DatabaseOptions
            @Flag(help: "Print JSON instead of text.") var json = false

            func run() throws {
                let (db, actor) = try database.openSignedIn()
                let now = Clock.now()
                let children = try CommandSession.attempt { () throws(StoreError) in try db.uncollectedChildren(as: actor, now: now) }
                if json {
                    let out = children.map { c -> [String: Any] in
                        ["meeting": c.meetingID, "child": c.escalation.childName, "status": c.escalation.status(now: now).word,
                         "steps": c.escalation.lines(now: now).map { ["step": $0.step.argument, "due": $0.due.time.description,
                                                                         "status": $0.status.word, "words": $0.words] }]
                    }
                    print(String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                } else if children.isEmpty {
                    print("Every child signed in has been collected (or their session has not ended).")
                } else {
                    for c in children {
                        print("\(c.escalation.childName) — \(c.meetingTitle) (meeting \(c.meetingID)), ended \(c.escalation.sessionEnds.time) on \(c.escalation.sessionEnds.date.inWords)")
                        for line in c.escalation.lines(now: now) {
                            print("  \(line.status == .fail ? "✗" : line.status == .pass ? "✓" : "·") \(line.words)")
                        }
                    }
                    print("Mark a call: coproduce creche uncollected call CHILD MEETING --step parent|contacts|social-care --by NAME")
                }
                if children.contains(where: { $0.escalation.status(now: now) == .fail }) { throw ExitCode(1) }
            }
        }

        struct Call: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "call",
                abstract: "Mark a step of the escalation done for a child not collected: who made the call, when, what came of it. Kept as recorded.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The child: their id or full name.") var child: String
            @Argument(help: "The meeting: its id or its title.") var meeting: String
            @Option(help: "The step: parent, contacts or social-care.") var step: String
            @Option(help: "Who made the call.") var by: String
            @Option(help: "When (10:40 on the session's day, or 04/12/2026 10:40; default now).") var at: String?
            @Option(help: "What came of it.") var note = ""

            func run() throws {
                guard let which = UncollectedStep(argument: step) else {
                    try MeetingsCommand.refuse(["--step: “\(step)” is not a step: use parent, contacts or social-care."])
                }
                let (db, actor) = try database.openSignedIn()
                let booking = try CrecheCommand.booking(child: child, meeting: meeting, in: db, as: actor)
                let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
                let day = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: meetingID) }.facts.meeting.date
                let when = try at.map { try IncidentCommand.moment($0, on: day, option: "--at") } ?? Clock.date()
                try FieldRefusal.attempt(["at": "--at", "by": "--by"]) { () throws(StoreError) in
                    try db.markUncollectedStep(as: actor, bookingID: booking.id, step: which, at: when, by: by, note: note, now: Clock.date())
                }
                print("\(booking.name): \(which.rawValue) marked done at \(LocalDateTime(when).time) by \(by).")
            }
        }
    }
}
