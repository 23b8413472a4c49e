import Foundation
import Logging
import Postgres
import PostgresTestSupport
import Server
import ServiceLifecycle
import Store
import Testing
import VaktloggTestSupport

/// swift-service-lifecycle's graceful shutdown (what SIGTERM triggers in `vaktlogg serve`): the
/// request in flight finishes and is written whole; then the server stops.
@Suite("API: graceful shutdown")
struct GracefulShutdownTests {
    @Test func theRequestInFlightFinishesBeforeTheServerStops() async throws {
        let f = try APIFixture("apistop")
        var config = ServerConfiguration(databaseURL: f.db.database.connectionString(user: ServeTestNames.authenticator))
        config.port = 0
        let logger = Logger(label: "test.stop")
        let bound = PortBox()
        let app = try VaktloggServer(configuration: config, logger: logger).application { bound.set($0) }
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let running = Task { try await group.run() }
        f.port = try await bound.wait()

        // Hold the lock the database takes for this idempotency key, so the request waits inside
        // its transaction until the test lets it go.
        let key = UUID()
        let holder = try f.db.connect()
        try holder.execute("BEGIN")
        try holder.query("SELECT pg_advisory_xact_lock(hashtext('vaktlogg:idempotency_key'), hashtext(\(key.uuidString.lowercased())))")
        let body = try JSONSerialization.data(withJSONObject: APIFixture.incident(extra: ["idempotency_key": key.uuidString]))
        let request = Task { try await f.send("POST", "/entries", as: f.ola, body: body) }
        while try f.db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == "0" {
            try await Task.sleep(for: .milliseconds(10))
        }
        await group.triggerGracefulShutdown()
        try holder.execute("COMMIT")
        let response = try await request.value
        #expect(response.status == 201, "\(response.text)")
        try await running.value
        #expect(try f.db.sql("SELECT count(*) FROM entries WHERE idempotency_key = '\(key.uuidString.lowercased())'") == "1")
        // The server is gone: a new request finds no listener.
        await #expect(throws: (any Error).self) { _ = try await f.send("GET", "/health") }
    }
}
