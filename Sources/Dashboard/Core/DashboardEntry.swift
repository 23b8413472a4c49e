public import Foundation
public import VaktloggCore

/// One row of the queue as the dashboard shows it: what the Store's triage list gives, copied into
/// a plain value so the state and reducer need no database import.
public struct DashboardEntry: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var ref: String
    public var unit: String
    public var kind: EntryKind
    public var category: String
    public var priority: Priority
    /// The lifecycle status code (`registered`, `acknowledged`, …); labelled by ``DashboardText``.
    public var status: String
    public var assignee: String?
    public var occurredAt: Date
    /// The earliest pending deadline, if any.
    public var nextDue: Date?
    /// The current (amended) text.
    public var text: String

    /// Every field; the loop builds rows from the Store's summaries (`DashboardEntry+Store.swift`).
    public init(id: Int64, ref: String, unit: String, kind: EntryKind, category: String, priority: Priority,
                status: String, assignee: String?, occurredAt: Date, nextDue: Date?, text: String) {
        self.id = id
        self.ref = ref
        self.unit = unit
        self.kind = kind
        self.category = category
        self.priority = priority
        self.status = status
        self.assignee = assignee
        self.occurredAt = occurredAt
        self.nextDue = nextDue
        self.text = text
    }

    /// True when the next deadline has passed at `now`.
    public func isOverdue(at now: Date) -> Bool { nextDue.map { $0 < now } ?? false }
}
