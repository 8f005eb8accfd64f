import Coproduction
import CoproductionStore

/// A short form for one step of the fund, marketing or rewards: a new proposal, a panel
/// review, a decision, delivery, closing; a new material, a new version, a parent's answer;
/// a voucher or expenses. Fields are named by the domain's field codes, so the store's
/// problems land beside the field they are about.
public struct StepForm: EditableForm, Hashable, Sendable {
    /// What saving it does.
    public enum Purpose: Hashable, Sendable {
        case newProposal
        case reviewProposal(Int64)
        case decideProposal(Int64)
        case deliverProposal(Int64)
        case closeProposal(Int64)
        case newMaterial
        case reviseMaterial(Int64)
        case reviewMaterial(Int64)
        case newReward
        case setBudget(FinancialYear)
        /// The first-run set-up: the programme's name and its areas.
        case firstRun
        /// A new area, or a new name for one.
        case newArea, renameArea(Int64)
        /// A new Parent Champion, or changes to one.
        case newChampion, editChampion(Int64)
        /// A new sign-in account.
        case newAccount
        /// A new PIN for an account (admins), or one's own (everyone, the old one first).
        case resetPin(String), changeOwnPin
        /// The crèche worker's own PIN, to show the register's notes again.
        case showNotes
        /// A child registered by the office, or changes to one.
        case newChild, editChild(Int64)
        /// A child who turned up unbooked, registered at the door and booked into the session.
        case walkIn(meetingID: Int64)
        /// Someone new in the register of crèche staff, or changes to them.
        case newStaff, editStaff(Int64)
        /// A setting's new value.
        case setting(Setting)
        /// A champion's own yes or no to e-mail reminders, and the address.
        case emailReminders(championID: Int64)
        /// A glossary word and its plainer words, new or changed.
        case newWord, editWord(String)
        /// An accident or incident to a child in a session, recorded from its register.
        case newIncident(meetingID: Int64, childID: Int64)
        /// What follows an incident: the parent told, their acknowledgement, the notice, an addendum.
        case incidentFollowUp(incidentID: Int64)
        /// A call made because a child was not collected by the session's end.
        case uncollectedCall(bookingID: Int64)
        /// A named collector's collection password (stored hashed).
        case collectorPassword(childID: Int64)
        /// Someone who may collect on one day only.
        case temporaryCollector(childID: Int64)
        /// Someone who must not collect the child.
        case mustNotCollect(childID: Int64)
        /// The date notice was sent to Ofsted for a venue's year.
        case registrationNotice(venue: String, year: Int)
        /// A meeting's papers sent to invited parents.
        case papersSent(meetingID: Int64)
        /// An interest declared at a meeting.
        case declareInterest(meetingID: Int64)
        /// Something arranged for a meeting to meet an access need.
        case arrangement(meetingID: Int64)
        /// A dated addendum to a meeting's approved minutes.
        case minutesAddendum(meetingID: Int64)
        /// A failing check accepted for a meeting (or its series), with why; or withdrawn.
        case acceptCheck(meetingID: Int64)
        /// The period the Reports screen shows (nothing is saved).
        case reportPeriod
    }

    /// One field: its code, label, hint, and the choices when it is chosen with ←/→.
    public struct FieldSpec: Hashable, Sendable {
        /// The code (the domain's field name).
        public var id: String
        /// The label shown.
        public var label: String
        /// What to show while it is empty.
        public var placeholder: String
        /// The choices, for a field chosen with ←/→ (empty for typed text).
        public var choices: [String]
        /// Whether it can be changed (a champion's own name cannot).
        public var locked: Bool
        /// Whether what is typed is hidden (a PIN or passphrase): shown as dots, never drawn.
        public var secret: Bool

        /// A field.
        public init(_ id: String, _ label: String, _ placeholder: String = "", choices: [String] = [], locked: Bool = false,
                    secret: Bool = false) {
            self.id = id
            self.label = label
            self.placeholder = placeholder
            self.choices = choices
            self.locked = locked
            self.secret = secret
        }
    }

