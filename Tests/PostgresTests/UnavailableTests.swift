import Foundation
import Postgres
import Testing

/// `PostgresError.isUnavailable`, the one classification the CLI relies on to spool instead of
/// failing, checked against errors a real server produces — with refusals as the negative control.
@Suite struct UnavailableTests {
    @Test func aBackendTerminatedByTheAdministratorIsUnavailable() throws {
        let fixture = try Fixture()
        let victim = try fixture.connect()
        let admin = try fixture.connect()
        let pid = try victim.query("SELECT pg_backend_pid() AS p").first!.decode(Int32.self, "p")
        #expect(try admin.query("SELECT pg_terminate_backend(\(pid)) AS t").first!.decode(Bool.self, "t"))
        let error = try #require(throws: PostgresError.self) { try victim.query("SELECT 1") }
        #expect(error.isUnavailable, "\(error)")
        #expect(error.kind == .connectionLost || error.sqlState == "57P01", "\(error)")
    }

    @Test func noServerOnTheSocketIsUnavailable() throws {
        let error = try #require(throws: PostgresError.self) {
            try Connection("host=/tmp/vaktlogg-no-server-\(UUID().uuidString.prefix(6)) dbname=x")
        }
        #expect(error.kind == .connection)
        #expect(error.isUnavailable)
    }

    @Test func serverStatesOfStartingRecoveringOrShuttingDownAreUnavailable() {
        for state in ["57P01", "57P02", "57P03", "53300", "08006", "08001"] {
            #expect(PostgresError(kind: .query, sqlState: state, message: "x").isUnavailable, "\(state)")
        }
        // Refusals and faults are not: queueing them would only fail again later.
        for state in ["23505", "23514", "42501", "P0001", "40001", "57014", "XX000"] {
            #expect(!PostgresError(kind: .query, sqlState: state, message: "x").isUnavailable, "\(state)")
        }
    }

    @Test func aRefusalFromARealServerIsNotUnavailable() throws {
        let conn = try Fixture().connect()
        let error = try #require(throws: PostgresError.self) { try conn.query("SELECT 1/0") }
        #expect(error.sqlState == "22012")
        #expect(!error.isUnavailable)
    }
}
