import Coproduction
import CoproductionStore
import Foundation
import Testing

/// Every set-up action the full-screen app offers, for every role, through the store (below
/// any screen): office staff and admins set up areas, champions, children, crèche staff,
/// settings and the glossary; admins alone manage accounts; everyone changes their own PIN;
/// crèche staff register a walk-in child only for a session they work.
@Suite struct SetupRoleMatrixTests {
    typealias Probe = @Sendable (AppDatabase, Actor) throws -> Void

    /// Each action, with the roles that may take it.
    static let actions: [(name: String, allowed: Set<Role>, probe: Probe)] = [
        ("add an area", [.admin, .office], { db, a in _ = try db.addArea(as: a, name: "Area \(UUID().uuidString.prefix(6))") }),
        ("rename an area", [.admin, .office], { db, a in try db.renameArea(as: a, id: 1, to: "Kursaal \(UUID().uuidString.prefix(4))") }),
        ("retire an area", [.admin, .office], { db, a in try db.setAreaRetired(as: a, id: 6, retired: true) }),
        ("add a champion", [.admin, .office], { db, a in _ = try db.addChampion(as: a, name: "New Champion", areaID: 1, trainedOn: nil) }),
        ("change a champion", [.admin, .office], { db, a in try db.updateChampion(as: a, id: 3, name: "Hannah Clarke", areaID: 2) }),
        ("record training", [.admin, .office], { db, a in
            try db.recordTraining(as: a, championID: 3, completed: fixedToday, course: "Parent Champion", refresherDue: nil)
        }),
        ("change a champion's status", [.admin, .office], { db, a in try db.setChampionStatus(as: a, championID: 9, .left, reason: "moved", since: fixedToday) }),
        ("record contact details and DBS", [.admin, .office], { db, a in
            try db.recordPrivate(as: a, championID: 3, phone: "0", email: "h@example.org", dbsNumber: "1", dbsIssued: nil, dbsRenewalDue: nil)
        }),
        ("save a champion from the set-up form", [.admin, .office], { db, a in
            try db.saveChampion(as: a, ChampionEdit(id: 3, name: "Hannah Clarke", areaID: 2, trained: fixedToday, course: "Parent Champion",
                                                    refresher: nil, status: .active, reason: "", contact: nil), today: fixedToday)
        }),
        ("add an account", [.admin], { db, a in _ = try db.addUser(as: a, name: "New \(UUID().uuidString.prefix(6))", role: .office, secret: "abcd") }),
        ("disable an account", [.admin], { db, a in try db.setDisabled(as: a, name: someoneElse(a), disabled: true) }),
        ("set another's PIN", [.admin], { db, a in try db.resetSecret(as: a, name: someoneElse(a), secret: "wxyz") }),
        ("register a child", [.admin, .office], { db, a in _ = try db.addChild(as: a, probeChild, today: fixedToday) }),
        ("change a child", [.admin, .office], { db, a in try db.updateChild(as: a, id: 1, probeChild, today: fixedToday) }),
        ("add to the register of crèche staff", [.admin, .office], { db, a in
            _ = try db.saveStaffMember(as: a, StaffMember(name: "Staff \(UUID().uuidString.prefix(6))", level: 3, paediatricFirstAid: true), today: fixedToday)
        }),
        ("put crèche staff on a rota", [.admin, .office], { db, a in
            let id = try db.saveStaffMember(as: testAdmin, StaffMember(name: "Rota \(UUID().uuidString.prefix(6))", level: 3, paediatricFirstAid: true), today: fixedToday)
            try db.addToRota(as: a, meetingID: try crecheMeeting(db), staffMemberID: id)
        }),
        ("change a setting", [.admin, .office], { db, a in try db.set(.ideaFeedbackDays, to: "21", as: a) }),
        ("name the programme", [.admin, .office], { db, a in try db.set(.programmeName, to: "A Better Start Southend", as: a) }),
        ("add a glossary word", [.admin, .office], { db, a in try db.addGlossaryEntry(as: a, term: "leverage \(UUID().uuidString.prefix(4))", plain: "use") }),
        ("remove a glossary word", [.admin, .office], { db, a in try db.removeGlossaryEntry(as: a, term: "stakeholder") }),
        ("change one's own PIN", Set(Role.allCases), { db, a in try db.changeOwnSecret(as: a, old: DemoData.demoPIN, new: "9876") }),
        ("register a walk-in child at one's own session", [.admin, .office, .crecheStaff], { db, a in
            _ = try db.addWalkInChild(as: a, meetingID: try staffedMeeting(db), probeChild, today: fixedToday)
        }),
    ]

