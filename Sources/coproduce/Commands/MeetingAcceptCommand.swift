import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension Barrier: ExpressibleByArgument {
    /// A check by its code: `school-run`, `parent-voice`, `creche`, …
    public init?(argument: String) { self.init(code: argument.lowercased()) }

    /// The codes, for help and completions.
    public static var allValueStrings: [String] { allCases.map(\.code) }
}

/// The meeting and the check that `meetings accept` and `unaccept` both take.
struct MeetingCheckOptions: ParsableArguments {
    @Argument(help: "The meeting: its id or its title.") var meeting: String
    @Option(help: ArgumentHelp("The check: \(Barrier.allCases.map(\.code).joined(separator: ", ")).", valueName: "check"))
    var check: Barrier
}

extension MeetingsCommand {
    /// `coproduce meetings accept`: a failing check accepted for a meeting or its series.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept a failing check for a meeting (or its whole series), with why: it then shows as \"accepted: reason\" (office staff, admins).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var target: MeetingCheckOptions
        @Option(help: "Why this meeting is right as it is (shown with the check, and kept with your name).") var reason: String
        @Flag(help: "For every meeting of the meeting's series, not this one alone.") var series = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let (id, check) = (try Lookup.meeting(target.meeting, in: db, as: actor, option: "meeting"), target.check)
            try CommandSession.attempt { () throws(StoreError) in
                try db.acceptCheck(as: actor, meetingID: id, barrier: check, reason: reason, wholeSeries: series, now: Clock.date())
            }
            var checker = try CommandSession.attempt { () throws(StoreError) in try db.barrierChecker() }
            checker.today = Clock.now().date
            let item = try CommandSession.attempt { () throws(StoreError) in try db.meetings(as: actor, ids: [id], checker: checker).first }
            let showsAccepted = item.map { checker.check($0.facts).first { $0.barrier == check }?.accepted != nil } ?? false
            print("\(check.name) accepted for \(series ? "every meeting of the series of " : "")\(Lookup.meetingName(id, in: db, as: actor)): \(reason.trimmingCharacters(in: .whitespaces)).")
            if !showsAccepted { print("(The check passes at the moment; the acceptance shows only while it fails.)") }
        }
    }

    /// `coproduce meetings unaccept`: withdraws an accepted check.
    struct Unaccept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unaccept",
            abstract: "Withdraw a check accepted for a meeting (or its series): it shows as failing again if it fails (office staff, admins).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var target: MeetingCheckOptions

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let (id, check) = (try Lookup.meeting(target.meeting, in: db, as: actor, option: "meeting"), target.check)
            let gone = try CommandSession.attempt { () throws(StoreError) in
                try db.withdrawAcceptedCheck(as: actor, meetingID: id, barrier: check, now: Clock.date())
            }
            guard let gone else {
                try MeetingsCommand.refuse(["\(check.name) is not accepted for \(Lookup.meetingName(id, in: db, as: actor)): nothing to withdraw."])
            }
            print("\(check.name) no longer accepted for \(gone.wholeSeries ? "the series of " : "")\(Lookup.meetingName(id, in: db, as: actor)) (it was: \(gone.reason)).")
        }
    }
}
