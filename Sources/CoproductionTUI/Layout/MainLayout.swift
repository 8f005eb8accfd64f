/// Where everything sits on the main screen, for a terminal size. Shared by `view` (to draw)
/// and `update` (to know how many rows a page is), so the two always agree.
public struct MainLayout: Hashable, Sendable {
    /// The title bar (top row).
    public var title: Rect
    /// Each pane's box, indexed by ``PaneID``'s raw value.
    public var panes: [Rect]
    /// The status line (what just happened, or the filter being typed).
    public var status: Rect
    /// The key-hint line (bottom row).
    public var hints: Rect
    /// Whether this is the plain (linear) layout: one pane at a time, no borders.
    public var plain: Bool

    /// Lays out the main screen: the meetings pane across the top half, the areas and crèche
    /// panes side by side below it. In the plain layout the pane with the focus takes the
    /// whole body and the others are not drawn (a screen reader reads one list at a time).
    public init(size: Size, plain: Bool = false, focus: PaneID = .meetings) {
        let all = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (title, rest) = all.splitTop(1)
        let (middle, hints) = rest.splitBottom(1)
        let (body, status) = middle.splitBottom(1)
        let (top, bottom) = body.splitTop((body.height + 1) / 2)
        let (left, right) = bottom.splitLeft(bottom.width / 2)
        self.title = title
        self.plain = plain
        if plain {
            let none = Rect(x: 0, y: body.y, width: 0, height: 0)
            self.panes = PaneID.allCases.map { $0 == focus ? body : none }
        } else {
            self.panes = [top, left, right]
        }
        self.status = status
        self.hints = hints
    }

    /// A pane's box.
    public func rect(_ pane: PaneID) -> Rect { panes[pane.rawValue] }

    /// Rows of data a pane shows at once (inside the border, under the heading).
    public func visibleRows(_ pane: PaneID) -> Int {
        plain ? max(1, panes.map(\.height).max()! - 1) : max(1, rect(pane).height - 3)
    }

    /// The area a detail screen or overlay uses: everything between title and status.
    public var body: Rect {
        Rect(x: 0, y: title.maxY, width: title.width, height: status.y - title.maxY)
    }
}
