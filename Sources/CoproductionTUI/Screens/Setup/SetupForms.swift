import Coproduction
import CoproductionStore

/// The forms the set-up section opens, each filled in from the row chosen. Field codes are
/// the store's (so its problems land beside their fields); PINs are hidden as typed.
enum SetupForms {
    typealias Spec = StepForm.FieldSpec

    /// The six Southend wards, offered at first run to keep, rename or remove.
    static let southendWards = ["Kursaal", "Milton", "Victoria", "Westborough", "Shoeburyness", "West Shoebury"]
    /// Area rows on the first-run form (the wards and room for more).
    static let firstRunAreaRows = 8

    /// The first-run set-up: the programme's name, then its areas.
    static func firstRun(name: String, areas: [String]) -> StepForm {
        let listed = areas.isEmpty ? southendWards : areas
        var values: [String: String] = ["name": name]
        for (i, area) in listed.prefix(firstRunAreaRows).enumerated() { values["area\(i + 1)"] = area }
        let specs = [Spec("name", "Programme", "its name, shown in the title bar (for example A Better Start Southend)")]
            + (1...firstRunAreaRows).map { Spec("area\($0)", "Area \($0)", $0 <= listed.count ? "empty removes it" : "another area, or leave empty") }
        return StepForm(purpose: .firstRun, title: "Welcome: set up Coproduce (Esc skips; S then W comes back here)", specs: specs, values: values)
    }

    /// The form that adds one to a section (nil for settings, which are changed, not added).
    static func new(_ section: SetupSection, state: AppState) -> StepForm? {
        switch section {
        case .areas: return StepForm(purpose: .newArea, title: "New area", specs: [Spec("name", "Name", "for example Kursaal")])
        case .champions: return champion(purpose: .newChampion, title: "New Parent Champion", values: ["status": "active"], state: state)
        case .accounts:
            return StepForm(purpose: .newAccount, title: "New account", specs: [
                Spec("name", "Signs in as", "the name they type at sign-in"),
                Spec("role", "Role", choices: [Role.office, .crecheStaff, .champion, .admin].map(\.name)),
                Spec("champion", "Champion", "for a Parent Champion's account: part of their name"),
                Spec("secret", "PIN", "at least \(SignInRules.minimumSecretLength) characters; not shown", secret: true),
                Spec("again", "PIN again", "the same again", secret: true),
            ])
        case .children: return child(purpose: .newChild, title: "Register a child", values: [:], state: state)
        case .staff: return staff(purpose: .newStaff, title: "Someone who works the crèches", values: ["level": "3", "firstAid": "full", "over_17": "no",
                                                                                                    "full_and_relevant": "yes", "student": "no", "competent": "no"], state: state)
        case .settings: return nil
        case .glossary:
            return StepForm(purpose: .newWord, title: "A word to put plainly", specs: [
                Spec("term", "Word", "the jargon, for example stakeholder"),
                Spec("plain", "Say instead", "plainer words, for example people with an interest"),
            ])
        }
    }

