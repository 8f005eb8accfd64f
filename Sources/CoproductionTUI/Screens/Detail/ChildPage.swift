import Coproduction
import CoproductionStore

/// A child's whole record, opened with Enter on the register: date of birth and age band,
/// parent and who may collect, the emergency contact, and every word of their notes (for the
/// roles allowed to see them; others are told the notes exist).
enum ChildPage: DetailPage {
    static let title = "Child"

    static func load(_ target: DetailTarget, _ database: AppDatabase, _ actor: Actor, now: LocalDateTime) throws(StoreError) -> DetailContent {
        guard case .child(let id) = target, let child = try database.children(as: actor).first(where: { $0.id == id }) else {
            throw .notFound(what: "That child's record")
        }
        return .child(child)
    }

    static func lines(_ detail: DetailState, _ state: AppState, width: Int) -> [Line] {
        guard case .child(let c)? = detail.content else { return [] }
        let g = state.theme.glyphs
        let age = state.today.age(ofSomeoneBornOn: c.dateOfBirth)
        var out: [Line] = [Line(c.fullName, .bold), .blank]
        out += Line.field("Born", c.birthDateEstimated
                          ? "not known: about \(age), from the age given at the door"
                          : "\(c.dateOfBirth.long) (\(AgeBand.on(state.today, bornOn: c.dateOfBirth).name) today)", width: width)
        out += Line.field("Parent", c.parentName, width: width)
        out += Line.field("Collects", ([c.parentName] + c.collectors).joined(separator: ", "), width: width)
        out += Line.field("Emergency", c.emergencyContact.map { $0.isEmpty ? "none recorded" : $0 } ?? "held by the office", width: width)
        out.append(.blank)
        out.append(Line.heading("Allergies, diet and medical notes", state))
        if state.notesHidden && c.hasNotes {
            out.append(Line("\(g.warn) Hidden while nobody was at the keys: go back and press p, then give your PIN.", .dim))
        } else if let notes = c.notes, !notes.trimmingCharacters(in: .whitespaces).isEmpty {
            out += DisplayWidth.wrap("\(g.warn) \(notes)", width: max(10, width)).map { Line($0, .bold) }
        } else {
            out.append(Line(c.hasNotes ? "\(g.warn) There are notes: the office and the crèche staff on the session hold them." : "None recorded."))
        }
        if c.addedOnDay {
            out += [.blank] + Line.field("To do", "added on the day at the crèche door; the office checks it with the parent", width: width)
        }
        return out
    }
}
