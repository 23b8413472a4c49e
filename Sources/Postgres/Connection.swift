internal import CLibPQ
internal import Foundation
public import Logging

/// One PostgreSQL session over libpq, with a synchronous (blocking) API.
///
/// ```swift
/// let conn = try Connection("postgresql://vaktlogg@/vaktlogg?host=/run/postgresql")
/// let rows = try conn.query("SELECT id, title FROM entry WHERE unit = \(unit)").rows
/// ```
///
/// **Threading:** a connection is used by one thread at a time; it is deliberately not
/// `Sendable`. Give each thread (or each actor with its own serial executor) its own connection;
/// blocking calls do not belong on Swift's cooperative thread pool.
///
/// The session is pinned to `TimeZone=UTC`, `DateStyle=ISO, YMD`, `bytea_output=hex` and
/// `client_encoding=UTF8` at connect time (as startup options, so `RESET ALL` keeps them),
/// which makes the text values this library parses deterministic.
public final class Connection {
    /// The `PGconn*`; nil once closed. Only ``close()`` clears it, and only it calls `PQfinish`.
    private(set) var handle: OpaquePointer?
    /// Notifications that arrived alongside query results, waiting for ``waitForNotifications(timeout:)``.
    var pendingNotifications: [PostgresNotification] = []
    /// Kept alive for as long as libpq may call the notice receiver with its address.
    private let noticeSink: NoticeSink
    /// The logger for this connection's queries (SQL text at trace, never values) and notices.
    public let logger: Logger

