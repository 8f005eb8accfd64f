import Coproduction
import CoproductionStore

/// The lists of the set-up section, one at a time.
public enum SetupSection: String, CaseIterable, Hashable, Sendable {
    case areas, champions, accounts, children, staff, settings, glossary

    /// The tab's name.
    public var title: String {
        switch self {
        case .areas: return "Areas"
        case .champions: return "Champions"
        case .accounts: return "Accounts"
        case .children: return "Children"
        case .staff: return "Crèche staff"
        case .settings: return "Settings"
        case .glossary: return "Glossary"
        }
    }

    /// The sections a role works with: accounts are an admin's.
    public static func shown(to role: Role?) -> [SetupSection] {
        allCases.filter { $0 != .accounts || role == .admin }
    }
}

/// What one set-up list shows: the records of its section (only that section's are read).
public struct SetupScreen: Hashable, Sendable {
    /// The section.
    public var section: SetupSection
    /// Areas, open and retired, with their counts.
    public var areas: [AreaSummary] = []
    /// Champions with training, status and (for those allowed) contact details and DBS.
    public var champions: [ChampionRecord] = []
    /// Sign-in accounts.
    public var accounts: [Account] = []
    /// Children, with those added on the day first.
    public var children: [Child] = []
    /// The register of crèche staff.
    public var staff: [StaffMember] = []
    /// Every setting with its value now.
    public var settings: [SettingRow] = []
    /// The plain-language words.
    public var glossary: [GlossaryEntry] = []
    /// Champions' names by id, for accounts and children linked to one.
    public var championNames: [Int64: String] = [:]
    /// Account names by id, for crèche staff linked to a sign-in.
    public var accountNames: [Int64: String] = [:]

    /// A list of a section.
    public init(section: SetupSection) { self.section = section }

    /// How many rows the list has.
    public var count: Int {
        switch section {
        case .areas: return areas.count
        case .champions: return champions.count
        case .accounts: return accounts.count
        case .children: return children.count
        case .staff: return staff.count
        case .settings: return settings.count
        case .glossary: return glossary.count
        }
    }
}

/// One setting as the settings list shows it.
public struct SettingRow: Hashable, Sendable {
    /// Which setting.
    public var setting: Setting
    /// Its value now (its default when never set).
    public var value: String
}

extension Setting {
    /// The settings the set-up list offers (the first-run mark is kept by the app itself).
    public static var listed: [Setting] { allCases.filter { $0 != .firstRunDone } }

    /// What it means, its unit and what it may be, in plain words.
    public var meaning: (what: String, allowed: String) {
        switch self {
        case .autoLockMinutes: return ("Minutes without a key before the screen locks itself", "1 to 120 minutes")
        case .schoolRunFrom: return ("Earliest start that leaves time for the morning school run", "a time, such as 09:30")
        case .schoolRunTo: return ("Latest end that leaves time for the afternoon school run", "a time, such as 14:30")
        case .preMeetingDays: return ("Most days a pre-meeting may be before its meeting", "1 to 60 days")
        case .ratioUnderTwo: return ("Children under 2 per member of crèche staff", "1 to 60 children")
        case .ratioTwo: return ("Children aged 2 per member of crèche staff", "1 to 60 children")
        case .ratioThreeAndOver: return ("Children 3 and over per member of crèche staff", "1 to 60 children")
        case .ratioThreeAndOverLevel6: return ("Children 3 and over per member of staff when one is Level 6", "1 to 60 children")
        case .crecheMinimumStaff: return ("Fewest crèche staff in a session with children", "1 to 10 people")
        case .ideaFeedbackDays: return ("Days after a decision by which parents should hear of it", "1 to 365 days")
        case .retentionChildrenYears: return ("Years a child's record is kept after their last crèche", "1 to 60 years")
        case .retentionChampionYears: return ("Years a champion's contact details and DBS are kept after they leave", "1 to 60 years")
        case .retentionRewardYears: return ("Years vouchers and expenses are kept after the financial year", "1 to 60 years")
        case .retentionIncidentAgeMonths: return ("Age in months a child reaches before their accident records go (255: 21 y 3 m)", "216 to 600 months")
        case .fundLimit: return ("Most one Engagement Fund proposal may ask for", "an amount over £0, such as 1000.00")
        case .marketingApprovals: return ("Parents' approvals a material needs", "1 to 20 approvals")
        case .marketingAreas: return ("Different areas those approvals must come from", "1 to 6 areas")
        case .rewardFocusGroup: return ("The voucher for a focus group", "an amount over £0")
        case .rewardMeeting: return ("The voucher for a meeting", "an amount over £0")
        case .rewardReview: return ("The voucher for reviewing a material", "an amount over £0")
        case .cursorAlwaysVisible: return ("Keep the terminal cursor on list rows too, for screen magnifiers", "yes or no")
        case .alertBell: return ("Ring the bell with the register's alerts (1 h 45, 2 h, session over)", "yes or no")
        case .childrensSocialCareNumber: return ("Children's social care's number, called an hour after a session if a child is not collected", "a telephone number, or empty")
        case .collectorMinimumAge: return ("Youngest age of someone collecting a child who is not on the child's list", "12 to 25 years")
        case .parentQuorum: return ("Local parents who must be at a governance meeting for it to count", "1 to 20 parents")
        case .parentQuorumKinds: return ("Kinds of meeting the quorum of parents applies to", "board, service-design, task-and-finish, committee, pre-meeting")
        case .sendmailCommand: return ("The command e-mail reminders are handed to (run without a shell)", "/usr/sbin/sendmail -t or msmtp -t")
        case .mailFrom: return ("The address e-mail reminders come from", "name@example.org; empty: no reminders")
        case .reminderOffsets: return ("How long before a meeting the calendar's alarms and e-mail reminders come", "2d, 2h or 30m; at most five")
        case .papersDays: return ("Working days before a meeting by which its papers reach every invited parent", "1 to 30 working days")
        case .readingAge: return ("Reading age that papers, decisions and messages for parents aim for (GOV.UK: 9)", "7 to 18 years")
        case .programmeName: return ("The programme's name, shown in the title bar", "up to 60 characters, or empty")
        case .firstRunDone: return ("Whether the first-run set-up has been offered", "yes or no")
        }
    }
}
