public import Postgres
public import VaktloggCore

/// A refusal or failure of a Store operation, in words a duty officer understands.
///
/// `code` is stable (new codes do not break callers); `field` names the offending input where
/// there is one; `category` decides the CLI's exit status. Messages never contain row data.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, which decides the exit status (design.md §6).
    public enum Category: Sendable, Hashable {
        /// Bad input or a rule the data breaks: exit 65.
        case invalid
        /// Not permitted for this user: exit 77.
        case forbidden
        /// The database cannot be reached: exit 69.
        case unavailable
        /// A bug or an unexpected database state: exit 70.
        case `internal`
    }

    public let code: String
    public let field: String?
    public let message: LocalizedText
    public let category: Category

    public init(code: String, field: String? = nil, message: LocalizedText, category: Category = .invalid) {
        self.code = code
        self.field = field
        self.message = message
        self.category = category
    }

    /// A validation error from VaktloggCore or Rules, as a Store error.
    public init(_ error: ValidationError) {
        self.init(code: error.code.rawValue, field: error.field.isEmpty ? nil : error.field, message: error.message)
    }

    /// The exit status of the CLI for this error.
    public var exitCode: Int32 {
        switch category {
        case .invalid: 65
        case .forbidden: 77
        case .unavailable: 69
        case .internal: 70
        }
    }

    /// `field: message` in the given language.
    public func formatted(_ language: Language) -> String {
        (field.map { "\($0): " } ?? "") + message(language)
    }

    public var description: String { "\(code): \(formatted(.en))" }
}

extension StoreError {
    /// Unique constraints whose violation means a known refusal rather than a plain duplicate.
    static let uniqueConstraintCodes = ["shift_log_accept_once": "already_accepted"]

    /// Maps a database error to a Store error. Refusals raised by the schema carry a stable code in
    /// their HINT (`vaktlogg:CODE`); the rest are mapped by SQLSTATE.
    public init(_ error: PostgresError) {
        if error.isUnavailable {
            self.init(code: "database_unavailable", message: LocalizedText(
                nb: "databasen kan ikke nås", en: "the database cannot be reached"), category: .unavailable)
            return
        }
        if let hint = error.hint, hint.hasPrefix("vaktlogg:") {
            let code = String(hint.dropFirst("vaktlogg:".count))
            let category: Category = error.isPermissionDenied ? .forbidden : .invalid
            self.init(code: code, message: RefusalText.text(for: code) ?? LocalizedText(nb: error.message, en: error.message),
                      category: category)
            return
        }
        if error.isPermissionDenied || error.sqlState == "42501" {
            self.init(code: "not_permitted", message: LocalizedText(
                nb: "du har ikke tilgang til dette", en: "you are not permitted to do this"), category: .forbidden)
            return
        }
        if error.isUniqueViolation, let code = Self.uniqueConstraintCodes[error.constraint ?? ""],
           let text = RefusalText.text(for: code) {
            self.init(code: code, message: text)
            return
        }
        if error.isUniqueViolation {
            self.init(code: "duplicate", field: error.constraint, message: LocalizedText(
                nb: "finnes allerede", en: "already exists"))
            return
        }
        if error.isCheckViolation || error.isForeignKeyViolation || error.isNotNullViolation
            || error.sqlState?.hasPrefix("22") == true {
            self.init(code: "refused_by_database", field: error.constraint, message: LocalizedText(
                nb: "databasen avviste verdien (\(error.constraint ?? error.sqlState ?? "?"))",
                en: "the database refused the value (\(error.constraint ?? error.sqlState ?? "?"))"))
            return
        }
        self.init(code: "internal", message: LocalizedText(
            nb: "intern feil i databasen (\(error.sqlState ?? error.kind.description))",
            en: "internal database error (\(error.sqlState ?? error.kind.description))"), category: .internal)
    }
}
