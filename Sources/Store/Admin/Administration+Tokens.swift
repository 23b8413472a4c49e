public import Foundation
import Postgres
import Rules

extension Administration {
    /// The hash under which a bearer secret is stored and looked up (hex SHA-256 of its UTF-8).
    public static func tokenHash(_ secret: String) -> String { SHA256Digest.hex(secret) }

    /// Creates an API token for `user`, optionally expiring at the start of `expires` (UTC).
    /// The secret comes from the system's random generator and is returned once.
    public func createToken(user: String, expires: Date? = nil) throws(StoreError) -> CreatedApiToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = "vl_" + SHA256Digest.hex(bytes: bytes)
        let hash = Self.tokenHash(secret)
        return try StoreError.mapping {
            try connection.transaction { c in
                try requireAdministrator(c)
                let row = if let expires {
                    try c.query("SELECT admin_create_token(\(user), decode(\(hash), 'hex'), \(expires)::timestamptz) AS id").first
                } else {
                    try c.query("SELECT admin_create_token(\(user), decode(\(hash), 'hex'), NULL) AS id").first
                }
                return CreatedApiToken(id: try row!.decode(Int64.self, "id"), user: user, secret: secret)
            }
        }
    }

    /// Every token, active or not, by number.
    public func tokens() throws(StoreError) -> [ApiToken] {
        try StoreError.mapping {
            try connection.query("SELECT * FROM admin_list_tokens()").rows.map { r in
                ApiToken(id: try r.decode(Int64.self, "id"), user: try r.decode(String.self, "user_name"),
                         createdAt: try r.decode(Date.self, "created_at"), createdBy: try r.decode(String.self, "created_by"),
                         expiresAt: try r.decode(Date?.self, "expires_at"), revokedAt: try r.decode(Date?.self, "revoked_at"))
            }
        }
    }

    /// Revokes token `id`; requests with it are refused from the next transaction on.
    public func revokeToken(id: Int64) throws(StoreError) {
        try StoreError.mapping { try connection.query("SELECT admin_revoke_token(\(id))") }
    }
}

extension Administration {
    /// `--expires` as given: a date `YYYY-MM-DD`, meaning its start in UTC.
    public static func tokenExpiry(_ text: String) throws(StoreError) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        guard text.count == 10, let date = f.date(from: text) else {
            throw StoreError.invalid("token_expiry_invalid", field: "expires", ["value": text])
        }
        return date
    }
}
