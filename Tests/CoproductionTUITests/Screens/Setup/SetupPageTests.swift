import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Testing

/// Setting up from the full-screen app: the first run, the set-up lists and their forms,
/// with bad input beside its field and nothing typed lost.
@Suite struct SetupPageTests {
    func admin(_ f: Fixture) throws -> Actor { try #require(try f.database.demoActor()) }

    @Test func theFirstAdminsFirstSignInOpensTheFirstRunSetUp() throws {
        let f = try Fixture(signedIn: false, demo: false)
        #expect(f.screen.text.contains("No areas") == false, "nothing shows before sign-in")
        f.type(Fixture.firstAdmin.name)
        f.press(.enter)
        f.type(Fixture.firstAdmin.secret)
        f.press(.enter)
        let form = try #require(f.controller.state.stack.last.flatMap { StepForm(entry: $0) })
        #expect(form.purpose == .firstRun)
        #expect(form.values["area1"] == "Kursaal" && form.values["area6"] == "West Shoebury")
        f.type("A Better Start Southend")
        // Rename one ward, remove another.
        while f.controller.state.stack.last.flatMap({ StepForm(entry: $0) })?.focus != "area3" { f.press(.tab) }
        f.type("Victoria Ward")
        f.press(.tab, .tab, .tab, .control("u"))
        f.press(.enter)
        #expect(f.controller.state.status == "5 areas added. Now add your Parent Champions: press n.")
        guard case .setup(.champions)? = f.controller.state.detail?.target else {
            Issue.record("the champions list did not open")
            return
        }
        #expect(f.screen.text.contains("No Parent Champions yet: press n to add one."))
        #expect(f.screen.lines[0].contains("A Better Start Southend"))
        let actor = try #require(f.controller.state.session)
        #expect(try f.database.areas(as: actor, today: Fixture.today, offset: 0, limit: 10).map(\.area.name)
            == ["Kursaal", "Milton", "Victoria Ward", "Westborough", "Shoeburyness"])
        // Once offered, it does not come back at the next sign-in (S then W brings it back).
        f.signIn(as: Fixture.firstAdmin.name, secret: Fixture.firstAdmin.secret)
        #expect(f.controller.state.stack.isEmpty)
        f.press(.character("S"), .character("W"))
        #expect(f.controller.state.stack.last.flatMap { StepForm(entry: $0) }?.values["area3"] == "Victoria Ward")
    }

    @Test func emptyPanesSayWhatToDoNextToThoseWhoCan() throws {
        let f = try Fixture(signedIn: false, demo: false)
        f.type(Fixture.firstAdmin.name)
        f.press(.enter)
        f.type(Fixture.firstAdmin.secret)
        f.press(.enter, .escape)
        let text = f.screen.text
        #expect(text.contains("No areas yet. Press S to set up"), "the key to press is cut off")
        #expect(text.contains("No meetings yet: press n to add one."))
    }

