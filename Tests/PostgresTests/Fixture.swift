import Foundation
import Postgres
import PostgresTestSupport

/// A fresh, empty database per test on the process's throwaway cluster (PostgresTestSupport).
///
/// Setting `VAKTLOGG_TEST_DSN` (a superuser conninfo for an existing server) runs the tests there
/// instead, each in a database it creates; without it nothing needs configuring.
struct Fixture {
    let connectionString: String

    init() throws {
        if let dsn = ProcessInfo.processInfo.environment["VAKTLOGG_TEST_DSN"] {
            let admin = try Connection(dsn)
            let name = "pg_" + UUID().uuidString.prefix(8).lowercased()
            try admin.unsafeExecuteScript("CREATE DATABASE \(name)")
            connectionString = dsn + " dbname=\(name)"
        } else {
            connectionString = try TestDatabase.create(prefix: "pg").connectionString
        }
    }

    func connect() throws -> Connection {
        try Connection(connectionString)
    }
}
