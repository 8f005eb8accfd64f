import Coproduction
import CoproductionStore

/// The set-up section (S, office staff and admins): a list each for areas, champions,
/// accounts (admins), children, the register of crèche staff, settings and the glossary.
/// Tab and Shift-Tab move between the lists; n adds, e or Enter changes the chosen row, x
/// retires, disables or removes it, p sets a new PIN, W opens the first-run set-up again.
enum SetupPage: RowsPage {
    static let title = "Set-up"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        guard case .setup(let section) = target else { return .setup(SetupScreen(section: .areas)) }
        var screen = SetupScreen(section: section)
        switch section {
        case .areas:
            screen.areas = try database.areas(as: actor, today: now.date, offset: 0, limit: 500)
        case .champions:
            screen.champions = try database.championRecords(as: actor)
        case .accounts:
            screen.accounts = try database.accounts(as: actor)
            screen.championNames = Dictionary(try database.championNames(as: actor).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        case .children:
            // Those added at the door come first: the office completes them.
            let all = try database.children(as: actor)
            screen.children = all.filter(\.addedOnDay) + all.filter { !$0.addedOnDay }
            screen.championNames = Dictionary(try database.championNames(as: actor).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        case .staff:
            screen.staff = try database.staffMembers(as: actor)
            if AccessPolicy.scope(actor.role, .read, .user) == .all {
                screen.accountNames = Dictionary(try database.accounts(as: actor).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            }
        case .settings:
            for setting in Setting.listed { screen.settings.append(SettingRow(setting: setting, value: try database.text(of: setting))) }
        case .glossary:
            screen.glossary = try database.glossary(as: actor)
        }
        return .setup(screen)
    }

    static func handle(_ action: Action, _ detail: DetailState, _ state: inout AppState) -> [Command]? {
        guard case .setup(let section) = detail.target else { return nil }
        let sections = SetupSection.shown(to: state.session?.role)
        switch action {
        case .nextPane, .previousPane:
            let i = sections.firstIndex(of: section) ?? 0
            let next = sections[(i + (action == .nextPane ? 1 : -1) + sections.count) % sections.count]
            state.pop()
            state.push(.detail(DetailState(target: .setup(next))))
            state.status = ""
            return []
        case .firstRun:
            return [.openFirstRun]
        case .new, .edit, .open, .switchOnOff, .resetPin:
            break
        default:
            return nil
        }
        guard case .setup(let screen)? = detail.content else { return [] }
        let chosen = screen.count > 0 ? min(detail.selected, screen.count - 1) : nil
        if action == .new {
            guard let form = SetupForms.new(section, state: state) else {
                state.status = "Settings are changed, not added: choose one and press Enter."
                return []
            }
            state.push(.stepForm(form))
            return []
        }
        guard let i = chosen else {
            state.status = "Nothing to choose yet: n adds one."
            return []
        }
        switch (action, section) {
        case (.edit, _), (.open, _):
            if let form = SetupForms.edit(screen, row: i, state: state) { state.push(.stepForm(form)) }
            return []
        case (.switchOnOff, .areas):
            let a = screen.areas[i].area
            return [.setupSwitch(.area(id: a.id, name: a.name, retire: !a.retired))]
        case (.switchOnOff, .accounts):
            let a = screen.accounts[i]
            return [.setupSwitch(.account(name: a.name, disable: !a.disabled))]
        case (.switchOnOff, .glossary):
            return [.setupSwitch(.word(screen.glossary[i].term))]
        case (.resetPin, .accounts):
            state.push(.stepForm(SetupForms.resetPin(screen.accounts[i].name)))
            return []
        default:
            state.status = action == .resetPin ? "p sets a new PIN on the Accounts list." : "x works on areas, accounts and glossary words."
            return []
        }
    }

    static func available(_ action: Action, _ detail: DetailState, _ state: AppState) -> Bool {
        guard case .setup(let section) = detail.target else { return false }
        switch action {
        case .switchOnOff: return [.areas, .accounts, .glossary].contains(section)
        case .resetPin: return section == .accounts
        case .new: return section != .settings
        default: return true
        }
    }

    static func parts(_ content: DetailContent, selected: Int, state: AppState, width: Int) -> ([Line], [Line], [Line]) {
        guard case .setup(let s) = content else { return ([], [], []) }
        let g = state.theme.glyphs
        // The lists as tabs; the one shown in brackets and bold, never by colour alone.
        var tabs: [(String, Style)] = []
        for section in SetupSection.shown(to: state.session?.role) {
            if !tabs.isEmpty { tabs.append(("  ", .plain)) }
            tabs.append((section == s.section ? "[\(section.title)]" : section.title, section == s.section ? .bold : state.theme.secondary))
        }
        var header = [Line(tabs), Line(hint(s.section), state.theme.secondary)]
        if s.count == 0 { header.append(Line(empty(s.section), .bold)) }
        let pad = { (text: String, width: Int) in DisplayWidth.pad(text, to: width, ellipsis: g.ellipsis) }
        var rows: [Line] = []
        var details: [Line] = []
        let chosen = min(selected, max(0, s.count - 1))
        switch s.section {
        case .areas:
            rows = s.areas.map { a in
                Line([(pad(a.area.name, 20), .bold), (pad("\(a.activeChampions) of \(a.champions) champions active", 30), .plain),
                      (a.area.retired ? "retired" : "open", .plain)])
            }
            if s.areas.indices.contains(chosen) {
                let a = s.areas[chosen]
                details += Line.field("Area", a.area.name + (a.area.retired ? " (retired: keeps its history; x brings it back)" : ""), width: width)
                details += Line.field("Ideas", "\(a.ideasOpen) open, \(a.awaitingFeedback) waiting to be told to parents", width: width)
            }
        case .champions:
            rows = s.champions.map { c in
                Line([(pad(c.champion.name, 22), .bold), (pad(c.areaName, 15), .plain), (pad(c.status.rawValue, 8), .plain),
                      (c.flags(today: state.today).map { "\(g.warn) \($0.what)" }.joined(separator: " "), .plain)])
            }
            if s.champions.indices.contains(chosen) {
                let c = s.champions[chosen]
                details += Line.field("Trained", c.champion.trainedOn.map { "\($0.uk)\(c.trainingCourse.map { ", \($0)" } ?? "")" } ?? "not recorded", width: width)
                details += Line.field("Refresher", c.refresherDue?.uk ?? "not set", width: width)
                if c.status != .active { details += Line.field("Status", "\(c.status.rawValue) since \(c.statusSince?.uk ?? "?"): \(c.statusReason ?? "")", width: width) }
                if AccessPolicy.scope(state.session?.role ?? .champion, .read, .championPrivate) == .all {
                    details += Line.field("Contact", [c.phone, c.email].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "), width: width)
                    details += Line.field("DBS", c.dbsNumber.map { "\($0), renew by \(c.dbsRenewalDue?.uk ?? "?")" } ?? "not recorded", width: width)
                }
            }
        case .accounts:
            rows = s.accounts.map { a in
                Line([(pad(a.name, 22), .bold), (pad(a.role.name, 16), .plain),
                      (pad(a.championID.flatMap { s.championNames[$0] }.map { "for \($0)" } ?? "", 26), .plain),
                      (a.disabled ? "disabled" : "can sign in", .plain)])
            }
            if s.accounts.indices.contains(chosen) {
                details += Line.field("Keys", "p sets a new PIN (typed twice, never shown); x \(s.accounts[chosen].disabled ? "enables" : "disables") the account", width: width)
            }
        case .children:
            rows = s.children.map { c in
                Line([(pad(c.fullName, 20), .bold),
                      (pad(c.birthDateEstimated ? "aged \(state.today.age(ofSomeoneBornOn: c.dateOfBirth)), no date" : "born \(c.dateOfBirth.uk)", 16), .plain),
                      (pad("parent \(c.parentName)", 20), .plain), (c.addedOnDay ? "\(g.warn) added on the day" : "", .bold)])
            }
            if s.children.indices.contains(chosen) {
                let c = s.children[chosen]
                if c.addedOnDay {
                    details += Line.field("To do", "added on the day at the crèche door: check it with the parent, then e and save", width: width)
                }
                if c.birthDateEstimated {
                    details += Line.field("Born", "not known: the age given at the door was used; type the real date (e)", width: width)
                }
                details += Line.field("Collects", ([c.parentName] + c.collectors).joined(separator: ", "), width: width)
                if let contact = c.emergencyContact { details += Line.field("Emergency", contact.isEmpty ? "none recorded" : contact, width: width) }
                if let notes = c.notes, !notes.isEmpty { details += Line.field("Notes", notes, width: width) }
            }
        case .staff:
            // Each as they stand today under the rules in force: what stops them counting,
            // what runs out within 30 days, what is not recorded.
            let rules = state.checker.settings.rules.inForce(on: state.today)
            let standings = s.staff.map { m in rules.map { StaffStanding(m, on: state.today, rules: $0) } }
            rows = zip(s.staff, standings).map { m, standing in
                let flag: String
                if let standing, !standing.counts || standing.firstAidRanOut != nil { flag = "\(g.fail) \(standing.firstAidRanOut != nil ? "first aid ran out" : "does not count")" }
                else if let standing, !standing.expiring.isEmpty { flag = "\(g.warn) runs out soon" }
                else if let standing, !standing.missing.isEmpty { flag = "\(g.warn) records to add" }
                else { flag = "" }
                return Line([(pad(m.name, 22), .bold), (pad("Level \(m.level)\(m.student ? " student" : "")", 17), .plain),
                             (pad(m.firstAid == .none ? "no first aid" : "\(m.firstAid.word) first aid", 20), .plain), (flag, .bold)])
            }
            if s.staff.indices.contains(chosen) {
                let m = s.staff[chosen]
                func date(_ d: LocalDate?) -> String { d?.inWords ?? "not recorded" }
                details += Line.field("Level", "\(m.level)\(m.fullAndRelevant ? ", full and relevant" : ", not full and relevant")"
                                      + (m.student ? "; a student or apprentice, \(m.competent ? "marked competent and responsible" : "not yet marked competent")" : "")
                                      + "; gained \(date(m.qualifiedOn))", width: width)
                details += Line.field("First aid", m.firstAid == .none ? "none" : "\(m.firstAid.word), issued \(date(m.firstAidOn))", width: width)
                details += Line.field("Age", m.dateOfBirth.map { "born \($0.inWords)" } ?? (m.seventeenOrOver ? "recorded as 17 or over" : "not recorded"), width: width)
                details += Line.field("Checks", "safeguarding training \(date(m.safeguardingOn)); enhanced DBS \(date(m.dbsOn))", width: width)
                if let account = m.accountID.flatMap({ s.accountNames[$0] }) { details += Line.field("Signs in", account, width: width) }
                if let standing = standings[chosen] {
                    let level = standing.countedLevel == 0 ? "at no level" : "at Level \(standing.countedLevel)"
                    details += Line.field("Today", standing.counts ? "counts in the ratios \(level)" : "does not count in the ratios", width: width)
                    for line in standing.reasons + standing.expiring { details += Line.field("", line, width: width) }
                    if let end = standing.firstAidRanOut { details += Line.field("", "\(m.name)'s paediatric first aid ran out on \(end.inWords): renew it.", width: width) }
                    if !standing.missing.isEmpty { details += Line.field("To add", RotaReview.list(standing.missing), width: width) }
                }
            }
            details.append(Line("Put them on a session's rota from its crèche register: open it (r) and press s.", state.theme.secondary))
        case .settings:
            rows = s.settings.map { r in
                Line([(pad(r.setting.meaning.what, max(20, width - 26)), .plain), (pad(r.value.isEmpty ? "(none)" : r.value, 22), .bold)])
            }
            if s.settings.indices.contains(chosen) {
                let r = s.settings[chosen]
                details += Line.field("Setting", "\(r.setting.rawValue): \(r.setting.meaning.what)", width: width)
                details += Line.field("Allowed", "\(r.setting.meaning.allowed); default \(r.setting.defaultValue.isEmpty ? "empty" : r.setting.defaultValue)", width: width)
            }
        case .glossary:
            rows = s.glossary.map { e in Line([(pad(e.term, 26), .bold), ("say: " + e.plain, .plain)]) }
        }
        return (header, rows, details)
    }

    /// The keys of a list, in a line.
    static func hint(_ section: SetupSection) -> String {
        switch section {
        case .areas: return "n add  e rename  x retire or bring back  Tab next list"
        case .champions: return "n add  e change (training, contact, DBS, status)  Tab next list"
        case .accounts: return "n add  p new PIN  x disable or enable  Tab next list"
        case .children: return "n register a child  e change  Tab next list"
        case .staff: return "n add someone  e change  Tab next list"
        case .settings: return "Enter changes the chosen setting  Tab next list"
        case .glossary: return "n add a word  e change  x remove  Tab next list"
        }
    }

    /// What an empty list says, with the key that fills it.
    static func empty(_ section: SetupSection) -> String {
        switch section {
        case .areas: return "No areas yet: press n to add one, or W for the first-run set-up with the six Southend wards."
        case .champions: return "No Parent Champions yet: press n to add one."
        case .accounts: return "No accounts yet: press n to add one."
        case .children: return "No children registered yet: press n to register one."
        case .staff: return "No crèche staff yet: press n to add someone who works the crèches."
        case .settings: return "No settings."
        case .glossary: return "No words yet: press n to add one."
        }
    }
}
