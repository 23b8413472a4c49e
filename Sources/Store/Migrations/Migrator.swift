public import Foundation
public import Postgres
internal import Logging

/// Applies the numbered migrations of `sql/` in order, each in its own transaction, under a
/// PostgreSQL advisory lock so that two processes migrating at once apply each file once.
///
/// Run it as the database owner (the superuser in embedded mode): the migrations create roles,
/// triggers and security-definer functions.
public struct Migrator {
    /// A migration's state in one database.
    public enum State: Sendable, Hashable {
        case applied(at: Date)
        case pending
    }

    /// One line of ``status()``.
    public struct Line: Sendable, Hashable {
        /// The migration.
        public let migration: Migration
        /// Whether and how it is applied.
        public let state: State
    }

    /// Key of the advisory lock (the ASCII of "vaktlogg" as a bigint), held while migrating.
    static let lockKey: Int64 = 0x7661_6B74_6C6F_6767

    private let connection: Connection
    private let migrations: [Migration]

    /// - Parameters:
    ///   - connection: a connection as the database owner.
    ///   - migrations: the migrations to apply; ``Migration/all`` in the product.
    public init(connection: Connection, migrations: [Migration] = Migration.all) {
        self.connection = connection
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applied and pending migrations, refusing when an applied file changed or is unknown.
    ///
    /// Reads only: a database nobody has migrated yet (no `schema_migrations`) shows every
    /// migration pending, so a status check never creates anything and needs no CREATE privilege.
    public func status() throws -> [Line] {
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
            .first?.decode(Bool.self, "present") ?? false
        let applied = exists ? try appliedMigrations() : [:]
        try check(applied)
        return migrations.map { m in
            Line(migration: m, state: applied[m.version].map { .applied(at: $0.at) } ?? .pending)
        }
    }

    /// Applies every pending migration and returns those applied now (empty when up to date).
    @discardableResult
    public func migrate() throws -> [Migration] {
        try ensureTable()
        _ = try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        // Read again under the lock: another process may just have applied some.
        let applied = try appliedMigrations()
        try check(applied)
        var done: [Migration] = []
        for m in migrations where applied[m.version] == nil {
            connection.logger.info("applying migration", metadata: ["name": "\(m.name)"])
            try connection.transaction(maxAttempts: 1) { c in
                _ = try c.unsafeExecuteScript(m.sql)
                try c.execute("""
                    INSERT INTO schema_migrations (version, name, checksum) VALUES (\(m.version), \(m.name), \(m.checksum))
                    """)
            }
            done.append(m)
        }
        return done
    }

    private struct Applied {
        let name: String
        let checksum: String
        let at: Date
    }

    private func ensureTable() throws {
        // IF NOT EXISTS is not safe against a concurrent creator; the advisory lock is taken after,
        // so tolerate the race by ignoring a duplicate.
        do {
            _ = try connection.unsafeExecuteScript("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
        } catch let error as PostgresError where error.isUniqueViolation {
            return
        }
    }

    private func appliedMigrations() throws -> [Int: Applied] {
        var out: [Int: Applied] = [:]
        for row in try connection.query("SELECT version, name, checksum, applied_at FROM schema_migrations").rows {
            out[try row.decode(Int.self, "version")] = Applied(
                name: try row.decode(String.self, "name"),
                checksum: try row.decode(String.self, "checksum"),
                at: try row.decode(Date.self, "applied_at"))
        }
        return out
    }

    private func check(_ applied: [Int: Applied]) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for (version, a) in applied.sorted(by: { $0.key < $1.key }) {
            guard let m = known[version] else { throw MigrationError.unknown(a.name) }
            if m.checksum != a.checksum { throw MigrationError.changed(m.name) }
        }
    }
}
