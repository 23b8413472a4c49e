public import Foundation
import Postgres

/// A step of a staff debriefing (sql/032): offered, then held — or declined by the staff member.
public enum DebriefingStep: String, Sendable, Hashable, CaseIterable {
    /// The debriefing was offered (deadline: 24 hours by default).
    case offered
    /// It was held (deadline: 7 days by default).
    case held
    /// The staff member declined it; ends the follow-up as `held` does.
    case declined
}

/// An entry's debriefing as it stands (the view `debriefing_follow_up`).
public struct DebriefingStatus: Sendable, Hashable {
    /// The entry.
    public let entryID: Int64, ref: String, unit: String, kind: String, category: String
    /// Deadlines, from the entry's reported time.
    public let offerDue: Date, heldDue: Date
    /// The steps recorded.
    public let offeredAt: Date?, heldAt: Date?, declinedAt: Date?
    /// Not offered, and the offer's deadline has passed.
    public let offerOverdue: Bool
    /// Neither held nor declined, and the holding's deadline has passed.
    public let heldOverdue: Bool

    static func decode(_ r: Row) throws -> DebriefingStatus {
        DebriefingStatus(
            entryID: try r.decode(Int64.self, "entry_id"), ref: try r.decode(String.self, "ref"),
            unit: try r.decode(String.self, "unit_code"), kind: try r.decode(String.self, "kind"),
            category: try r.decode(String.self, "category"),
            offerDue: try r.decode(Date.self, "offer_due"), heldDue: try r.decode(Date.self, "held_due"),
            offeredAt: try r.decodeIfPresent(Date.self, "offered_at"), heldAt: try r.decodeIfPresent(Date.self, "held_at"),
            declinedAt: try r.decodeIfPresent(Date.self, "declined_at"),
            offerOverdue: try r.decode(Bool.self, "offer_overdue"), heldOverdue: try r.decode(Bool.self, "held_overdue"))
    }
}

/// Staff-safety debriefings after violence or threats against staff, hostage takings and deaths
/// with staff involved (domain.md §5). The database decides which entries owe one and refuses steps
/// out of order.
public struct DebriefingWorkflow {
    let session: StoreSession

    /// Debriefings written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// Records `step` of the debriefing after entry `ref`; returns the step's id.
    @discardableResult
    public func record(_ step: DebriefingStep, on ref: String, note: String?) throws(StoreError) -> Int64 {
        let note = try MeasureFollowUp.optional(note, field: "note")
        return try session.transaction { s in
            let entry = try s.repository.summary(ref: ref)
            return try s.connection.query("""
                INSERT INTO debriefings (entry_id, step, at, note)
                VALUES (\(entry.id), \(step.rawValue), \(s.factTime, as: .timestamptz), \(note))
                RETURNING id
                """).first!.decode(Int64.self, "id")
        }
    }

    /// The debriefing owed after entry `ref`, or nil when the entry owes none.
    public func status(ref: String) throws(StoreError) -> DebriefingStatus? {
        try StoreError.mapping {
            try session.connection.query("SELECT * FROM debriefing_follow_up WHERE ref = \(ref)").first.map(DebriefingStatus.decode)
        }
    }

    /// Every debriefing owed in the user's units, overdue first; `openOnly` leaves out concluded ones.
    public func list(openOnly: Bool = true) throws(StoreError) -> [DebriefingStatus] {
        try StoreError.mapping {
            var q: SQLQuery = "SELECT * FROM debriefing_follow_up WHERE true"
            if openOnly { q.append(" AND held_at IS NULL AND declined_at IS NULL") }
            q.append(" ORDER BY (offer_overdue OR held_overdue) DESC, reported_at, entry_id")
            return try session.connection.query(q).rows.map(DebriefingStatus.decode)
        }
    }
}
