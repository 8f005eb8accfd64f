/// How one member of staff stands on a session's day under the rules in force then: whether
/// they count in the ratios, at which level, and what stops them or is about to.
public struct StaffStanding: Hashable, Sendable {
    /// Who.
    public var member: StaffMember
    /// Counted in the ratios.
    public var counts: Bool
    /// The level they count at towards "one at Level 3" and "half at Level 2" (0: counted in
    /// the ratios at no level).
    public var countedLevel: Int
    /// Holds a full paediatric first aid certificate in date on the day.
    public var fullFirstAidInDate: Bool
    /// Why they do not count (or count at no level), each sentence ending with its fix.
    public var reasons: [String]
    /// What the rules need that is not recorded; they are counted as recorded meanwhile.
    public var missing: [String]
    /// What runs out within ``StaffStanding/warningDays`` of the day.
    public var expiring: [String]
    /// The day their paediatric first aid ran out, when it had by the session's day.
    public var firstAidRanOut: LocalDate?

    /// Days ahead an expiry is flagged (30).
    public static let warningDays = 30

    /// The day a certificate or training dated `on` runs out: `years` later (the
    /// anniversary itself is the first day without it).
    public static func runsOut(_ on: LocalDate, years: Int) -> LocalDate { on.adding(years: years) }

    /// Works out the standing of `m` on `day` under `rules`.
    public init(_ m: StaffMember, on day: LocalDate, rules: CrecheRules) {
        member = m
        counts = true
        countedLevel = m.fullAndRelevant ? m.level : 0
        reasons = []
        missing = []
        expiring = []
        firstAidRanOut = nil
        let who = m.name

        // First aid: a full certificate, in date on the day.
        var anyFirstAid = false
        fullFirstAidInDate = false
        if m.firstAid != .none {
            if let issued = m.firstAidOn {
                let end = Self.runsOut(issued, years: rules.firstAidValidYears)
                if issued > day {
                    // Issued after the session: it did not cover it.
                } else if day >= end {
                    firstAidRanOut = end
                } else {
                    anyFirstAid = true
                    fullFirstAidInDate = m.firstAid == .full
                    if end.days(since: day) <= Self.warningDays {
                        expiring.append("\(who)'s paediatric first aid runs out on \(end.inWords).")
                    }
                }
            } else {
                anyFirstAid = true
                fullFirstAidInDate = m.firstAid == .full
                missing.append("the date of \(who)'s paediatric first aid certificate")
            }
        }

        // Age: 17 or over on the day.
        if let born = m.dateOfBirth {
            let age = day.age(ofSomeoneBornOn: born)
            if age < rules.minimumStaffAge {
                counts = false
                reasons.append("\(who) is \(age) on \(day.inWords); staff in ratio are \(rules.minimumStaffAge) or over: add someone else.")
            }
        } else if !m.seventeenOrOver {
            missing.append("\(who)'s date of birth (or that they are \(rules.minimumStaffAge) or over)")
        }

        // Students and apprentices.
        if m.student {
            if !m.competent {
                counts = false
                reasons.append("\(who) is a student not yet marked competent and responsible: the manager marks them in Set-up, or add someone else.")
            } else if rules.studentsNeedFirstAid && !fullFirstAidInDate {
                counts = false
                reasons.append("\(who) is a student without full paediatric first aid in date, which students in ratio need since "
                               + "\(rules.effectiveFrom.inWords): add someone else.")
            } else {
                countedLevel = rules.studentsAtLevelBelow ? Self.levelBelow(m.level) : 0
            }
        } else if countedLevel == 2 || countedLevel == 3 {
            // Level 2 or 3 gained on or after 30 June 2016 counts at that level only with
            // paediatric first aid (full or emergency).
            if !anyFirstAid {
                if let gained = m.qualifiedOn {
                    if gained >= rules.firstAidNeededForLevelsFrom {
                        countedLevel = 0
                        reasons.append("\(who)'s Level \(m.level) was gained after \(rules.firstAidNeededForLevelsFrom.adding(days: -1).inWords), "
                                       + "so it counts only with paediatric first aid: they count at no level until they have it.")
                    }
                } else {
                    missing.append("when \(who) gained their Level \(m.level) (from \(rules.firstAidNeededForLevelsFrom.inWords) it counts only with paediatric first aid)")
                }
            }
        }

        // Safeguarding training, renewed within the interval.
        if let every = rules.safeguardingRenewalYears {
            if let trained = m.safeguardingOn {
                let due = trained.adding(years: every)
                if day > due {
                    counts = false
                    reasons.append("\(who)'s safeguarding training was due again by \(due.inWords): book it, or add someone else.")
                } else if due.days(since: day) <= Self.warningDays {
                    expiring.append("\(who)'s safeguarding training is due again by \(due.inWords).")
                }
            } else {
                missing.append("the date of \(who)'s safeguarding training")
            }
        }
        if m.dbsOn == nil && m.id != 0 {
            missing.append("the date of \(who)'s enhanced DBS check")
        }
    }

