import Postgres

extension ShiftLog {
    /// The log of the current shift in a unit.
    public struct View: Sendable {
        /// The unit shown.
        public let unit: String
        /// The caller's open shift there (its `start` or `accept`), if any.
        public let openShift: ShiftLogEntry?
        /// The rows from the open shift's start (from the handover it accepted, when it began with
        /// an accept), or without one from the unit's latest handover (so an incoming officer sees
        /// what waits for them), oldest first.
        public let entries: [ShiftLogEntry]
    }

    /// The current shift's log in `unit` (default: home unit); anyone who sees the unit may read it.
    public func current(unit requested: String?) throws(StoreError) -> View {
        try StoreError.mapping {
            try connection.transaction(isolation: .repeatableRead, readOnly: true) { c in
                let unit = try unit(c, requested, readOnly: true)
                let shift = try openShift(c, unit: unit)
                let from: Int64
                if let shift {
                    // A shift begun by accepting shows the handover it took over, and anything
                    // written between the handover and the accept.
                    from = shift.event == .accept ? (shift.handoverID ?? shift.id) : shift.id
                } else {
                    from = try c.query("""
                        SELECT coalesce(max(id), 0) AS id FROM shift_log WHERE unit_code = \(unit) AND event = 'handover'
                        """).first!.decode(Int64.self, "id")
                }
                let rows = try entries(c, "WHERE s.unit_code = \(unit) AND s.id >= \(from) ORDER BY s.id")
                return View(unit: unit, openShift: shift, entries: rows)
            }
        }
    }
}
