public import Postgres

/// Runs statements in a transaction of its own that has committed when `committed` returns.
///
/// A logged read (sql/015) is honoured only after its access-log row has committed, so reading an
/// entry's persons or sealed reporter takes two such transactions. A plain login needs none
/// (autocommit statements); the HTTP service opens each with its request's token.
public protocol CommittedScope {
    /// Runs `body` in a transaction that commits before this returns (or rolls back if it throws).
    func committed<T>(_ body: (Connection) throws -> T) throws -> T
}
