import Foundation

/// Where a booked child is during a session.
public enum RegisterState: Hashable, Sendable {
    /// Booked, not signed in yet.
    case notArrived
    /// In the crèche since a time.
    case inCreche(since: Date)
    /// Signed out, collected by someone.
    case signedOut(at: Date, collectedBy: String)
}

/// The two-hour rule: care where no child stays more than two hours a day is exempt from
/// Ofsted registration, so such a crèche times each child.
public enum TwoHourRule {
    /// Warn from 1 hour 45 minutes.
    public static let warnAfter: TimeInterval = 105 * 60
    /// Fail from 2 hours.
    public static let limit: TimeInterval = 120 * 60

    /// The status of a child who has been in the crèche for `elapsed` seconds.
    public static func status(after elapsed: TimeInterval) -> CheckStatus {
        elapsed >= limit ? .fail : elapsed >= warnAfter ? .warn : .pass
    }

    /// `1 h 05 min`.
    public static func format(_ elapsed: TimeInterval) -> String {
        let minutes = max(0, Int(elapsed) / 60)
        return minutes >= 60 ? String(format: "%d h %02d min", minutes / 60, minutes % 60) : "\(minutes) min"
    }
}

/// The rules of the crèche register.
public enum RegisterRules {
    /// Why a sign-out cannot be saved, or nil when it can. Collection by someone not on the
    /// child's list needs a reason, recorded with it.
    public static func signOutProblem(child: Child, signedInAt: Date?, at time: Date, collectedBy: String, reason: String) -> String? {
        guard let signedInAt else { return "\(child.firstName) was never signed in: sign them in first." }
        if time < signedInAt { return "The sign-out time is before the sign-in time: check the time." }
        if collectedBy.trimmingCharacters(in: .whitespaces).isEmpty { return "Say who collected \(child.firstName)." }
        if !child.mayBeCollected(by: collectedBy) && reason.trimmingCharacters(in: .whitespaces).isEmpty {
            return "\(collectedBy) is not on \(child.firstName)'s list of people who may collect: record why they are collecting."
        }
        return nil
    }
}
