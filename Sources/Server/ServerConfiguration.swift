import Foundation

/// How `vaktlogg serve` runs: where it listens, which database it logs in to (as the
/// authenticator), TLS, limits, and the escalation worker.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback by default (put a reverse proxy or TLS in front for more).
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 picks a free one (tests).
    public var port: Int = 8080
    /// libpq URL of the service's login, `vaktlogg_authenticator` (sql/025).
    public var databaseURL: String
    /// PEM certificate chain and private key for HTTPS; both or neither.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// Connections to the database (and so requests served at once).
    public var poolSize: Int = 8
    /// Largest request body accepted, in bytes (larger: 413).
    public var maxBodyBytes: Int = 64 * 1024
    /// How often the escalation worker runs; nil: no worker (an external timer runs
    /// `vaktlogg escalate --once`).
    public var escalationInterval: Duration?
    /// The token the escalation worker acts with (a user whose role may escalate: a security
    /// coordinator, an integration or an administrator). Its SHA-256 only is kept.
    public var escalationToken: String?

    /// A configuration with defaults for everything but the database.
    public init(databaseURL: String) {
        self.databaseURL = databaseURL
    }
}
