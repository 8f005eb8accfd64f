import Coproduction
import Testing

/// The two-hour rule follows the child: sessions back to back at one venue are one stay.
@Suite struct CrecheStayTests {
    let day = LocalDate(iso: "2026-12-08")!

    func time(_ text: String) -> TimeOfDay {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return TimeOfDay(hour: parts[0], minute: parts[1])!
    }

    func session(_ id: Int64, _ start: String, _ end: String, venue: String = "Kursaal Children's Centre") -> CrecheSession {
        CrecheSession(meetingID: id, date: day, start: time(start), end: time(end), venue: venue)
    }

    func board(ending end: String) -> Meeting {
        Meeting(id: 2, kind: .partnershipBoard, title: "Partnership Board", date: day, start: time("10:00"), end: time(end),
                venue: "Kursaal Children's Centre", otherParents: 1)
    }

    @Test(arguments: [("11:29", 119, CheckStatus.pass), ("11:30", 120, .pass), ("11:31", 121, .fail)])
    func aPreMeetingAndItsBoardBackToBackAreOneStay(end: String, minutes: Int, status: CheckStatus) {
        // Pre-meeting 09:30–10:00, then the Board from 10:00.
        let sessions = [session(1, "09:30", "10:00"), session(2, "10:00", end)]
        let stay = CrecheStay.stay(containing: 2, among: sessions)
        #expect(stay.map(\.meetingID) == [1, 2])
        #expect(CrecheStay.minutes(of: stay) == minutes)
        let plan = CrechePlan(booked: [.two: 1], staffBooked: 2, roomCapacity: 12)
        let result = BarrierChecker().creche(board(ending: end), plan,
                                             longestStay: LongestStay(childName: "Maisie", minutes: minutes, sessions: stay.count))
        #expect(result.status == status, "\(minutes) min: \(result.reason)")
        if status == .fail { #expect(result.reason.contains("Maisie would be in the crèche 2 h 01 min across 2 sessions")) }
    }

    @Test func aGapOverHalfAnHourOrAnotherVenueStartsAFreshStay() {
        #expect(CrecheStay.stay(containing: 2, among: [session(1, "09:00", "09:29"), session(2, "10:00", "11:30")]).count == 1)
        #expect(CrecheStay.stay(containing: 2, among: [session(1, "09:00", "09:30"), session(2, "10:00", "11:30")]).count == 2)
        #expect(CrecheStay.stay(containing: 2, among: [session(1, "09:30", "10:00", venue: "SAVS"), session(2, "10:00", "11:30")]).count == 1)
    }

    @Test func aChainOfThreeIsOneStay() {
        let stay = CrecheStay.stay(containing: 3, among: [session(3, "11:00", "12:00"), session(1, "09:00", "10:00"), session(2, "10:15", "10:45")])
        #expect(stay.map(\.meetingID) == [1, 2, 3])
        #expect(CrecheStay.minutes(of: stay) == 180)
    }

    @Test func aLongSessionOfItsOwnFailsAnUnregisteredCrecheWithChildren() {
        let plan = CrechePlan(booked: [.threeAndOver: 2], staffBooked: 2, roomCapacity: 12)
        let long = Meeting(id: 5, kind: .serviceDesign, title: "Design day", date: day, start: time("10:00"),
                           end: time("14:00"), venue: "SAVS", otherParents: 2)
        #expect(BarrierChecker().creche(long, plan).status == .fail)
        var registered = plan
        registered.underTwoHours = false
        #expect(BarrierChecker().creche(long, registered).status == .pass)
        let nobody = CrechePlan(booked: [:], staffBooked: 2, roomCapacity: 12)
        #expect(BarrierChecker().creche(long, nobody).status == .pass, "no child booked yet: nothing to time")
    }
}