    /// What saving does.
    public var purpose: Purpose
    /// The box title.
    public var title: String
    /// The fields, in order.
    public var specs: [FieldSpec]
    /// The text of each field (for a choice, the chosen word).
    public var values: [String: String]
    /// The field keys go to.
    public var focus: String
    /// Problems beside fields.
    public var errors: [String: String] = [:]
    /// A problem with the whole form.
    public var message = ""
    /// Whether anything was typed.
    public var dirty = false
    /// The cursor in the focused field.
    public var caret = Caret()
    /// Whether Esc is asking before throwing changes away.
    public var confirmingDiscard = false
    /// Names read for the pickers (champions, areas, meetings).
    public var choices: [PickSource: [Choice]] = [:]
    /// The suggestion chosen under the focused field.
    public var highlight = 0
    /// What saving last warned about (a champion of the same name in the area, as
    /// "name|area"): saving the same again goes ahead; a changed name or area is checked anew.
    public var warnedFor: String?
    /// Step forms have no lists.
    public var rowCounts: [ItemList: Int] = [:]

    /// A form; the focus starts on the first field that can be changed.
    public init(purpose: Purpose, title: String, specs: [FieldSpec], values: [String: String] = [:]) {
        self.purpose = purpose
        self.title = title
        self.specs = specs
        var filled = values
        for spec in specs where !spec.choices.isEmpty && filled[spec.id] == nil { filled[spec.id] = spec.choices[0] }
        self.values = filled
        self.focus = specs.first { !$0.locked }?.id ?? specs.first?.id ?? ""
    }

    /// Purposes, reasons, comments, notes, impact statements and a material's words are text
    /// boxes of several lines.
    public func isTextBox(_ field: String) -> Bool {
        ["purpose", "comment", "reason", "note", "impact", "text", "notes", "what", "action", "first_aid_given", "addendum"].contains(field)
    }

    /// Where a field that names a record picks from: champions for applicants, reviewers
    /// and parents (an applicant may also be a local group, typed), areas, and meetings.
    static func source(_ field: String) -> PickSource? {
        switch field {
        case "applicant", "reviewer", "parent", "champion": return .champions
        case "area": return .areas
        case "meeting": return .meetings
        case "account": return .crecheAccounts
        default: return nil
        }
    }

    /// The picker of a field that names a record.
    public func picker(for field: String) -> Picker? {
        guard let source = Self.source(field), specs.contains(where: { $0.id == field && !$0.locked }) else { return nil }
        // A child's parent may be anyone (a champion is offered); an applicant may be a group.
        let newNames = field == "applicant" || (field == "parent" && Self.isChildForm(purpose))
        return Picker(choices[source] ?? [], allowsNew: newNames)
    }

    /// Whether the form is a child's record (where the parent is anyone, not only a champion).
    static func isChildForm(_ purpose: Purpose) -> Bool {
        switch purpose {
        case .newChild, .editChild, .walkIn: return true
        default: return false
        }
    }

    /// A child's parent taken from the champions is their champion too, unless one is named.
    public mutating func took(_ choice: Choice, in field: String) {
        guard field == "parent", Self.isChildForm(purpose), specs.contains(where: { $0.id == "champion" && !$0.locked }),
              (values["champion"] ?? "").isEmpty else { return }
        self["champion"] = choice.name
    }

    /// The sources the form's fields pick from.
    public var wantedChoices: [PickSource] {
        var out: [PickSource] = []
        for spec in specs where !spec.locked { if let s = Self.source(spec.id), !out.contains(s) { out.append(s) } }
        return out
    }

    /// The field codes Tab visits.
    public var fields: [String] { specs.filter { !$0.locked }.map(\.id) }

    /// The focused field's spec.
    public var focusedSpec: FieldSpec? { specs.first { $0.id == focus } }

    /// Typed text goes into text fields only.
    public var focusTakesText: Bool { focusedSpec.map { $0.choices.isEmpty && !$0.locked } ?? false }

