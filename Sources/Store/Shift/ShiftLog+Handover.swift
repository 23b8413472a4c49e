import Foundation
import Postgres
import VaktloggCore

extension ShiftLog {
    /// Hands over the caller's shift in `unit` (default: home unit): builds the summary from the
    /// projection and the notes, and appends it as a `handover` row, all in one REPEATABLE READ
    /// transaction so that the counts, the lists and the notes are one consistent picture.
    public func handover(unit requested: String?) throws(StoreError) -> ShiftLogEntry {
        try StoreError.mapping {
            try connection.transaction(isolation: .repeatableRead) { c in
                let unit = try unit(c, requested)
                let summary = try summarize(c, unit: unit)
                let json = try StoreJSON.text(summary)
                let id = try c.query("""
                    INSERT INTO shift_log (unit_code, event, summary) VALUES (\(unit), 'handover', \(json)::jsonb)
                    RETURNING id
                    """).first!.decode(Int64.self, "id")
                return try entry(c, id: id)
            }
        }
    }

    /// The summary of `unit` now. Notes are those since the caller's shift started, or, without
    /// an open shift, since the unit's latest handover.
    func summarize(_ c: Connection, unit: String) throws -> HandoverSummary {
        let now = try c.query("SELECT now() AS now").first!.decode(Date.self, "now")
        let shift = try openShift(c, unit: unit)
        let since: Int64
        if let shift {
            since = shift.id
        } else {
            since = try c.query("""
                SELECT coalesce(max(id), 0) AS id FROM shift_log WHERE unit_code = \(unit) AND event = 'handover'
                """).first!.decode(Int64.self, "id")
        }

        var byPriority = Dictionary(uniqueKeysWithValues: Priority.allCases.map { ($0.rawValue, 0) })
        var byStatus = Dictionary(uniqueKeysWithValues: HandoverSummary.openStatuses.map { ($0, 0) })
        var total = 0
        for row in try c.query("""
            SELECT priority, status, count(*) AS n FROM entry_state
            WHERE unit_code = \(unit) AND status <> 'closed' GROUP BY priority, status
            """).rows {
            let n = try row.decode(Int.self, "n")
            byPriority[try row.decode(String.self, "priority"), default: 0] += n
            byStatus[try row.decode(String.self, "status"), default: 0] += n
            total += n
        }

        let overdue = try items(c, """
            WHERE s.unit_code = \(unit) AND s.status <> 'closed' AND next_due(s) < now()
            ORDER BY next_due(s), s.tier, s.ref
            """)
        let openP1 = try items(c, """
            WHERE s.unit_code = \(unit) AND s.status <> 'closed' AND s.priority = 'P1'
            ORDER BY s.occurred_at, s.ref
            """)
        let notes = try c.query("""
            SELECT id, at, actor, text FROM shift_log
            WHERE unit_code = \(unit) AND event = 'note' AND id > \(since) ORDER BY id
            """).rows.map { row in
            HandoverSummary.Note(id: try row.decode(Int64.self, "id"), at: try row.decode(Date.self, "at"),
                                 actor: try row.decode(String.self, "actor"), text: try row.decode(String.self, "text"))
        }
        return HandoverSummary(
            version: HandoverSummary.currentVersion, unit: unit, generatedAt: now,
            shiftStartedAt: shift?.at, shiftStartedBy: shift?.actor, openTotal: total,
            byPriority: byPriority, byStatus: byStatus, overdue: overdue, openP1: openP1, notes: notes)
    }

    /// Open entries of the projection as summary items; `tail` filters and orders `entry_state s`.
    private func items(_ c: Connection, _ tail: SQLQuery) throws -> [HandoverSummary.Item] {
        let head: SQLQuery = """
            SELECT s.ref, s.kind, s.category, s.priority, s.status, s.occurred_at, next_due(s) AS next_due
            FROM entry_state s

            """
        return try c.query(head + tail).rows.map { row in
            guard let kind = EntryKind(rawValue: try row.decode(String.self, "kind")),
                  let priority = Priority(rawValue: try row.decode(String.self, "priority")) else {
                throw PostgresError(kind: .decode, message: "unknown kind or priority in entry_state")
            }
            return HandoverSummary.Item(
                ref: try row.decode(String.self, "ref"), kind: kind, category: try row.decode(String.self, "category"),
                priority: priority, status: try row.decode(String.self, "status"),
                occurredAt: try row.decode(Date.self, "occurred_at"),
                nextDue: try row.decodeIfPresent(Date.self, "next_due"))
        }
    }
}
