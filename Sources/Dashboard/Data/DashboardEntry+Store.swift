import Store
import VaktloggCore

extension DashboardEntry {
    /// The queue row of a Store summary (the only place the dashboard's model meets the Store's).
    init(_ s: EntrySummary) {
        self.init(id: s.id, ref: s.ref, unit: s.unit, kind: s.kind, category: s.category, priority: s.priority,
                  status: s.status.code, assignee: s.assignee, occurredAt: s.occurredAt, nextDue: s.nextDue, text: s.text)
    }
}

extension DashboardDetail {
    /// The detail of a Store detail read (persons came through the logged read).
    init(_ d: EntryDetail) {
        self.init(
            entry: DashboardEntry(d.summary), reporter: d.reporter, recordedAt: d.recordedAt, domain: d.domain.rawValue,
            interests: d.interests.map(\.rawValue), probability: d.probability, consequence: d.consequence,
            persons: d.persons.map { Person(ref: $0.ref, role: $0.role.rawValue) },
            attributes: d.attributes.map { Attribute(name: $0.0, value: $0.1) },
            deadlines: d.deadlines.map { Deadline(name: $0.0, due: $0.1) },
            history: d.history.map { HistoryItem(at: $0.at, actor: $0.actor, what: $0.what, text: $0.text,
                                                 assignee: $0.assignee, data: $0.data) },
            rulesVersion: d.rulesVersion, originalText: d.originalText, amendmentCount: d.summary.amendmentCount,
            trace: d.trace)
    }
}
