import Foundation
public import Hummingbird
import HummingbirdCore
import ServiceLifecycle
import HummingbirdTLS
public import Logging
import NIOCore
import NIOSSL
import Postgres
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg serve`: the HTTP API over the Store's workflows.
///
/// The service logs in as `vaktlogg_authenticator`, which can do nothing by itself (sql/025). Each
/// request's work is one transaction (two for a read of an entry's persons, which the access log
/// must have committed first) that starts with `begin_request(hash of the bearer token)`: from
/// there the database acts as the token's user, and its row-level security and write triggers
/// decide what is seen and written. The service never filters rows.
public struct VaktloggServer: Sendable {
    let configuration: ServerConfiguration
    let pool: DatabasePool
    let logger: Logger
    let metrics: ServerMetrics

    /// A server for `configuration`; nothing is connected or bound until it runs.
    public init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.pool = DatabasePool(connectionString: configuration.databaseURL, size: configuration.poolSize, logger: logger)
        self.metrics = ServerMetrics.shared
    }

    /// The application: routes, middleware, TLS when configured, and the escalation worker.
    /// `onRunning` receives the bound port (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        throws -> some ApplicationProtocol
    {
        let router = Router()
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ProblemMiddleware(logger: logger, maxBody: configuration.maxBodyBytes))
        addProbes(router)
        addEntries(router)
        addActions(router)
        var services: [any Service] = []
        if let interval = configuration.escalationInterval, let token = configuration.escalationToken {
            services.append(EscalationService(pool: pool, tokenHash: Administration.tokenHash(token), interval: interval, logger: logger))
        }
        let server: HTTPServerBuilder
        if let cert = configuration.tlsCertificate, let key = configuration.tlsKey {
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(cert).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        return Application(
            router: router, server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "vaktlogg"),
            services: services,
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT; in-flight requests finish first (graceful shutdown).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = try application(onRunning: onRunning)
        try await app.runService()
        pool.close()
    }

    // MARK: Running a request as its token's user

    /// The hash of the request's bearer token, or a 401.
    static func tokenHash(_ request: Request) throws(Problem) -> String {
        guard let header = request.headers[.authorization] else { throw Problem.tokenMissing }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw Problem.tokenMalformed }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        guard !secret.isEmpty else { throw Problem.tokenMalformed }
        return Administration.tokenHash(secret)
    }

    /// Runs `body` on a database thread with the request's token scope.
    func asUser(_ request: Request, _ body: @escaping @Sendable (TokenScope) throws -> Reply) async throws -> Response {
        let hash = try Self.tokenHash(request)
        let reply = try await pool.run { c in
            do {
                return try body(TokenScope(connection: c, tokenHash: hash))
            } catch let error as PostgresError {
                throw StoreError(error)
            }
        }
        return reply.response
    }

    /// The request body, at most the configured size (else 413).
    func body(_ request: Request) async throws -> Data {
        var request = request
        let buffer = try await request.collectBody(upTo: configuration.maxBodyBytes)
        return Data(buffer.readableBytesView)
    }
}
