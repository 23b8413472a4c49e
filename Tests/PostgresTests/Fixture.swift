import Foundation
import Postgres
import PostgresTestSupport

/// A fresh, empty database per test on the process's throwaway cluster (PostgresTestSupport).
struct Fixture {
    let connectionString: String

    init() throws {
        // TEMPORARY while TestCluster start-up is being finished: a hand-started server.
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
