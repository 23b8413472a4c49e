import Foundation
import VaktloggText
import VaktloggCore

/// The overview screen: a table of units by priority with overdue counts, the P1s not yet
/// acknowledged with the time left to their deadline, counts by status, and two trend strips.
enum OverviewView {
    static func draw(_ s: DashboardState, _ canvas: some Canvas) {
        let l = s.language
        let o = DashboardOverview(s.entries, now: s.now)
        typealias O = DashboardOverviewText
        canvas.bar(" " + O.title(open: s.entries.count)(l), row: 1, style: .title)
        let unitWidth = max(6, (o.units.map { TextWidth.of($0.unit) }.max() ?? 0) + 1)
        func row(_ cells: [String]) -> String {
            " " + TextWidth.pad(cells[0], to: unitWidth) + cells.dropFirst().map { TextWidth.pad($0, to: 8, right: true) }.joined()
        }
        var r = 2
        canvas.bar(row([O.unit(l)] + Priority.allCases.map(\.rawValue) + [O.overdue(l), O.total(l)]), row: r, style: .header)
        let bottom = canvas.rows - 1
        for u in o.units where r + 1 < bottom {
            r += 1
            canvas.draw(row([u.unit] + u.byPriority.map(String.init) + [String(u.overdue), String(u.byPriority.reduce(0, +))]),
                        row: r, column: 0, style: u.overdue > 0 ? .overdue : .normal)
        }
        r += 2
        guard r < bottom else { return }
        canvas.draw(" " + O.unacknowledged(l), row: r, column: 0, style: .section)
        if o.unacknowledgedP1.isEmpty, r + 1 < bottom {
            r += 1
            canvas.draw("   " + O.noneUnacknowledged(l), row: r, column: 0, style: .normal)
        }
        for e in o.unacknowledgedP1 where r + 1 < bottom {
            r += 1
            var line = "   \(e.ref) · \(DashboardText.category(kind: e.kind, code: e.category)(l))"
            if let due = e.nextDue {
                let late = due < s.now
                let span = DashboardText.age(seconds: Int(abs(due.timeIntervalSince(s.now))))(l)
                line += " · \(OsloClock.time(due)) " + (late ? DashboardDetailText.overdueBy(span) : DashboardDetailText.timeLeft(span))(l)
            }
            canvas.draw(line, row: r, column: 0, style: .urgent)
        }
        r += 2
        guard r < bottom else { return }
        let status = o.byStatus.map { "\(DashboardText.status($0.code)(l)) \($0.count)" }.joined(separator: " · ")
        canvas.draw(" " + O.byStatus(l) + ": " + status, row: r, column: 0, style: .normal)
        r += 2
        let labelWidth = max(TextWidth.of(O.last24h(l)), TextWidth.of(O.last7d(l))) + 2
        for (label, counts) in [(O.last24h, o.last24h), (O.last7d, o.last7d)] where r < bottom {
            let strip = DashboardOverview.sparkline(counts)
            canvas.draw(" " + TextWidth.pad(label(l), to: labelWidth) + "▕" + strip + "▏ " + O.stripTotal(counts.reduce(0, +))(l),
                        row: r, column: 0, style: .normal)
            r += 1
        }
    }
}
