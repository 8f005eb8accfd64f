import Coproduction
import CoproductionStore
import CoproductionTUI
import Foundation

/// Update + read + view for one key, in process (no terminal): the work the app does for a
/// key before ncurses sends the frame.
struct InProcessFigures {
    var viewMain: Samples
    var keys: [(String, Samples)]
    var queries: [(String, Samples)]
}

enum InProcess {
    static func run(database: AppDatabase, now: LocalDateTime, rounds: Int) throws -> InProcessFigures {
        var state = AppState(size: Size(width: 80, height: 24), now: now, theme: Theme(colour: false, asciiOnly: false), banner: "Benchmark")
        state.session = try database.demoActor()
        let controller = AppController(database: database, state: state)
        var viewMain = Samples()
        for _ in 0..<rounds {
            viewMain.add(milliseconds { _ = view(controller.state, size: controller.state.size) })
        }
        func keys(_ name: String, _ sequence: [Key]) -> (String, Samples) {
            var samples = Samples()
            for _ in 0..<rounds {
                for key in sequence {
                    samples.add(milliseconds {
                        controller.handle(.key(key))
                        _ = controller.render()
                    })
                }
            }
            return (name, samples)
        }
        let move = keys("move the selection (j, k)", [.character("j"), .character("k")])
        let pane = keys("switch pane (Tab)", [.tab, .tab, .tab])
        let ends = keys("jump to the last row and back (End, Home)", [.end, .home])
        let detail = keys("open a detail and back (Enter, Esc)", [.enter, .escape])
        // Filtering: type a letter and rub it out, each a frame.
        controller.handle(.key(.character("1")))
        controller.handle(.key(.character("/")))
        let filter = keys("filter as you type (a letter, Backspace)", [.character("b"), .backspace])
        controller.handle(.key(.escape))
        // The store's part of a filter key, alone.
        guard let actor = try database.demoActor() else { throw StoreError.notFound(what: "The demo account") }
        let checker = try database.barrierChecker()
        var window = Samples(), count = Samples()
        for i in 0..<rounds {
            let filter = i % 2 == 0 ? "b" : "bo"
            window.add(try milliseconds { _ = try database.meetings(as: actor, from: now.date, filter: filter, offset: 0, limit: 17, checker: checker) })
            count.add(try milliseconds { _ = try database.countMeetings(as: actor, from: now.date, filter: filter, atMost: 1001) })
        }
        return InProcessFigures(viewMain: viewMain, keys: [move, pane, ends, detail, filter],
                                queries: [("read the 17 visible meetings, filtered, with their checks", window),
                                          ("count a filter's matches (up to 1,001)", count)])
    }
}
