import VaktloggText
import VaktloggCore
/// The detail screen: the entry's title, then its document scrolled to `detailTop`.
enum DetailView {
    static func draw(_ s: DashboardState, _ canvas: some Canvas) {
        let l = s.language
        guard case .detail(let ref) = s.screen else { return }
        guard let lines = s.detailLines, let detail = s.detail else {
            canvas.bar(" \(ref)", row: 1, style: .title)
            canvas.draw(" " + DashboardText.loading(l), row: DashboardLayout.detailFirstBodyRow, column: 0, style: .normal)
            return
        }
        canvas.bar(" " + DashboardText.detailTitle(
            priority: detail.entry.priority, ref: detail.entry.ref, kind: detail.entry.kind,
            category: detail.entry.category, language: l), row: 1, style: .title)
        if detail.entry.priority == .p1 { canvas.draw("P1", row: 1, column: 1, style: .urgent) }
        let page = DashboardLayout.detailBodyRows(canvas.rows)
        let top = min(s.detailTop, max(0, lines.count - 1))
        for (offset, line) in lines[top..<min(lines.count, top + page)].enumerated() {
            canvas.draw(" " + line.text, row: DashboardLayout.detailFirstBodyRow + offset, column: 0, style: line.style)
        }
    }
}
