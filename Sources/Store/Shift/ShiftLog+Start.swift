import Postgres

extension ShiftLog {
    /// The outcome of `start`: the new row, and the caller's previous shift in the unit when it
    /// was never handed over (starting again is allowed — an officer must not be locked out of the
    /// log by yesterday's omission — but worth saying).
    ///
    /// JSON: `{"entry": row, "unhanded_shift": row | null}` (rows as `ShiftLogEntry`).
    public struct Started: Sendable, Encodable {
        /// The new start row.
        public let entry: ShiftLogEntry
        /// The caller's previous shift there, never handed over.
        public let unhandedShift: ShiftLogEntry?

        enum CodingKeys: String, CodingKey {
            case entry
            case unhandedShift = "unhanded_shift"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(entry, forKey: .entry)
            try c.encode(unhandedShift, forKey: .unhandedShift)
        }
    }

    /// Starts the caller's shift in `unit` (default: home unit).
    public func start(unit requested: String?) throws(StoreError) -> Started {
        try StoreError.mapping {
            try connection.transaction { c in
                let unit = try unit(c, requested)
                let previous = try openShift(c, unit: unit)
                let id = try c.query("""
                    INSERT INTO shift_log (unit_code, event) VALUES (\(unit), 'start') RETURNING id
                    """).first!.decode(Int64.self, "id")
                return Started(entry: try entry(c, id: id), unhandedShift: previous)
            }
        }
    }

    /// Writes a note in `unit` (default: home unit). A note needs no open shift: what was seen
    /// must be loggable even if nobody pressed "start".
    @discardableResult
    public func note(_ rawText: String, unit requested: String?) throws(StoreError) -> ShiftLogEntry {
        let text = try InputValidation.text(rawText)
        return try StoreError.mapping {
            try connection.transaction { c in
                let unit = try unit(c, requested)
                let id = try c.query("""
                    INSERT INTO shift_log (unit_code, event, text) VALUES (\(unit), 'note', \(text)) RETURNING id
                    """).first!.decode(Int64.self, "id")
                return try entry(c, id: id)
            }
        }
    }
}
