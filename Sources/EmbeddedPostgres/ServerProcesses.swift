import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which PostgreSQL server processes are alive in a data directory, read from `/proc`.
///
/// Why not `pg_ctl status`: it only asks whether the pid in `postmaster.pid` exists. Right after a
/// `kill -9` of the postmaster that pid is a zombie (or already reused) while its children are still
/// dying, and the pid file says nothing true. Every server process — postmaster and backends — runs
/// with the data directory as its working directory, so a live `postgres` whose cwd is the data
/// directory is exactly "this cluster still has a server here".
enum ServerProcesses {
    /// Pids of live (not zombie) `postgres` processes whose working directory is `dataDirectory`.
    static func alive(in dataDirectory: URL) -> [Int32] {
        let target = dataDirectory.resolvingSymlinksInPath().path
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: "/proc")) ?? []
        var pids: [Int32] = []
        for entry in entries {
            guard let pid = Int32(entry) else { continue }
            // A zombie has no cwd or exe link left, so it is skipped here.
            guard let cwd = try? fm.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd"), cwd == target,
                  let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe"),
                  exe.hasSuffix("/postgres") || exe.hasSuffix("/postmaster") else { continue }
            pids.append(pid)
        }
        return pids
    }
}

/// An exclusive lock on a file, held while one process decides whether to start the server and
/// starts it, so that two processes starting at once never both treat the other's fresh
/// `postmaster.pid` as stale.
final class StartLock {
    private let fd: Int32

    /// Blocks until the lock is held.
    init(file: URL) throws {
        fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw EmbeddedClusterError(tool: "flock", exitCode: errno, output: "cannot open \(file.path): \(String(cString: strerror(errno)))")
        }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(fd)
                throw EmbeddedClusterError(tool: "flock", exitCode: code, output: "cannot lock \(file.path): \(String(cString: strerror(code)))")
            }
        }
    }

    deinit { close(fd) }
}
