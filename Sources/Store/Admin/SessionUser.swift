public import Postgres

/// The logged-in user as the dashboard's status bar shows them: name, role and units. Read from
/// `app_users`/`user_units` under the same row-level security as everything else.
public struct SessionUser: Sendable, Hashable {
    public let name: String
    /// The role code (`security_coordinator` …).
    public let role: String
    /// The user's units, home unit first (empty for an administrator or auditor without units).
    public let units: [String]

    /// The user of `connection`'s session, or nil for a database role that is no Vaktlogg user
    /// (the cluster owner, say).
    public static func current(_ connection: Connection) throws -> SessionUser? {
        guard let row = try connection.query("""
            SELECT a.name, a.role,
                   coalesce(array(SELECT u.unit_code FROM user_units u WHERE u.user_name = a.name
                                  ORDER BY u.unit_code IS DISTINCT FROM a.home_unit, u.unit_code), '{}') AS units
              FROM app_users a WHERE a.name = session_user
            """).first else { return nil }
        return SessionUser(name: try row.decode(String.self, "name"), role: try row.decode(String.self, "role"),
                           units: try row.decode([String].self, "units"))
    }
}