    /// ←/→ on a choice field.
    public mutating func cycleChoice(_ step: Int) {
        guard let spec = focusedSpec, !spec.choices.isEmpty else { return }
        let i = spec.choices.firstIndex(of: values[spec.id] ?? "") ?? 0
        values[spec.id] = spec.choices[(i + step + spec.choices.count) % spec.choices.count]
        dirty = true
        errors[spec.id] = nil
    }
}

/// The forms each step opens with, filled in from what the screen shows.
extension StepForm {
    /// A new proposal; a champion applies in their own name and area.
    public static func newProposal(actor: Actor, areaName: String?, limit: String) -> StepForm {
        let champion = actor.role == .champion
        return StepForm(purpose: .newProposal, title: "New Engagement Fund proposal", specs: [
            FieldSpec("applicant", "Applicant", "a champion (type part of the name) or a local group", locked: champion),
            FieldSpec("area", "Area", "type part of the area's name"),
            FieldSpec("title", "Title", "a short name for the activity"),
            FieldSpec("purpose", "Purpose", "what it is for and how it brings families closer"),
            FieldSpec("amount", "Amount", "in pounds, up to \(limit)"),
        ], values: champion ? ["applicant": actor.name, "area": areaName ?? ""] : [:])
    }

    /// A panel member's review; office staff may name the panel member.
    public static func reviewProposal(_ row: ProposalRow, actor: Actor) -> StepForm {
        StepForm(purpose: .reviewProposal(row.proposal.id), title: "Review: \(row.proposal.title)", specs: [
            FieldSpec("reviewer", "Reviewer", "the panel member: type part of the name", locked: actor.role == .champion),
            FieldSpec("recommendation", "Recommends", choices: ["approve", "decline"]),
            FieldSpec("comment", "Comment", "what the panel member thinks, and why"),
        ], values: ["reviewer": actor.name])
    }

    /// The panel's decision.
    public static func decideProposal(_ row: ProposalRow) -> StepForm {
        StepForm(purpose: .decideProposal(row.proposal.id), title: "Decide: \(row.proposal.title)", specs: [
            FieldSpec("decision", "Decision", choices: ["approve", "decline"]),
            FieldSpec("amount", "Amount", "in pounds (when approving)"),
            FieldSpec("reason", "Reason", "why, in plain words"),
            FieldSpec("meeting", "At meeting", "if decided at one: type part of its title"),
        ], values: ["amount": row.proposal.requested.description])
    }

    /// Recording delivery.
    public static func deliverProposal(_ row: ProposalRow, today: LocalDate) -> StepForm {
        StepForm(purpose: .deliverProposal(row.proposal.id), title: "Delivered: \(row.proposal.title)", specs: [
            FieldSpec("delivered", "Delivered on", "12/01/2027"),
            FieldSpec("note", "Note", "what happened, briefly"),
        ], values: ["delivered": today.uk])
    }

    /// Closing with the impact statement.
    public static func closeProposal(_ row: ProposalRow) -> StepForm {
        StepForm(purpose: .closeProposal(row.proposal.id), title: "Close: \(row.proposal.title)", specs: [
            FieldSpec("impact", "Impact", "what changed for families (needed to close)"),
        ])
    }

    /// The year's budget.
    public static func setBudget(_ fund: FundOverview) -> StepForm {
        StepForm(purpose: .setBudget(fund.budget.year), title: "Engagement Fund budget for \(fund.budget.year)", specs: [
            FieldSpec("budget", "Budget", "in pounds; at least the \(fund.budget.committed) already committed"),
        ], values: fund.budgetSet ? ["budget": fund.budget.total.description] : [:])
    }

    /// A new material.
    public static func newMaterial() -> StepForm {
        StepForm(purpose: .newMaterial, title: "New material for parents to review", specs: [
            FieldSpec("title", "Title", "for example Stay and Play leaflet"),
            FieldSpec("kind", "Kind", choices: MaterialKind.allCases.map(\.name)),
            FieldSpec("service", "Service", "the service it is for"),
            FieldSpec("text", "Text", "its words, or a summary parents can judge it by"),
        ])
    }

