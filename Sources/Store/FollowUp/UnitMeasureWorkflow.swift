public import Foundation
import Postgres
public import VaktloggCore

/// A unit-wide (collective) measure to record: every inmate of the unit, for a stated reason and
/// until a stated end (domain.md §5).
public struct UnitMeasureDraft: Sendable, Hashable {
    /// The unit (default: the caller's home unit).
    public var unit: String?
    /// The type of measure.
    public var type: MeasureType
    /// The interest it protects.
    public var purpose: Interest
    /// What the measure is.
    public var text: String
    /// Why all inmates, not only the few who are a threat.
    public var justification: String
    /// When it takes effect (default: when it is recorded).
    public var startsAt: Date?
    /// When it ends at the latest: the deadline for lifting it.
    public var endsAt: Date

    /// A draft with every required field.
    public init(unit: String? = nil, type: MeasureType, purpose: Interest, text: String, justification: String,
                startsAt: Date? = nil, endsAt: Date) {
        self.unit = unit
        self.type = type
        self.purpose = purpose
        self.text = text
        self.justification = justification
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}

/// Records collective measures (sql/030 `unit_measures`); a security coordinator of the unit decides
/// them, as individual measures. They are lifted through ``MeasureFollowUp`` with scope `.unit`.
public struct UnitMeasureWorkflow {
    let session: StoreSession

    /// Collective measures written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// The stored measure.
    public struct Recorded: Sendable, Hashable {
        /// Its id in `unit_measures`.
        public let id: Int64
        /// Its unit.
        public let unit: String
        /// When it takes effect and when it ends at the latest.
        public let startsAt: Date, endsAt: Date
    }

    /// Records the measure; refuses a blank text or justification and an end not after the start
    /// (and not after now).
    public func record(_ d: UnitMeasureDraft) throws(StoreError) -> Recorded {
        guard let text = try MeasureFollowUp.optional(d.text, field: "text") else { throw .invalid(.blank, field: "text") }
        guard let justification = try MeasureFollowUp.optional(d.justification, field: "justification") else {
            throw .invalid(.blank, field: "justification")
        }
        if d.endsAt <= (d.startsAt ?? session.now) || d.endsAt <= session.now {
            throw .invalid(.endsBeforeStart, field: "ends")
        }
        return try session.transaction { s in
            let c = s.connection
            let unit = try d.unit.map(UnitCode.normalise) ?? c.query("SELECT home_unit FROM app_users WHERE name = current_app_user()")
                .first?.decodeIfPresent(String.self, "home_unit")
            guard let unit else { throw StoreError.invalid(.noHomeUnit, field: "unit") }
            let row = try c.query("""
                INSERT INTO unit_measures (unit_code, type, purpose, text, justification, starts_at, ends_at, decided_at)
                VALUES (\(unit), \(d.type.rawValue), \(d.purpose.rawValue), \(text), \(justification),
                        \(d.startsAt, as: .timestamptz), \(d.endsAt, as: .timestamptz), \(s.factTime, as: .timestamptz))
                RETURNING id, unit_code, starts_at, ends_at
                """).first!
            return Recorded(id: try row.decode(Int64.self, "id"), unit: try row.decode(String.self, "unit_code"),
                            startsAt: try row.decode(Date.self, "starts_at"), endsAt: try row.decode(Date.self, "ends_at"))
        }
    }
}
