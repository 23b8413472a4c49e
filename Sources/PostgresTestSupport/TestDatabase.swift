public import EmbeddedPostgres
import Foundation

/// A fresh, empty database on the shared ``TestCluster``: each test gets its own, so tests can run
/// in parallel without seeing each other's rows.
public struct TestDatabase: Sendable {
    /// The database's name (unique in the cluster).
    public let name: String
    /// The cluster it lives on.
    public let cluster: EmbeddedCluster

    /// A libpq keyword string for the bootstrap superuser on this database.
    public var connectionString: String { cluster.connectionString(database: name) }

    /// A libpq keyword string for `user` on this database.
    public func connectionString(user: String) -> String {
        cluster.connectionString(user: user, database: name)
    }

    /// A libpq URL for `user` (default: the superuser) on this database.
    public func url(user: String? = nil) -> String {
        let host = cluster.socketDirectory.path
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cluster.socketDirectory.path
        return "postgresql://\(user ?? cluster.superuser)@/\(name)?host=\(host)"
    }

    /// Creates a new database named after `prefix` and a random suffix.
    public static func create(prefix: String = "t") throws -> TestDatabase {
        let cluster = try TestCluster.shared()
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let name = "\(prefix)_\(suffix)".lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }
        try cluster.psql(database: "postgres", "CREATE DATABASE \(name)")
        return TestDatabase(name: name, cluster: cluster)
    }

    /// Runs SQL through `psql` as the superuser, for test set-up that must not depend on the code
    /// under test (for example tampering with a row behind the application's back).
    @discardableResult
    public func psql(_ sql: String, user: String? = nil) throws -> String {
        try cluster.psql(database: name, user: user, sql)
    }
}

extension EmbeddedCluster {
    /// Runs `sql` with `psql -v ON_ERROR_STOP=1`, returning unaligned, tuples-only output.
    @discardableResult
    public func psql(database: String, user: String? = nil, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [
            "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
            "-h", socketDirectory.path, "-U", user ?? superuser, "-d", database, "-c", sql,
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw EmbeddedClusterError(
                tool: "psql", exitCode: process.terminationStatus,
                output: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
