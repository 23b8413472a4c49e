public import Foundation
public import PostgresTestSupport
import Logging
public import Postgres
import Store

/// A fresh, migrated Vaktlogg database on the shared test cluster, with helpers to add regions,
/// units and users. Login roles are cluster-wide, so user names get the database's suffix to keep
/// parallel tests apart.
public struct VaktloggTestDatabase: Sendable {
    /// The underlying database.
    public let database: TestDatabase
    /// Appended to user names to keep them unique in the cluster.
    public let suffix: String

    /// Creates and migrates a database; with `units` it also adds region `OST` and those units
    /// (type `prison_high`).
    public static func create(prefix: String = "v", units: [String] = []) throws -> VaktloggTestDatabase {
        let database = try TestDatabase.create(prefix: prefix)
        let connection = try Connection(database.connectionString, logger: Logger(label: "test"))
        defer { connection.close() }
        try ClusterRoles.prepare(connection: connection)
        try Migrator(connection: connection).migrate()
        let suffix = String(database.name.split(separator: "_").last ?? "x")
        let db = VaktloggTestDatabase(database: database, suffix: suffix)
        if !units.isEmpty {
            try db.sql("SELECT admin_add_region('OST', 'Region øst')")
            for unit in units {
                try db.sql("SELECT admin_add_unit('\(unit)', '\(unit) fengsel', 'prison_high', 'OST')")
            }
        }
        return db
    }

    /// Adds a user and returns its (suffixed, unique) login name.
    @discardableResult
    public func addUser(_ base: String, role: String, units: [String]) throws -> String {
        let name = "\(base)_\(suffix)"
        let list = units.map { "'\($0)'" }.joined(separator: ",")
        try sql("SELECT admin_add_user('\(name)', '\(role)', ARRAY[\(list)]::text[])")
        return name
    }

    /// Runs SQL as the superuser (test set-up, or tampering behind the application's back).
    @discardableResult
    public func sql(_ text: String, user: String? = nil) throws -> String {
        try database.psql(text, user: user)
    }

    /// A libpq URL for `user`.
    public func url(user: String) -> String { database.url(user: user) }

    /// A connection as `user` (default: the superuser).
    public func connect(user: String? = nil) throws -> Connection {
        try Connection(user.map { database.connectionString(user: $0) } ?? database.connectionString,
                       logger: Logger(label: "test"))
    }

    /// Environment for running the `vaktlogg` binary as `user` against this database, with its own
    /// spool directory.
    public func environment(user: String, spool: URL? = nil) -> [String: String] {
        var env = ["VAKTLOGG_DATABASE_URL": url(user: user), "VAKTLOGG_LANG": "nb"]
        if let spool { env["VAKTLOGG_SPOOL_DIR"] = spool.path }
        return env
    }
}
