import Coproduction
import Foundation
import GRDB

/// The settings a user can change, with their defaults.
public enum Setting: String, CaseIterable, Sendable {
    /// Minutes without a key before the screen locks itself.
    case autoLockMinutes = "auto-lock-minutes"
    /// The earliest start that lets parents do the morning school run.
    case schoolRunFrom = "school-run-from"
    /// The latest end that lets parents do the afternoon school run.
    case schoolRunTo = "school-run-to"
    /// How many days before a meeting its pre-meeting may be.
    case preMeetingDays = "pre-meeting-days"
    /// Children per member of staff, under 2 (EYFS: 3).
    case ratioUnderTwo = "ratio-under-two"
    /// Children per member of staff, aged 2 (EYFS: 5).
    case ratioTwo = "ratio-two"
    /// Children per member of staff, 3 and over (EYFS: 8).
    case ratioThreeAndOver = "ratio-three-and-over"
    /// Children per member of staff, 3 and over with a Level 6 member of staff (EYFS: 13).
    case ratioThreeAndOverLevel6 = "ratio-three-and-over-level-6"
    /// The fewest staff in a session with children (default 2).
    case crecheMinimumStaff = "creche-minimum-staff"
    /// Days after a decision within which parents should hear about it (default 28).
    case ideaFeedbackDays = "idea-feedback-days"
    /// Years after a child's last attendance that their record and registers are kept (default 3).
    case retentionChildrenYears = "retention-children-years"
    /// Years after a Parent Champion leaves that their contact details and DBS are kept (default 6).
    case retentionChampionYears = "retention-champion-years"
    /// Years after the end of the financial year that vouchers and expenses are kept (default 6).
    case retentionRewardYears = "retention-reward-years"
    /// The age, in months, a child reaches before their crèche accident and incident records
    /// are deleted (default 255: 21 years and 3 months).
    case retentionIncidentAgeMonths = "retention-incident-age-months"
    /// The most one Engagement Fund proposal may ask for (default £1,000).
    case fundLimit = "fund-limit"
    /// Approvals a material needs to be parent approved (default 3).
    case marketingApprovals = "marketing-approvals"
    /// Different areas those approvals must come from (default 2).
    case marketingAreas = "marketing-areas"
    /// The voucher for a focus group (default £20).
    case rewardFocusGroup = "reward-focus-group"
    /// The voucher for a meeting (default £10).
    case rewardMeeting = "reward-meeting"
    /// The voucher for reviewing a material (default £10).
    case rewardReview = "reward-review"
    /// Whether the terminal cursor stays visible on list selections too, for screen
    /// magnifiers that follow it (default no: it shows only in text fields).
    case cursorAlwaysVisible = "cursor-always-visible"
    /// Whether the register's alerts (a child at 1 h 45 and 2 h, a session over with children
    /// still in) ring the terminal's bell as well as flashing the screen (default yes).
    case alertBell = "alert-bell"
    /// Children's social care's number, called when a child is still not collected an hour
    /// after their session's end (empty until the office sets it).
    case childrensSocialCareNumber = "childrens-social-care-number"
    /// The youngest age, in years, of someone collecting a child who is not on the child's list
    /// (asked at sign-out; default 16).
    case collectorMinimumAge = "collector-minimum-age"
    /// Local parents who must be at a governance meeting for it to count (default 2).
    case parentQuorum = "parent-quorum"
    /// The kinds of meeting the quorum applies to (default board, service-design,
    /// task-and-finish, committee).
    case parentQuorumKinds = "parent-quorum-kinds"
    /// Working days before a meeting by which its papers reach every invited parent (default 5).
    case papersDays = "papers-days"
    /// The reading age agenda summaries, decisions, marketing texts and messages to parents
    /// aim for (default 9, as GOV.UK writes).
    case readingAge = "reading-age"
    /// How long before a meeting the calendar's alarms and the e-mail reminders come
    /// (default 2d, 2h).
    case reminderOffsets = "reminder-offsets"
    /// The command e-mail reminders are handed to, with the message on its standard input
    /// (default `/usr/sbin/sendmail -t`, which msmtp, Postfix and Exim all provide).
    case sendmailCommand = "sendmail-command"
    /// The address e-mail reminders come from (empty until the office sets it).
    case mailFrom = "mail-from"
    /// The programme's name, shown in the title bar (empty: just "Coproduce").
    case programmeName = "programme-name"
    /// Whether the first admin has been through (or skipped) the first-run set-up.
    case firstRunDone = "first-run-done"

