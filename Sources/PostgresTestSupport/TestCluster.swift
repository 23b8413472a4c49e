public import EmbeddedPostgres
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One throwaway PostgreSQL cluster per test process, started on first use and removed at exit.
///
/// `ops/test.sh` points `VAKTLOGG_TEST_CLUSTER_DIR` at a temporary folder it removes itself, even
/// when tests fail; without it the cluster goes under the system temporary directory and an exit
/// handler stops and removes it.
public enum TestCluster {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var started: EmbeddedCluster?
    nonisolated(unsafe) private static var removeAtExit = false

    /// The running cluster, starting it if this is the first call in the process.
    public static func shared() throws -> EmbeddedCluster {
        lock.lock()
        defer { lock.unlock() }
        if let started { return started }
        let env = ProcessInfo.processInfo.environment
        let directory: URL
        if let given = env["VAKTLOGG_TEST_CLUSTER_DIR"], !given.isEmpty {
            directory = URL(fileURLWithPath: given)
        } else {
            directory = URL(fileURLWithPath: "/tmp/vaktlogg-test-\(getpid())")
            removeAtExit = true
        }
        let cluster = try EmbeddedCluster(directory: directory, superuser: "vaktlogg")
        try cluster.initializeIfNeeded()
        try cluster.start()
        started = cluster
        atexit { TestCluster.shutdown() }
        return cluster
    }

    /// Stops the cluster (and removes it when this process created its folder).
    public static func shutdown() {
        lock.lock()
        defer { lock.unlock() }
        guard let cluster = started else { return }
        try? cluster.stop(mode: .immediate)
        if removeAtExit { try? FileManager.default.removeItem(at: cluster.directory) }
        started = nil
    }
}
