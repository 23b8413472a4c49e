public import EmbeddedPostgres
public import Foundation
public import Logging
public import Postgres

/// Where Vaktlogg's database is and as whom to connect.
///
/// With a URL (`--database-url` / `VAKTLOGG_DATABASE_URL`) any PostgreSQL ≥ 15 serves, and the URL
/// names the user. Without one, a private embedded cluster in a data directory is used: created,
/// started, migrated and given an administrator (`admin`) on first use, then entered as the login
/// role named by `--user` / `VAKTLOGG_USER`.
public struct DatabaseTarget: Sendable {
    /// The two ways to reach a database.
    public enum Location: Sendable, Hashable {
        case url(String)
        case embedded(directory: URL)
    }

    /// The database the embedded cluster keeps Vaktlogg's data in.
    public static let embeddedDatabase = "vaktlogg"
    /// The administrator created when the embedded database is first made.
    public static let defaultAdministrator = "admin"

    /// Where the database is.
    public let location: Location
    /// The login role for embedded mode.
    public let user: String

    /// A target at `location`; `user` is the login role in embedded mode (default `admin`).
    public init(location: Location, user: String? = nil) {
        self.location = location
        self.user = (user?.isEmpty == false ? user : nil) ?? Self.defaultAdministrator
    }

    /// The embedded cluster, when that is where the data lives.
    public func cluster() throws -> EmbeddedCluster? {
        guard case .embedded(let directory) = location else { return nil }
        return try EmbeddedCluster(directory: directory)
    }

    /// Connection string for the user.
    public func userConnectionString() throws -> String {
        switch location {
        case .url(let url): return url
        case .embedded:
            return try cluster()!.connectionString(user: user, database: Self.embeddedDatabase)
        }
    }

    /// Connection string for the database owner, who runs migrations and demo seeding. With a URL
    /// that is the URL's own user (it must own the database).
    public func ownerConnectionString() throws -> String {
        switch location {
        case .url(let url): return url
        case .embedded:
            return try cluster()!.connectionString(database: Self.embeddedDatabase)
        }
    }

    /// Connects as the user. In embedded mode a missing, stopped or unmigrated cluster is set up
    /// first. Throws ``StoreError`` `database_unavailable` when the database cannot be reached —
    /// whatever the phase: refused, reset while checking or migrating, starting up or in recovery,
    /// or a cluster another process is starting at the same moment — and `login_refused` when the
    /// server refuses the login.
    public func connect(logger: Logger) throws -> Connection {
        try Self.reachable {
            do {
                let connection = try Connection(try userConnectionString(), logger: logger)
                guard case .embedded = location, try !isCurrent(connection) else { return connection }
                // This binary knows migrations the embedded database has not applied yet: apply them
                // (an upgrade needs no separate step in embedded mode), then connect again.
                connection.close()
            } catch let error as PostgresError where error.isUnavailable {
                guard case .embedded = location else { throw error }
            }
            try prepareEmbedded(logger: logger)
            return try Connection(try userConnectionString(), logger: logger)
        }
    }

    /// Runs `body`, turning every failure to reach the database into a ``StoreError``
    /// (`database_unavailable`, or `login_refused` for a refused login): a
    /// ``PostgresError`` that ``PostgresError/isUnavailable``, and an embedded cluster that could
    /// not be started. Other errors pass unchanged.
    static func reachable<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError where error.isUnavailable {
            throw StoreError.connectionFailure(error)
        } catch let error as EmbeddedClusterError {
            throw StoreError.databaseUnavailable(detail: error.description)
        }
    }

    /// True when the database has every migration of this build (one cheap query).
    private func isCurrent(_ connection: Connection) throws -> Bool {
        let newest = Migration.all.map(\.version).max() ?? 0
        do {
            return try connection.query("SELECT schema_version() AS v").first!.decode(Int.self, "v") >= newest
        } catch let error as PostgresError where !error.isUnavailable {
            return false  // older than schema_version() itself
        }
    }

    /// Connects as the owner (migrations, seeding), preparing the embedded cluster when needed.
    public func connectOwner(logger: Logger) throws -> Connection {
        try Self.reachable {
            if case .embedded = location { try prepareEmbedded(logger: logger) }
            return try Connection(try ownerConnectionString(), logger: logger)
        }
    }

    /// Creates, starts, migrates and bootstraps the embedded cluster; harmless when already done.
    public func prepareEmbedded(logger: Logger) throws {
        guard let cluster = try startEmbedded(logger: logger) else { return }
        let owner = try Connection(cluster.connectionString(database: Self.embeddedDatabase), logger: logger)
        defer { owner.close() }
        try Migrator(connection: owner).migrate()
        try Self.bootstrapAdministrator(owner)
    }

    /// Creates and starts the embedded cluster and its database, without migrating; nil with a URL.
    /// Harmless when already done.
    @discardableResult
    func startEmbedded(logger: Logger) throws -> EmbeddedCluster? {
        guard let cluster = try cluster() else { return nil }
        do {
            try cluster.initializeIfNeeded()
            try cluster.start()
        } catch let error as EmbeddedClusterError {
            throw StoreError.databaseUnavailable(detail: error.description)
        }
        let admin = try Connection(cluster.connectionString(), logger: logger)
        let exists = try admin.query("SELECT 1 FROM pg_database WHERE datname = \(Self.embeddedDatabase)").count > 0
        if !exists {
            do {
                _ = try admin.unsafeExecuteScript("CREATE DATABASE \(Self.embeddedDatabase)")
            } catch let error as PostgresError where error.sqlState == "42P04" {
                // created by a concurrent first start
            }
        }
        // No application login needs the cluster's maintenance databases; by default every login
        // may connect to them (and list roles and databases there). Idempotent, so an older cluster
        // is closed on its next start.
        _ = try admin.unsafeExecuteScript("REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC")
        admin.close()
        return cluster
    }

    /// Creates the `admin` user when the database has no users yet.
    static func bootstrapAdministrator(_ owner: Connection) throws {
        try owner.transaction { c in
            _ = try c.query("SELECT pg_advisory_xact_lock(\(Migrator.lockKey))")
            let users = try c.query("SELECT count(*) AS n FROM app_users").first!.decode(Int.self, "n")
            if users == 0 {
                _ = try c.query("""
                    SELECT admin_add_user(\(defaultAdministrator), 'admin', '{}'::text[], 'Administrator')
                    """)
            }
        }
    }
}