    /// The value when none is stored.
    public var defaultValue: String {
        switch self {
        case .autoLockMinutes: return "5"
        case .schoolRunFrom: return "09:30"
        case .schoolRunTo: return "14:30"
        case .preMeetingDays: return "7"
        case .ratioUnderTwo: return "3"
        case .ratioTwo: return "5"
        case .ratioThreeAndOver: return "8"
        case .ratioThreeAndOverLevel6: return "13"
        case .crecheMinimumStaff: return "2"
        case .ideaFeedbackDays: return "28"
        case .retentionChildrenYears: return "3"
        case .retentionChampionYears, .retentionRewardYears: return "6"
        case .retentionIncidentAgeMonths: return "255"
        case .fundLimit: return "1000.00"
        case .marketingApprovals: return "3"
        case .marketingAreas: return "2"
        case .rewardFocusGroup: return "20.00"
        case .rewardMeeting, .rewardReview: return "10.00"
        case .cursorAlwaysVisible: return "no"
        case .alertBell: return "yes"
        case .programmeName, .childrensSocialCareNumber: return ""
        case .collectorMinimumAge: return "16"
        case .parentQuorum: return "2"
        case .papersDays: return "5"
        case .readingAge: return "9"
        case .reminderOffsets: return "2d, 2h"
        case .sendmailCommand: return "/usr/sbin/sendmail -t"
        case .mailFrom: return ""
        case .parentQuorumKinds: return "board, service-design, task-and-finish, committee"
        case .firstRunDone: return "no"
        }
    }

