public import Foundation
public import Postgres
import VaktloggCore

/// Reads entries as the connected user sees them (row-level security decides which).
public struct EntryRepository {
    let connection: Connection

    /// Reads as the login role of `connection`.
    public init(connection: Connection) {
        self.connection = connection
    }

    static let summaryColumns: SQLQuery = """
        entry_id, ref, unit_code, kind, category, priority, risk_score, status, assignee, occurred_at,
        reported_at, next_due(s) AS next_due, text, amendment_count
        """

    /// Entries in triage order: highest tier threatened first, then higher risk, then older.
    public func list(_ f: EntryFilter, now: Date = Date()) throws -> [EntrySummary] {
        var q: SQLQuery = "SELECT \(Self.summaryColumns) FROM entry_state s WHERE true"
        if !f.units.isEmpty { q.append(" AND unit_code = ANY (\(f.units.map(UnitCode.normalise)))") }
        if !f.kinds.isEmpty { q.append(" AND kind = ANY (\(f.kinds.map(\.rawValue)))") }
        if !f.statuses.isEmpty {
            q.append(" AND status = ANY (\(f.statuses.map(\.code)))")
        } else if !f.includeClosed {
            q.append(" AND status <> 'closed'")
        }
        if !f.tiers.isEmpty { q.append(" AND tier = ANY (\(f.tiers))") }
        if f.overdueOnly { q.append(" AND next_due(s) < \(now, as: .timestamptz)") }
        if let text = f.text, !text.isEmpty { q.append(" AND strpos(lower(text), lower(\(text))) > 0") }
        q.append(" ORDER BY tier, risk_score DESC, occurred_at, ref LIMIT \(f.limit)")
        return try connection.query(q).rows.map(Self.summary)
    }

    /// The entry with this reference, or a not-found error that does not tell whether it exists in a
    /// unit the user cannot see.
    public func summary(ref: String) throws -> EntrySummary {
        guard let row = try connection.query("SELECT \(Self.summaryColumns) FROM entry_state s WHERE ref = \(ref)").first else {
            throw StoreError.unknownEntry(ref)
        }
        return try Self.summary(row)
    }

    static func summary(_ r: Row) throws -> EntrySummary {
        let kind = EntryKind(rawValue: try r.decode(String.self, "kind")) ?? .incident
        let status = try r.decode(String.self, "status")
        guard let lifecycleStatus = LifecycleStatus(kind: kind, code: status) else {
            throw PostgresError(kind: .decode, message: "unknown status for \(kind.rawValue)", column: "status")
        }
        return EntrySummary(
            id: try r.decode(Int64.self, "entry_id"), ref: try r.decode(String.self, "ref"),
            unit: try r.decode(String.self, "unit_code"),
            kind: kind,
            category: try r.decode(String.self, "category"),
            priority: Priority(rawValue: try r.decode(String.self, "priority")) ?? .p4,
            riskScore: try r.decode(Int.self, "risk_score"), status: lifecycleStatus,
            assignee: try r.decodeIfPresent(String.self, "assignee"),
            occurredAt: try r.decode(Date.self, "occurred_at"), reportedAt: try r.decode(Date.self, "reported_at"),
            nextDue: try r.decodeIfPresent(Date.self, "next_due"), text: try r.decode(String.self, "text"),
            amendmentCount: try r.decode(Int.self, "amendment_count"))
    }
}

extension StoreError {
    /// No entry with this reference among the user's units.
    public static func unknownEntry(_ ref: String) -> StoreError {
        .invalid(.unknownEntry, field: "ref", ["ref": ref])
    }

    /// A logged read was attempted inside an open transaction: the database honours a read only
    /// after its access-log row has committed, so the read must start outside one.
    static let readInTransaction = StoreError.unexpected(.readInTransaction)
}
