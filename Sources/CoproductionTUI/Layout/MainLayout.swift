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

    /// Lays out the main screen: the meetings pane across the top half, the areas and crèche
    /// panes side by side below it.
    public init(size: Size) {
        let all = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (title, rest) = all.splitTop(1)
        let (middle, hints) = rest.splitBottom(1)
        let (body, status) = middle.splitBottom(1)
        let (top, bottom) = body.splitTop((body.height + 1) / 2)
        let (left, right) = bottom.splitLeft(bottom.width / 2)
        self.title = title
        self.panes = [top, left, right]
        self.status = status
        self.hints = hints
    }

    /// A pane's box.
    public func rect(_ pane: PaneID) -> Rect { panes[pane.rawValue] }

    /// Rows of data a pane shows at once (inside the border, under the heading).
    public func visibleRows(_ pane: PaneID) -> Int { max(1, rect(pane).height - 3) }

    /// The area a detail screen or overlay uses: everything between title and status.
    public var body: Rect {
        Rect(x: 0, y: title.maxY, width: title.width, height: status.y - title.maxY)
    }
}
