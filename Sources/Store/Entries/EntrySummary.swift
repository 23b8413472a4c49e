public import Foundation
public import VaktloggCore

/// One line of the triage list: an entry's current state from the projection.
public struct EntrySummary: Sendable, Hashable {
    public let id: Int64
    public let ref: String
    public let unit: String
    public let kind: EntryKind
    public let category: String
    public let priority: Priority
    public let riskScore: Int
    public let status: LifecycleStatus
    public let assignee: String?
    public let occurredAt: Date
    public let reportedAt: Date
    /// The earliest pending deadline, if any.
    public let nextDue: Date?
    public let text: String
    public let amendmentCount: Int

    /// True when a pending deadline has passed at `now`.
    public func isOverdue(at now: Date = Date()) -> Bool { nextDue.map { $0 < now } ?? false }
}

/// Filters of `list` (all optional; by default open entries only).
public struct EntryFilter: Sendable, Hashable {
    /// Unit codes (normal form; see `UnitCode`).
    public var units: [String] = []
    public var kinds: [EntryKind] = []
    /// Statuses; empty means every status but closed. `all` is spelled by `includeClosed`.
    public var statuses: [LifecycleStatus] = []
    public var includeClosed = false
    /// Tiers 1–4 (P1–P4).
    public var tiers: [Int] = []
    public var overdueOnly = false
    /// Case-insensitive substring of the current text.
    public var text: String?
    public var limit = 500

    public init() {}
}
