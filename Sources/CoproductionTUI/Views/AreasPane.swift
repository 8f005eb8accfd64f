/// The "Parent Champion areas" pane: each area's active champions and the next meeting a
/// champion from it is going to.
enum AreasPane {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let pane = PaneID.areas
        let inner = ListFrame.box(state, pane, in: rect, on: &screen)
        let columns: [Column] = [.flex("Area"), .fixed("Active", 6, right: true), .fixed("Next meeting", 12)]
        let rows = ListFrame.visible(state, pane, window: state.areas).map { a -> [TableCell] in
            let none = a.activeChampions == 0
            return [TableCell(a.area.retired ? "\(a.area.name) (retired)" : a.area.name),
                    TableCell("\(a.activeChampions) of \(a.champions)", style: none ? state.theme.status(.warn) : nil),
                    TableCell(a.nextMeeting?.date.medium ?? "none booked", style: a.nextMeeting == nil ? state.theme.status(.warn) : nil)]
        }
        ListFrame.table(state, pane, columns: columns, rows: rows, in: inner, on: &screen)
    }
}
