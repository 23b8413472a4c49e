public import Logging
internal import Postgres
import EmbeddedPostgres

extension DatabaseTarget {
    /// Applies the pending migrations as the database owner and returns those applied now (empty
    /// when the schema was up to date).
    ///
    /// In embedded mode the cluster and its database are created and started first, but not
    /// migrated by that step (unlike ``connectOwner(logger:)``), so the caller learns exactly which
    /// files this call applied; the first administrator is then bootstrapped as on any first use.
    ///
    /// - Throws: ``StoreError`` `database_unavailable` (or `login_refused`) when the database cannot be reached, ``MigrationError``
    ///   when an applied file changed or is unknown, ``PostgresError`` when a migration fails.
    public func migrate(logger: Logger) throws -> [Migration] {
        let embedded = try startEmbedded(logger: logger) != nil
        let owner = try ownerConnection(logger: logger)
        defer { owner.close() }
        let applied = try Migrator(connection: owner).migrate()
        if embedded { try Self.bootstrapAdministrator(owner) }
        return applied
    }

    /// Every migration of this build, applied (with its time) or pending, without changing
    /// anything: a stopped embedded cluster is not started, and an embedded cluster without its
    /// database yet shows every migration pending.
    ///
    /// - Throws: ``StoreError`` `database_unavailable` (or `login_refused`) when the database (or a stopped embedded cluster) cannot
    ///   be reached, ``MigrationError`` when an applied file changed or is unknown.
    public func migrationStatus(logger: Logger) throws -> [Migrator.Line] {
        if let cluster = try cluster() {
            // Ask the maintenance database first: connecting to a database that does not exist
            // would look like an unreachable server.
            let admin = try connect(cluster.connectionString(), logger: logger)
            let exists = try admin.query("SELECT 1 FROM pg_database WHERE datname = \(Self.embeddedDatabase)").count > 0
            admin.close()
            if !exists { return Migration.all.map { Migrator.Line(migration: $0, state: .pending) } }
        }
        let owner = try ownerConnection(logger: logger)
        defer { owner.close() }
        return try Migrator(connection: owner).status()
    }

    /// A connection as the owner, without preparing anything.
    private func ownerConnection(logger: Logger) throws -> Connection {
        try connect(try ownerConnectionString(), logger: logger)
    }

    private func connect(_ connectionString: String, logger: Logger) throws -> Connection {
        do {
            return try Connection(connectionString, logger: logger)
        } catch let error as PostgresError where error.isUnavailable {
            throw StoreError.connectionFailure(error)
        }
    }
}
