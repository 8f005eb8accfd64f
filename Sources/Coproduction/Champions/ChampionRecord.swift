/// A Parent Champion's part in the programme: taking part, paused, or left.
public enum ChampionStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case active, paused, left
}

/// Something about a champion that needs doing soon, or is overdue.
public struct ChampionFlag: Hashable, Sendable {
    /// What: "DBS" or "Refresher".
    public var what: String
    /// When it is due.
    public var due: LocalDate
    /// Overdue (fail) or due within 30 days (warn).
    public var status: CheckStatus

    /// `! DBS due Tue 12 Jan 2027` or `✗ Refresher overdue since …`.
    public func describe(glyphs fail: String, warn: String) -> String {
        status == .fail ? "\(fail) \(what) overdue since \(due.long)" : "\(warn) \(what) due \(due.long)"
    }
}

/// The dates on a champion's record that come round: a training refresher and a DBS renewal.
public enum ChampionChecks {
    /// How far ahead a due date is flagged.
    public static let warnDays = 30

    /// The flags for a refresher and a DBS renewal on `today`.
    public static func flags(refresherDue: LocalDate?, dbsRenewalDue: LocalDate?, today: LocalDate) -> [ChampionFlag] {
        [("Refresher", refresherDue), ("DBS", dbsRenewalDue)].compactMap { what, due in
            guard let due else { return nil }
            if due < today { return ChampionFlag(what: what, due: due, status: .fail) }
            if due.days(since: today) <= warnDays { return ChampionFlag(what: what, due: due, status: .warn) }
            return nil
        }
    }
}