    /// The level a student counts at: the one below their study (Level 6 study counts as 3;
    /// Level 2 study counts at no level).
    public static func levelBelow(_ level: Int) -> Int {
        switch level {
        case 6: return 3
        case 3: return 2
        default: return 0
        }
    }
}

/// The rota of one session weighed against the rules of its day: who counts, and what is
/// wrong, worst first.
public struct RotaReview: Hashable, Sendable {
    /// Each person's standing, in rota order.
    public var standings: [StaffStanding]
    /// How many count in the ratios.
    public var counted: Int
    /// Whether a counted member holds full paediatric first aid in date.
    public var fullFirstAid: Bool
    /// Whether a counted Level 6 works with the group (for the 1:13 ratio).
    public var level6: Bool
    /// What fails the check, each with its fix.
    public var failures: [String]
    /// What warns: records missing, expiries close.
    public var warnings: [String]

    /// Weighs `rota` on `day` under `rules`; `childrenIn` says whether any child is booked.
    public init(_ rota: [StaffMember], on day: LocalDate, rules: CrecheRules, children: Int) {
        standings = rota.map { StaffStanding($0, on: day, rules: rules) }
        let counting = standings.filter(\.counts)
        counted = counting.count
        fullFirstAid = counting.contains(where: \.fullFirstAidInDate)
        level6 = counting.contains { $0.countedLevel >= 6 }
        failures = []
        warnings = []
        guard children > 0 else { return }
        for s in standings {
            failures.append(contentsOf: s.reasons)
        }
        // One at Level 3 or above in charge; at least half of the others at Level 2 or above.
        if let inCharge = counting.firstIndex(where: { $0.countedLevel >= 3 }) {
            var others = counting
            others.remove(at: inCharge)
            let atTwo = others.filter { $0.countedLevel >= 2 }.count
            let needed = (others.count + 1) / 2
            if atTwo < needed {
                failures.append("Only \(atTwo) of the \(others.count) other staff \(atTwo == 1 ? "is" : "are") at Level 2 or above; "
                                + "at least \(needed) must be: add someone at Level 2.")
            }
        } else if !counting.isEmpty {
            failures.append("Nobody on the rota who counts is at Level 3 or above to be in charge: add someone at Level 3.")
        }
        if !fullFirstAid && !counting.isEmpty {
            let ranOut = counting.filter { $0.firstAidRanOut != nil }
            if ranOut.isEmpty {
                failures.append("Nobody on the rota who counts holds full paediatric first aid in date: add someone who does.")
            }
            for s in ranOut {
                failures.append("\(s.member.name)'s paediatric first aid ran out on \(s.firstAidRanOut!.inWords): add someone else with first aid.")
            }
        } else {
            for s in standings {
                if let end = s.firstAidRanOut { warnings.append("\(s.member.name)'s paediatric first aid ran out on \(end.inWords): renew it.") }
            }
        }
        for s in standings {
            if s.member.id == 0 {
                warnings.append("\(s.member.name) is on the rota but not in the crèche staff register, so their first aid, age and training "
                                + "cannot be checked: add them in Set-up → Crèche staff.")
            } else if !s.missing.isEmpty {
                warnings.append("Record " + Self.list(s.missing) + " in Set-up → Crèche staff.")
            }
            warnings.append(contentsOf: s.expiring)
        }
    }

    /// "a, b and c".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
