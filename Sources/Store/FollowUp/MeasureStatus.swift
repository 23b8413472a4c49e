public import Foundation
import Postgres
public import VaktloggCore

/// Whether a measure is directed at a person (`measures`) or at every inmate of a unit
/// (`unit_measures`, a collective measure).
public enum MeasureScope: String, Sendable, Hashable, CaseIterable {
    /// An individual measure, on an entry.
    case person
    /// A unit-wide (collective) measure.
    case unit
}

/// A measure as it stands over time (the view `measure_follow_up`, sql/030): when it is due for
/// review, whether it has been lifted, and the proportionality flags of domain.md §4. The person a
/// measure is directed at is never part of it (that is a logged read, `show`).
public struct MeasureStatus: Sendable, Hashable {
    /// Individual or collective; the id is unique within its scope.
    public let scope: MeasureScope
    /// The measure's id (`measures.id` or `unit_measures.id`).
    public let id: Int64
    /// The entry a measure on an entry belongs to.
    public let entryRef: String?
    /// The unit.
    public let unit: String
    /// The type of measure.
    public let type: String
    /// The interest it protects.
    public let purpose: String
    /// 0–4 for an individual measure.
    public let restrictiveness: Int?
    /// When it was decided.
    public let decidedAt: Date
    /// When it took effect (a collective measure may start later than it was decided).
    public let startsAt: Date
    /// A collective measure's end: the time by which it must be lifted.
    public let endsAt: Date?
    /// The next review (or, for a collective measure, the end) while it is active.
    public let reviewDue: Date?
    /// The latest review.
    public let lastReviewedAt: Date?
    /// How many times it has been reviewed.
    public let reviewCount: Int
    /// When it was lifted, and why.
    public let liftedAt: Date?
    /// The reason given for lifting it.
    public let liftReason: String?
    /// Not lifted.
    public var active: Bool { liftedAt == nil }
    /// Its review (or end) has passed without a review (or lifting).
    public let overdue: Bool
    /// Restrictive, and the person's latest individual risk assessment has lapsed (or there is none).
    public let assessmentLapsed: Bool
    /// Restrictive, and a P1 incident involving the person occurred after the latest assessment.
    public let overtakenByP1: Bool

    /// How long it has been in force at `now` (or was, until it was lifted).
    public func age(at now: Date) -> TimeInterval { (liftedAt ?? now).timeIntervalSince(startsAt) }

    static func decode(_ r: Row) throws -> MeasureStatus {
        MeasureStatus(
            scope: MeasureScope(rawValue: try r.decode(String.self, "scope")) ?? .person,
            id: try r.decode(Int64.self, "id"), entryRef: try r.decodeIfPresent(String.self, "ref"),
            unit: try r.decode(String.self, "unit_code"), type: try r.decode(String.self, "type"),
            purpose: try r.decode(String.self, "purpose"), restrictiveness: try r.decodeIfPresent(Int.self, "restrictiveness"),
            decidedAt: try r.decode(Date.self, "decided_at"), startsAt: try r.decode(Date.self, "starts_at"),
            endsAt: try r.decodeIfPresent(Date.self, "ends_at"), reviewDue: try r.decodeIfPresent(Date.self, "review_due"),
            lastReviewedAt: try r.decodeIfPresent(Date.self, "last_reviewed_at"),
            reviewCount: Int(try r.decode(Int64.self, "review_count")),
            liftedAt: try r.decodeIfPresent(Date.self, "lifted_at"), liftReason: try r.decodeIfPresent(String.self, "lift_reason"),
            overdue: try r.decode(Bool.self, "overdue"), assessmentLapsed: try r.decode(Bool.self, "assessment_lapsed"),
            overtakenByP1: try r.decode(Bool.self, "overtaken_by_p1"))
    }
}

/// Which measures `MeasureFollowUp.list` returns.
public struct MeasureListFilter: Sendable, Hashable {
    /// Only measures not lifted.
    public var activeOnly: Bool
    /// Only these units (empty: every unit the user sees).
    public var units: [String]
    /// Only measures whose review (or end) has passed.
    public var overdueOnly: Bool
    /// Only the measures of this entry.
    public var entryRef: String?

    /// Every measure in the user's units.
    public init(activeOnly: Bool = false, units: [String] = [], overdueOnly: Bool = false, entryRef: String? = nil) {
        self.activeOnly = activeOnly
        self.units = units
        self.overdueOnly = overdueOnly
        self.entryRef = entryRef
    }
}
