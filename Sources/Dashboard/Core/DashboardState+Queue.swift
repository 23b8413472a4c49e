import VaktloggText
public import Foundation
import VaktloggCore

extension DashboardState {
    /// The queue rows the filter lets through, in triage order.
    public var visibleEntries: [DashboardEntry] {
        let needle = filter.trimmingCharacters(in: .whitespaces)
        let faceted = facets.isEmpty ? entries : entries.filter(facets.admits)
        guard !needle.isEmpty else { return faceted }
        return faceted.filter { $0.matches(needle, language: language) }
    }

    /// Index of the selected row among ``visibleEntries`` (nil when the queue is empty).
    public var selectedIndex: Int? {
        let rows = visibleEntries
        guard !rows.isEmpty else { return nil }
        return selectedID.flatMap { id in rows.firstIndex { $0.id == id } } ?? 0
    }

    /// The selected entry, if any.
    public var selectedEntry: DashboardEntry? {
        selectedIndex.map { visibleEntries[$0] }
    }

    /// Selects the visible row at `index` (clamped) and scrolls it into view.
    mutating func select(index: Int) {
        let rows = visibleEntries
        guard !rows.isEmpty else {
            selectedID = nil
            queueTop = 0
            return
        }
        let i = min(max(index, 0), rows.count - 1)
        selectedID = rows[i].id
        keepSelectionInView()
    }

    /// Scrolls the queue so the selected row is on screen, and never past the end.
    mutating func keepSelectionInView() {
        let page = DashboardLayout.queueBodyRows(rows)
        let count = visibleEntries.count
        let index = selectedIndex ?? 0
        if index < queueTop { queueTop = index }
        if index >= queueTop + page { queueTop = index - page + 1 }
        queueTop = max(0, min(queueTop, max(0, count - page)))
    }

    /// Replaces the queue, keeping the selection on the same entry id. When that entry is gone (closed,
    /// filtered away), the selection moves to the row now at the same position, so the user's place
    /// in the list is kept rather than jumping to the top.
    mutating func replaceQueue(_ newEntries: [DashboardEntry]) {
        let oldIndex = selectedIndex
        entries = newEntries
        let rows = visibleEntries
        if let id = selectedID, rows.contains(where: { $0.id == id }) {
            keepSelectionInView()
        } else {
            select(index: oldIndex ?? 0)
        }
    }
}

extension DashboardEntry {
    /// Whether the filter text occurs, ignoring case, in a field as shown (labels in `language`)
    /// or as coded (`violence_staff`), so both what the user sees and what they know match.
    func matches(_ needle: String, language: Language) -> Bool {
        let fields = [ref, unit, kind.rawValue, category, status, assignee ?? "", text, priority.rawValue,
                      DashboardText.kind(kind)(language), DashboardText.category(kind: kind, code: category)(language),
                      DashboardText.status(status)(language)]
        return fields.contains { $0.range(of: needle, options: [.caseInsensitive]) != nil }
    }
}
