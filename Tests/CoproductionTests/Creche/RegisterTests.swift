import Coproduction
import Foundation
import PropertyBased
import Testing

@Suite struct StaffingPropertyTests {
    @Test func addingAChildNeverLowersTheStaffRequired() async {
        await propertyCheck(input: Gen.int(in: 0...20), Gen.int(in: 0...20), Gen.int(in: 0...30), Gen<AgeBand>.case, Gen.bool()) {
            under2, two, older, band, level6 in
            let before = CrechePlan(booked: [.underTwo: under2, .two: two, .threeAndOver: older], staffBooked: 0, roomCapacity: 100,
                                    level6WithOlderGroup: level6)
            var after = before
            after.booked[band, default: 0] += 1
            #expect(after.staffRequired() >= before.staffRequired())
            #expect(after.staffRequired() >= StaffingRule().staffFor(band, count: after.count(band), level6WithGroup: level6 && band == .threeAndOver))
        }
    }
}

@Suite struct RegisterRulesTests {
    let child = Child(firstName: "Amara", familyName: "Okafor", dateOfBirth: LocalDate(iso: "2025-08-01")!,
                      parentName: "Grace Okafor", collectors: ["Tunde Okafor"])
    let nine = LocalDateTime(iso: "2026-11-27T09:40")!.instant

    @Test func theParentAndNamedCollectorsMayCollectAnyoneElseNeedsAReason() {
        #expect(RegisterRules.signOutProblem(child: child, signedInAt: nine, at: nine + 3600, collectedBy: "grace okafor", reason: "") == nil)
        #expect(RegisterRules.signOutProblem(child: child, signedInAt: nine, at: nine + 3600, collectedBy: "Tunde Okafor", reason: "") == nil)
        let stranger = RegisterRules.signOutProblem(child: child, signedInAt: nine, at: nine + 3600, collectedBy: "Uncle Bob", reason: "")
        #expect(stranger?.contains("not on Amara's list") == true)
        #expect(RegisterRules.signOutProblem(child: child, signedInAt: nine, at: nine + 3600, collectedBy: "Uncle Bob",
                                             reason: "Grace phoned ahead") == nil)
    }

    @Test func aSignOutCannotComeBeforeTheSignInOrWithoutOne() {
        #expect(RegisterRules.signOutProblem(child: child, signedInAt: nine, at: nine - 60, collectedBy: "Grace Okafor", reason: "")
                == "The sign-out time is before the sign-in time: check the time.")
        #expect(RegisterRules.signOutProblem(child: child, signedInAt: nil, at: nine, collectedBy: "Grace Okafor", reason: "")?
                .contains("never signed in") == true)
        #expect(RegisterRules.signOutProblem(child: child, signedInAt: nine, at: nine, collectedBy: "  ", reason: "") != nil)
    }

    @Test(arguments: [(104, CheckStatus.pass), (105, .warn), (119, .warn), (120, .fail), (150, .fail)])
    func theTwoHourTimerWarnsAt105MinutesAndFailsAt120(minutes: Int, status: CheckStatus) {
        #expect(TwoHourRule.status(after: TimeInterval(minutes * 60)) == status)
    }

    @Test func timesReadPlainly() {
        #expect(TwoHourRule.format(65 * 60) == "1 h 05 min")
        #expect(TwoHourRule.format(20 * 60) == "20 min")
    }

    @Test func childrenMustBeUnderSixAndAlreadyBorn() {
        let today = LocalDate(iso: "2026-11-27")!
        #expect(child.problems(today: today).isEmpty)
        var old = child
        old.dateOfBirth = LocalDate(iso: "2020-11-26")!
        #expect(old.problems(today: today) == [FieldProblem(.dateOfBirth, "the child is over 5, too old for the crèche.")])
        old.dateOfBirth = LocalDate(iso: "2020-11-28")!  // still 5 today
        #expect(old.problems(today: today).isEmpty)
        var unborn = child
        unborn.dateOfBirth = today.adding(days: 1)
        #expect(unborn.problems(today: today).first?.message.contains("in the future") == true)
    }
}

@Suite struct CrecheProblemTests {
    @Test func oneRuleSaysWhatIsWrongWorstFirst() {
        var plan = CrechePlan(booked: [.two: 3], staffBooked: 2, roomCapacity: 10, firstAidBooked: true)
        #expect(plan.problem() == nil)
        plan.firstAidBooked = false
        #expect(plan.problem() == .noFirstAid)
        plan.staffBooked = 1
        #expect(plan.problem() == .understaffed)
        plan.roomCapacity = 2
        #expect(plan.problem() == .overCapacity)
        #expect([CrecheProblem.overCapacity, .understaffed, .noFirstAid].map(\.word) == ["full", "short", "no PFA"])
        // An empty crèche needs no first-aider yet.
        #expect(CrechePlan(booked: [:], staffBooked: 0, roomCapacity: 10, firstAidBooked: false).problem() == nil)
    }
}
