import Foundation

/// Serialises, within the test process, everything that creates the demo data's users.
///
/// Login roles are cluster-wide and the demo users have fixed names, so two tests seeding demo data
/// into their own databases at once alter the same `pg_authid` rows ("tuple concurrently updated",
/// XX000). Production seeds one database per cluster; the tests share a cluster, so they take turns.
public enum DemoRolesLock {
    private static let lock = NSLock()

    /// Runs `body` while no other test in this process seeds demo data.
    public static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
