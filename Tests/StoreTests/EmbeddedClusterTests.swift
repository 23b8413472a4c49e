import EmbeddedPostgres
import Foundation
import PostgresTestSupport
import Testing

@Suite("Embedded cluster")
struct EmbeddedClusterTests {
    private func freshCluster() throws -> EmbeddedCluster {
        let dir = URL(fileURLWithPath: "/tmp/vaktlogg-embedded-\(UUID().uuidString.prefix(8))")
        return try EmbeddedCluster(directory: dir, superuser: "vaktlogg")
    }

    @Test func startTwiceIsHarmlessAndStopStops() throws {
        let cluster = try freshCluster()
        defer { try? cluster.stop(mode: .immediate); try? FileManager.default.removeItem(at: cluster.directory) }
        #expect(try cluster.status() == .notInitialized)
        #expect(try cluster.initializeIfNeeded() == true)
        #expect(try cluster.initializeIfNeeded() == false)
        try cluster.start()
        guard case .running(let pid) = try cluster.status() else {
            Issue.record("not running after start"); return
        }
        try cluster.start()
        #expect(try cluster.status() == .running(pid: pid), "a second start must not restart the server")
        #expect(try cluster.psql(database: "postgres", "SELECT 1+1") == "2")
        try cluster.stop()
        #expect(try cluster.status() == .stopped)
    }

    @Test func listensOnTheUnixSocketOnly() throws {
        let cluster = try TestCluster.shared()
        let addresses = try cluster.psql(database: "postgres", "SHOW listen_addresses")
        #expect(addresses == "")
        let socketDir = try cluster.psql(database: "postgres", "SHOW unix_socket_directories")
        #expect(socketDir == cluster.socketDirectory.path)
    }

    @Test func stalepidFileAfterACrashIsRecovered() throws {
        let cluster = try freshCluster()
        defer { try? cluster.stop(mode: .immediate); try? FileManager.default.removeItem(at: cluster.directory) }
        try cluster.initializeIfNeeded()
        try cluster.start()
        guard case .running(let pid?) = try cluster.status() else {
            Issue.record("no pid"); return
        }
        let pidFile = cluster.dataDirectory.appendingPathComponent("postmaster.pid")
        let saved = try Data(contentsOf: pidFile)
        // Simulate a crash: kill the postmaster hard, then put its pid file back as a crash leaves it.
        kill(pid, SIGKILL)
        var waited = 0
        while kill(pid, 0) == 0 && waited < 100 { usleep(50_000); waited += 1 }
        try saved.write(to: pidFile)
        #expect(try cluster.status() == .stopped)
        try cluster.start()
        guard case .running(let newPid?) = try cluster.status() else {
            Issue.record("did not recover from the stale pid file"); return
        }
        #expect(newPid != pid)
        #expect(try cluster.psql(database: "postgres", "SELECT 'ok'") == "ok")
    }
}
