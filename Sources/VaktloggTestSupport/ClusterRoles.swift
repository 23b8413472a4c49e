import Foundation
import Logging
public import Postgres

/// Creates, once per test process, the cluster-wide roles that migrations after 001 create
/// without tolerating a concurrent creation.
///
/// Roles are cluster-wide while each test migrates its own database, in parallel. 025 creates
/// `vaktlogg_authenticator` after an `IF NOT EXISTS` check but, unlike 001, without catching the
/// race when another database's migration creates it between the check and the `CREATE`
/// (`23505` on `pg_authid_rolname_index`). 025 has been applied in installed databases, so its text
/// cannot change (the migrator refuses a changed applied file); production migrates one database
/// at a time per cluster, so only the tests meet the race. Creating the role first, with 025's own
/// attributes, makes 025's check skip the `CREATE` in every test database.
public enum ClusterRoles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var prepared = false

    /// Creates the roles unless this process already did (or they exist).
    public static func prepare(connection: Connection) throws {
        lock.lock()
        defer { lock.unlock() }
        if prepared { return }
        try connection.execute("""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vaktlogg_authenticator') THEN
                    CREATE ROLE vaktlogg_authenticator LOGIN NOINHERIT;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END
            $$
            """)
        prepared = true
    }
}
