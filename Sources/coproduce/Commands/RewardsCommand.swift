import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce rewards`: vouchers and expenses for involved parents.
struct RewardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewards", abstract: "Vouchers and expenses for involved parents, and totals per parent per year.",
        subcommands: [List.self, Add.self, Totals.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "A financial year's vouchers and expenses, newest first.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The financial year, such as 2026-27 (default: this one).") var year: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let fy = try Lookup.year(year)
            let (db, actor) = try database.openSignedIn()
            let rows = try CommandSession.attempt { () throws(StoreError) in try db.rewards(as: actor, year: fy) }
            if json {
                try Lookup.json(rows.map { r in
                    ["id": r.reward.id, "parent": r.parent, "championId": r.reward.championID.map { $0 as Any } ?? NSNull(),
                     "otherParent": r.reward.championID == nil, "kind": r.reward.kind.rawValue,
                     "for": r.reward.reason.rawValue, "amountPence": r.reward.amount.pence, "date": r.reward.date.iso,
                     "declined": r.reward.declined, "benefitsAdviceOffered": r.reward.benefitsAdviceOffered, "note": r.reward.note]
                })
                return
            }
            if rows.isEmpty { print("No vouchers or expenses in \(fy).") }
            for r in rows {
                print("\(String(r.reward.id).padding(toLength: 5, withPad: " ", startingAt: 0))\(r.reward.date.uk)  \(r.parent.padding(toLength: 18, withPad: " ", startingAt: 0)) \(r.reward.amount.description.padding(toLength: 9, withPad: " ", startingAt: 0)) \(r.reward.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(r.reward.reason.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(r.reward.declined ? "declined" : "given")")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a voucher or expenses; prints its id.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A Parent Champion (name or id).") var parent: String?
        @Option(help: ArgumentHelp("Another parent who came (not a Parent Champion), by first and family name; added to the app if new.",
                                   valueName: "full name"))
        var otherParent: String?
        @Option(help: "voucher or expenses.") var kind: RewardKind = .voucher
        @Option(name: .customLong("for"), help: "meeting, review, focus-group or other.") var reason: RewardReason
        @Option(help: "The amount in pounds (default for a voucher: the amount stated in the settings).") var amount: String?
        @Option(help: "The day (default today).") var on: String?
        @Flag(help: "The parent declined it.") var declined = false
        @Flag(help: "Benefits advice was offered.") var benefitsAdvice = false
        @Option(help: "What for (expenses need one).") var note: String = ""

        func validate() throws {
            if (parent == nil) == (otherParent == nil) {
                throw ValidationError("Give --parent for a Parent Champion, or --other-parent with the full name of another parent who came.")
            }
        }

        func run() throws {
            let day = try Lookup.day(on, option: "--on")
            var money = try amount.map { try Lookup.money($0, option: "--amount") }
            let (db, actor) = try database.openSignedIn()
            if money == nil, kind == .voucher {
                money = try CommandSession.attempt { () throws(StoreError) in try db.rewardPolicy() }.amount(for: reason)
            }
            guard let money else { try MeetingsCommand.refuse(["--amount: no amount is stated for \(kind == .voucher ? reason.name : "expenses"); give one."]) }
            if let otherParent {
                let r = Reward(recipient: .parent(0), kind: kind, reason: reason, amount: money, date: day, declined: declined,
                               benefitsAdviceOffered: benefitsAdvice, note: note)
                let added = try CommandSession.attempt { () throws(StoreError) in
                    try db.addReward(as: actor, r, forOtherParentNamed: otherParent, now: Clock.date())
                }
                if added.newParent { Console.error("\(otherParent) is new to the app: added as another parent (not a Parent Champion).") }
                print(added.id)
                return
            }
            let r = Reward(championID: try Lookup.champion(parent ?? "", in: db, as: actor, option: "--parent"), kind: kind, reason: reason,
                           amount: money, date: day, declined: declined, benefitsAdviceOffered: benefitsAdvice, note: note)
            print(try CommandSession.attempt { () throws(StoreError) in try db.addReward(as: actor, r, now: Clock.date()) })
        }
    }

    struct Totals: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "totals", abstract: "Totals per parent for a financial year.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The financial year, such as 2026-27 (default: this one).") var year: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let fy = try Lookup.year(year)
            let (db, actor) = try database.openSignedIn()
            let rows = try CommandSession.attempt { () throws(StoreError) in try db.rewardTotals(as: actor, year: fy) }
            if json {
                try Lookup.json(rows.map { t in
                    ["parent": t.parent, "championId": t.totals.championID.map { $0 as Any } ?? NSNull(),
                     "otherParent": t.totals.championID == nil, "year": fy.description, "vouchersPence": t.totals.vouchers.pence,
                     "expensesPence": t.totals.expenses.pence, "declinedPence": t.totals.declined.pence,
                     "givenPence": t.totals.given.pence, "benefitsAdviceOffered": t.totals.benefitsAdviceOffered]
                })
                return
            }
            if rows.isEmpty { print("No vouchers or expenses in \(fy).") }
            for t in rows {
                print("\(t.parent.padding(toLength: 20, withPad: " ", startingAt: 0)) vouchers \(t.totals.vouchers)  expenses \(t.totals.expenses)  declined \(t.totals.declined)\(t.totals.benefitsAdviceOffered ? "" : "  (no benefits advice offered)")")
            }
        }
    }
}
