import Foundation
import VaktloggText
import VaktloggCore

/// The queue screen: title with count and filter, table header, rows in triage order.
enum QueueView {
    static func draw(_ s: DashboardState, _ canvas: some Canvas) {
        let l = s.language
        let rows = s.visibleEntries
        var title = " " + DashboardText.queueTitle(count: rows.count, total: s.entries.count)(l)
        if s.filterEditing || !s.filter.isEmpty {
            title += "   " + DashboardText.filter(s.filter + (s.filterEditing ? "▏" : ""))(l)
        }
        if !s.facets.isEmpty { title += "   " + s.facets.shown(l) }
        if s.commandEditing { title += "   " + DashboardText.commandLine(s.command)(l) }
        // A draft closed with Esc is waiting: said where the eye is, not only in the help.
        if s.form != nil && !s.readonly { title += "   " + DashboardFormText.draftMark(l) }
        canvas.bar(title, row: 1, style: .title)

        let cols = QueueColumns(width: canvas.columns, unitWidth: rows.map { TextWidth.of($0.unit) }.max() ?? 5)
        typealias C = DashboardText.Column
        canvas.bar(line(cols, [C.priority(l), C.age(l), C.kind(l), C.category(l), C.unit(l), C.status(l), C.assignee(l), C.due(l), C.text(l)]),
                   row: 2, style: .header)

        let first = DashboardLayout.queueFirstBodyRow
        if s.queueLoading || rows.isEmpty {
            let text = s.queueLoading ? DashboardText.loading : (s.entries.isEmpty ? DashboardText.emptyQueue : DashboardText.noMatch)
            canvas.draw(" " + text(l), row: first, column: 0, style: .normal)
            return
        }
        let page = DashboardLayout.queueBodyRows(canvas.rows)
        let top = min(s.queueTop, max(0, rows.count - 1))
        let selected = s.selectedIndex
        for (offset, e) in rows[top..<min(rows.count, top + page)].enumerated() {
            let row = first + offset
            let isSelected = top + offset == selected
            let overdue = e.isOverdue(at: s.now)
            let due = e.nextDue.map { (overdue ? "!" : " ") + OsloClock.dayTime($0) } ?? ""
            let age = DashboardText.age(seconds: Int(s.now.timeIntervalSince(e.occurredAt)))(l)
            let cells = [e.priority.rawValue, age, DashboardText.kind(e.kind)(l),
                         DashboardText.category(kind: e.kind, code: e.category)(l), e.unit,
                         DashboardText.status(e.status)(l), e.assignee ?? DashboardText.nobody(l), due,
                         e.text.split(separator: "\n").first.map(String.init) ?? ""]
            // A P1 that just arrived flashes its whole row (with the bell) until the next key or tick.
            let flash = s.flashing.contains(e.id)
            canvas.bar(line(cols, cells), row: row, style: isSelected ? .selected : (flash ? .urgent : .normal))
            guard !isSelected, !flash else { continue }
            if e.priority == .p1 { canvas.draw(e.priority.rawValue, row: row, column: 1, style: .urgent) }
            if overdue { canvas.draw(due, row: row, column: dueColumn(cols), style: .overdue) }
        }
    }

    /// One table line: each cell cut or padded to its column.
    static func line(_ c: QueueColumns, _ cells: [String]) -> String {
        let widths = [c.priority, c.age, c.kind, c.category, c.unit, c.status, c.assignee, c.due, c.text]
        var out = ""
        for (index, (cell, width)) in zip(cells, widths).enumerated() where width > 0 {
            // Ages are right aligned so minutes, hours and days line up.
            out += " " + TextWidth.pad(cell, to: width, right: index == 1)
        }
        return out
    }

    /// The first cell of the deadline column.
    static func dueColumn(_ c: QueueColumns) -> Int {
        1 + c.priority + 1 + c.age + 1 + c.kind + 1 + c.category + 1 + c.unit + 1 + c.status + 1 + c.assignee + 1
    }
}
