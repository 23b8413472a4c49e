import Postgres
import VaktloggText

extension ShiftLog {
    /// The outcome of `accept`: the accept row (incoming officer and time) and the handover it
    /// accepts (outgoing officer, time and summary).
    ///
    /// JSON: `{"accept": row, "handover": row}` (rows as `ShiftLogEntry`).
    public struct Accepted: Sendable, Encodable {
        /// The new accept row.
        public let accept: ShiftLogEntry
        /// The handover accepted.
        public let handover: ShiftLogEntry
    }

    /// Accepts a handover as the incoming officer, which also starts their shift.
    ///
    /// With `handover`, that one (in its own unit; `unit`, if given, must match). Without, the
    /// latest unaccepted handover in `unit` (default: home unit) — but never one older than a
    /// handover already accepted there: that one was overtaken, and an accept cannot be undone,
    /// so an old one must be named explicitly. The database refuses accepting your own handover
    /// (`accept_own_handover`) and accepting one twice (`already_accepted`).
    public func accept(handover requestedID: Int64?, unit requested: String?) throws(StoreError) -> Accepted {
        try StoreError.mapping {
            try connection.transaction { c in
                let handover: ShiftLogEntry
                if let requestedID {
                    guard let found = try entries(c, "WHERE s.id = \(requestedID) AND s.event = 'handover'").first else {
                        throw StoreError.invalid(.unknownHandover, field: "handover")
                    }
                    let unit = try unit(c, requested ?? found.unit)
                    guard unit == found.unit else {
                        throw StoreError.invalid(.unknownHandover, field: "handover")
                    }
                    handover = found
                } else {
                    let unit = try unit(c, requested)
                    let tail: SQLQuery = """
                        WHERE s.unit_code = \(unit) AND s.event = 'handover'
                          AND NOT EXISTS (SELECT 1 FROM shift_log x WHERE x.handover_id = s.id)
                          AND s.id > (SELECT coalesce(max(x.handover_id), 0) FROM shift_log x
                                      WHERE x.unit_code = \(unit) AND x.event = 'accept')
                        ORDER BY s.id DESC LIMIT 1
                        """
                    guard let found = try entries(c, tail).first else {
                        throw StoreError.invalid(.noPendingHandover, field: "handover", ["unit": unit])
                    }
                    handover = found
                }
                // Serialise accepts of the same handover: the schema's "accepted twice" check reads
                // under READ COMMITTED, so two officers accepting at the same instant could both pass
                // it. After this lock the second one's INSERT sees the first one's row and is refused.
                try c.query("""
                    SELECT pg_advisory_xact_lock(hashtext('vaktlogg.shift_accept'), (\(handover.id) % 2147483647)::int)
                    """)
                let id: Int64
                do {
                    id = try c.query("""
                        INSERT INTO shift_log (unit_code, event, handover_id) VALUES (\(handover.unit), 'accept', \(handover.id))
                        RETURNING id
                        """).first!.decode(Int64.self, "id")
                } catch let error as PostgresError {
                    let mapped = StoreError(error)
                    throw mapped.category == .invalid ? mapped.naming("handover") : mapped
                }
                return Accepted(accept: try entry(c, id: id), handover: handover)
            }
        }
    }
}