    static let probeChild = Child(firstName: "Walk", familyName: "In", dateOfBirth: LocalDate(iso: "2024-03-01")!, parentName: "A Parent",
                                  collectors: ["A Grandparent"], emergencyContact: "A Parent 07700 900123")

    /// A demo account that is not the actor's.
    static func someoneElse(_ a: Actor) -> String {
        DemoData.accounts.first { $0.name != a.name && $0.role != .admin }!.name
    }

    /// A meeting with a crèche.
    static func crecheMeeting(_ db: AppDatabase) throws -> Int64 {
        try #require(try db.meetingIDs(as: testAdmin, from: fixedToday, offset: 0, limit: 100, withCrecheOnly: true).first)
    }

    /// The session the demo's crèche worker is on.
    static func staffedMeeting(_ db: AppDatabase) throws -> Int64 {
        let worker = try db.signIn(name: "Crèche Demo", secret: DemoData.demoPIN)
        return try #require(try db.meetingIDs(as: testAdmin, from: fixedToday.adding(days: -1), offset: 0, limit: 10,
                                              withCrecheOnly: true, staffedBy: worker.userID).first)
    }

    @Test(arguments: Role.allCases) func everySetUpActionForEveryRole(role: Role) throws {
        for action in Self.actions {
            let folder = TemporaryFolder()
            let db = try AppDatabase.open(path: folder.path("setup.sqlite"))
            try DemoData.write(into: db, today: fixedToday)
            let name = try #require(DemoData.accounts.first { $0.role == role }).name
            let actor = try db.signIn(name: name, secret: DemoData.demoPIN)
            var denied = false
            do { try action.probe(db, actor) } catch StoreError.denied { denied = true }
            #expect(denied == !action.allowed.contains(role), "\(role): \(action.name) was \(denied ? "refused" : "allowed")")
        }
    }

    @Test func aCrecheWorkerCannotRegisterAChildForASessionTheyDoNotWork() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("walkin.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let worker = try db.signIn(name: "Crèche Demo", secret: DemoData.demoPIN)
        let mine = try Self.staffedMeeting(db)
        let other = try #require(try db.meetingIDs(as: testAdmin, from: fixedToday, offset: 0, limit: 100, withCrecheOnly: true).first { $0 != mine })
        #expect(throws: StoreError.invalid("You are not on this session's rota, so you cannot register children for it: ask the office.")) {
            _ = try db.addWalkInChild(as: worker, meetingID: other, Self.probeChild, today: fixedToday)
        }
        // At their own session the child is registered, marked, and booked in at once.
        let (child, _) = try db.addWalkInChild(as: worker, meetingID: mine, Self.probeChild, today: fixedToday)
        #expect(try db.children(as: testAdmin).first { $0.id == child }?.addedOnDay == true)
        #expect(try db.register(as: worker, meetingID: mine).contains { $0.child.id == child })
        // The office completes the record; the mark goes.
        try db.updateChild(as: testAdmin, id: child, Self.probeChild, today: fixedToday)
        #expect(try db.children(as: testAdmin).first { $0.id == child }?.addedOnDay == false)
        let audit = try db.auditEntries(as: testAdmin).map(\.userName)
        #expect(audit.contains("Crèche Demo"))
    }

    @Test func aWrongOldPINChangesNothing() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("pin.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        #expect(throws: StoreError.invalid("old: that is not your current PIN or passphrase.")) {
            try db.changeOwnSecret(as: zoe, old: "0000", new: "5678")
        }
        #expect(try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN).name == "Zoe Adams")
        try db.changeOwnSecret(as: zoe, old: DemoData.demoPIN, new: "5678")
        #expect(try db.signIn(name: "Zoe Adams", secret: "5678").name == "Zoe Adams")
    }
}
