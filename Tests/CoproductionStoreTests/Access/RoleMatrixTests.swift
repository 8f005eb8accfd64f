import Coproduction
import CoproductionStore
import Foundation
import Testing

/// Every role × every kind of record × read and write, called through the store's API (not
/// the screens): what ``AccessPolicy`` allows works, and everything else is refused with a
/// permission error. A new kind of record must add its probes here, or this test fails.
@Suite struct RoleMatrixTests {
    enum Outcome: Equatable { case allowed, denied }

    typealias Probe = @Sendable (AppDatabase, Actor) throws -> Void

    /// For each kind: a read and a write of records that are not the actor's own.
    static let probes: [RecordKind: [Coproduction.Operation: Probe]] = [
        .area: [.read: { db, a in _ = try db.countAreas(as: a) },
                .write: { db, a in _ = try db.addArea(as: a, name: "New area \(UUID().uuidString.prefix(6))") }],
        .champion: [.read: { db, a in _ = try db.champions(as: a) },
                    .write: { db, a in _ = try db.addChampion(as: a, name: "New Champion", areaID: 1, trainedOn: nil) }],
        .meeting: [.read: { db, a in _ = try db.countMeetings(as: a, from: fixedToday) },
                   .write: { db, a in
                       _ = try db.addMeeting(as: a, Meeting(id: 0, kind: .serviceDesign, title: "Probe", date: fixedToday,
                                                              start: TimeOfDay(hour: 10, minute: 0)!,
                                                              end: TimeOfDay(hour: 11, minute: 0)!, venue: "SAVS"))
                   }],
        .creche: [.read: { db, a in _ = try db.countMeetings(as: a, from: fixedToday, withCrecheOnly: true) },
                  .write: { db, a in
                      try db.setCrechePlan(as: a, meetingID: 1, CrechePlan(booked: [.two: 1], staffBooked: 2, roomCapacity: 10))
                  }],
        .user: [.read: { db, a in
                    let seen = try db.accounts(as: a)
                    if seen.count < DemoData.accounts.count { throw AccessDenied(role: a.role, operation: .read, kind: .user) }
                },
                .write: { db, a in _ = try db.addUser(as: a, name: "New \(UUID().uuidString.prefix(6))", role: .office, secret: "abcd") }],
        .audit: [.read: { db, a in _ = try db.auditEntries(as: a) }],
        .fund: [.read: { db, a in _ = try db.fundOverview(as: a, year: FinancialYear(containing: fixedToday)) },
                .write: { db, a in
                    // A group's proposal: not the actor's own.
                    _ = try db.addProposal(as: a, FundProposal(applicant: .group("Probe group"), areaID: 1, title: "Probe", purpose: "Probe",
                                                               requested: .pounds(10), year: FinancialYear(containing: fixedToday),
                                                               submittedOn: fixedToday))
                }],
        .material: [.read: { db, a in _ = try db.materials(as: a) },
                    .write: { db, a in
                        let draft = try #require(try db.materials(as: testAdmin).first { !$0.material.sentToParents })
                        try db.sendToParents(as: a, id: draft.material.id)
                    }],
        .reward: [.read: { db, a in
                      let mine = try db.rewards(as: a, year: FinancialYear(containing: fixedToday))
                      if !mine.contains(where: { $0.reward.championID != a.championID }) {
                          throw AccessDenied(role: a.role, operation: .read, kind: .reward)
                      }
                  },
                  .write: { db, a in
                      _ = try db.addReward(as: a, Reward(championID: 2, kind: .voucher, reason: .meeting, amount: .pounds(10), date: fixedToday))
                  }],
        .incident: [.read: { db, a in
                        let (meeting, child) = try someoneElses(db)
                        try db.recordIncident(as: testAdmin, probeIncident(meeting, child), now: probeIncidentEnd)
                        if try db.incidents(as: a, meetingID: meeting).isEmpty { throw AccessDenied(role: a.role, operation: .read, kind: .incident) }
                    },
                    .write: { db, a in
                        let (meeting, child) = try someoneElses(db)
                        try db.recordIncident(as: a, probeIncident(meeting, child), now: probeIncidentEnd)
                    }],
        .contactPreference: [.read: { db, a in _ = try db.contactPreference(as: a, championID: try otherChampion(db)) },
                             .write: { db, a in
                                 try db.setContactPreference(as: a, championID: try otherChampion(db), emailReminders: false, address: "",
                                                             today: fixedToday)
                             }],
        .accessNeed: [.read: { db, a in
                          let other = try otherChampion(db)
                          try db.addAccessNeed(as: testAdmin, championID: other, need: .hearingLoop)
                          _ = try db.accessNeeds(as: a, championID: other)
                      },
                      .write: { db, a in try db.addAccessNeed(as: a, championID: try otherChampion(db), need: .quietRoom) }],
        .interest: [.read: { db, a in
                        try db.declareInterest(as: testAdmin, Interest(championID: try otherChampion(db), what: "probe", from: fixedToday))
                        if try db.interests(as: a).isEmpty { throw AccessDenied(role: a.role, operation: .read, kind: .interest) }
                    },
                    .write: { db, a in
                        try db.declareInterest(as: a, Interest(championID: try otherChampion(db), what: "probe", from: fixedToday))
                    }],
        .collection: [.read: { db, a in
                          let (_, child) = try someoneElses(db)
                          _ = try db.collectionSafety(as: a, childID: child)
                      },
                      .write: { db, a in
                          let (_, child) = try someoneElses(db)
                          try db.addMustNotCollect(as: a, childID: child, MustNotCollect(name: "Probe Person", reason: "probe"))
                      }],
        .setting: [.read: { db, _ in _ = try db.text(of: .autoLockMinutes) },
                   .write: { db, a in try db.set(.autoLockMinutes, to: "7", as: a) }],
        .invitation: [.read: { db, a in _ = try db.meetingDetail(as: a, id: 1).championResponses },
                      .write: { db, a in
                          // Someone else's invitation: a champion who is not the actor.
                          let meetings = try db.meetings(as: testAdmin, from: fixedToday, offset: 0, limit: 100)
                          let meeting = try #require(meetings.first { $0.meeting.championIDs.contains { $0 != a.championID } })
                          let other = try #require(meeting.meeting.championIDs.first { $0 != a.championID })
                          try db.respond(as: a, meetingID: meeting.meeting.id, championID: other, .apologies)
                      }],
        .child: [.read: { db, a in
                     let (_, child) = try someoneElses(db)
                     if try !db.children(as: a).contains(where: { $0.id == child }) { throw AccessDenied(role: a.role, operation: .read, kind: .child) }
                 },
                 .write: { db, a in _ = try db.addChild(as: a, probeChild, today: fixedToday) }],
        .childNotes: [.read: { db, a in
                          let (meeting, child) = try someoneElses(db)
                          let row = try db.register(as: a, meetingID: meeting).first { $0.child.id == child }
                          if row?.child.notes == nil { throw AccessDenied(role: a.role, operation: .read, kind: .childNotes) }
                      },
                      .write: { db, a in
                          var c = probeChild
                          c.notes = "Allergy: eggs."
                          _ = try db.addChild(as: a, c, today: fixedToday)
                      }],
        .booking: [.read: { db, a in
                       let (meeting, child) = try someoneElses(db)
                       if try !db.register(as: a, meetingID: meeting).contains(where: { $0.child.id == child }) {
                           throw AccessDenied(role: a.role, operation: .read, kind: .booking)
                       }
                   },
                   .write: { db, a in
                       let (meeting, _) = try someoneElses(db)
                       let other = try db.addChild(as: testAdmin, probeChild, today: fixedToday)
                       _ = try db.book(as: a, childID: other, meetingID: meeting)
                   }],
        .rota: [.read: { db, a in _ = try db.rota(as: a, meetingID: 1) },
                .write: { db, a in
                    let (meeting, _) = try someoneElses(db)
                    try db.addStaff(as: a, meetingID: meeting, StaffMember(name: "Probe", level: 3, paediatricFirstAid: true))
                }],
        .championPrivate: [.read: { db, a in
                               let other = try #require(try db.championRecords(as: a).first { $0.champion.name == "Hannah Clarke" })
                               if other.phone == nil { throw AccessDenied(role: a.role, operation: .read, kind: .championPrivate) }
                           },
                           .write: { db, a in
                               try db.recordPrivate(as: a, championID: try otherAreaChampion(db, a), phone: "0", email: "x@example.org",
                                                    dbsNumber: "1", dbsIssued: nil, dbsRenewalDue: nil)
                           }],
        .idea: [.read: { db, a in _ = try db.ideas(as: a, areaID: try otherArea(db, a)) },
                .write: { db, a in _ = try db.addIdea(as: a, Idea(areaID: try otherArea(db, a), raisedOn: fixedToday, raisedBy: nil, text: "Probe")) }],
        .wholeDatabase: [.read: { db, a in try backupAndRemove(db, a) },
                         .write: { db, a in try backupAndRemove(db, a) }],
        .glossary: [.read: { db, a in _ = try db.glossary(as: a) },
                    .write: { db, a in try db.addGlossaryEntry(as: a, term: "synergise \(UUID().uuidString.prefix(4))", plain: "work together") }],
    ]

