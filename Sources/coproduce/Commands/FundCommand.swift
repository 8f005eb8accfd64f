import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce fund`: the Parent Engagement Fund from a script.
struct FundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fund", abstract: "The Parent Engagement Fund: budget, proposals, panel reviews, decisions, delivery, impact.",
        subcommands: [List.self, Budget.self, Add.self, Review.self, Decide.self, Deliver.self, Close.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "A year's proposals, budget committed and remaining, and spread by area.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The financial year, such as 2026-27 (default: this one).") var year: String?
        @Option(help: "Only proposals at this status: submitted, under-review, approved, declined, delivered, closed.") var status: ProposalStatus?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let fy = try Lookup.year(year)
            let (db, actor) = try database.openSignedIn()
            let f = try CommandSession.attempt { () throws(StoreError) in try db.fundOverview(as: actor, year: fy) }
            let rows = f.proposals.filter { status == nil || $0.proposal.status == status }
            if json {
                let proposals: [[String: Any]] = rows.map { r in
                    let p = r.proposal
                    var o: [String: Any] = ["id": p.id, "applicant": r.applicantName, "area": r.areaName, "title": p.title, "purpose": p.purpose,
                                            "requestedPence": p.requested.pence, "status": p.status.rawValue, "submittedOn": p.submittedOn.iso,
                                            "reviews": r.reviews.map { ["reviewer": $0.reviewer, "recommendation": $0.recommendation.rawValue,
                                                                        "comment": $0.comment, "on": $0.on.iso] }]
                    if case .champion(let id) = p.applicant { o["championId"] = id }
                    if let a = p.approved { o["approvedPence"] = a.pence }
                    if let r = p.decisionReason { o["decisionReason"] = r }
                    if let d = p.decidedOn { o["decidedOn"] = d.iso }
                    if let m = p.decidedAtMeetingID { o["decidedAtMeeting"] = m }
                    if let d = p.deliveredOn { o["deliveredOn"] = d.iso }
                    if let i = p.impact { o["impact"] = i }
                    return o
                }
                let out: [String: Any] = [
                    "year": fy.description, "budgetSet": f.budgetSet, "budgetPence": f.budget.total.pence,
                    "committedPence": f.budget.committed.pence, "remainingPence": f.budget.remaining.pence, "limitPence": f.limit.pence,
                    "byArea": f.byArea.map { ["area": $0.area, "committedPence": $0.committed.pence, "proposals": $0.proposals] },
                    "proposals": proposals,
                ]
                print(String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                return
            }
            print(f.budgetSet ? "\(fy): budget \(f.budget.total), committed \(f.budget.committed), remaining \(f.budget.remaining)"
                              : "\(fy): no budget set (coproduce fund budget \(fy.startYear) AMOUNT)")
            for a in f.byArea { print("  \(a.area.padding(toLength: 16, withPad: " ", startingAt: 0)) \(a.committed) from \(Plural.count(a.proposals, "proposal"))") }
            if rows.isEmpty { print("No proposals\(status.map { " \($0.name)" } ?? "") in \(fy).") }
            for r in rows {
                let p = r.proposal
                print("\(String(p.id).padding(toLength: 5, withPad: " ", startingAt: 0))\(p.status.name.padding(toLength: 13, withPad: " ", startingAt: 0)) \((p.approved ?? p.requested).description.padding(toLength: 10, withPad: " ", startingAt: 0)) \(r.areaName.padding(toLength: 14, withPad: " ", startingAt: 0)) \(p.title) (\(r.applicantName))")
            }
        }
    }

    struct Budget: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "budget", abstract: "Set a financial year's budget.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The year it starts, such as 2026 (for 2026-27).") var year: String
        @Argument(help: "The budget in pounds, such as 5000.") var amount: String

        func run() throws {
            let fy = try Lookup.year(year)
            let total = try Lookup.money(amount, option: "AMOUNT")
            let (db, actor) = try database.openSignedIn()
            try CommandSession.attempt { () throws(StoreError) in try db.setFundBudget(as: actor, year: fy, total: total, now: Clock.date()) }
            print("The \(fy) budget is \(total).")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Send in a proposal; prints its id.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The Parent Champion applying (name or id).") var champion: String?
        @Option(help: "Or the local group applying, by name.") var group: String?
        @Option(help: "The area (name or id).") var area: String
        @Option(help: "A short title.") var title: String
        @Option(help: "What it is for and how it brings families closer.") var purpose: String
        @Option(help: "The amount asked for, in pounds.") var amount: String
        @Option(help: "Sent in on (default today).") var on: String?

        func run() throws {
            if (champion == nil) == (group == nil) { try MeetingsCommand.refuse(["Say who applies: --champion NAME or --group NAME (one of them)."]) }
            let requested = try Lookup.money(amount, option: "--amount")
            let day = try Lookup.day(on, option: "--on")
            let (db, actor) = try database.openSignedIn()
            let areaID = try Lookup.area(area, in: db, as: actor)
            let applicant: Applicant = try champion.map { .champion(try Lookup.champion($0, in: db, as: actor, option: "--champion")) } ?? .group(group ?? "")
            let p = FundProposal(applicant: applicant, areaID: areaID, title: title, purpose: purpose, requested: requested,
                                 year: FinancialYear(containing: day), submittedOn: day)
            print(try CommandSession.attempt { () throws(StoreError) in try db.addProposal(as: actor, p, now: Clock.date()) })
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "review", abstract: "Record a panel member's review.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The proposal: its id or its title.") var proposal: String
        @Option(help: "approve or decline.") var recommend: Recommendation
        @Option(help: "The reviewer's comment.") var comment: String
        @Option(help: "The panel member (office staff recording for someone else; default you).") var reviewer: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.proposal(proposal, in: db, as: actor, option: "proposal")
            try CommandSession.attempt { () throws(StoreError) in
                try db.reviewProposal(as: actor, id: id, reviewer: reviewer, recommendation: recommend, comment: comment,
                                      on: Clock.now().date, now: Clock.date())
            }
            print("Review recorded for proposal \(id).")
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide", abstract: "Approve (with an amount) or decline a proposal, with a reason.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The proposal: its id or its title.") var proposal: String
        @Argument(help: "approve or decline.") var decision: Recommendation
        @Option(help: "Why (needed either way).") var reason: String = ""
        @Option(help: "The amount approved, in pounds (default: the amount asked for).") var amount: String?
        @Option(help: "The meeting it was decided at (id or title).") var meeting: String?

        func run() throws {
            let given = try amount.map { try Lookup.money($0, option: "--amount") }
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.proposal(proposal, in: db, as: actor, option: "proposal")
            let meetingID = try meeting.map { try Lookup.meeting($0, in: db, as: actor, option: "--meeting") }
            try CommandSession.attempt { () throws(StoreError) in
                try db.decideProposal(as: actor, id: id, approve: decision == .approve, amount: given, reason: reason, meetingID: meetingID,
                                      on: Clock.now().date, now: Clock.date())
            }
            print("Proposal \(id) \(decision == .approve ? "approved" : "declined").")
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deliver", abstract: "Record that an approved activity was delivered.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The proposal: its id or its title.") var proposal: String
        @Option(help: "Delivered on (default today).") var on: String?
        @Option(help: "What happened, briefly.") var note: String = ""

        func run() throws {
            let day = try Lookup.day(on, option: "--on")
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.proposal(proposal, in: db, as: actor, option: "proposal")
            try CommandSession.attempt { () throws(StoreError) in try db.deliverProposal(as: actor, id: id, on: day, note: note, now: Clock.date()) }
            print("Proposal \(id) delivered.")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a delivered proposal with its impact statement.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The proposal: its id or its title.") var proposal: String
        @Option(help: "What changed for families (needed).") var impact: String = ""

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.proposal(proposal, in: db, as: actor, option: "proposal")
            try CommandSession.attempt { () throws(StoreError) in try db.closeProposal(as: actor, id: id, impact: impact, now: Clock.date()) }
            print("Proposal \(id) closed.")
        }
    }
}

extension ProposalStatus: ExpressibleByArgument {}
extension Recommendation: ExpressibleByArgument {}
extension MaterialKind: ExpressibleByArgument {}
extension Verdict: ExpressibleByArgument {}
extension RewardKind: ExpressibleByArgument {}
extension RewardReason: ExpressibleByArgument {}
