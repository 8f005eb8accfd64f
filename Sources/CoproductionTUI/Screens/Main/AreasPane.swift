import Coproduction
import CoproductionStore

/// The "Parent Champion areas" pane: each area's active champions (flagged `!` when a refresher
/// or DBS renewal is due within 30 days, `✗` when one is overdue), open ideas with those waiting
/// to be fed back (`!2`, `✗2` when overdue), and the next meeting a champion from it is going to.
enum AreasPane {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let pane = PaneID.areas
        let inner = ListFrame.box(state, pane, in: rect, on: &screen)
        let g = state.theme.glyphs
        if state.session?.role == .champion {
            // A parent's view: each area's ideas and when its champions next meet, in words.
            let columns: [Column] = [.flex("Area"), .fixed("Ideas", 5, right: true), .fixed("To tell", 7, right: true), .fixed("Next", 6)]
            let rows = ListFrame.visible(state, pane, window: state.areas).map { a -> [TableCell] in
                [TableCell(a.area.name), TableCell("\(a.ideasOpen)"), TableCell("\(a.awaitingFeedback)"),
                 TableCell(a.nextMeeting?.date.short ?? "none")]
            }
            let sentences = ListFrame.visible(state, pane, window: state.areas).map { a in
                "\(a.area.name): \(Plural.count(a.ideasOpen, "idea")) open, \(a.awaitingFeedback) to tell back. " + next(a)
            }
            ListFrame.table(state, pane, columns: columns, rows: rows, sentences: sentences, in: inner, on: &screen)
            return
        }
        // Ideas open, then any waiting to be told back to parents (! waiting, ✗ late), in one
        // column, so every area's name has room at 80 columns.
        let columns: [Column] = [.flex("Area"), .fixed("Champs", 6, right: true), .fixed("Ideas", 6), .fixed("Next", 6)]
        let rows = ListFrame.visible(state, pane, window: state.areas).map { a -> [TableCell] in
            let none = a.activeChampions == 0
            let tell = a.feedbackOverdue > 0 ? "\(g.fail)\(a.awaitingFeedback)" : a.awaitingFeedback > 0 ? "\(g.warn)\(a.awaitingFeedback)" : "0"
            return [TableCell(a.area.retired ? "\(a.area.name) (retired)" : a.area.name),
                    TableCell("\(a.activeChampions)/\(a.champions)" + (a.checks == .pass ? "" : " " + g.glyph(a.checks)),
                              style: none || a.checks != .pass ? state.theme.status(max(a.checks, none ? .warn : .pass)) : nil),
                    TableCell(a.awaitingFeedback > 0 ? "\(a.ideasOpen) \(tell)" : "\(a.ideasOpen)",
                              style: a.feedbackOverdue > 0 ? state.theme.status(.fail) : a.awaitingFeedback > 0 ? state.theme.status(.warn) : nil),
                    TableCell(a.nextMeeting?.date.short ?? "none", style: a.nextMeeting == nil ? state.theme.status(.warn) : nil)]
        }
        let sentences = ListFrame.visible(state, pane, window: state.areas).map { a -> String in
            var words = "\(a.area.name)\(a.area.retired ? " (retired)" : ""): \(a.activeChampions) of \(Plural.count(a.champions, "champion")) active"
            switch a.checks {
            case .fail: words += ", a training or DBS renewal overdue"
            case .warn: words += ", a training or DBS renewal due within 30 days"
            case .pass: break
            }
            words += ". \(Plural.count(a.ideasOpen, "idea")) open, \(a.awaitingFeedback) to tell back"
            if a.feedbackOverdue > 0 { words += " (\(a.feedbackOverdue) overdue)" }
            return words + ". " + next(a)
        }
        ListFrame.table(state, pane, columns: columns, rows: rows, sentences: sentences, in: inner, on: &screen)
    }

    /// The next meeting a champion from the area is going to, in words.
    static func next(_ a: AreaSummary) -> String {
        a.nextMeeting.map { "Next meeting \($0.date.spoken)." } ?? "No meeting coming up."
    }
}
