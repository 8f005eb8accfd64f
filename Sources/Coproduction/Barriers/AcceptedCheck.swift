/// A failing check that office staff have accepted for one meeting, or for every meeting of
/// its series: a Saturday dads' group, or an evening meeting chosen with parents, fails the
/// school-run check for ever, and that is the right meeting for them. The check still runs;
/// its result shows as "accepted: reason", with who accepted it and when, and is never hidden.
/// It covers one check only: a different check that fails still fails.
public struct AcceptedCheck: Hashable, Sendable {
    /// The check accepted.
    public var barrier: Barrier
    /// Why this meeting is right as it is.
    public var reason: String
    /// Who accepted it (their name as signed in).
    public var acceptedBy: String
    /// The day it was accepted.
    public var acceptedOn: LocalDate
    /// Whether it covers every meeting of the series (false: this meeting alone).
    public var wholeSeries: Bool

    /// Creates an accepted check.
    public init(barrier: Barrier, reason: String, acceptedBy: String, acceptedOn: LocalDate, wholeSeries: Bool = false) {
        self.barrier = barrier
        self.reason = reason
        self.acceptedBy = acceptedBy
        self.acceptedOn = acceptedOn
        self.wholeSeries = wholeSeries
    }

    /// "accepted for the series: evening chosen with the dads' group (Olive Office, Thu 3 Dec 2026)".
    public var words: String {
        "accepted\(wholeSeries ? " for the series" : ""): \(reason) (\(acceptedBy), \(acceptedOn.long))"
    }

    /// The reason, or why it cannot be accepted as typed: it must say why.
    public static func problem(reason: String) -> String? {
        reason.trimmingCharacters(in: .whitespaces).count < 3
            ? "Say why this meeting is right as it is (a few words that anyone reading the check will see)."
            : nil
    }
}
