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

    /// Runs `tool` as this account, capturing stdout and stderr together (see ``Subprocess``).
    func run(_ tool: URL, _ arguments: [String]) throws -> (exitCode: Int32, output: String) {
        let argv: [String] = name.map { ["/usr/sbin/runuser", "-u", $0, "--", tool.path] + arguments }
            ?? [tool.path] + arguments
        do {
            return try Subprocess.run(argv)
        } catch let error as Subprocess.SpawnError {
            throw EmbeddedClusterError(tool: tool.lastPathComponent, exitCode: error.code, output: error.description)
        }
    }
}