    /// The value in its stored form, or why it cannot be used.
    public func normalise(_ text: String) -> Result<String, InputError> {
        switch self {
        case .autoLockMinutes, .preMeetingDays, .ratioUnderTwo, .ratioTwo, .ratioThreeAndOver, .ratioThreeAndOverLevel6,
             .crecheMinimumStaff, .ideaFeedbackDays, .retentionChildrenYears, .retentionChampionYears, .retentionRewardYears,
             .marketingApprovals, .marketingAreas, .retentionIncidentAgeMonths, .collectorMinimumAge, .parentQuorum, .papersDays,
             .readingAge:
            let range = self == .autoLockMinutes ? 1...120 : self == .readingAge ? 7...18 : self == .collectorMinimumAge ? 12...25 : self == .parentQuorum ? 1...20
                : self == .papersDays ? 1...30 : self == .retentionIncidentAgeMonths ? 216...600 : self == .crecheMinimumStaff ? 1...10 : self == .ideaFeedbackDays ? 1...365
                : self == .marketingAreas ? 1...6 : self == .marketingApprovals ? 1...20 : 1...60
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
                return .failure(InputError("\(rawValue) must be a whole number from \(range.lowerBound) to \(range.upperBound); “\(text)” is not."))
            }
            return .success(String(n))
        case .programmeName:
            let name = text.trimmingCharacters(in: .whitespaces)
            guard name.count <= 60 else { return .failure(InputError("\(rawValue) must be at most 60 characters; shorten it.")) }
            guard !name.contains(where: { $0.isNewline }) else { return .failure(InputError("\(rawValue) must be one line.")) }
            return .success(name)
        case .parentQuorumKinds:
            let known = ["board", "service-design", "task-and-finish", "committee", "pre-meeting"]
            let codes = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.lowercased() }
            if let bad = codes.first(where: { !known.contains($0) }) {
                return .failure(InputError("\(rawValue): “\(bad)” is not a kind of meeting; use \(known.joined(separator: ", ")), commas between."))
            }
            return .success(known.filter(codes.contains).joined(separator: ", "))
        case .childrensSocialCareNumber:
            let number = text.trimmingCharacters(in: .whitespaces)
            guard number.count <= 40, number.allSatisfy({ $0.isNumber || " +()-".contains($0) }),
                  number.isEmpty || number.filter(\.isNumber).count >= 3 else {
                return .failure(InputError("\(rawValue) must be a telephone number (digits, spaces, + ( ) -), such as 01702 215007; “\(text)” is not."))
            }
            return .success(number)
        case .cursorAlwaysVisible, .firstRunDone, .alertBell:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "yes", "on", "true": return .success("yes")
            case "no", "off", "false": return .success("no")
            default: return .failure(InputError("\(rawValue) must be yes or no; “\(text)” is not."))
            }
        case .sendmailCommand:
            let command = text.trimmingCharacters(in: .whitespaces)
            guard let program = command.split(separator: " ").first, program.hasPrefix("/") || !program.contains("/") else {
                return .failure(InputError("\(rawValue) must be a command, as /usr/sbin/sendmail -t or msmtp -t."))
            }
            guard !command.contains(where: { "|;&`$<>\n".contains($0) }) else {
                return .failure(InputError("\(rawValue) is run without a shell: give the program and its options only (no | ; & ` $ < >)."))
            }
            return .success(command)
        case .mailFrom:
            let address = text.trimmingCharacters(in: .whitespaces)
            if address.isEmpty { return .success("") }
            if let problem = EmailAddress.problem(address) { return .failure(InputError("\(rawValue): \(problem)")) }
            return .success(address)
        case .reminderOffsets:
            return ReminderOffset.parse(text).map { $0.map(\.description).joined(separator: ", ") }
                .mapError { InputError("\(rawValue): \($0.description)") }
        case .schoolRunFrom, .schoolRunTo:
            return UKInput.time(text).map(\.description).mapError { InputError("\(rawValue): \($0.description)") }
        case .fundLimit, .rewardFocusGroup, .rewardMeeting, .rewardReview:
            switch Money.parse(text) {
            case .success(let m) where m.pence > 0: return .success(String(format: "%lld.%02lld", m.pence / 100, m.pence % 100))
            case .success: return .failure(InputError("\(rawValue) must be more than £0.00."))
            case .failure(let e): return .failure(InputError("\(rawValue): \(e.description)"))
            }
        }
    }
}

