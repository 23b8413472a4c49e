public import Postgres

extension StoreError {
    /// Unique constraints whose violation means a known refusal rather than a plain duplicate.
    static let uniqueConstraintCodes: [String: Code] = ["shift_log_accept_once": .alreadyAccepted]

    /// Maps a database error to a Store error. Refusals raised by the schema carry a stable code in
    /// their HINT (`vaktlogg:CODE`); a failed connection is told apart from a refused login; the
    /// rest are mapped by SQLSTATE.
    public init(_ error: PostgresError) {
        if error.kind == .connection || error.isUnavailable {
            self = Self.connectionFailure(error)
            return
        }
        // A text with a NUL character cannot be sent to PostgreSQL at all: bad input, not a bug.
        if error.kind == .encode && error.message.contains("NUL byte") {
            self = .invalid(.controlCharacters)
            return
        }
        if let hint = error.hint, hint.hasPrefix("vaktlogg:") {
            let code = Code(rawValue: String(hint.dropFirst("vaktlogg:".count)))
            // `detail` is the schema's own sentence, for a code the catalogue does not know yet.
            self = error.isPermissionDenied ? .forbidden(code, ["detail": error.message])
                : .invalid(code, ["detail": error.message])
            return
        }
        if error.isPermissionDenied || error.sqlState == "42501" {
            self = .forbidden(.notPermitted)
            return
        }
        if error.isUniqueViolation, let code = Self.uniqueConstraintCodes[error.constraint ?? ""] {
            self = .invalid(code)
            return
        }
        if error.isUniqueViolation {
            self = .invalid(.duplicate, field: error.constraint)
            return
        }
        if error.isCheckViolation || error.isForeignKeyViolation || error.isNotNullViolation
            || error.sqlState?.hasPrefix("22") == true {
            self = .invalid(.refusedByDatabase, field: error.constraint,
                            ["constraint": error.constraint ?? error.sqlState ?? "?"])
            return
        }
        self = .unexpected(.internal, ["sqlstate": error.sqlState ?? error.kind.description])
    }

    /// A connection that failed: ``loginRefused(detail:)`` when the server refused the login (an
    /// account disabled here — CONNECT revoked —, a role that may not log in or does not exist, a
    /// failed password), else ``databaseUnavailable(detail:)``.
    ///
    /// libpq reports a failed login as text only (no SQLSTATE), so the server's wording
    /// (lc_messages C) is matched here, below every client; with a server whose messages are
    /// translated the fallback is "unavailable".
    static func connectionFailure(_ error: PostgresError) -> StoreError {
        isLoginRefusal(error.message) ? .loginRefused(detail: error.message) : .databaseUnavailable(detail: error.message)
    }

    /// PostgreSQL's messages for a login refused rather than a server not there.
    static let loginRefusalPatterns = [
        "permission denied for database", "is not permitted to log in", "authentication failed for user",
    ]

    static func isLoginRefusal(_ message: String) -> Bool {
        loginRefusalPatterns.contains { message.contains($0) }
            || (message.contains("role \"") && message.contains("does not exist"))
    }
}
