public import Postgres
internal import Foundation
internal import VaktloggCore

/// Recomputes units' hash chains in the database (`verify_chain()`, sql/002) and, given heads
/// exported earlier, checks that the history up to each export is unchanged (`chain_hash_at()`,
/// sql/006).
///
/// A unit is verified when the caller may see it: their own units, every unit for auditors and
/// administrators, every unit for a superuser.
///
/// Every call reads one snapshot (a read-only REPEATABLE READ transaction). `verify_chain()` reads
/// the rows and then the chain head in separate statements; under READ COMMITTED a writer that
/// commits between the two would make an intact chain look as if rows were missing at its end.
public struct ChainVerifier {
    private let connection: Connection

    /// - Parameter connection: a connection as the user who verifies; used by one thread at a time.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// The units the caller may verify, by code.
    public func visibleUnits() throws(StoreError) -> [String] {
        try mapped { try Self.visibleUnits($0) }
    }

    /// Verifies one unit's chain, and compares it with those of `anchors` that are of this unit.
    ///
    /// - Throws: ``StoreError`` `unit_not_visible` (forbidden) when the unit does not exist or the
    ///   caller may not see it; `database_unavailable` when the connection fails.
    public func verify(unit: String, against anchors: [ChainHead] = []) throws(StoreError) -> ChainVerification {
        try mapped { c in
            guard try c.query("SELECT 1 FROM units WHERE code = \(unit)").count > 0 else {
                throw Self.unknownUnit
            }
            return try Self.verify(c, unit: unit, at: try Self.now(c), anchors: anchors.filter { $0.unit == unit })
        }
    }

    /// Verifies every unit the caller may see, in code order, in one snapshot.
    public func verifyAll(against anchors: [ChainHead] = []) throws(StoreError) -> [ChainVerification] {
        try mapped { c in
            let at = try Self.now(c)
            return try Self.visibleUnits(c).map { unit in
                try Self.verify(c, unit: unit, at: at, anchors: anchors.filter { $0.unit == unit })
            }
        }
    }

    // MARK: Internals

    /// Deliberately vague (no `unit` argument): whether the unit exists is not the caller's to learn.
    static let unknownUnit = StoreError.forbidden(.unitNotVisible, field: "unit")

    /// Runs `body` in one read-only snapshot, mapping database errors to ``StoreError``.
    private func mapped<T>(_ body: (Connection) throws -> T) throws(StoreError) -> T {
        do {
            return try connection.transaction(isolation: .repeatableRead, readOnly: true) { try body($0) }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw StoreError(error)
        } catch {
            throw StoreError.unexpected(error)
        }
    }

    private static func now(_ c: Connection) throws -> Date {
        try c.query("SELECT date_trunc('second', now()) AS now").first!.decode(Date.self, "now")
    }

    private static func visibleUnits(_ c: Connection) throws -> [String] {
        try c.query("""
            SELECT code FROM units
             WHERE code IN (SELECT visible_units())
                OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
             ORDER BY code
            """).rows.map { try $0.decode(String.self, "code") }
    }

    private static func verify(_ c: Connection, unit: String, at: Date, anchors: [ChainHead]) throws -> ChainVerification {
        guard let row = try c.query("""
            SELECT rows, head, ok, broken_table, broken_id, broken_seq, problem FROM verify_chain(\(unit))
            """).first
        else { throw PostgresError(kind: .protocol, message: "verify_chain returned no row") }
        let rows = try row.decode(Int64.self, "rows")
        // NULL when the head covers a sealed reporter recorded before migration 015 and this user is
        // not an auditor or administrator (sql/015): such a hash is not shown to them.
        let head = [UInt8](try row.decodeIfPresent(Data.self, "head") ?? Data())
        var broken: ChainBreak?
        if try !row.decode(Bool.self, "ok") {
            broken = ChainBreak(
                table: try row.decodeIfPresent(String.self, "broken_table"),
                id: try row.decodeIfPresent(Int64.self, "broken_id"),
                seq: try row.decodeIfPresent(Int64.self, "broken_seq") ?? rows + 1,
                problem: ChainProblem(rawValue: try row.decodeIfPresent(String.self, "problem") ?? "unknown"))
        }
        let (anchor, anchorBreak) = try compare(c, unit: unit, rows: rows, broken: broken, with: anchors)
        // Report whichever break comes first in the chain.
        if let anchorBreak, broken == nil || anchorBreak.seq < broken!.seq { broken = anchorBreak }
        return ChainVerification(unit: unit, rows: rows, head: head, verifiedAt: at, broken: broken, anchor: anchor)
    }
}