extension AppDatabase {
    /// A setting's value in its stored form (its default when unset). Readable without
    /// signing in: the sign-in screen itself needs the auto-lock time.
    public func text(of setting: Setting) throws(StoreError) -> String {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [setting.rawValue]) ?? setting.defaultValue
        }
    }

    /// A money setting's amount.
    public func money(of setting: Setting) throws(StoreError) -> Money {
        (try? Money.parse(try text(of: setting)).get()) ?? (try! Money.parse(setting.defaultValue).get())
    }

    /// A whole-number setting's value.
    public func number(of setting: Setting) throws(StoreError) -> Int {
        Int(try text(of: setting)) ?? Int(setting.defaultValue) ?? 0
    }

    /// Minutes without a key before the screen locks itself.
    public func autoLockMinutes() throws(StoreError) -> Int {
        Int(try text(of: .autoLockMinutes)) ?? 5
    }

    /// The checker for this database: its school-run window, its pre-meeting window and its
    /// glossary.
    public func barrierChecker() throws(StoreError) -> BarrierChecker {
        var settings = BarrierSettings.standard
        if let from = try? UKInput.time(try text(of: .schoolRunFrom)).get() { settings.earliestStart = from }
        if let to = try? UKInput.time(try text(of: .schoolRunTo)).get() { settings.latestEnd = to }
        if let days = Int(try text(of: .preMeetingDays)) { settings.preMeetingWindowDays = days }
        func number(_ s: Setting) throws(StoreError) -> Int { Int(try text(of: s)) ?? Int(s.defaultValue)! }
        settings.ratios = RatioTable(underTwo: try number(.ratioUnderTwo), two: try number(.ratioTwo),
                                     threeAndOver: try number(.ratioThreeAndOver),
                                     threeAndOverWithLevel6: try number(.ratioThreeAndOverLevel6),
                                     minimumStaff: try number(.crecheMinimumStaff))
        let (entries, rules) = try read { db in
            (try Row.fetchAll(db, sql: "SELECT term, plain FROM glossary").map { GlossaryEntry(term: $0["term"], plain: $0["plain"]) },
             try Self.crecheRules(db))
        }
        settings.rules = rules
        settings.parentQuorum = try number(.parentQuorum)
        settings.papersDays = try number(.papersDays)
        settings.readingAge = try number(.readingAge)
        settings.quorumKinds = Set(try text(of: .parentQuorumKinds).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        var checker = BarrierChecker(settings: settings, language: PlainLanguageChecker(glossary: entries))
        checker.today = LocalDateTime(Date()).date
        return checker
    }

    /// Changes a setting (office staff and admins), with an audit entry.
    public func set(_ setting: Setting, to value: String, as actor: Actor, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .setting)
        let stored: String
        switch setting.normalise(value) {
        case .success(let s): stored = s
        case .failure(let e): throw .invalid(e.description)
        }
        let before = try text(of: setting)
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [setting.rawValue, stored])
            try AuditLog.append(db, actor: actor, action: "update", kind: "setting", recordID: nil,
                                changes: [FieldChange(field: setting.rawValue, before: before, after: stored)], at: now)
        }
    }

    // MARK: Glossary

    /// The glossary, by term (everyone may read it).
    public func glossary(as actor: Actor) throws(StoreError) -> [GlossaryEntry] {
        try authorize(actor, .read, .glossary)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT term, plain FROM glossary ORDER BY term COLLATE NOCASE")
                .map { GlossaryEntry(term: $0["term"], plain: $0["plain"]) }
        }
    }

    /// Adds a glossary entry, or changes the plain words of one that exists.
    public func addGlossaryEntry(as actor: Actor, term: String, plain: String, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .glossary)
        let t = term.trimmingCharacters(in: .whitespaces), p = plain.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !p.isEmpty else { throw .invalid("A glossary entry needs both the jargon and the plain words to use instead.") }
        try write { db in
            let old = try String.fetchOne(db, sql: "SELECT plain FROM glossary WHERE term = ?", arguments: [t])
            try db.execute(sql: "INSERT INTO glossary (term, plain) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET plain = excluded.plain",
                           arguments: [t, p])
            try AuditLog.append(db, actor: actor, action: old == nil ? "create" : "update", kind: "glossary", recordID: nil,
                                changes: [FieldChange(field: t, before: old, after: p)], at: now)
        }
    }

    /// Removes a glossary entry.
    public func removeGlossaryEntry(as actor: Actor, term: String, now: Date = Date()) throws(StoreError) {
        try authorize(actor, .write, .glossary)
        try write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT plain FROM glossary WHERE term = ?", arguments: [term]) else {
                throw StoreError.invalid("“\(term)” is not in the glossary: `coproduce glossary list` shows what is.")
            }
            try db.execute(sql: "DELETE FROM glossary WHERE term = ?", arguments: [term])
            try AuditLog.append(db, actor: actor, action: "delete", kind: "glossary", recordID: nil,
                                changes: [FieldChange(field: term, before: old, after: nil)], at: now)
        }
    }
}
