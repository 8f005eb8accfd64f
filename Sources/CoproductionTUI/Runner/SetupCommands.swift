import Coproduction
import CoproductionStore
import Foundation

/// What a switch key on a set-up list does (x): retire or bring back an area, disable or
/// enable an account, remove a glossary word.
public enum SetupSwitch: Hashable, Sendable {
    case area(id: Int64, name: String, retire: Bool)
    case account(name: String, disable: Bool)
    case word(String)
}

/// The runner's part for the set-up section: saving its forms through the same store calls
/// as the command line (which check roles, versions and rules again), the first-run set-up,
/// and the switches.
extension AppController {
    /// Saves a set-up form; nil when the form is not one of the set-up's.
    func saveSetup(_ form: StepForm, _ actor: Actor) -> [Message]? {
        let now = clock()
        var errors: [String: String] = [:]
        var status = ""
        var open: DetailTarget?
        var select: Int64?
        func text(_ id: String) -> String { (form.values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        func day(_ id: String, optional: Bool = true) -> LocalDate? {
            if optional && text(id).isEmpty { return nil }
            switch UKInput.date(text(id), today: state.today) {
            case .success(let d): return d
            case .failure(let e): errors[id] = e.description; return nil
            }
        }
        func pick(_ id: String, _ source: PickSource, what: String) -> Choice? {
            switch Picker.pick(text(id), among: choices(source, actor), what: what) {
            case .success(let c): return c
            case .failure(let p): errors[id] = text(id).isEmpty ? "Type part of the \(what)'s name and choose from the list." : p.words; return nil
            }
        }
        func newSecret() -> String? {
            let secret = form.values["secret"] ?? ""
            if secret.count < SignInRules.minimumSecretLength {
                errors["secret"] = "A PIN or passphrase needs at least \(SignInRules.minimumSecretLength) characters."
                return nil
            }
            if secret != form.values["again"] {
                errors["again"] = "The two entries differ: type the same PIN again."
                return nil
            }
            return secret
        }
        func childFromForm() -> Child? {
            var born: BirthDateInput?
            switch BirthDateInput.parse(text("date_of_birth"), today: state.today) {
            case .success(let b): born = b
            case .failure(let e): errors["date_of_birth"] = e.description
            }
            var champion: Int64?
            if !text("champion").isEmpty { champion = pick("champion", .champions, what: "Parent Champion")?.id }
            var child = Child(firstName: text("first_name"), familyName: text("family_name"), dateOfBirth: born?.date ?? state.today,
                              parentName: text("parent"), parentChampionID: champion, collectors: Picker.names(in: text("collectors")),
                              emergencyContact: text("emergency"), notes: form.values["notes"] ?? "")
            child.birthDateEstimated = born?.estimated ?? false
            for p in child.problems(today: state.today) {
                let key = p.field == .emergencyContact ? "emergency" : p.field.rawValue  // the form's own name for it
                if errors[key] != nil || (p.field == .dateOfBirth && born == nil) { continue }
                errors[key] = Self.sentence(p.message)
            }
            return errors.isEmpty ? child : nil
        }
        do {
            switch form.purpose {
            case .firstRun:
                let name = text("name")
                try database.set(.programmeName, to: name, as: actor, now: now)
                let existing = choices(.areas, actor)
                var added = 0
                for i in 1...SetupForms.firstRunAreaRows {
                    let area = text("area\(i)")
                    guard !area.isEmpty, !existing.contains(where: { NameMatch.fold($0.name) == NameMatch.fold(area) }) else { continue }
                    try database.addArea(as: actor, name: area, now: now)
                    added += 1
                }
                try database.set(.firstRunDone, to: "yes", as: actor, now: now)
                status = "\(Plural.count(added, "area")) added. Now add your Parent Champions: press n."
                open = .setup(.champions)
            case .newArea:
                let id = try database.addArea(as: actor, name: text("name"), now: now)
                status = "Area \(text("name")) added."
                _ = id
            case .renameArea(let id):
                try database.renameArea(as: actor, id: id, to: text("name"), now: now)
                status = "Renamed \(text("name")); its champions, ideas and history stay with it."
            case .newChampion, .editChampion:
                let area = pick("area", .areas, what: "area")
                let trained = day("trained")
                let refresher = day("refresher")
                let dbsIssued = day("dbsIssued")
                let dbsDue = day("dbsDue")
                let since = day("since")
                if text("name").isEmpty { errors["name"] = "The champion needs a name." }
                let standing = ChampionStatus(rawValue: text("status")) ?? .active
                if standing != .active && text("why").isEmpty { errors["why"] = "Say why the champion has \(standing == .left ? "left" : "paused")." }
                if trained != nil && text("course").isEmpty { errors["course"] = "Name the course they completed." }
                guard errors.isEmpty, let area, let areaID = area.id else { break }
                var existing: Int64?
                if case .editChampion(let id) = form.purpose { existing = id }
                // A second champion of the same name in the area warns once; Enter again
                // saves, unless the name or area has changed since the warning.
                let same = "\(NameMatch.fold(text("name")))|\(areaID)"
                if try database.championExists(named: text("name"), areaID: areaID, except: existing) && form.warnedFor != same {
                    let again = existing == nil ? "Press Enter again to add a second." : "Press Enter again to save anyway."
                    return [.stepFormProblems(["name": "There is already a Parent Champion called \(text("name")) in \(area.name). \(again)"],
                                              message: "", warned: same)]
                }
                let contact = form.specs.contains(where: { $0.id == "phone" })
                    ? ChampionContact(phone: text("phone"), email: text("email"), dbsNumber: text("dbs"), dbsIssued: dbsIssued, dbsRenewalDue: dbsDue)
                    : nil
                try database.saveChampion(as: actor, ChampionEdit(id: existing, name: text("name"), areaID: areaID, trained: trained,
                                                                  course: text("course"), refresher: refresher, status: standing,
                                                                  reason: text("why"), since: since, contact: contact), today: state.today, now: now)
                if case .newChampion = form.purpose {
                    status = "\(text("name")) added to \(area.name). To let them sign in, Tab to Accounts and press n."
                } else {
                    status = "\(text("name")) saved."
                }
            case .newAccount:
                let role = Role.allCases.first { $0.name == text("role") } ?? .office
                var champion: Int64?
                if role == .champion { champion = pick("champion", .champions, what: "Parent Champion")?.id }
                else if !text("champion").isEmpty { errors["champion"] = "Only a Parent Champion's account is linked to a champion: leave it empty." }
                if text("name").isEmpty { errors["name"] = "Type the name they will sign in with." }
                let secret = newSecret()
                guard errors.isEmpty, let secret else { break }
                try database.addUser(as: actor, name: text("name"), role: role, championID: champion, secret: secret, now: now)
                status = "\(text("name")) can sign in now, as \(role.name)."
            case .resetPin(let name):
                guard let secret = newSecret() else { break }
                try database.resetSecret(as: actor, name: name, secret: secret, now: now)
                status = "\(name) has a new PIN; any lockout is cleared."
            case .changeOwnPin:
                guard let secret = newSecret() else { break }
                do {
                    try database.changeOwnSecret(as: actor, old: form.values["old"] ?? "", new: secret, now: now)
                } catch .invalid(let words) where words.hasPrefix("old:") {
                    return [.stepFormProblems(["old": "That is not your current PIN or passphrase."], message: "")]
                }
                status = "Your PIN or passphrase is changed: use the new one next time."
            case .showNotes:
                do {
                    _ = try database.signIn(name: actor.name, secret: form.values["secret"] ?? "", now: now)
                } catch {
                    return [.stepFormProblems(["secret": "\(error)"], message: "")]
                }
                return [.saved(Saved("The notes are showing again.")), .notesShown]
            case .newChild:
                guard let child = childFromForm() else { break }
                try database.addChild(as: actor, child, today: state.today, now: now)
                status = "\(child.fullName) registered: book them from a crèche's register (b)."
            case .editChild(let id):
                guard let child = childFromForm() else { break }
                try database.updateChild(as: actor, id: id, child, today: state.today, now: now)
                status = "\(child.fullName) saved."
            case .walkIn(let meetingID):
                if text("emergency").isEmpty { errors["emergency"] = "Who to call in an emergency, and their number: the register needs it." }
                guard let child = childFromForm(), errors.isEmpty else { break }
                select = try database.addWalkInChild(as: actor, meetingID: meetingID, child, today: state.today, now: now).child
                status = "\(child.fullName) booked in: i signs them in. The office completes the record later."
            case .newStaff, .editStaff:
                var account: Int64?
                if !text("account").isEmpty { account = pick("account", .crecheAccounts, what: "crèche staff account")?.id }
                guard errors.isEmpty else { break }
                var id: Int64 = 0
                if case .editStaff(let existing) = form.purpose { id = existing }
                var member = StaffMember(id: id, name: text("name"), level: Int(text("level")) ?? 3, paediatricFirstAid: false, accountID: account)
                member.firstAid = FirstAidCertificate(word: text("firstAid")) ?? .none
                member.firstAidOn = day("first_aid_on")
                member.dateOfBirth = day("date_of_birth")
                member.seventeenOrOver = text("over_17") == "yes"
                member.fullAndRelevant = text("full_and_relevant") != "no"
                member.qualifiedOn = day("qualified_on")
                member.student = text("student") == "yes"
                member.competent = text("competent") == "yes"
                member.safeguardingOn = day("safeguarding_on")
                member.dbsOn = day("dbs_on")
                guard errors.isEmpty else { break }
                try database.saveStaffMember(as: actor, member, today: state.today, now: now)
                status = id == 0 ? "\(text("name")) added. Put them on a rota: press s on a crèche register."
                                 : "\(text("name")) saved."
            case .setting(let setting):
                switch setting.normalise(form.values["value"] ?? "") {
                case .failure(let e): errors["value"] = Self.sentence(e.description)
                case .success(let value):
                    try database.set(setting, to: value, as: actor, now: now)
                    status = "\(setting.meaning.what): now \(value.isEmpty ? "empty" : value)."
                }
            case .newWord, .editWord:
                try database.addGlossaryEntry(as: actor, term: text("term"), plain: text("plain"), now: now)
                status = "“\(text("term"))” is checked for now: the app suggests “\(text("plain"))”."
            default:
                return nil
            }
            if errors.isEmpty { return [.saved(Saved(status, open: open, selectRecord: select)), try settingsRead()] }
        } catch .fields(let issues) {
            var message = ""
            for issue in issues {
                if form.specs.contains(where: { $0.id == issue.field }) { errors[issue.field] = Self.sentence(issue.message) }
                else { message += Self.sentence(issue.message) + " " }
            }
            return [.stepFormProblems(errors, message: message.trimmingCharacters(in: .whitespaces))]
        } catch {
            return [.stepFormProblems(errors, message: Self.fieldWords(error.description, form: form, into: &errors))]
        }
        return [.stepFormProblems(errors, message: "")]
    }

    /// A store message that names a field ("name: …") goes beside that field; the rest is
    /// the form's message.
    static func fieldWords(_ words: String, form: StepForm, into errors: inout [String: String]) -> String {
        let parts = words.split(separator: ":", maxSplits: 1).map(String.init)
        let codes = ["name": "name", "area": "area", "level": "level", "reason": "why", "why": "why", "since": "since", "account": "account",
                     "parent": "parent"]
        if parts.count == 2, let code = codes[parts[0]], form.specs.contains(where: { $0.id == code }) {
            errors[code] = sentence(parts[1].trimmingCharacters(in: .whitespaces))
            return ""
        }
        return words
    }

    /// The first-run set-up, filled with what is there already.
    func openFirstRun(_ actor: Actor) -> [Message] {
        guard AccessPolicy.scope(actor.role, .write, .setting) == .all else { return [.status(AccessDenied(role: actor.role, operation: .write, kind: .setting).description)] }
        let name = (try? database.text(of: .programmeName)) ?? ""
        // In the areas' own order (the pane's), open ones only.
        let areas = ((try? database.areas(as: actor, today: state.today, offset: 0, limit: 500)) ?? []).filter { !$0.area.retired }.map(\.area.name)
        return [.present(.stepForm(SetupForms.firstRun(name: name, areas: areas)))]
    }

    /// x on a set-up list.
    func setupSwitch(_ change: SetupSwitch, _ actor: Actor) -> [Message] {
        do {
            switch change {
            case .area(let id, let name, let retire):
                try database.setAreaRetired(as: actor, id: id, retired: retire, now: clock())
                return [.saved(Saved(retire ? "\(name) retired: it keeps its history and takes no new champions or ideas. x brings it back." : "\(name) is open again.", close: 0))]
            case .account(let name, let disable):
                try database.setDisabled(as: actor, name: name, disabled: disable, now: clock())
                return [.saved(Saved(disable ? "\(name) can no longer sign in. x lets them again." : "\(name) can sign in again.", close: 0))]
            case .word(let term):
                try database.removeGlossaryEntry(as: actor, term: term, now: clock())
                return [.saved(Saved("“\(term)” is no longer checked.", close: 0)),
                        try settingsRead()]
            }
        } catch {
            return [.status(error.description)]
        }
    }
}

extension AppController {
    /// After `coproduce init`, the first admin's first sign-in opens the first-run set-up
    /// (once: it is marked offered, and S then W brings it back).
    func firstRun(for actor: Actor) -> [Message] {
        guard actor.role == .admin, (try? database.text(of: .firstRunDone)) != "yes",
              ((try? database.countAreas(as: actor, filter: "")) ?? 1) == 0 else { return [] }
        try? database.set(.firstRunDone, to: "yes", as: actor, now: clock())
        return openFirstRun(actor)
    }
}