    /// Connects, blocking until the session is ready.
    ///
    /// - Parameters:
    ///   - connectionString: a libpq URL (`postgresql://user@/db?host=/path/to/socket`) or
    ///     keyword string (`host=/tmp dbname=x user=y`).
    ///   - logger: where to log; nothing is logged if omitted.
    /// - Throws: ``PostgresError`` of kind ``PostgresError/Kind/connection`` when the server is
    ///   unreachable, refuses the login, or the string is malformed.
    public init(_ connectionString: String, logger: Logger? = nil) throws {
        self.logger = logger ?? Logger(label: "vaktlogg.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        self.noticeSink = NoticeSink(logger: self.logger)

        let userOptions = try Self.parseOption("options", in: connectionString)
        let options = [userOptions, "-c TimeZone=UTC -c DateStyle=ISO,YMD -c bytea_output=hex"]
            .compactMap { $0 }.joined(separator: " ")
        // With expand_dbname, the first "dbname" holds the caller's whole string; later keywords
        // override what it said, which is exactly what options/client_encoding need.
        let keywords = ["dbname", "options", "client_encoding"]
        let values = [connectionString, options, "UTF8"]
        let conn = Self.withCStringArray(keywords) { keywordPointers in
            Self.withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let conn else {
            throw PostgresError(kind: .connection, message: "out of memory allocating a connection")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = PQerrorMessage(conn).map { String(cString: $0).trimmingWhitespace() } ?? ""
            PQfinish(conn)
            throw PostgresError(kind: .connection, message: message.isEmpty ? "cannot connect" : message)
        }
        handle = conn
        // Without a receiver libpq prints notices to stderr; libraries must not print.
        PQsetNoticeReceiver(conn, noticeReceiver, Unmanaged.passUnretained(noticeSink).toOpaque())
        self.logger.debug("connected", metadata: ["pid": "\(PQbackendPID(conn))"])
    }

    deinit { close() }

    /// Ends the session. Safe to call more than once; later calls do nothing.
    public func close() {
        guard let conn = handle else { return }
        handle = nil
        PQfinish(conn)
    }

    /// Whether the session is open and libpq believes it healthy. Does not contact the server;
    /// a silently dropped connection is noticed on the next query.
    public var isAlive: Bool { status == .ok }

    /// The connection's state as libpq sees it.
    public var status: Status {
        guard let handle else { return .closed }
        return PQstatus(handle) == CONNECTION_OK ? .ok : .bad
    }

    /// Connection state.
    public enum Status: Sendable, Hashable {
        case ok, bad, closed
    }

    /// Where the session stands with respect to transactions.
    public enum TransactionStatus: Sendable, Hashable {
        case idle, active, inTransaction, inFailedTransaction, unknown
    }

    /// The session's transaction state.
    public var transactionStatus: TransactionStatus {
        guard let handle else { return .unknown }
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE: return .idle
        case PQTRANS_ACTIVE: return .active
        case PQTRANS_INTRANS: return .inTransaction
        case PQTRANS_INERROR: return .inFailedTransaction
        default: return .unknown
        }
    }

    /// The server version as an integer, e.g. 150018 for 15.18; 0 when closed.
    public var serverVersion: Int {
        guard let handle else { return 0 }
        return Int(PQserverVersion(handle))
    }

    /// The process ID of the server backend serving this session (as in `pg_backend_pid()`).
    public var backendPID: Int32 {
        guard let handle else { return 0 }
        return PQbackendPID(handle)
    }

    /// A run-time parameter the server reports, such as `server_version` or `TimeZone`.
    public func parameterStatus(_ name: String) -> String? {
        guard let handle, let value = PQparameterStatus(handle, name) else { return nil }
        return String(cString: value)
    }

    /// Quotes `identifier` for use as an SQL identifier (`"my table"`), with libpq's
    /// encoding-aware escaping. Use with `\(unescaped:)` for table or channel names.
    public func escapeIdentifier(_ identifier: String) throws -> String {
        let conn = try liveHandle()
        let bytes = Array(identifier.utf8)
        guard !bytes.contains(0) else {
            throw PostgresError(kind: .encode, message: "identifier contains a NUL byte")
        }
        let escaped = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQescapeIdentifier(conn, $0.baseAddress, $0.count) }
        }
        guard let escaped else {
            throw PostgresError(kind: .encode, message: lastErrorMessage(conn) ?? "cannot escape identifier")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    // MARK: Internals shared by the extensions

    func liveHandle() throws -> OpaquePointer {
        guard let handle else {
            throw PostgresError(kind: .connectionClosed, message: "connection is closed")
        }
        return handle
    }

    func lastErrorMessage(_ conn: OpaquePointer) -> String? {
        guard let raw = PQerrorMessage(conn) else { return nil }
        let message = String(cString: raw).trimmingWhitespace()
        return message.isEmpty ? nil : message
    }

    /// An error for a failure libpq reported without a result (or with a client-side one):
    /// connectionLost when the link is down, otherwise `fallback`.
    func connectionFailure(_ conn: OpaquePointer, fallback: PostgresError.Kind = .protocol) -> PostgresError {
        let lost = PQstatus(conn) != CONNECTION_OK
        return PostgresError(
            kind: lost ? .connectionLost : fallback,
            message: lastErrorMessage(conn) ?? (lost ? "connection lost" : "unknown libpq failure"))
    }

    private static func parseOption(_ keyword: String, in connectionString: String) throws -> String? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &errorMessage) else {
            defer { if let errorMessage { PQfreemem(errorMessage) } }
            let message = errorMessage.map { String(cString: $0).trimmingWhitespace() } ?? "invalid connection string"
            throw PostgresError(kind: .connection, message: message)
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let name = option.pointee.keyword {
            if String(cString: name) == keyword, let value = option.pointee.val {
                let string = String(cString: value)
                return string.isEmpty ? nil : string
            }
            option += 1
        }
        return nil
    }

    private static func withCStringArray<R>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R
    ) -> R {
        let duplicates = strings.map { strdup($0) }
        defer { duplicates.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = duplicates.map { UnsafePointer($0) }
        pointers.append(nil)
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// Receives server notices (`RAISE NOTICE`, `WARNING`) for a connection and logs them.
final class NoticeSink: Sendable {
    let logger: Logger
    init(logger: Logger) { self.logger = logger }
}

private func noticeReceiver(_ context: UnsafeMutableRawPointer?, _ result: OpaquePointer?) {
    guard let context, let result else { return }
    let sink = Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue()
    let severity = PQresultErrorField(result, VK_PG_DIAG_SEVERITY).map { String(cString: $0) } ?? "NOTICE"
    let message = PQresultErrorField(result, VK_PG_DIAG_MESSAGE_PRIMARY).map { String(cString: $0) } ?? ""
    sink.logger.debug("server \(severity.lowercased()): \(message)")
}