    /// An area that is not the actor's own (for a champion: not their area).
    /// A backup made and removed again, so the probes leave nothing in the temporary folder.
    static func backupAndRemove(_ db: AppDatabase, _ a: Actor) throws {
        let path = NSTemporaryDirectory() + "probe-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try db.backup(as: a, to: path)
    }

    static func otherArea(_ db: AppDatabase, _ a: Actor) throws -> Int64 {
        let records = try db.championRecords(as: testAdmin)
        let mine = records.first { $0.champion.id == a.championID }?.champion.areaID
        return try #require(records.map(\.champion.areaID).first { $0 != mine })
    }

    /// A champion in another area.
    static func otherAreaChampion(_ db: AppDatabase, _ a: Actor) throws -> Int64 {
        let area = try otherArea(db, a)
        return try #require(try db.championRecords(as: testAdmin).first { $0.champion.areaID == area }).champion.id
    }

    static let probeChild = Child(firstName: "Probe", familyName: "Child", dateOfBirth: LocalDate(iso: "2024-06-01")!,
                                  parentName: "Someone Else", notes: "Allergy: nuts.")

    /// A meeting with a crèche that no demo account staffs, and a child with notes booked
    /// into it whose parent is not a champion: someone else's records, for every role.
    /// An incident in someone else's session (see ``someoneElses(_:)``), at 10:15 on its day.
    static func probeIncident(_ meeting: Int64, _ child: Int64) -> Incident {
        Incident(meetingID: meeting, childID: child, childName: "", at: LocalDateTime(date: fixedToday.adding(days: 3), time: TimeOfDay(hour: 10, minute: 15)!).instant,
                 place: "hall", what: "probe")
    }

