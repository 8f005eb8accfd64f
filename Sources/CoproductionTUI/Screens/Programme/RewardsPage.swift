import Coproduction
import CoproductionStore

/// Rewards for involvement in the current financial year: vouchers and expenses, given or
/// declined, each parent's totals, and whether benefits advice was offered.
enum RewardsPage: RowsPage {
    static let title = "Rewards for involvement"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        let year = FinancialYear(containing: now.date)
        return .rewards(RewardsScreen(year: year, rows: try database.rewards(as: actor, year: year),
                                      totals: try database.rewardTotals(as: actor, year: year), policy: try database.rewardPolicy()))
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard action == .new else { return nil }
        guard case .rewards(let screen)? = detail.content else { return [] }
        state.push(.stepForm(.newReward(policy: screen.policy, today: state.today)))
        return []
    }

    static func parts(_ content: DetailContent, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        guard case .rewards(let r) = content else { return ([], [], []) }
        let given = r.rows.filter { !$0.reward.declined }.reduce(Money.zero) { $0 + $1.reward.amount }
        let stated = RewardReason.allCases.compactMap { reason in r.policy.amount(for: reason).map { "\(reason.name) \($0)" } }
        var header = [Line([("\(r.year): ", .bold), ("\(given) given to \(Plural.count(Set(r.rows.filter { !$0.reward.declined }.map(\.reward.championID)).count, "parent"))", .plain)]),
                      Line("Stated up front: " + stated.joined(separator: " · "), state.theme.secondary)]
        if r.rows.isEmpty { header.append(Line("No vouchers or expenses yet this year: n records one.", state.theme.secondary)) }
        let list = r.rows.map { row in
            Line([(DisplayWidth.pad(row.reward.date.uk, to: 12), .plain), (DisplayWidth.pad(row.parent, to: 18, ellipsis: state.theme.glyphs.ellipsis), .bold),
                  (DisplayWidth.pad(row.reward.amount.description, to: 9, alignRight: true) + "  ", .plain),
                  (DisplayWidth.pad(row.reward.kind.rawValue, to: 9), .plain), (DisplayWidth.pad(row.reward.reason.name, to: 13), .plain),
                  (row.reward.declined ? "declined" : "given", .plain)])
        }
        var details: [Line] = []
        if r.rows.indices.contains(selected) {
            let row = r.rows[selected]
            if let t = r.totals.first(where: { $0.totals.championID == row.reward.championID }) {
                details += Line.field("This year", "\(t.parent): vouchers \(t.totals.vouchers), expenses \(t.totals.expenses), declined \(t.totals.declined)",
                                            width: width)
                details += Line.field("Benefits", t.totals.benefitsAdviceOffered ? "advice offered this year"
                                                : "\(state.theme.glyphs.warn) no benefits advice offered yet this year", width: width)
            }
            if !row.reward.note.isEmpty { details += Line.field("Note", row.reward.note, width: width) }
        }
        return (header, list, details)
    }
}
