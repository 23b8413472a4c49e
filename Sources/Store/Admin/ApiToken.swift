public import Foundation

/// An API token of the HTTP service, as listed (never its secret nor its hash).
///
/// JSON (`vaktlogg token list --json`): `{"id", "user", "createdAt", "createdBy", "expiresAt", "revokedAt"}`.
public struct ApiToken: Sendable, Hashable, Encodable {
    /// The token's number, for `token revoke ID`.
    public let id: Int64
    /// The user the token acts as.
    public let user: String
    public let createdAt: Date
    public let createdBy: String
    /// When the token stops working; `nil` for never.
    public let expiresAt: Date?
    /// When it was revoked; `nil` while active.
    public let revokedAt: Date?
}

/// A token just created: the secret is shown once and kept nowhere (the database stores its SHA-256).
public struct CreatedApiToken: Sendable {
    public let id: Int64
    public let user: String
    /// The bearer secret, `vl_` and 64 hex digits.
    public let secret: String
}
