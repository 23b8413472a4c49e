public import Postgres
public import Store

/// The transactions of one request: each begins by presenting the request's token to the
/// database (`begin_request`, sql/025), which switches the transaction to the token's user. From
/// then on row-level security, the write triggers and the logged reads decide exactly as for that
/// user's own login; the service filters nothing itself.
public struct TokenScope: CommittedScope {
    /// The connection as the authenticator.
    let connection: Connection
    /// Hex SHA-256 of the bearer secret (the database stores and compares only the hash).
    let tokenHash: String

    /// The scope of the token whose hex SHA-256 is `tokenHash`, on an authenticator connection.
    public init(connection: Connection, tokenHash: String) {
        self.connection = connection
        self.tokenHash = tokenHash
    }

    /// Runs `body` in a READ COMMITTED transaction acting as the token's user; commits when it
    /// returns. A refused token ends the transaction before `body` runs (`token_invalid`).
    public func committed<T>(_ body: (Connection) throws -> T) throws -> T {
        try connection.transaction { c in
            try c.query("SELECT begin_request(decode(\(tokenHash), 'hex')) AS acting")
            return try body(c)
        }
    }

    /// Like ``committed(_:)``, also handing `body` the name of the user the token acts as.
    func acting<T>(_ body: (Connection, String) throws -> T) throws -> T {
        try connection.transaction { c in
            let user = try c.query("SELECT begin_request(decode(\(tokenHash), 'hex')) AS acting").first!.decode(String.self, "acting")
            return try body(c, user)
        }
    }
}
