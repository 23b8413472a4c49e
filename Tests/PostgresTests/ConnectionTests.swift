import Foundation
import Postgres
import Testing

@Suite struct ConnectionTests {
    @Test func connectFailureIsConnectionKind() throws {
        let error = try #require(throws: PostgresError.self) {
            try Connection("host=/nonexistent/vaktlogg-socket-dir dbname=x user=y connect_timeout=2")
        }
        #expect(error.kind == .connection)
        #expect(error.isConnectionError)
        let malformed = try #require(throws: PostgresError.self) { try Connection("host=") }
        #expect(malformed.kind == .connection)
        let badURL = try #require(throws: PostgresError.self) { try Connection("postgresql://[::1") }
        #expect(badURL.kind == .connection)
    }

    @Test func terminatedBackendIsConnectionLost() throws {
        let fixture = try Fixture()
        let victim = try fixture.connect()
        let admin = try fixture.connect()
        #expect(victim.isAlive)
        let pid = victim.backendPID
        #expect(try victim.query("SELECT pg_backend_pid()").first?.decode(Int32.self, column: 0) == pid)
        // With a timeout, pg_terminate_backend waits until the backend has gone.
        #expect(try admin.query("SELECT pg_terminate_backend(\(pid), 5000)").first?.decode(Bool.self, column: 0) == true)
        let error = try #require(throws: PostgresError.self) { try victim.query("SELECT 1") }
        #expect(error.kind == .connectionLost)
        #expect(error.isConnectionError)
        #expect(!victim.isAlive)
        #expect(victim.status == .bad)
        let again = try #require(throws: PostgresError.self) { try victim.query("SELECT 1") }
        #expect(again.isConnectionError)
        let inTransaction = try #require(throws: PostgresError.self) { try victim.transaction { _ in } }
        #expect(inTransaction.isConnectionError)
    }

    @Test func closeIsIdempotentAndLaterUseThrows() throws {
        let conn = try Fixture().connect()
        conn.close()
        conn.close()
        #expect(conn.status == .closed)
        let error = try #require(throws: PostgresError.self) { try conn.query("SELECT 1") }
        #expect(error.kind == .connectionClosed)
        #expect(error.isConnectionError)
    }

    @Test func sessionFactsAndURLForm() throws {
        let fixture = try Fixture()
        let conn = try fixture.connect()
        #expect(conn.serverVersion >= 150_000)
        #expect(conn.parameterStatus("TimeZone") == "UTC")
        #expect(conn.parameterStatus("DateStyle") == "ISO, YMD")
        #expect(conn.parameterStatus("client_encoding") == "UTF8")
        #expect(conn.backendPID > 0)
        #expect(try conn.escapeIdentifier("odd \"name\"") == "\"odd \"\"name\"\"\"")
        // User-supplied options are kept alongside ours.
        let withOptions = try Connection(fixture.connectionString + " options='-c application_name=vaktlogg-test'")
        #expect(try withOptions.query("SHOW application_name").first?.decode(String.self, column: 0) == "vaktlogg-test")
        #expect(withOptions.parameterStatus("TimeZone") == "UTC")
        // The URL form reaches the same database.
        let dbName = try conn.query("SELECT current_database()").first!.decode(String.self, column: 0)
        let socket = try conn.query("SELECT setting FROM pg_settings WHERE name = 'unix_socket_directories'").first!
            .decode(String.self, column: 0).split(separator: ",").first.map(String.init) ?? "/tmp"
        let user = try conn.query("SELECT current_user").first!.decode(String.self, column: 0)
        let url = "postgresql://\(user)@/\(dbName)?host=\(socket.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        let viaURL = try Connection(url)
        #expect(try viaURL.query("SELECT current_database()").first?.decode(String.self, column: 0) == dbName)
    }

    @Test func emptyQueryAndScriptResults() throws {
        let conn = try Fixture().connect()
        let result = try conn.unsafeExecuteScript("CREATE TABLE s (a int); INSERT INTO s VALUES (1), (2); SELECT a FROM s ORDER BY a")
        #expect(try result.rows.map { try $0.decode(Int.self, "a") } == [1, 2])
        #expect(try conn.unsafeExecuteScript("").rows.isEmpty)
    }
}
