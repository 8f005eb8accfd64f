import Coproduction
import CoproductionStore
import CoproductionTUI
import Foundation

/// Update + read + view for one key, in process (no terminal): the work the app does for a
/// key before ncurses sends the frame.
struct InProcessFigures {
    var viewMain: Samples
    var keys: [(String, Samples)]
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
        let detail = keys("open a detail and back (Enter, Esc)", [.enter, .escape])
        // Filtering: type a letter and rub it out, each a frame.
        controller.handle(.key(.character("1")))
        let filter = keys("filter as you type (/ then a letter, Backspace)", [.character("/"), .character("b"), .backspace, .escape])
        return InProcessFigures(viewMain: viewMain, keys: [move, pane, detail, filter])
    }
}
