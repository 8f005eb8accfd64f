@testable import Coproduction
import Testing

@Suite struct BarrierCheckerTests {
    let checker = BarrierChecker()
    let tuesday = LocalDate(iso: "2027-01-12")!

    func meeting(_ kind: MeetingKind = .partnershipBoard, date: LocalDate? = nil, start: String = "10:00", end: String = "12:00",
                 champions: [Int64] = [1], others: Int = 0) -> Meeting {
        func t(_ s: String) -> TimeOfDay {
            let p = s.split(separator: ":").map { Int($0)! }
            return TimeOfDay(hour: p[0], minute: p[1])!
        }
        return Meeting(id: 1, kind: kind, title: "Partnership Board", date: date ?? tuesday, start: t(start), end: t(end),
                       venue: "Kursaal", championIDs: champions, otherParents: others)
    }

    @Test(arguments: [("09:30", "14:30", CheckStatus.pass), ("09:29", "12:00", .fail), ("10:00", "14:31", .fail),
                      ("15:00", "16:30", .fail), ("12:00", "14:30", .pass)])
    func schoolRunWindowEdges(start: String, end: String, status: CheckStatus) {
        #expect(checker.schoolRun(meeting(start: start, end: end)).status == status)
    }

    @Test func weekendsFailTheSchoolRunCheckWithAReason() {
        let result = checker.schoolRun(meeting(date: tuesday.adding(days: 4)))
        #expect(result.status == .fail)
        #expect(result.reason.contains("Saturday"))
    }

    @Test func reasonsSayWhatToChange() {
        #expect(checker.schoolRun(meeting(start: "09:00", end: "11:00")).reason
                == "Starts at 09:00, before the school run is over: start at 09:30 or later.")
        #expect(checker.schoolRun(meeting(start: "15:00", end: "16:00")).reason
                == "Ends at 16:00, after the school run starts: finish by 14:30.")
    }

    @Test func everyBoardDesignTaskAndFinishAndCommitteeMeetingNeedsAChampionAndTheQuorum() {
        for kind in [MeetingKind.partnershipBoard, .serviceDesign, .taskAndFinish(group: "Play"), .committee(name: "Finance")] {
            #expect(checker.parentVoice(meeting(kind, champions: [], others: 5)).status == .fail, "no champion")
            #expect(checker.parentVoice(meeting(kind, champions: [4], others: 2)).status == .pass, "3 parents, above the quorum of 2")
        }
        #expect(checker.parentVoice(meeting(.preMeeting(forMeeting: 9), champions: [])).status == .pass)
    }

    @Test func theQuorumFailsOneShortAndWarnsWhenExactlyMet() {
        // One champion and nobody else: below the quorum of 2.
        let short = checker.parentVoice(meeting(champions: [4]))
        #expect(short.status == .fail && short.reason.contains("at least 2 local parents must be there"))
        // Exactly met: one apology would break it.
        var exactly = meeting(champions: [4, 5])
        #expect(checker.parentVoice(exactly).status == .warn)
        exactly.confirmedChampionIDs = [4]  // an apology
        #expect(checker.parentVoice(exactly).status == .fail)
        #expect(checker.parentVoice(meeting(champions: [4], others: 1)).status == .warn, "a champion and another parent: exactly 2")
        // The kinds it applies to are a setting: without Task and Finish, one champion will do there.
        var settings = BarrierSettings.standard
        settings.quorumKinds = ["board"]
        settings.parentQuorum = 3
        let other = BarrierChecker(settings: settings)
        #expect(other.parentVoice(meeting(.taskAndFinish(group: "Play"), champions: [4])).status == .pass)
        #expect(other.parentVoice(meeting(champions: [4, 5], others: 1)).status == .warn)
    }

    @Test func crecheIsNeededWheneverAParentComes() {
        let m = meeting(champions: [1], others: 2)
        #expect(checker.creche(m, nil).status == .fail)
        let understaffed = CrechePlan(booked: [.underTwo: 4], staffBooked: 1, roomCapacity: 10)
        let result = checker.creche(m, understaffed)
        #expect(result.status == .fail)
        #expect(result.reason.contains("book 1 more"))
        let tooMany = CrechePlan(booked: [.threeAndOver: 11], staffBooked: 4, roomCapacity: 10)
        #expect(checker.creche(m, tooMany).status == .fail)
        let fine = CrechePlan(booked: [.underTwo: 3, .two: 2], staffBooked: 2, roomCapacity: 10)
        #expect(checker.creche(m, fine).status == .pass)
        #expect(checker.creche(meeting(champions: [], others: 0), nil).status == .pass)
    }

    @Test func preMeetingMustFallWithinTheWindowBefore() {
        let m = meeting()
        #expect(checker.preMeeting(m, []).status == .fail)
        #expect(checker.preMeeting(m, [tuesday.adding(days: -7)]).status == .pass)
        #expect(checker.preMeeting(m, [tuesday.adding(days: -8)]).status == .warn)
        #expect(checker.preMeeting(m, [tuesday.adding(days: 1)]).status == .fail)
    }

    @Test func overallIsTheWorstCheck() {
        var good = MeetingFacts(meeting: meeting(others: 2), creche: CrechePlan(booked: [.two: 1], staffBooked: 2, roomCapacity: 5),
                                preMeetingDates: [tuesday.adding(days: -2)])
        good.papers = [PaperSent(championID: 1, format: .email, sentOn: tuesday.adding(days: -7))]
        #expect(checker.overall(good) == .pass)
        var bad = good
        bad.meeting.championIDs = []
        bad.meeting.confirmedChampionIDs = []
        #expect(checker.overall(bad) == .fail)
        #expect(checker.check(bad).map(\.barrier) == Barrier.allCases)
    }
}

