import Coproduction
import CoproductionStore

/// The audit trail (admins): who did what, newest first, with each change's before and after.
enum AuditPage: DetailPage {
    static let title = "Audit trail"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        .audit(try database.auditEntries(as: actor, limit: 200), total: try database.countAudit(as: actor))
    }

    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line] {
        guard case .audit(let entries, let total)? = detail.content else { return [] }
        var out = [Line("Who did what, newest first. The trail is append-only: nothing in it can be changed.", .bold),
                   Line(entries.count < total ? "Showing the newest \(entries.count) of \(total); `coproduce audit --json` gives all."
                                              : "\(total) entr\(total == 1 ? "y" : "ies").", state.theme.secondary), .blank]
        for e in entries {
            let when = LocalDateTime(e.at)
            let record = e.recordID.map { "\(e.recordKind) \($0)" } ?? e.recordKind
            out.append(Line([("\(when.date.medium) \(when.time)  ", .plain), (DisplayWidth.pad(e.userName, to: 16) + " ", .bold),
                             ("\(e.action) \(record)", .plain)]))
            for c in e.changes {
                let text = "\(c.field): \(c.before ?? "—") → \(c.after ?? "—")"
                for line in DisplayWidth.wrap(text, width: max(10, width - 8)) { out.append(Line("        " + line, .dim)) }
            }
        }
        return out
    }
}
