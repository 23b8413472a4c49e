public import Foundation

/// A private PostgreSQL cluster in a data directory, managed with Debian's `initdb` and `pg_ctl`.
///
/// The server listens on a Unix socket inside the data directory only (`listen_addresses = ''`), so
/// nothing outside this machine — and, because the socket directory is mode 0700, no other local
/// account — can reach it. PostgreSQL refuses to run as root; when this process is root the server
/// is run as the unprivileged `postgres` account instead (see ``ServerAccount``).
public struct EmbeddedCluster: Sendable {
    /// Where the cluster lives: `data/` holds PostgreSQL's files, `socket/` its Unix socket.
    public let directory: URL
    /// The name of the bootstrap superuser created by `initdb`.
    public let superuser: String
    let binaries: PostgresBinaries
    let account: ServerAccount

    /// - Parameters:
    ///   - directory: the cluster's home; created on first ``initializeIfNeeded()``.
    ///   - superuser: the bootstrap superuser's name.
    ///   - binaries: where `initdb`/`pg_ctl` live; found automatically when `nil`.
    public init(directory: URL, superuser: String = "vaktlogg", binaries: PostgresBinaries? = nil) throws {
        self.directory = directory.standardizedFileURL
        self.superuser = superuser
        self.binaries = try binaries ?? PostgresBinaries.locate()
        self.account = ServerAccount.current()
    }

    /// PostgreSQL's own files.
    public var dataDirectory: URL { directory.appendingPathComponent("data") }
    /// The directory holding the Unix socket (libpq's `host`).
    public var socketDirectory: URL { directory.appendingPathComponent("socket") }
    var logFile: URL { directory.appendingPathComponent("server.log") }

    /// A libpq keyword connection string for `user` on `database`.
    public func connectionString(user: String? = nil, database: String = "postgres") -> String {
        "host=\(socketDirectory.path) user=\(user ?? superuser) dbname=\(database)"
    }

    /// Whether `initdb` has already run here.
    public var isInitialized: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path)
    }

    /// Runs `initdb` unless the cluster exists. Returns `true` when it was created now.
    @discardableResult
    public func initializeIfNeeded() throws -> Bool {
        if isInitialized { return false }
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        try fm.createDirectory(at: socketDirectory, withIntermediateDirectories: true)
        try account.takeOwnership(of: [directory, socketDirectory], mode: 0o700)
        try account.checkReachable(directory)
        // Trust is safe here: only the cluster's own OS account can open the 0700 socket directory.
        try run(binaries.initdb, [
            "-D", dataDirectory.path, "-U", superuser, "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions",
        ])
        return true
    }

    /// Starts the server if it is not running. Harmless when it already runs; recovers a stale pid
    /// file left by a crash.
    public func start(timeout: Duration = .seconds(60)) throws {
        if case .running = try status() { return }
        // The socket trusts every connection: only the server's account may reach it, even if
        // someone loosened the modes since initdb (issue #8).
        try account.takeOwnership(of: [directory, socketDirectory], mode: 0o700)
        removeStalePidFile()
        try run(binaries.pgCtl, [
            "-D", dataDirectory.path, "-l", logFile.path, "-w",
            "-t", String(timeout.components.seconds),
            "-o", "-c listen_addresses='' -k \(socketDirectory.path) -c unix_socket_permissions=0700",
            "start",
        ])
    }

    /// Stops the server; `fast` rolls back open transactions, `immediate` skips the checkpoint.
    public func stop(mode: StopMode = .fast) throws {
        guard case .running = try status() else { return }
        try run(binaries.pgCtl, ["-D", dataDirectory.path, "-m", mode.rawValue, "-w", "stop"])
    }

    /// Whether the server is running, stopped, or not created yet.
    public func status() throws -> Status {
        guard isInitialized else { return .notInitialized }
        let result = try account.run(binaries.pgCtl, ["-D", dataDirectory.path, "status"])
        // pg_ctl status: 0 running, 3 not running, 4 no accessible data directory.
        guard result.exitCode == 0 else { return .stopped }
        let pid = result.output.split(separator: "(").dropFirst().first
            .flatMap { $0.split(separator: ")").first }
            .flatMap { Int32($0.replacingOccurrences(of: "PID: ", with: "")) }
        return .running(pid: pid)
    }

    /// Lines from the end of the server log, for error messages when start fails.
    public func logTail(lines: Int = 20) -> String {
        guard let text = try? String(contentsOf: logFile, encoding: .utf8) else { return "" }
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    private func removeStalePidFile() {
        // pg_ctl said "not running", so a postmaster.pid here is left over from a crash. PostgreSQL
        // refuses to start if that pid has since been reused by an unrelated process.
        let pidFile = dataDirectory.appendingPathComponent("postmaster.pid")
        try? FileManager.default.removeItem(at: pidFile)
    }

    private func run(_ tool: URL, _ arguments: [String]) throws {
        let result = try account.run(tool, arguments)
        guard result.exitCode == 0 else {
            throw EmbeddedClusterError(
                tool: tool.lastPathComponent, exitCode: result.exitCode,
                output: result.output + "\n" + logTail())
        }
    }
}

extension EmbeddedCluster {
    /// What ``EmbeddedCluster/status()`` reports.
    public enum Status: Sendable, Equatable {
        case notInitialized
        case stopped
        case running(pid: Int32?)
    }

    /// `pg_ctl stop -m` modes.
    public enum StopMode: String, Sendable {
        case smart, fast, immediate
    }
}