@Suite struct BarrierCheckerMoreTests {
    let checker = BarrierChecker()

    func meeting(_ iso: String, _ start: Int, _ end: Int) -> Meeting {
        Meeting(id: 1, kind: .serviceDesign, title: "Design", date: LocalDate(iso: iso)!, start: TimeOfDay(hour: start, minute: 0)!,
                end: TimeOfDay(hour: end, minute: 0)!, venue: "SAVS", championIDs: [1])
    }

    @Test func theWeekendsTheClocksChangeAreStillWeekendsAndWallClockTimesHold() {
        // Clocks go forward on Sun 28 Mar 2027 and back on Sun 31 Oct 2027.
        #expect(checker.schoolRun(meeting("2027-03-28", 10, 12)).status == .fail)
        #expect(checker.schoolRun(meeting("2027-03-27", 10, 12)).status == .fail)
        #expect(checker.schoolRun(meeting("2027-03-29", 10, 12)).status == .pass)
        #expect(checker.schoolRun(meeting("2027-10-31", 10, 12)).status == .fail)
        #expect(checker.schoolRun(meeting("2027-11-01", 10, 12)).status == .pass)
        #expect(LocalDateTime(iso: "2027-03-29T10:00")!.instant.timeIntervalSince(LocalDateTime(iso: "2027-03-26T10:00")!.instant)
                == 3 * 86400 - 3600)
    }

    @Test func invitedButNotConfirmedIsNotAVoice() {
        var m = meeting("2027-01-12", 10, 12)
        m.confirmedChampionIDs = []
        let result = checker.parentVoice(m)
        #expect(result.status == .fail)
        #expect(result.reason.contains("invited but none has confirmed"))
    }

    @Test func aClashNamesTheOtherMeeting() {
        let result = checker.clash([Clash(shared: .champion("Zoe Adams"), otherID: 2, otherTitle: "Community play", otherTimes: "10:30–11:30")])
        #expect(result.status == .fail)
        #expect(result.reason == "Zoe Adams is also at Community play (10:30–11:30): move one of them.")
        #expect(checker.clash([]).status == .pass)
    }

    @Test func aCancelledMeetingHasNoChecks() {
        var m = meeting("2027-01-16", 15, 17)
        m.status = .cancelled
        #expect(checker.check(MeetingFacts(meeting: m, creche: nil, preMeetingDates: [])).isEmpty)
        #expect(checker.overall(MeetingFacts(meeting: m, creche: nil, preMeetingDates: [])) == .pass)
    }

    @Test func theWindowIsASetting() {
        var settings = BarrierSettings.standard
        settings.latestEnd = TimeOfDay(hour: 15, minute: 0)!
        #expect(BarrierChecker(settings: settings).schoolRun(meeting("2027-01-12", 13, 15)).status == .pass)
        #expect(checker.schoolRun(meeting("2027-01-12", 13, 15)).status == .fail)
    }

    /// The overall status makes every check (one that were left out could never fail it).
    @Test func theOverallStatusMakesEveryCheckOnce() {
        #expect(BarrierChecker.cheapestFirst.count == Barrier.allCases.count)
        #expect(Set(BarrierChecker.cheapestFirst) == Set(Barrier.allCases))
    }

    /// A result's words are put together when read: the same each time, a result set to other
    /// words says them, and two results are equal only with the same words.
    @Test func aReasonIsMadeWhenReadAndComparedByItsWords() {
        let late = checker.schoolRun(meeting("2027-01-12", 13, 16))
        #expect(late.reason == late.reason)
        #expect(late.reason.hasPrefix("Ends at 16:00"))
        var changed = late
        changed.reason = "Moved."
        #expect(changed.reason == "Moved." && changed != late && changed.status == late.status)
        #expect(late == checker.schoolRun(meeting("2027-01-12", 13, 16)))
        #expect(Set([late, checker.schoolRun(meeting("2027-01-12", 13, 16))]).count == 1)
    }
}

