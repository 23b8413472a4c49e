extension DashboardState {
    /// The open entry's lines at the current width (nil while it is being read).
    public var detailLines: [DetailDocument.Line]? {
        guard case .detail(let ref) = screen, let detail, detail.entry.ref == ref else { return nil }
        return DetailDocument.lines(detail, language: language, width: max(1, columns - 2), now: now)
    }

    /// Keeps the detail scroll between the first line and the last screenful.
    mutating func clampDetailScroll() {
        let count = detailLines?.count ?? 0
        let page = DashboardLayout.detailBodyRows(rows)
        detailTop = max(0, min(detailTop, max(0, count - page)))
    }
}
