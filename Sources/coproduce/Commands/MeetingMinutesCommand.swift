import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

extension MeetingsCommand {
    /// `coproduce meetings approve-minutes MEETING`: this meeting approves the last one's minutes.
    struct ApproveMinutes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve-minutes",
            abstract: "Record that this meeting approved the minutes of the last held meeting of the same body; after that they change only by addendum.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The approving meeting: its id or its title.") var meeting: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            let last = try CommandSession.attempt { () throws(StoreError) in
                try db.approveLastMinutes(as: actor, atMeeting: id, today: Clock.now().date, now: Clock.date())
            }
            print("The minutes of \(Lookup.meetingName(last, in: db, as: actor)) are approved at \(Lookup.meetingName(id, in: db, as: actor)).")
        }
    }

    /// `coproduce meetings addendum MEETING --text TEXT`: a dated addendum to approved minutes.
    struct Addendum: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "addendum", abstract: "Add a dated addendum to a meeting's approved minutes (draft minutes are edited instead).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: "What it adds or corrects.") var text: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let id = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            try FieldRefusal.attempt(["text": "--text"]) { () throws(StoreError) in
                try db.addMinutesAddendum(as: actor, meetingID: id, text: text, on: Clock.now().date, now: Clock.date())
            }
            print("Addendum added to the minutes of \(Lookup.meetingName(id, in: db, as: actor)).")
        }
    }
}
