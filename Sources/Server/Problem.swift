import Foundation
public import Store
public import Rules
public import VaktloggCore
import VaktloggText

/// A refusal as an RFC 9457 problem document: the HTTP status, a stable code, the field it is
/// about and the reason in the caller's language (from the catalogue).
///
/// Bad input is never a 5xx: only an unreachable database (503) and a bug (500) are.
public struct Problem: Error, Sendable {
    /// The HTTP status.
    public var status: Int
    /// The stable code (`unknown_entry`, `token_invalid`, a `vaktlogg:` hint of the schema …).
    public var code: String
    /// The offending field of the request, where there is one.
    public var field: String?
    /// The reason, in both languages.
    public var detail: LocalizedText
    /// The rules' violations, for refusals of the rules.
    public var violations: [Violation] = []

    /// A problem the service states itself.
    public init(status: Int, code: String, field: String? = nil, detail: LocalizedText) {
        self.status = status
        self.code = code
        self.field = field
        self.detail = detail
    }

    /// A refusal of the Store, with the status that fits its category and code.
    public init(_ error: StoreError) {
        self.init(status: Self.status(of: error), code: error.code.rawValue, field: error.field, detail: Self.detail(of: error))
        violations = error.violations
    }

    /// The status for a Store error: what the database refused decides, never the service.
    static func status(of error: StoreError) -> Int {
        switch error.code.rawValue {
        case "token_invalid": return 401
        case "unknown_entry", "unknown_token": return 404
        case "duplicate", "duplicate_key", "already_accepted": return 409
        default: break
        }
        if let validation = error.validationError, validation.code == .malformed { return 400 }
        switch error.category {
        case .invalid: return 422
        case .forbidden: return 403
        case .unavailable: return 503
        case .internal: return 500
        }
    }

    private static func detail(of error: StoreError) -> LocalizedText {
        switch error.category {
        case .unavailable: APIText.databaseUnavailable
        case .internal: APIText.internalError
        default: error.code.rawValue == "token_invalid" ? APIText.tokenInvalid : error.message
        }
    }

    /// The problem document (`application/problem+json`) in `language`.
    func document(_ language: Language) -> [String: Any] {
        var o: [String: Any] = [
            "type": "urn:vaktlogg:problem:\(code)", "title": APIText.title(status: status)(language),
            "status": status, "code": code, "detail": detail(language),
        ]
        if let field { o["field"] = field }
        if !violations.isEmpty {
            o["violations"] = violations.map { v -> [String: Any] in
                ["rule": v.rule.rawValue, "reason": v.reason, "justified": v.justified]
            }
        }
        return o
    }
}

extension Problem {
    static let tokenMissing = Problem(status: 401, code: "token_missing", field: "Authorization", detail: APIText.tokenMissing)
    static let tokenMalformed = Problem(status: 401, code: "token_malformed", field: "Authorization", detail: APIText.tokenMalformed)
    static let notFound = Problem(status: 404, code: "not_found", detail: APIText.notFound)
    static let internalError = Problem(status: 500, code: "internal", detail: APIText.internalError)

    static func invalid(_ field: String, _ detail: LocalizedText, code: String = "invalid") -> Problem {
        Problem(status: 422, code: code, field: field, detail: detail)
    }
}
