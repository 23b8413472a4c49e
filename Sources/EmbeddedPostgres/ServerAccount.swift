import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The OS account the PostgreSQL server runs as: this process's own, or `postgres` when this
/// process is root (PostgreSQL refuses to run as root).
struct ServerAccount: Sendable {
    /// `nil` means "this process's own account".
    let name: String?

    static func current() -> Self {
        getuid() == 0 ? Self(name: "postgres") : Self(name: nil)
    }

    /// Gives the server account the directories, with `mode`, so the server may use them.
    func takeOwnership(of urls: [URL], mode: Int) throws {
        for url in urls {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
            guard let name else { continue }
            guard let pw = getpwnam(name) else {
                throw EmbeddedClusterError(
                    tool: "chown", exitCode: -1,
                    output: "running as root needs the '\(name)' system account (Debian's postgresql package creates it)")
            }
            if chown(url.path, pw.pointee.pw_uid, pw.pointee.pw_gid) != 0 {
                throw EmbeddedClusterError(tool: "chown", exitCode: errno, output: "cannot give \(url.path) to \(name)")
            }
        }
    }

    /// Fails early, with a clear message, when the server account cannot reach `url` (for example a
    /// data directory under `/root`, which is mode 0700).
    func checkReachable(_ url: URL) throws {
        guard name != nil else { return }
        let probe = try run(URL(fileURLWithPath: "/usr/bin/test"), ["-x", url.path])
        if probe.exitCode != 0 {
            throw EmbeddedClusterError(
                tool: "initdb", exitCode: probe.exitCode,
                output: "the '\(name ?? "")' account cannot reach \(url.path); choose a data directory it can traverse (e.g. under /var/lib or /tmp)")
        }
    }

    /// Runs `tool` as this account, capturing stdout and stderr together.
    ///
    /// `posix_spawn` rather than Foundation's `Process`: `Process` hands the child a hidden socket
    /// it watches for exit, `pg_ctl` passes it on to the postmaster, and the wait never ends. Here the
    /// child gets only stdin, the capture file and nothing else.
    func run(_ tool: URL, _ arguments: [String]) throws -> (exitCode: Int32, output: String) {
        let argv: [String] = name.map { ["/usr/sbin/runuser", "-u", $0, "--", tool.path] + arguments }
            ?? [tool.path] + arguments
        let capture = FileManager.default.temporaryDirectory
            .appendingPathComponent("vaktlogg-pgctl-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: capture) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // closefrom(3) by hand: the `_np` call is hidden behind _GNU_SOURCE. glibc ignores EBADF
        // here, so a descriptor closed meanwhile by another thread does no harm.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard spawned == 0 else {
            throw EmbeddedClusterError(tool: tool.lastPathComponent, exitCode: spawned,
                                       output: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED/WEXITSTATUS are macros Swift cannot import.
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
        return (exitCode, output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
