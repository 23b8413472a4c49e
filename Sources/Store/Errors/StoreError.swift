public import Rules
public import VaktloggCore
import VaktloggText

/// A refusal or failure of a Store operation: a stable code, the offending input and the values a
/// message needs — never the message itself (the catalogue renders it in the user's language) and
/// never row data.
///
/// Like ``MigrationError`` it is a struct over a private reason, so new codes and reasons can be
/// added without breaking callers. ``category`` says what kind of failure it is; the CLI maps it
/// to an exit status and the HTTP service to a status code, each in one place.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure (design.md §6).
    public enum Category: Sendable, Hashable, CaseIterable {
        /// Bad input or a rule the data breaks.
        case invalid
        /// Not permitted for this user (a refused login included).
        case forbidden
        /// The database cannot be reached.
        case unavailable
        /// A bug or an unexpected database state.
        case `internal`
    }

    private enum Reason: Sendable, Hashable {
        case invalid
        case forbidden
        case unavailable
        case unexpected
        /// Input refused by a check in VaktloggCore or Rules; the error says what is wrong.
        case validation(ValidationError)
    }

    private let reason: Reason
    /// The stable code, e.g. `unknown_entry` or a `vaktlogg:` hint code raised in sql/.
    public let code: Code
    /// The offending input (a field or option name), where there is one.
    public let field: String?
    /// The values a message about this error names, by name (see each ``Code`` for its keys).
    public let arguments: [String: String]
    /// The rules' violations, for refusals of the rules (measures, decisions); empty otherwise.
    public let violations: [Violation]

    private init(_ reason: Reason, _ code: Code, field: String?, arguments: [String: String], violations: [Violation]) {
        self.reason = reason
        self.code = code
        self.field = field
        self.arguments = arguments
        self.violations = violations
    }

    /// Bad input or a rule the data breaks.
    public static func invalid(_ code: Code, field: String? = nil, _ arguments: [String: String] = [:],
                               violations: [Violation] = []) -> StoreError {
        StoreError(.invalid, code, field: field, arguments: arguments, violations: violations)
    }

    /// Not permitted for this user.
    public static func forbidden(_ code: Code, field: String? = nil, _ arguments: [String: String] = [:]) -> StoreError {
        StoreError(.forbidden, code, field: field, arguments: arguments, violations: [])
    }

    /// The database cannot be reached; `detail` is what libpq or pg_ctl said (no row data).
    public static func databaseUnavailable(detail: String) -> StoreError {
        StoreError(.unavailable, .databaseUnavailable, field: nil, arguments: ["detail": detail], violations: [])
    }

    /// The server refused the login (disabled account, unknown role, failed password): nothing is
    /// wrong with the database, and nothing may be queued for later under this account.
    public static func loginRefused(detail: String) -> StoreError {
        StoreError(.forbidden, .loginRefused, field: nil, arguments: ["detail": detail], violations: [])
    }

    /// A bug or an unexpected state; `arguments` name the technical detail (`type`, `sqlstate`).
    public static func unexpected(_ code: Code = .internal, _ arguments: [String: String] = [:]) -> StoreError {
        StoreError(.unexpected, code, field: nil, arguments: arguments, violations: [])
    }

    /// A validation error from VaktloggCore or Rules, as a Store error.
    public init(_ error: ValidationError) {
        self.init(.validation(error), Code(rawValue: error.code.rawValue), field: error.field.isEmpty ? nil : error.field,
                  arguments: [:], violations: [])
    }

    /// The validation error this wraps, when the input was refused by VaktloggCore or Rules.
    public var validationError: ValidationError? {
        if case .validation(let error) = reason { error } else { nil }
    }

    /// The kind of failure.
    public var category: Category {
        switch reason {
        case .invalid, .validation: .invalid
        case .forbidden: .forbidden
        case .unavailable: .unavailable
        case .unexpected: .internal
        }
    }

    /// The same error, naming `field` as the offending input.
    ///
    /// Refusals raised by the schema carry no field (the database knows columns, not options);
    /// the operation that provoked them does, so it adds it.
    public func naming(_ field: String) -> StoreError {
        StoreError(reason, code, field: field, arguments: arguments, violations: violations)
    }

    /// The same error with more arguments (existing ones kept).
    public func adding(_ more: [String: String]) -> StoreError {
        StoreError(reason, code, field: field, arguments: arguments.merging(more) { old, _ in old }, violations: violations)
    }

    public var description: String {
        let args = arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "\(code)" + (field.map { " [\($0)]" } ?? "") + (args.isEmpty ? "" : " (\(args))")
    }
}
