import EmbeddedPostgres
import Foundation
import PostgresTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

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

    @Test func startRightAfterKillNineOfThePostmasterLeavesAServerAcceptingConnections() throws {
        let cluster = try freshCluster()
        defer { try? cluster.stop(mode: .immediate); try? FileManager.default.removeItem(at: cluster.directory) }
        try cluster.initializeIfNeeded()
        try cluster.start()
        guard case .running(let pid?) = try cluster.status() else {
            Issue.record("no pid"); return
        }
        // A crash: the postmaster dies hard and leaves its postmaster.pid; start at once, while
        // its children may still be exiting. start() must wait for them, not report success early.
        #expect(kill(pid, SIGKILL) == 0)
        #expect(FileManager.default.fileExists(atPath: cluster.dataDirectory.appendingPathComponent("postmaster.pid").path))
        if case .running = try cluster.status() {
            #expect(try cluster.acceptsConnections(), "status says running only when connections are accepted")
        }
        try cluster.start()
        guard case .running(let newPid?) = try cluster.status() else {
            Issue.record("did not recover from the crash"); return
        }
        #expect(newPid != pid)
        #expect(try cluster.acceptsConnections())
        #expect(try cluster.psql(database: "postgres", "SELECT 'ok'") == "ok")
    }

    @Test func theClusterDirectoryAndSocketDirectoryAreMode0700() throws {
        let cluster = try freshCluster()
        defer { try? cluster.stop(mode: .immediate); try? FileManager.default.removeItem(at: cluster.directory) }
        // Under a permissive umask too: the mode is set, not inherited.
        let old = umask(0o022)
        defer { umask(old) }
        try cluster.initializeIfNeeded()
        for dir in [cluster.directory, cluster.socketDirectory, cluster.dataDirectory] {
            let mode = try FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int
            #expect(mode == 0o700, "\(dir.path): \(String(mode ?? -1, radix: 8))")
        }
    }
}