    @Test func areasAreAddedRenamedRetiredAndBroughtBack() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("S"))
        #expect(f.screen.text.contains("[Areas]"))
        f.press(.character("n"))
        f.type("Kursaal")
        f.press(.enter)
        #expect(f.controller.state.stack.last.flatMap { StepForm(entry: $0) }?.message.contains("already an area called Kursaal") == true
                || f.controller.state.stack.last.flatMap { StepForm(entry: $0) }?.errors["name"]?.contains("already an area") == true)
        f.press(.control("u"))
        f.type("Leigh")
        f.press(.enter)
        #expect(f.controller.state.status == "Area Leigh added.")
        f.press(.end, .character("e"), .control("u"))
        f.type("Leigh-on-Sea")
        f.press(.enter)
        f.press(.character("x"))
        #expect(f.controller.state.status.hasPrefix("Leigh-on-Sea retired"))
        #expect(f.screen.text.contains("retired"))
        f.press(.character("x"))
        #expect(f.controller.state.status == "Leigh-on-Sea is open again.")
    }

    @Test func aChampionOfTheSameNameInTheAreaWarnsAndAsks() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("S"), .tab, .character("n"))
        f.type("Zoe Adams")
        f.press(.tab)
        f.type("kurs")
        f.press(.enter)  // takes Kursaal
        f.press(.enter)  // saves: warned
        var form = try #require(f.controller.state.stack.last.flatMap { StepForm(entry: $0) })
        #expect(form.errors["name"]?.contains("There is already a Parent Champion called Zoe Adams in Kursaal") == true)
        #expect(form.values["name"] == "Zoe Adams")
        // The name changed to another champion's in the same area: that is asked about anew.
        f.press(.control("u"))
        f.type("Priya Shah")
        f.press(.enter)
        form = try #require(f.controller.state.stack.last.flatMap { StepForm(entry: $0) })
        #expect(form.errors["name"]?.contains("There is already a Parent Champion called Priya Shah in Kursaal") == true)
        #expect(!f.controller.state.status.hasPrefix("Priya Shah added"))
        f.press(.control("u"))
        f.type("Zoe Adams")
        f.press(.enter)  // warned again for Zoe: the earlier warning was for Priya
        #expect(StepForm(entry: try #require(f.controller.state.stack.last))?.errors["name"]?.contains("Zoe Adams in Kursaal") == true)
        f.press(.enter)
        #expect(f.controller.state.status.hasPrefix("Zoe Adams added to Kursaal"))
        f.press(.character("n"))
        f.type("Nobody")
        f.press(.tab)
        f.type("Atlantis")
        f.press(.enter)
        form = try #require(f.controller.state.stack.last.flatMap { StepForm(entry: $0) })
        #expect(form.errors["area"]?.contains("No area is called “Atlantis”") == true)
        #expect(form.values["name"] == "Nobody")
    }

    @Test func anAccountsPINIsHiddenTypedTwiceAndCheckedBesideItsField() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("S"), .tab, .tab)
        #expect(f.screen.text.contains("[Accounts]"))
        f.press(.character("n"))
        f.type("Priya")
        f.press(.tab, .right, .right, .tab)  // Parent Champion
        f.type("priya")
        f.press(.enter, .tab)
        f.type("4321")
        f.press(.tab)
        f.type("4322")
        #expect(!f.screen.text.contains("4321"), "a PIN was drawn as typed")
        #expect(f.screen.text.contains("••••"))
        f.press(.enter)
        var form = try #require(f.controller.state.stack.last.flatMap { StepForm(entry: $0) })
        #expect(form.errors["again"] == "The two entries differ: type the same PIN again.")
        f.press(.control("u"))
        f.type("4321")
        f.press(.enter)
        #expect(f.controller.state.status == "Priya can sign in now, as Parent Champion.", "\(form.errors)")
        #expect(try f.database.signIn(name: "Priya", secret: "4321").championID == 2)
        // Too short is refused beside its field.
        f.press(.character("p"))
        f.type("12")
        f.press(.tab)
        f.type("12")
        f.press(.enter)
        form = try #require(f.controller.state.stack.last.flatMap { StepForm(entry: $0) })
        #expect(form.errors["secret"]?.contains("at least 4 characters") == true)
    }

    @Test func aChildWithAFutureBirthdayIsRefusedBesideTheField() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("S"), .tab, .tab, .tab)
        #expect(f.screen.text.contains("[Children]"))
        f.press(.character("n"))
        for text in ["Ada", "Lovelace", "01/01/2030", "Annabella"] {
            f.type(text)
            f.press(.tab)
        }
        f.press(.enter)
        let form = try #require(f.controller.state.stack.last.flatMap { StepForm(entry: $0) })
        #expect(form.errors["date_of_birth"]?.contains("is in the future") == true)
        #expect(form.values["first_name"] == "Ada" && form.values["parent"] == "Annabella")
    }

    @Test func aSettingOutOfRangeIsRefusedAndNothingChanges() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("S"), .backTab, .backTab)
        #expect(f.screen.text.contains("[Settings]"))
        f.press(.enter)  // the first: minutes before the screen locks
        f.press(.control("u"))
        f.type("500")
        f.press(.enter)
        let form = try #require(f.controller.state.stack.last.flatMap { StepForm(entry: $0) })
        #expect(form.errors["value"]?.contains("from 1 to 120") == true)
        #expect(try f.database.text(of: .autoLockMinutes) == "5")
        f.press(.control("u"))
        f.type("1")
        f.press(.enter)
        #expect(try f.database.text(of: .autoLockMinutes) == "1")
        // The new time holds at once, without starting the app again.
        f.advance(seconds: 59)
        #expect(f.controller.state.session != nil)
        f.advance(seconds: 2)
        #expect(f.controller.state.session == nil, "locked after a minute without a key")
    }

    @Test func crecheStaffAreAddedToTheRegisterThenPutOnARota() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.press(.character("S"), .tab, .tab, .tab, .tab)
        #expect(f.screen.text.contains("[Crèche staff]"))
        f.press(.character("n"))
        f.type("Dawn Fisher")
        f.press(.tab, .right)  // Level 6
        f.press(.enter)
        #expect(f.controller.state.status.hasPrefix("Dawn Fisher added. Put them on a rota"))
        f.press(.escape, .character("3"), .down, .character("r"), .character("s"))
        f.type("daw")
        #expect(f.screen.text.contains("Dawn Fisher"))
        f.press(.enter)
        #expect(f.controller.state.status == "Dawn Fisher is on this session's rota.")
        #expect(f.screen.text.contains("Dawn Fisher"))
    }

    @Test func setUpIsRefusedToChampionsAndCrecheStaffButEveryoneChangesTheirOwnPIN() throws {
        let f = try Fixture()
        for name in ["Zoe Adams", "Crèche Demo"] {
            f.signIn(as: name)
            f.press(.character("S"))
            #expect(f.controller.state.detail == nil)
            #expect(f.controller.state.status.contains("Only office staff and admins can use set-up"))
            f.press(.character("K"))
            #expect(f.controller.state.stack.last.flatMap { StepForm(entry: $0) }?.purpose == .changeOwnPin)
            f.type("0000")
            f.press(.tab)
            f.type("5678")
            f.press(.tab)
            f.type("5678")
            f.press(.enter)
            #expect(f.controller.state.stack.last.flatMap { StepForm(entry: $0) }?.errors["old"] == "That is not your current PIN or passphrase.")
            // The focus is on the field with the problem; the new PIN typed twice is kept.
            f.press(.control("u"))
            f.type(DemoData.demoPIN)
            f.press(.enter)
            #expect(f.controller.state.status == "Your PIN or passphrase is changed: use the new one next time.")
            #expect(try f.database.signIn(name: name, secret: "5678").name == name)
        }
    }

    @Test func aCrecheWorkerRegistersAWalkInChildAndSignsThemIn() throws {
        let f = try Fixture(size: Size(width: 100, height: 40))
        f.signIn(as: "Crèche Demo")
        f.press(.character("3"), .character("r"))
        #expect(f.screen.text.contains("Crèche register"))
        f.press(.character("w"))
        for text in ["Noah", "Walker", "14/02/2024", "Ella Walker", "Gran Walker", "Ella Walker 07700 900456"] {
            f.type(text)
            f.press(.tab)
        }
        f.type("Allergy: sesame.")
        f.press(.control("s"))
        #expect(f.controller.state.status.hasPrefix("Noah Walker booked in: i signs them in"), "\(f.controller.state.stack.last.flatMap { StepForm(entry: $0) }?.errors ?? [:])")
        guard case .register(let register)? = f.controller.state.detail?.content,
              let row = register.rows.firstIndex(where: { $0.child.firstName == "Noah" }) else {
            Issue.record("Noah is not on the register")
            return
        }
        f.press(.home)
        for _ in 0..<row { f.press(.down) }
        f.press(.character("i"))
        #expect(f.controller.state.status.hasPrefix("Noah signed in at"))
        let admin = try admin(f)
        #expect(try f.database.children(as: admin).first { $0.fullName == "Noah Walker" }?.addedOnDay == true)
    }
}
