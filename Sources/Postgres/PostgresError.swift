/// An error from the database, from libpq, or from converting values to and from PostgreSQL.
///
/// Classify with ``kind`` and the `is…` properties rather than by matching message text, which
/// the server localises.
///
/// ``description`` is safe to log and show: it carries the SQLSTATE, the kind, the names of the
/// constraint, table and column, and the server's primary message — never ``detail``, which for
/// constraint violations quotes row values (`Key (email)=(kari@example.no) already exists.`).
/// Note that a few primary messages echo the offending literal (`invalid input syntax for type
/// integer: "x"`); with bind parameters these come from your own values, not from stored rows.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in broad strokes. A struct rather than an enum so that new kinds are not
    /// source-breaking for callers that `switch`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connection, connectionLost, connectionClosed, query, decode, encode, `protocol`
        }
        private let base: Base

        /// Could not connect (server down, socket missing, authentication failed, bad conninfo).
        public static let connection = Kind(base: .connection)
        /// An established connection broke (backend terminated, server restarted, network cut).
        public static let connectionLost = Kind(base: .connectionLost)
        /// The connection was used after ``Connection/close()``.
        public static let connectionClosed = Kind(base: .connectionClosed)
        /// The server rejected a statement; see ``PostgresError/sqlState``.
        public static let query = Kind(base: .query)
        /// A result value could not be converted to the requested Swift type.
        public static let decode = Kind(base: .decode)
        /// A Swift value could not be sent (for example a string containing a NUL byte).
        public static let encode = Kind(base: .encode)
        /// The conversation with the server was not what this library expected (wrong result
        /// kind, nested transaction, unsupported feature).
        public static let `protocol` = Kind(base: .protocol)

        public var description: String { base.rawValue }
    }

    /// Broad classification of the failure.
    public var kind: Kind
    /// The five-character SQLSTATE, when the server (or libpq) supplied one.
    public var sqlState: String?
    /// The primary, human-readable message.
    public var message: String
    /// The server's DETAIL. May contain row values: keep it out of user-visible output and logs.
    public var detail: String?
    /// The server's HINT.
    public var hint: String?
    /// Schema of the object involved, when reported.
    public var schema: String?
    /// Table involved, when reported.
    public var table: String?
    /// Column involved: the table column for server errors, the result column for decode errors.
    public var column: String?
    /// Data type involved, when reported.
    public var dataType: String?
    /// Constraint violated, when reported.
    public var constraint: String?

    public init(
        kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil,
        hint: String? = nil, schema: String? = nil, table: String? = nil, column: String? = nil,
        dataType: String? = nil, constraint: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.schema = schema
        self.table = table
        self.column = column
        self.dataType = dataType
        self.constraint = constraint
    }

    public var description: String {
        var parts = ["kind: \(kind)"]
        if let sqlState { parts.append("sqlState: \(sqlState)") }
        if let constraint { parts.append("constraint: \(constraint)") }
        if let table { parts.append("table: \(table)") }
        if let column { parts.append("column: \(column)") }
        return "PostgresError(\(parts.joined(separator: ", "))): \(message)"
    }

    // MARK: Classification

    /// 23505: a unique or primary-key constraint was violated.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// 23514: a CHECK constraint was violated.
    public var isCheckViolation: Bool { sqlState == "23514" }
    /// 23503: a foreign-key constraint was violated.
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// 23502: NULL was written to a NOT NULL column.
    public var isNotNullViolation: Bool { sqlState == "23502" }
    /// 40001 or 40P01: the transaction lost a serialization conflict or a deadlock and may
    /// succeed if retried from the start.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// 42501: insufficient privilege (including row-level security refusals).
    public var isPermissionDenied: Bool { sqlState == "42501" }
    /// P0001: a PL/pgSQL `RAISE EXCEPTION` without its own SQLSTATE.
    public var isRaisedException: Bool { sqlState == "P0001" }
    /// The database is unreachable or the connection broke: the caller may queue work offline.
    public var isConnectionError: Bool {
        kind == .connection || kind == .connectionLost || kind == .connectionClosed
            || (sqlState?.hasPrefix("08") ?? false)
    }

    /// SQLSTATEs of a server that is there but will not do the work now: 57P01 admin shutdown,
    /// 57P02 crash shutdown (another backend crashed), 57P03 cannot connect now (starting up,
    /// in recovery), 53300 too many connections.
    public static let unavailableStates: Set<String> = ["57P01", "57P02", "57P03", "53300"]

    /// The one classification of "the database cannot be reached now, try again later": the
    /// connection could not be made or broke (``isConnectionError``), or the server is starting,
    /// recovering or shutting down (``unavailableStates``). Work refused this way was not done by
    /// the server as far as the client can know, so it may be queued and delivered later — with an
    /// idempotency key, since a COMMIT whose answer was lost may have taken effect.
    ///
    /// Note that a failed login is also a connection error (libpq gives it no SQLSTATE); callers
    /// that must not queue work for a refused login tell it apart by its message.
    public var isUnavailable: Bool {
        isConnectionError || Self.unavailableStates.contains(sqlState ?? "")
    }
}
