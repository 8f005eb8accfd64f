import ArgumentParser
import Coproduction
import CoproductionStore
import Foundation

/// `coproduce creche sheet|children|child-add|book|staff`: the crèche from the command line.
struct CrecheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creche", abstract: "Crèche sign-in sheets, children, bookings and the staff rota.",
        subcommands: [Arrange.self, Sheet.self, Children.self, ChildAdd.self, Book.self, Staff.self, SignIn.self, SignOut.self, Rules.self, IncidentCommand.self, UncollectedCommand.self, CollectionCommand.self, RegistrationCommand.self])

    /// The formats a sheet is printed in.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    struct Arrange: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "arrange", abstract: "Arrange a crèche for a meeting (or change its room).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: "How many children the room takes.") var room: Int
        @Flag(help: "Children may stay more than two hours (the crèche is Ofsted registered), so they are not timed.")
        var overTwoHours = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            try CommandSession.attempt { () throws(StoreError) in
                try db.arrangeCreche(as: actor, meetingID: meetingID, roomCapacity: room, underTwoHours: !overTwoHours, now: Clock.date())
            }
            print("Crèche arranged for \(Lookup.meetingName(meetingID, in: db, as: actor)): room for \(Plural.count(room, "child")).")
        }
    }

    struct Sheet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sheet",
            abstract: "A printable sign-in sheet for a session: child, age band, an allergy flag (never the note), who may collect, and columns for times and signatures.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: "text or csv.") var format: Format = .text

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            let detail = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: meetingID) }
            let rows = try CommandSession.attempt { () throws(StoreError) in try db.register(as: actor, meetingID: meetingID) }
            let m = detail.facts.meeting
            let header = ["Child", "Age band", "Allergy", "May be collected by", "Time in", "Signature", "Time out", "Collected by", "Signature"]
            let lines = rows.map { r in
                [r.child.fullName, r.band.name, r.child.hasNotes ? "allergy: see notes" : "",
                 ([r.child.parentName] + r.child.collectors).joined(separator: "; "), "", "", "", "", ""]
            }
            switch format {
            case .csv:
                try writeToStandardOutput(try ExportCommand.csv(header: header, rows: lines))
            case .text:
                print("Crèche sign-in sheet: \(m.title)")
                print("\(m.date.long), \(m.start)–\(m.end), \(m.venue)")
                print("Allergy, dietary and medical notes are kept by the crèche staff; this sheet only says when there are some.")
                print("")
                let widths = [22, 11, 19, 30]
                func pad(_ s: String, _ w: Int) -> String { s.count >= w ? String(s.prefix(w - 1)) + " " : s.padding(toLength: w, withPad: " ", startingAt: 0) }
                print(zip(header.prefix(4), widths).map { pad($0, $1) }.joined() + "In     Signed      Out    Collected by        Signed")
                print(String(repeating: "-", count: 140))
                for line in lines {
                    print(zip(line.prefix(4), widths).map { pad($0, $1) }.joined() + "_____  __________  _____  __________________  __________")
                }
                if lines.isEmpty { print("No children booked yet.") }
            }
        }
    }

    struct Children: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "children", abstract: "The children you may see (notes are never printed here, only whether there are some).")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let today = Clock.now().date
            for c in try CommandSession.attempt({ () throws(StoreError) in try db.children(as: actor) }) {
                let born = c.birthDateEstimated ? "born about \(c.dateOfBirth.uk), from the age given" : "born \(c.dateOfBirth.uk)"
                print("\(String(c.id).padding(toLength: 5, withPad: " ", startingAt: 0))\(c.fullName.padding(toLength: 22, withPad: " ", startingAt: 0)) \(born) (\(AgeBand.on(today, bornOn: c.dateOfBirth).name) today)  parent \(c.parentName)\(c.hasNotes ? "  [notes]" : "")\(c.addedOnDay ? "  [added on the day: complete it]" : "")")
            }
        }
    }

    struct ChildAdd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "child-add", abstract: "Register a child (office staff); prints the new id.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "First name.") var first: String
        @Option(help: "Family name.") var family: String
        @Option(help: "Date of birth: 12/01/2025 or 2025-01-12.") var born: String
        @Option(help: "The parent or carer.") var parent: String
        @Option(help: ArgumentHelp("When the parent is a Parent Champion: their name or id.", valueName: "name")) var champion: String?
        @Option(help: ArgumentHelp("Someone else who may collect (repeat for more).", valueName: "name")) var collector: [String] = []
        @Option(help: "Who to call in an emergency (kept private).") var emergency = ""
        @Option(help: "Allergy, dietary and medical notes (kept private).") var notes = ""

        func run() throws {
            let today = Clock.now().date
            let dob = try Lookup.day(born, option: "--born")
            let (db, actor) = try database.openSignedIn()
            let championID = try champion.map { try Lookup.champion($0, in: db, as: actor, option: "--champion") }
            let child = Child(firstName: first, familyName: family, dateOfBirth: dob, parentName: parent, parentChampionID: championID,
                              collectors: collector, emergencyContact: emergency, notes: notes)
            let problems = child.problems(today: today)
            let options: [Child.Field: String] = [.firstName: "first", .familyName: "family", .parent: "parent", .dateOfBirth: "born"]
            if !problems.isEmpty { try MeetingsCommand.refuse(problems.map { "--\(options[$0.field] ?? $0.field.rawValue): \($0.message)" }) }
            print(try CommandSession.attempt { () throws(StoreError) in try db.addChild(as: actor, child, today: today, now: Clock.date()) })
        }
    }

    struct Book: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "book", abstract: "Book a child into a meeting's crèche.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The child: their id or full name.") var child: String
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Flag(help: "Book even when the day would pass the 14 a year allowed with notice to Ofsted at the venue.") var anyway = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let childID = try Lookup.child(child, in: db, as: actor, option: "child")
            let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            if let warning = try CommandSession.attempt({ () throws(StoreError) in
                try db.registrationWarning(as: actor, childID: childID, meetingID: meetingID)
            }) {
                guard anyway else { try MeetingsCommand.refuse([warning, "Nothing was booked: add --anyway to book it all the same."]) }
                Console.error("! " + warning)
            }
            try CommandSession.attempt { () throws(StoreError) in _ = try db.book(as: actor, childID: childID, meetingID: meetingID, now: Clock.date()) }
            let childName = (try? db.children(as: actor).first { $0.id == childID }?.fullName) ?? nil
            let m = try CommandSession.attempt { () throws(StoreError) in try db.meetingDetail(as: actor, id: meetingID) }.facts.meeting
            print("Booked \(childName ?? "child \(childID)") (child \(childID)) into \(m.title), \(m.date.long) \(m.start) (meeting \(meetingID)).")
        }
    }

    /// The booking of a child into a session, from the register of that session.
    static func booking(child: String, meeting: String, in db: AppDatabase, as actor: Actor) throws -> (id: Int64, name: String) {
        let childID = try Lookup.child(child, in: db, as: actor, option: "child")
        let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
        let rows = try CommandSession.attempt { () throws(StoreError) in try db.register(as: actor, meetingID: meetingID) }
        guard let row = rows.first(where: { $0.child.id == childID }) else {
            try MeetingsCommand.refuse(["\(child) is not booked into that session: book them first (coproduce creche book)."])
        }
        return (row.bookingID, row.child.fullName)
    }

    struct SignIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-in", abstract: "Sign a booked child in to a session's register now (crèche staff on its rota, office staff).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The child: their id or full name.") var child: String
        @Argument(help: "The meeting: its id or its title.") var meeting: String

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let booking = try CrecheCommand.booking(child: child, meeting: meeting, in: db, as: actor)
            let now = Clock.date()
            try CommandSession.attempt { () throws(StoreError) in try db.signIn(as: actor, bookingID: booking.id, at: now) }
            print("\(booking.name) signed in at \(LocalDateTime(now).time).")
        }
    }

    struct SignOut: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-out", abstract: "Sign a child out of a session's register now, to the person collecting them.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The child: their id or full name.") var child: String
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: "Who collected the child (the parent, or someone named on the child's record).") var collectedBy: String
        @Option(help: "Why someone not on the record collected them (checked with the parent).") var reason = ""
        @Option(help: "The age of someone not on the record who is collecting (they must be collector-minimum-age or over).") var age: Int?
        @Flag(help: "Read what the collector says their collection password is from standard input; the answer is match or no match.")
        var passwordStdin = false

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let booking = try CrecheCommand.booking(child: child, meeting: meeting, in: db, as: actor)
            let now = Clock.date()
            let password = passwordStdin ? try CollectionCommand.readSecret("The collection password") : nil
            try FieldRefusal.attempt(["reason": "--reason", "age": "--age", "password": "--password-stdin"]) { () throws(StoreError) in
                try db.signOut(as: actor, bookingID: booking.id, at: now, collectedBy: collectedBy, reason: reason, password: password,
                               collectorAge: age)
            }
            if password != nil { print("Password matches.") }
            print("\(booking.name) signed out at \(LocalDateTime(now).time), collected by \(collectedBy).")
        }
    }

    struct Staff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "staff",
            abstract: "Put a member of crèche staff on a session's rota: someone in the crèche staff register by name (their level, first aid, age and training are checked), or anyone else with --level.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The meeting: its id or its title.") var meeting: String
        @Option(help: "Their name.") var name: String
        @Option(help: "Qualification level: 2, 3 or 6 (for someone not in the register).") var level: Int?
        @Flag(help: "They hold paediatric first aid.") var firstAid = false
        @Option(help: ArgumentHelp("Their crèche staff account, so they see this session's children.", valueName: "name")) var account: String?

        func run() throws {
            let (db, actor) = try database.openSignedIn()
            let meetingID = try Lookup.meeting(meeting, in: db, as: actor, option: "meeting")
            var accountID: Int64?
            if let account {
                let accounts = try CommandSession.attempt { () throws(StoreError) in try db.accounts(as: actor) }
                guard let match = accounts.first(where: { $0.name.caseInsensitiveCompare(account) == .orderedSame && $0.role == .crecheStaff }) else {
                    try MeetingsCommand.refuse(["--account: there is no crèche staff account called \(account)."])
                }
                accountID = match.id
            }
            let register = try CommandSession.attempt { () throws(StoreError) in try db.staffMembers(as: actor) }
            if let member = register.first(where: { $0.name.caseInsensitiveCompare(name.trimmingCharacters(in: .whitespaces)) == .orderedSame }) {
                try CommandSession.attempt { () throws(StoreError) in
                    try db.addToRota(as: actor, meetingID: meetingID, staffMemberID: member.id, now: Clock.date())
                }
                print("\(member.name) (from the crèche staff register) is on the rota for \(Lookup.meetingName(meetingID, in: db, as: actor)).")
                return
            }
            guard let level else {
                try MeetingsCommand.refuse(["--level: \(name) is not in the crèche staff register, so give their level (2, 3 or 6), "
                                            + "or add them in the app's Set-up → Crèche staff first."])
            }
            try CommandSession.attempt { () throws(StoreError) in
                try db.addStaff(as: actor, meetingID: meetingID, StaffMember(name: name, level: level, paediatricFirstAid: firstAid),
                                account: accountID, now: Clock.date())
            }
            print("\(name) is on the rota for \(Lookup.meetingName(meetingID, in: db, as: actor)) (not in the crèche staff register: the check cannot see their first aid date, age or training).")
        }
    }
}
