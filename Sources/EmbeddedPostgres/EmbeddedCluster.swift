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

    /// Starts the server unless one already accepts connections, and returns only when the server
    /// accepts connections; otherwise it throws saying why.
    ///
    /// A server that is still there but does not accept connections — starting, recovering, or
    /// dying after its postmaster was killed — is waited for until `timeout`. A `postmaster.pid`
    /// is removed only when no server process of this cluster is alive, since PostgreSQL's own
    /// interlock against two servers on one data directory is that file. Concurrent starts (several
    /// `vaktlogg log` after a crash) are serialised by a lock file in the cluster's directory.
    public func start(timeout: Duration = .seconds(60)) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        if !ServerProcesses.alive(in: dataDirectory).isEmpty, try acceptsConnections() { return }
        // The socket trusts every connection: only the server's account may reach it, even if
        // someone loosened the modes since initdb (issue #8).
        try account.takeOwnership(of: [directory, socketDirectory], mode: 0o700)
        let lock = try StartLock(file: directory.appendingPathComponent("start.lock"))
        defer { withExtendedLifetime(lock) {} }
        var lastFailure: EmbeddedClusterError?
        while true {
            if ServerProcesses.alive(in: dataDirectory).isEmpty {
                removeStalePidFile()
                let seconds = max(1, Int((deadline - clock.now).components.seconds))
                do {
                    try run(binaries.pgCtl, [
                        "-D", dataDirectory.path, "-l", logFile.path, "-w", "-t", String(seconds),
                        "-o", "-c listen_addresses='' -k \(socketDirectory.path) -c unix_socket_permissions=0700",
                        "start",
                    ])
                    if try acceptsConnections() { return }
                } catch let error as EmbeddedClusterError {
                    // Only a server left over from before (its processes still exiting) is worth
                    // waiting for; any other failure is reported now.
                    guard !ServerProcesses.alive(in: dataDirectory).isEmpty || error.output.contains("lock file")
                            || error.output.contains("shared memory block") else { throw error }
                    lastFailure = error
                }
            } else if try acceptsConnections() {
                return
            }
            guard clock.now < deadline else {
                throw lastFailure ?? EmbeddedClusterError(
                    tool: "pg_ctl", exitCode: -1,
                    output: "a server process still holds \(dataDirectory.path) but accepts no connections after \(timeout.components.seconds) s\n" + logTail())
            }
            // Waiting, in product code, for another process's server to finish exiting or starting.
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Stops the server; `fast` rolls back open transactions, `immediate` skips the checkpoint.
    public func stop(mode: StopMode = .fast) throws {
        guard isInitialized, !ServerProcesses.alive(in: dataDirectory).isEmpty else { return }
        try run(binaries.pgCtl, ["-D", dataDirectory.path, "-m", mode.rawValue, "-w", "stop"])
    }

    /// Whether the server is running (accepts connections), there but not accepting connections,
    /// stopped, or not created yet.
    public func status() throws -> Status {
        guard isInitialized else { return .notInitialized }
        guard !ServerProcesses.alive(in: dataDirectory).isEmpty else { return .stopped }
        let pid = postmasterPid()
        return try acceptsConnections() ? .running(pid: pid) : .notAccepting(pid: pid)
    }

    /// True when the server answers on its socket and accepts connections (`pg_isready`).
    public func acceptsConnections() throws -> Bool {
        let result = try account.run(binaries.pgIsReady, [
            "-q", "-h", socketDirectory.path, "-U", superuser, "-d", "postgres", "-t", "5",
        ])
        // pg_isready: 0 accepting, 1 rejecting (starting up or shutting down), 2 no answer.
        return result.exitCode == 0
    }

    /// The pid in `postmaster.pid`, if the file is there.
    private func postmasterPid() -> Int32? {
        let pidFile = dataDirectory.appendingPathComponent("postmaster.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Lines from the end of the server log, for error messages when start fails.
    public func logTail(lines: Int = 20) -> String {
        guard let text = try? String(contentsOf: logFile, encoding: .utf8) else { return "" }
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    private func removeStalePidFile() {
        // No server process of this cluster is alive (checked by the caller under the start lock),
        // so a postmaster.pid here is left over from a crash. PostgreSQL refuses to start if that
        // pid is a zombie or has since been reused by an unrelated process.
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
        /// A server process is there but accepts no connections: starting, recovering after a
        /// crash, shutting down, or its children still exiting after the postmaster was killed.
        case notAccepting(pid: Int32?)
    }

    /// `pg_ctl stop -m` modes.
    public enum StopMode: String, Sendable {
        case smart, fast, immediate
    }
}