    /// The form that changes the chosen row of a list.
    static func edit(_ s: SetupScreen, row i: Int, state: AppState) -> StepForm? {
        switch s.section {
        case .areas:
            let a = s.areas[i].area
            return StepForm(purpose: .renameArea(a.id), title: "Rename \(a.name)", specs: [Spec("name", "Name")], values: ["name": a.name])
        case .champions:
            let c = s.champions[i]
            var values: [String: String] = [
                "name": c.champion.name, "area": c.areaName, "trained": c.champion.trainedOn?.uk ?? "", "course": c.trainingCourse ?? "",
                "refresher": c.refresherDue?.uk ?? "", "status": c.status.rawValue, "why": c.statusReason ?? "",
                "since": c.status == .active ? "" : c.statusSince?.uk ?? "",
            ]
            values["phone"] = c.phone ?? ""
            values["email"] = c.email ?? ""
            values["dbs"] = c.dbsNumber ?? ""
            values["dbsIssued"] = c.dbsIssued?.uk ?? ""
            values["dbsDue"] = c.dbsRenewalDue?.uk ?? ""
            return champion(purpose: .editChampion(c.champion.id), title: "Parent Champion: \(c.champion.name)", values: values, state: state)
        case .accounts:
            return resetPin(s.accounts[i].name)
        case .children:
            let c = s.children[i]
            return child(purpose: .editChild(c.id), title: "Child: \(c.fullName)\(c.addedOnDay ? " (added on the day: check and save)" : "")", values: [
                "first_name": c.firstName, "family_name": c.familyName, "date_of_birth": c.birthDateEstimated ? "\(state.today.age(ofSomeoneBornOn: c.dateOfBirth))" : c.dateOfBirth.uk, "parent": c.parentName,
                "champion": c.parentChampionID.flatMap { s.championNames[$0] } ?? "", "collectors": c.collectors.joined(separator: ", "),
                "emergency": c.emergencyContact ?? "", "notes": c.notes ?? "",
            ], state: state)
        case .staff:
            let m = s.staff[i]
            return staff(purpose: .editStaff(m.id), title: "Crèche staff: \(m.name)", values: [
                "name": m.name, "level": String(m.level), "firstAid": m.firstAid.word == "no" ? "none" : m.firstAid.word,
                "first_aid_on": m.firstAidOn?.uk ?? "", "date_of_birth": m.dateOfBirth?.uk ?? "", "over_17": m.seventeenOrOver ? "yes" : "no",
                "full_and_relevant": m.fullAndRelevant ? "yes" : "no", "qualified_on": m.qualifiedOn?.uk ?? "",
                "student": m.student ? "yes" : "no", "competent": m.competent ? "yes" : "no",
                "safeguarding_on": m.safeguardingOn?.uk ?? "", "dbs_on": m.dbsOn?.uk ?? "",
                "account": m.accountID.flatMap { s.accountNames[$0] } ?? "",
            ], state: state)
        case .settings:
            let r = s.settings[i]
            return StepForm(purpose: .setting(r.setting), title: r.setting.meaning.what, specs: [
                Spec("value", "Value", r.setting.meaning.allowed),
            ], values: ["value": r.value])
        case .glossary:
            let e = s.glossary[i]
            return StepForm(purpose: .editWord(e.term), title: "Put “\(e.term)” plainly", specs: [
                Spec("term", "Word", locked: true), Spec("plain", "Say instead"),
            ], values: ["term": e.term, "plain": e.plain])
        }
    }

    /// A new PIN for an account, typed twice and never shown.
    static func resetPin(_ name: String) -> StepForm {
        StepForm(purpose: .resetPin(name), title: "New PIN for \(name)", specs: [
            Spec("secret", "New PIN", "at least \(SignInRules.minimumSecretLength) characters; not shown", secret: true),
            Spec("again", "PIN again", "the same again", secret: true),
        ])
    }

    /// The crèche worker's PIN, to show the children's notes hidden while nobody was at the keys.
    static func showNotes(_ name: String) -> StepForm {
        StepForm(purpose: .showNotes, title: "Show the children's notes, \(name)", specs: [
            Spec("secret", "Your PIN", "the one you signed in with", secret: true),
        ])
    }

    /// Changing one's own PIN: the old one first, the new one twice.
    /// A champion's own e-mail reminders: yes or no, and the address.
    static func emailReminders(_ p: ContactPreference, name: String) -> StepForm {
        StepForm(purpose: .emailReminders(championID: p.championID), title: "E-mail reminders of your meetings, \(name)", specs: [
            Spec("reminders", "E-mail me", choices: ["no", "yes"]),
            Spec("address", "Address", "name@example.org"),
        ], values: ["reminders": p.emailReminders ? "yes" : "no", "address": p.address])
    }

    static func changeOwnPin(_ name: String) -> StepForm {
        StepForm(purpose: .changeOwnPin, title: "Change your PIN or passphrase, \(name)", specs: [
            Spec("old", "Current PIN", "the one you signed in with", secret: true),
            Spec("secret", "New PIN", "at least \(SignInRules.minimumSecretLength) characters", secret: true),
            Spec("again", "New again", "the same again", secret: true),
        ])
    }

