public import Foundation
public import VaktloggCore

/// One line of the triage list: an entry's current state from the projection.
public struct EntrySummary: Sendable, Hashable {
    /// The entry's id.
    public let id: Int64
    /// The reference people use, e.g. `OSLO-12`.
    public let ref: String
    /// The unit code.
    public let unit: String
    /// Incident, deviation, manipulation report or threat.
    public let kind: EntryKind
    /// The current category code.
    public let category: String
    /// The current priority.
    public let priority: Priority
    /// The current risk score.
    public let riskScore: Int
    /// The current status.
    public let status: LifecycleStatus
    /// Who it is assigned to, if anyone.
    public let assignee: String?
    /// When it happened (current value).
    public let occurredAt: Date
    /// When it was reported.
    public let reportedAt: Date
    /// The earliest pending deadline, if any.
    public let nextDue: Date?
    /// The current text.
    public let text: String
    /// How many amendments it has.
    public let amendmentCount: Int

    /// True when a pending deadline has passed at `now`.
    public func isOverdue(at now: Date = Date()) -> Bool { nextDue.map { $0 < now } ?? false }
}

/// Filters of `list` (all optional; by default open entries only).
public struct EntryFilter: Sendable, Hashable {
    /// Unit codes (normal form; see `UnitCode`).
    public var units: [String] = []
    /// Kinds; empty means all.
    public var kinds: [EntryKind] = []
    /// Statuses; empty means every status but closed. `all` is spelled by `includeClosed`.
    public var statuses: [LifecycleStatus] = []
    /// Include closed entries (`--status all`).
    public var includeClosed = false
    /// Tiers 1–4 (P1–P4).
    public var tiers: [Int] = []
    /// Only entries with a passed deadline.
    public var overdueOnly = false
    /// Case-insensitive substring of the current text.
    public var text: String?
    /// At most this many lines.
    public var limit = 500

    /// Open entries of every unit the user sees.
    public init() {}
}
