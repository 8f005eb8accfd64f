import Coproduction
import CoproductionStore

/// The "Crèche headcounts" pane: for each upcoming meeting with a crèche, children booked by
/// age band, staff booked against staff required, room use, and whether it is staffed.
enum CrechePane {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        let pane = PaneID.creche
        let role = state.session?.role
        let box = ListFrame.box(state, pane, title: role == .crecheStaff ? "My crèches" : role == .champion ? "Crèches" : nil, in: rect, on: &screen)
        let (inner, alertRect) = box.splitBottom(state.crecheAlertLines)
        drawAlerts(state, in: alertRect, on: &screen)
        // At 80 columns the pane is too narrow for titles beside the headcounts: each row names
        // its meeting by kind (Pre, Board, T&F…), so two sessions on one day are told apart,
        // and the room's places give way (they are on the crèche's own page).
        let narrow = inner.width < 50
        let columns: [Column] = [.fixed("Date", 6), .flex(narrow ? "Kind" : "Meeting"), .fixed("<2", 2, right: true), .fixed("2", 2, right: true),
                                 .fixed("3+", 2, right: true), .fixed("Staff", 5, right: true)]
            + (narrow ? [] : [.fixed("Room", 5, right: true)]) + [.fixed("Status", 7)]
        if state.session?.role == .champion {
            // A parent's view: each crèche, whether their child has a place, and room left.
            let columns: [Column] = [.fixed("Date", 6), .flex("Meeting"), .fixed("Your child", 11), .fixed("Free", 4, right: true)]
            let rows = ListFrame.visible(state, pane, window: state.creches).map { item -> [TableCell] in
                let free = item.facts.creche.map { max(0, $0.roomCapacity - $0.totalChildren) } ?? 0
                return [TableCell(item.meeting.date.short), TableCell(item.meeting.title),
                        TableCell(item.myChildren.isEmpty ? "not booked" : item.myChildren.joined(separator: ", ")),
                        TableCell(free == 0 ? "full" : "\(free)")]
            }
            let sentences = ListFrame.visible(state, pane, window: state.creches).map { item -> String in
                let free = item.facts.creche.map { max(0, $0.roomCapacity - $0.totalChildren) } ?? 0
                let child = item.myChildren.isEmpty ? "Your child is not booked" : "\(item.myChildren.joined(separator: ", ")) booked"
                return "Crèche for \(item.meeting.title), \(item.meeting.date.spoken). \(child). "
                    + (free == 0 ? "It is full." : "\(Plural.count(free, "place")) free.")
            }
            ListFrame.table(state, pane, columns: columns, rows: rows, sentences: sentences, in: inner, on: &screen)
            return
        }
        let rows = ListFrame.visible(state, pane, window: state.creches).map { item -> [TableCell] in
            guard let booked = item.facts.creche else { return [TableCell(item.meeting.date.short)] }
            let day = item.meeting.date
            let (status, word) = state.checker.crecheStanding(booked, on: day)
            let plan = state.checker.counted(booked, on: day)
            let ratios = state.checker.ratios(on: day)
            let r = item.register
            let now = item.meeting.date == state.today && r.inNow + r.signedOut + r.toCome > 0
                ? "\(r.inNow) in \(state.theme.glyphs.dot) \(r.signedOut) out \(state.theme.glyphs.dot) \(r.toCome) to come: \(item.meeting.title)"
                : item.meeting.title
            return [TableCell(item.meeting.date.short), TableCell(narrow ? item.meeting.kind.label : now),
                    TableCell("\(plan.count(.underTwo))"), TableCell("\(plan.count(.two))"),
                    TableCell("\(plan.count(.threeAndOver))"),
                    TableCell("\(plan.staffBooked)/\(plan.staffRequired(ratios))")]
                + (narrow ? [] : [TableCell("\(plan.totalChildren)/\(plan.roomCapacity)")])
                + [TableCell("\(state.theme.glyphs.glyph(status)) \(word)", style: state.theme.status(status))]
        }
        let sentences = ListFrame.visible(state, pane, window: state.creches).map { item -> String in
            guard let booked = item.facts.creche else { return "Crèche for \(item.meeting.title), \(item.meeting.date.spoken)." }
            let day = item.meeting.date
            let (status, word) = state.checker.crecheStanding(booked, on: day)
            let plan = state.checker.counted(booked, on: day)
            let ratios = state.checker.ratios(on: day)
            let r = item.register
            var words = "Crèche for \(item.meeting.title), \(day.spoken): \(plan.count(.underTwo)) under two, \(plan.count(.two)) aged two, "
                + "\(plan.count(.threeAndOver)) three and over; \(plan.staffBooked) of \(plan.staffRequired(ratios)) staff needed; "
                + "\(plan.totalChildren) of \(plan.roomCapacity) places."
            if day == state.today && r.inNow + r.signedOut + r.toCome > 0 {
                words += " Now \(r.inNow) in, \(r.signedOut) signed out, \(r.toCome) to come."
            }
            return words + " \(status == .pass ? "Staffed" : status == .warn ? "Check" : "Fails"): \(word)."
        }
        ListFrame.table(state, pane, columns: columns, rows: rows, sentences: sentences, in: inner, on: &screen)
    }

    /// Incidents to follow up and children not collected, under the rows, worst first; when
    /// there are more than fit, the last line counts the rest.
    static func drawAlerts(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        guard rect.height > 0 else { return }
        let alerts = state.main.crecheAlerts
        let g = state.theme.glyphs
        for i in 0..<rect.height {
            let text: String
            let status: CheckStatus
            if i == rect.height - 1 && alerts.count > rect.height {
                let rest = alerts[i...]
                status = rest.map(\.status).max() ?? .warn
                text = "\(g.glyph(status)) \(rest.count) more to deal with: coproduce check lists them"
            } else {
                status = alerts[i].status
                text = "\(g.glyph(status)) \(alerts[i].words)"
            }
            screen.put(DisplayWidth.truncate(text, to: rect.width - 1), x: rect.x + 1, y: rect.y + i, style: state.theme.status(status))
        }
    }
}