    /// The end of the probe's session: when its incident is recorded.
    static let probeIncidentEnd = LocalDateTime(date: fixedToday.adding(days: 3), time: TimeOfDay(hour: 11, minute: 0)!).instant

    /// A champion who is not the demo champion's account (Zoe Adams).
    static func otherChampion(_ db: AppDatabase) throws -> Int64 {
        try #require(try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM champion WHERE name <> 'Zoe Adams' ORDER BY id LIMIT 1") })
    }

    static func someoneElses(_ db: AppDatabase) throws -> (meeting: Int64, child: Int64) {
        let meeting = try db.addMeeting(as: testAdmin, Meeting(id: 0, kind: .serviceDesign, title: "Probe", date: fixedToday.adding(days: 3),
                                                               start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 11, minute: 0)!,
                                                               venue: "Probe room"))
        try db.setCrechePlan(as: testAdmin, meetingID: meeting, CrechePlan(booked: [:], staffBooked: 0, roomCapacity: 10))
        let child = try db.addChild(as: testAdmin, probeChild, today: fixedToday)
        _ = try db.book(as: testAdmin, childID: child, meetingID: meeting)
        return (meeting, child)
    }

    static func outcome(_ probe: Probe, _ db: AppDatabase, _ actor: Actor) throws -> Outcome {
        do {
            try probe(db, actor)
            return .allowed
        } catch StoreError.denied {
            return .denied
        } catch is AccessDenied {
            return .denied
        }
    }

    /// Every kind the registry of personal data decides access by is probed here, for reading.
    @Test func everyKindOfPersonalDataIsProbed() {
        for kind in Set(PersonalDataRegistry.kinds.map(\.access)) {
            #expect(Self.probes[kind]?[.read] != nil, "\(kind.name) holds personal data but has no read probe")
        }
    }

    @Test(arguments: Role.allCases) func theStoreEnforcesThePolicy(role: Role) throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("matrix.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let name = try #require(DemoData.accounts.first { $0.role == role }).name
        let actor = try db.signIn(name: name, secret: DemoData.demoPIN)
        #expect(actor.role == role)
        for kind in RecordKind.allCases {
            for op in Coproduction.Operation.allCases {
                let scope = AccessPolicy.scope(role, op, kind)
                guard let probe = Self.probes[kind]?[op] else {
                    // The audit trail has no write API at all: only the store appends to it.
                    #expect(kind == .audit && op == .write && scope == .none, "no probe for \(op) \(kind)")
                    continue
                }
                let expected: Outcome = scope == .all ? .allowed : .denied
                #expect(try Self.outcome(probe, db, actor) == expected, "\(role) \(op) \(kind)")
            }
        }
    }

    @Test(arguments: Role.allCases) func everyoneReachesTheirOwnAccount(role: Role) throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("own.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let name = try #require(DemoData.accounts.first { $0.role == role }).name
        let actor = try db.signIn(name: name, secret: DemoData.demoPIN)
        #expect(try db.accounts(as: actor).contains { $0.name == name })
        try db.resetSecret(as: actor, name: name, secret: "new-secret")
        #expect(try db.signIn(name: name, secret: "new-secret").name == name)
        if role != .admin {
            #expect(throws: StoreError.self) { try db.resetSecret(as: actor, name: DemoData.adminName, secret: "taken-over") }
        }
    }

    @Test func aChampionCannotCreateOrChangeMeetings() throws {
        let folder = TemporaryFolder()
        let db = try AppDatabase.open(path: folder.path("c.sqlite"))
        try DemoData.write(into: db, today: fixedToday)
        let zoe = try db.signIn(name: "Zoe Adams", secret: DemoData.demoPIN)
        let meeting = try db.meetingDetail(as: zoe, id: 1)
        #expect(throws: StoreError.denied(AccessDenied(role: .champion, operation: .write, kind: .meeting))) {
            try db.updateMeeting(as: zoe, id: 1, expectedVersion: meeting.version,
                                 to: Meeting(id: 0, kind: meeting.facts.meeting.kind, title: "Hijacked", date: fixedToday,
                                                start: meeting.facts.meeting.start, end: meeting.facts.meeting.end, venue: ""))
        }
        #expect(try db.meetingDetail(as: zoe, id: 1).facts.meeting.title == meeting.facts.meeting.title)
    }
}
