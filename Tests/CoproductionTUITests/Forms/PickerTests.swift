import Coproduction
@testable import CoproductionTUI
import Testing

/// Type-ahead over names: case and accents ignored, several names in one field, and a name
/// that stands for nobody or for several is refused with words that say what to do.
@Suite struct PickerTests {
    let people = [Choice("Zoë Adams", detail: "Kursaal", id: 1), Choice("Priya Shah", detail: "Kursaal", id: 2),
                  Choice("Grace Okafor", detail: "Westborough", id: 7), Choice("Renée Dubois", detail: "Milton", id: 15)]

    func typed(_ text: String) -> Caret { Caret(cursor: text.count, selectedAll: false) }

    @Test func accentsAndCaseAreIgnoredAndWordStartsComeFirst() {
        let picker = Picker(people)
        #expect(picker.suggestions(for: "zoe", caret: typed("zoe")).map(\.name) == ["Zoë Adams"])
        #expect(picker.suggestions(for: "RENEE", caret: typed("RENEE")).map(\.name) == ["Renée Dubois"])
        // "a" starts Adams (a word) before it sits inside Shah, Grace, Okafor.
        #expect(picker.suggestions(for: "a", caret: typed("a")).first?.name == "Zoë Adams")
        #expect(picker.suggestions(for: "", caret: typed("")).isEmpty, "nothing is offered before a letter is typed")
        #expect(picker.suggestions(for: "Priya Shah", caret: typed("Priya Shah")).isEmpty, "a whole name is already chosen")
        #expect(picker.suggestions(for: "xyz", caret: typed("xyz")).isEmpty)
    }

    @Test func aFieldOfSeveralTakesEachNameAtTheCursorAndOffersNoneTwice() {
        let picker = Picker(people, multiple: true)
        var (text, caret) = picker.take(people[0], in: "zo", caret: typed("zo"))
        #expect(text == "Zoë Adams, ")
        text += "pri"
        caret = typed(text)
        #expect(picker.suggestions(for: text, caret: caret).map(\.name) == ["Priya Shah"])
        (text, caret) = picker.take(people[1], in: text, caret: caret)
        #expect(text == "Zoë Adams, Priya Shah, ")
        #expect(Picker.names(in: text) == ["Zoë Adams", "Priya Shah"])
        // A name already in the field is not offered again.
        #expect(!picker.suggestions(for: text + "a", caret: typed(text + "a")).contains { $0.name == "Zoë Adams" })
        // The name being typed is the one at the cursor, even in the middle.
        let middle = "gr, Priya Shah"
        #expect(picker.suggestions(for: middle, caret: Caret(cursor: 2, selectedAll: false)).map(\.name) == ["Grace Okafor"])
        #expect(picker.take(people[2], in: middle, caret: Caret(cursor: 2, selectedAll: false)).0 == "Grace Okafor, Priya Shah")
    }

    @Test func aMenuOffersEverythingBeforeAnythingIsTyped() throws {
        let menu = Picker([Choice("meeting"), Choice("group chat"), Choice("newsletter")], menu: true)
        #expect(menu.suggestions(for: "", caret: typed("")).count == 3)
        #expect(menu.suggestions(for: "news", caret: typed("news")).map(\.name) == ["newsletter"])
    }

    @Test func aNameThatIsNobodyOrSeveralIsRefusedSayingWhatToDo() throws {
        #expect(try Picker.pick("zoe", among: people, what: "Parent Champion").get().id == 1)
        #expect(try Picker.pick("Okafor", among: people, what: "Parent Champion").get().id == 7)
        guard case .failure(let none) = Picker.pick("Nobody", among: people, what: "Parent Champion") else {
            Issue.record("a name matching nobody was taken")
            return
        }
        #expect(none.words == "No Parent Champion is called “Nobody”: type part of the name and choose from the list.")
        guard case .failure(let several) = Picker.pick("a", among: people, what: "Parent Champion") else {
            Issue.record("a name matching several was taken")
            return
        }
        #expect(several.words.contains("could be Zoë Adams (Kursaal)"))
        #expect(several.words.contains("type more of the name"))
        // Two people of one whole name: the name is not enough.
        let twins = [Choice("Sam Wright", detail: "Westborough", id: 9), Choice("Sam Wright", detail: "Milton", id: 30)]
        guard case .failure(let same) = Picker.pick("sam wright", among: twins, what: "Parent Champion") else {
            Issue.record("one of two people with the same name was taken")
            return
        }
        #expect(same.words.contains("Sam Wright (Westborough), Sam Wright (Milton)"))
    }
}
