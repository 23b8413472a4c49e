public import Foundation
import Postgres
import VaktloggCore

/// Reviews and liftings of measures, and the list of measures over time (sql/030). The database
/// refuses a review or lifting of a lifted measure, a lifting without a reason, and anyone but a
/// security coordinator of the measure's unit; this only shapes the request and reads back.
public struct MeasureFollowUp {
    let session: StoreSession

    /// Follow-ups written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// A stored review or lifting.
    public struct Recorded: Sendable, Hashable {
        /// The row's id in `measure_reviews`.
        public let id: Int64
        /// When the next review is due (a review of a restrictive individual measure).
        public let nextReviewDue: Date?
    }

    /// Records that measure `id` (of `scope`) has been reviewed and still stands, with an optional note.
    public func review(_ scope: MeasureScope = .person, id: Int64, note: String?) throws(StoreError) -> Recorded {
        try append(scope, id: id, action: "review", reason: try Self.optional(note, field: "note"))
    }

    /// Lifts measure `id` (of `scope`): it ends now, for `reason`.
    public func lift(_ scope: MeasureScope = .person, id: Int64, reason: String) throws(StoreError) -> Recorded {
        guard let reason = try Self.optional(reason, field: "reason") else { throw .invalid(.blank, field: "reason") }
        return try append(scope, id: id, action: "lift", reason: reason)
    }

    /// The measures the user sees, as they stand now: active first, then the most recent.
    public func list(_ f: MeasureListFilter = MeasureListFilter()) throws(StoreError) -> [MeasureStatus] {
        try StoreError.mapping {
            var q: SQLQuery = "SELECT * FROM measure_follow_up WHERE true"
            if f.activeOnly { q.append(" AND active") }
            if f.overdueOnly { q.append(" AND overdue") }
            if !f.units.isEmpty { q.append(" AND unit_code = ANY (\(f.units.map(UnitCode.normalise)))") }
            if let ref = f.entryRef { q.append(" AND ref = \(ref)") }
            q.append(" ORDER BY active DESC, overdue DESC, review_due NULLS LAST, decided_at DESC, scope, id")
            return try session.connection.query(q).rows.map(MeasureStatus.decode)
        }
    }

    /// One measure as it stands, or an unknown-measure error that does not say whether it exists
    /// in a unit the user cannot see.
    public func status(_ scope: MeasureScope, id: Int64) throws(StoreError) -> MeasureStatus {
        let row = try StoreError.mapping {
            try session.connection.query("SELECT * FROM measure_follow_up WHERE scope = \(scope.rawValue) AND id = \(id)").first
        }
        guard let row else { throw .invalid(.unknownMeasure, field: "id", ["id": "\(id)"]) }
        return try StoreError.mapping { try MeasureStatus.decode(row) }
    }

    private func append(_ scope: MeasureScope, id: Int64, action: String, reason: String?) throws(StoreError) -> Recorded {
        try session.transaction { s in
            let measure: Int64? = scope == .person ? id : nil
            let unitMeasure: Int64? = scope == .unit ? id : nil
            let row = try s.connection.query("""
                INSERT INTO measure_reviews (measure_id, unit_measure_id, action, reason, at)
                VALUES (\(measure), \(unitMeasure), \(action), \(reason), \(s.factTime, as: .timestamptz))
                RETURNING id, next_review_due
                """).first!
            return Recorded(id: try row.decode(Int64.self, "id"), nextReviewDue: try row.decodeIfPresent(Date.self, "next_review_due"))
        }
    }

    /// A text that may be left out: nil when absent, refused when blank.
    static func optional(_ text: String?, field: String) throws(StoreError) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw .invalid(.blank, field: field) }
        if trimmed.count > 8000 { throw .invalid(.tooLong, field: field, ["max": "8000"]) }
        return trimmed
    }
}

extension StoreError.Code {
    /// No measure with this id among the caller's units. Arguments: `id`.
    public static let unknownMeasure: StoreError.Code = "unknown_measure"
    /// A collective measure that ends before it starts (or has ended already).
    public static let endsBeforeStart: StoreError.Code = "ends_before_start"
}