    /// A child who turned up unbooked: what the register needs, then booked in at once.
    static func walkIn(meetingID: Int64, state: AppState) -> StepForm {
        child(purpose: .walkIn(meetingID: meetingID), title: "A child who has turned up: register and book them in", values: [:], state: state)
    }

    private static func champion(purpose: StepForm.Purpose, title: String, values: [String: String], state: AppState) -> StepForm {
        var specs = [
            Spec("name", "Name", "their full name"),
            Spec("area", "Area", "the area they represent: part of its name"),
            Spec("trained", "Trained on", "12/01/2027, or empty"),
            Spec("course", "Course", "the course they completed"),
            Spec("refresher", "Refresher due", "12/01/2028, or empty"),
            Spec("status", "Status", choices: ChampionStatus.allCases.map(\.rawValue)),
            Spec("why", "Why", "why paused or left (needed then)"),
            Spec("since", "Since", "the day they paused or left; empty for today"),
        ]
        // Contact details and DBS only for roles allowed to see them.
        if AccessPolicy.scope(state.session?.role ?? .champion, .write, .championPrivate) == .all {
            specs += [Spec("phone", "Phone"), Spec("email", "Email"), Spec("dbs", "DBS number"),
                      Spec("dbsIssued", "DBS issued", "12/01/2025"), Spec("dbsDue", "DBS renew by", "12/01/2028")]
        }
        return StepForm(purpose: purpose, title: title, specs: specs, values: values)
    }

    private static func child(purpose: StepForm.Purpose, title: String, values: [String: String], state: AppState) -> StepForm {
        var specs = [
            Spec("first_name", "First name"), Spec("family_name", "Family name"),
            Spec("date_of_birth", "Born", BirthDateInput.hint),
            Spec("parent", "Parent", "the parent or carer (a champion is offered)"),
            Spec("collectors", "Also collects", "others who may collect, commas between"),
        ]
        if case .walkIn = purpose {} else {
            specs.insert(Spec("champion", "Champion", "if the parent is a Parent Champion: part of the name"), at: 4)
        }
        // Health notes and the emergency contact only for roles allowed them.
        if AccessPolicy.scope(state.session?.role ?? .champion, .write, .childNotes) != .none || purpose.isWalkIn {
            specs += [Spec("emergency", "Emergency", "who to call, and their number"),
                      Spec("notes", "Notes", "allergies, diet, medical needs")]
        }
        return StepForm(purpose: purpose, title: title, specs: specs, values: values)
    }

    private static func staff(purpose: StepForm.Purpose, title: String, values: [String: String], state: AppState) -> StepForm {
        var specs = [
            Spec("name", "Name"),
            Spec("level", "Level", choices: StaffMember.levels.map(String.init)),
            Spec("full_and_relevant", "Full/relevant", choices: ["yes", "no"]),
            Spec("qualified_on", "Qualified on", "the day the level was gained, as 12/09/2019 (from 30/06/2016 it needs first aid)"),
            Spec("firstAid", "First aid", choices: ["full", "emergency", "none"]),
            Spec("first_aid_on", "First aid on", "the day the certificate was issued (it lasts 3 years)"),
            Spec("date_of_birth", "Born", "date of birth, or leave empty and say 17 or over below"),
            Spec("over_17", "17 or over", choices: ["no", "yes"]),
            Spec("student", "Student", choices: ["no", "yes"]),
            Spec("competent", "Competent", choices: ["no", "yes"]),
            Spec("safeguarding_on", "Safeguarding", "the day of their last safeguarding training"),
            Spec("dbs_on", "DBS on", "the day of their enhanced DBS check"),
        ]
        if state.session?.role == .admin {
            specs.append(Spec("account", "Signs in as", "their crèche staff account, if they have one"))
        }
        return StepForm(purpose: purpose, title: title, specs: specs, values: values)
    }
}

extension StepForm.Purpose {
    /// Whether it registers a child at the door.
    var isWalkIn: Bool {
        if case .walkIn = self { return true }
        return false
    }
}
