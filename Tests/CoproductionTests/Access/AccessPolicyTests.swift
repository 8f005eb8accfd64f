import Coproduction
import Testing

@Suite struct AccessPolicyTests {
    @Test func championsReadTheProgrammeButChangeNothing() {
        for kind in [RecordKind.area, .champion, .meeting, .creche, .setting] {
            #expect(AccessPolicy.scope(.champion, .read, kind) == .all)
            #expect(AccessPolicy.scope(.champion, .write, kind) == .none)
        }
        #expect(AccessPolicy.scope(.champion, .read, .user) == .own)
        #expect(AccessPolicy.scope(.champion, .read, .audit) == .none)
    }

    @Test func crecheStaffChangeCrechesOnly() {
        #expect(AccessPolicy.scope(.crecheStaff, .write, .creche) == .all)
        #expect(AccessPolicy.scope(.crecheStaff, .write, .meeting) == .none)
        #expect(AccessPolicy.scope(.crecheStaff, .read, .audit) == .none)
    }

    @Test func onlyAdminsManageAccountsAndSeeTheAuditTrail() {
        #expect(AccessPolicy.scope(.admin, .write, .user) == .all)
        #expect(AccessPolicy.scope(.office, .write, .user) == .own)
        #expect(AccessPolicy.scope(.admin, .read, .audit) == .all)
        #expect(AccessPolicy.scope(.office, .read, .audit) == .none)
        for role in Role.allCases { #expect(AccessPolicy.scope(role, .write, .audit) == .none) }
    }

    @Test func officeStaffDoEverythingElse() {
        for kind in RecordKind.allCases where kind != .user && kind != .audit && kind != .wholeDatabase {
            for op in Operation.allCases { #expect(AccessPolicy.scope(.office, op, kind) == .all) }
        }
        // A copy of the whole database holds everyone's private data: admins only.
        for role in Role.allCases where role != .admin {
            #expect(AccessPolicy.scope(role, .read, .wholeDatabase) == .none)
        }
    }

    @Test func aRefusalSaysWhoToAsk() {
        let denied = AccessDenied(role: .champion, operation: .write, kind: .meeting)
        #expect(denied.description == "Parent Champion accounts cannot change meetings. Ask the office if you need this.")
        #expect(throws: AccessDenied.self) {
            try AccessPolicy.require(Actor(userID: 1, name: "Zoe", role: .champion), .write, .meeting)
        }
    }
}