    /// A new version of a material.
    public static func reviseMaterial(_ row: MaterialRow) -> StepForm {
        StepForm(purpose: .reviseMaterial(row.material.id), title: "Version \(row.material.version + 1): \(row.material.title)", specs: [
            FieldSpec("title", "Title"),
            FieldSpec("service", "Service"),
            FieldSpec("text", "Text", "the changed words"),
        ], values: ["title": row.material.title, "service": row.material.service, "text": row.material.text])
    }

    /// A parent's answer; a champion answers for themselves.
    public static func reviewMaterial(_ row: MaterialRow, actor: Actor) -> StepForm {
        let champion = actor.role == .champion
        return StepForm(purpose: .reviewMaterial(row.material.id), title: "Parent's answer: \(row.material.title) v\(row.material.version)",
                        specs: [
                            FieldSpec("parent", "Parent", "the Parent Champion answering: part of the name", locked: champion),
                            FieldSpec("verdict", "Answer", choices: ["approve", "ask for changes"]),
                            FieldSpec("comment", "Comment", "what should change (needed when asking for changes)"),
                        ], values: champion ? ["parent": actor.name] : [:])
    }

    /// The reward form's two kinds of parent, as its Who field offers them.
    public static let rewardToChampion = "a Parent Champion", rewardToOtherParent = "another parent who came"

    /// A voucher or expenses, for a Parent Champion or another parent who came.
    public static func newReward(policy: RewardPolicy, today: LocalDate) -> StepForm {
        let stated = RewardReason.allCases.compactMap { r in policy.amount(for: r).map { "\(r.name) \($0)" } }.joined(separator: ", ")
        return StepForm(purpose: .newReward, title: "Voucher or expenses", specs: [
            FieldSpec("who", "Who", choices: [rewardToChampion, rewardToOtherParent]),
            FieldSpec("parent", "Name", "a champion: part of the name; another parent: first and family name"),
            FieldSpec("kind", "Kind", choices: RewardKind.allCases.map(\.rawValue)),
            FieldSpec("reason", "For", choices: RewardReason.allCases.map(\.name)),
            FieldSpec("amount", "Amount", "empty for the stated voucher: \(stated)"),
            FieldSpec("date", "Date", "12/01/2027"),
            FieldSpec("given", "Taken?", choices: ["given", "declined"]),
            FieldSpec("advice", "Benefits", choices: ["not offered", "advice offered"]),
            FieldSpec("note", "Note", "what for; expenses need one (bus fare, childcare)"),
        ], values: ["date": today.uk])
    }
}

extension StepForm.Purpose {
    /// What the step changes, and the least access that lets a role take it (the store
    /// checks each record's owner again).
    public var permission: (RecordKind, Scope) {
        switch self {
        case .newProposal, .reviewProposal: return (.fund, .own)
        case .decideProposal, .deliverProposal, .closeProposal, .setBudget: return (.fund, .all)
        case .newMaterial, .reviewMaterial: return (.material, .own)
        case .reviseMaterial: return (.material, .all)
        case .newReward: return (.reward, .all)
        case .firstRun, .setting: return (.setting, .all)
        case .newArea, .renameArea: return (.area, .all)
        case .newChampion, .editChampion: return (.champion, .all)
        case .newAccount, .resetPin: return (.user, .all)
        case .changeOwnPin: return (.user, .own)
        case .showNotes: return (.booking, .own)
        case .newChild, .editChild: return (.child, .all)
        case .walkIn: return (.booking, .own)
        case .newStaff, .editStaff: return (.rota, .all)
        case .newWord, .editWord: return (.glossary, .all)
        case .newIncident, .incidentFollowUp: return (.incident, .own)
        case .uncollectedCall: return (.booking, .own)
        case .collectorPassword, .temporaryCollector, .mustNotCollect: return (.collection, .own)
        case .registrationNotice: return (.creche, .all)
        case .papersSent: return (.meeting, .all)
        case .declareInterest: return (.interest, .own)
        case .arrangement, .minutesAddendum, .acceptCheck: return (.meeting, .all)
        case .reportPeriod: return (.meeting, .own)
        case .emailReminders: return (.contactPreference, .own)
        }
    }
}
