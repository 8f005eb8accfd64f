import Coproduction
import CoproductionStore
@testable import CoproductionTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The fixed world the screen tests run in: the demo data for Fri 27 Nov 2026, the clock at
/// 10:00, no colour, UTF-8.
final class Fixture {
    static let today = LocalDate(iso: "2026-11-27")!
    static let now = LocalDateTime(date: today, time: TimeOfDay(hour: 10, minute: 0)!)

    let folder: URL
    let database: AppDatabase
    /// The runner; whatever writes files (the papers pack) writes into this test's folder.
    var controller: AppController! {
        didSet { controller?.papersFolder = folder.appendingPathComponent("papers").path }
    }

    /// The first admin of a database made with `coproduce init` (no demo data), and their passphrase.
    static let firstAdmin = (name: "Alison Griffin", secret: "correct horse")

    init(size: Size = Size(width: 80, height: 24), asciiOnly: Bool = false, signedIn: Bool = true, colour: Bool = false,
         demo: Bool = true) throws {
        // wcwidth, like ncurses, needs a UTF-8 locale to measure ✓, é and emoji.
        setlocale(LC_ALL, "C.UTF-8")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("coproduce-tui-\(UUID().uuidString)")
        database = try AppDatabase.open(path: folder.appendingPathComponent("demo.sqlite").path)
        if demo { try DemoData.write(into: database, today: Fixture.today) }
        else { _ = try database.createFirstAdmin(name: Fixture.firstAdmin.name, secret: Fixture.firstAdmin.secret) }
        var state = AppState(size: size, now: Fixture.now, theme: Theme(colour: colour, asciiOnly: asciiOnly), banner: demo ? "Demo data" : "")
        state.session = signedIn && demo ? try database.demoActor() : nil
        let clock = self.clock
        controller = AppController(database: database, state: state, clock: { clock.now })
        // (An initializer does not run didSet.)
        controller.papersFolder = folder.appendingPathComponent("papers").path
    }

    /// A clock the test moves by hand.
    final class FakeClock: @unchecked Sendable {
        var now = Fixture.now.instant
    }

    let clock = FakeClock()

    /// Moves the fake clock on and lets the controller notice.
    func advance(seconds: TimeInterval) {
        clock.now = clock.now.addingTimeInterval(seconds)
        controller.tick(now: Fixture.now)
    }

    /// Sends keys, one event each.
    func press(_ keys: Key...) {
        for key in keys { controller.handle(.key(key)) }
    }

    /// Types text into whatever has the keys (a filter, say).
    func type(_ text: String) {
        for ch in text { controller.handle(.key(.character(ch))) }
    }

    var screen: Screen { controller.render() }

    /// Switches user (U) and signs in through the screen, as someone at the keyboard would;
    /// then, unless `stayOnToday`, closes the Today screen they land on (Esc), as someone
    /// going on to the main screen would.
    @discardableResult
    func signIn(as name: String, secret: String = DemoData.demoPIN, stayOnToday: Bool = false) -> Actor? {
        press(.character("U"))
        type(name)
        press(.enter)
        type(secret)
        press(.enter)
        if !stayOnToday, controller.state.detail?.target == .today { press(.escape) }
        return controller.state.session
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// A state with no database behind it, for `update` tests, signed in as an admin.
func bareState(total: Int = 40, size: Size = Size(width: 80, height: 24)) -> AppState {
    var state = AppState(size: size, now: Fixture.now, theme: Theme(colour: false, asciiOnly: false))
    state.session = Actor(userID: 1, name: "Test Admin", role: .admin)
    for pane in PaneID.allCases { state[pane].total = total }
    return state
}
