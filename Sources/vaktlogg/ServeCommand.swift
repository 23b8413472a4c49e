import ArgumentParser
import Foundation
import Logging
import Server
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg serve`: the HTTP API (issue #12). Logs in as `vaktlogg_authenticator` and acts per
/// request for the user of the bearer token (sql/025).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start HTTP-API-et (JSON, nøkler fra vaktlogg token create).",
        discussion: """
            Logs in as vaktlogg_authenticator: with --database-url the URL must name that role \
            (its password is set by the operator); without, the embedded database's socket is used. \
            Every request carries "Authorization: Bearer TOKEN" and runs as the token's user. \
            The contract is served at /openapi.yaml; /health, /ready and /metrics need no token. \
            With --escalate-every N the escalation worker runs every N seconds as the user of the \
            token in VAKTLOGG_ESCALATION_TOKEN. SIGTERM lets requests in flight finish.
            """)

    @Option(help: ArgumentHelp("Adresse å lytte på.", valueName: "HOST")) var host = "127.0.0.1"
    @Option(help: ArgumentHelp("TCP-port.", valueName: "PORT")) var port = 8080
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM-sertifikatkjede (HTTPS).", valueName: "FILE")) var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM-privatnøkkel (HTTPS).", valueName: "FILE")) var tlsKey: String?
    @Option(name: .customLong("pool-size"), help: ArgumentHelp("Databaseforbindelser (standard 8).", valueName: "N")) var poolSize = 8
    @Option(name: .customLong("max-body"), help: ArgumentHelp("Største forespørsel i byte (standard 65536).", valueName: "BYTES")) var maxBody = 65_536
    @Option(name: .customLong("escalate-every"), help: ArgumentHelp("Eskaleringsintervall i sekunder (0: av).", valueName: "SECONDS")) var escalateEvery = 0
    @OptionGroup var options: ConnectionOptions

    func validate() throws {
        let l = options.language
        if (tlsCert == nil) != (tlsKey == nil) { throw ArgumentParser.ValidationError(ServeText.tlsPair(l)) }
        if !(0...65_535).contains(port) { throw ArgumentParser.ValidationError(ServeText.port(l)) }
        if !(1...256).contains(poolSize) { throw ArgumentParser.ValidationError(ServeText.poolSize(l)) }
        if !(1_024...16_777_216).contains(maxBody) { throw ArgumentParser.ValidationError(ServeText.maxBody(l)) }
        if escalateEvery < 0 { throw ArgumentParser.ValidationError(ServeText.escalateEvery(l)) }
    }

    func run() throws {
        let l = options.language
        let env = ProcessInfo.processInfo.environment
        var target = options.target
        if case .embedded(let directory) = target.location {
            try CLI.perform(language: l) { try target.prepareEmbedded(logger: options.logger) }
            target = DatabaseTarget(location: .embedded(directory: directory), user: ServeText.authenticatorRole)
        }
        var config = ServerConfiguration(databaseURL: try target.userConnectionString())
        config.host = host
        config.port = port
        config.tlsCertificate = tlsCert
        config.tlsKey = tlsKey
        config.poolSize = poolSize
        config.maxBodyBytes = maxBody
        if escalateEvery > 0 {
            guard let token = env["VAKTLOGG_ESCALATION_TOKEN"], !token.isEmpty else {
                CLI.fail(ServeText.escalationToken, language: l)
                throw ExitStatus.usage
            }
            config.escalationInterval = .seconds(escalateEvery)
            config.escalationToken = token
        }
        var logger = Logger(label: "vaktlogg.serve")
        logger.logLevel = env["VAKTLOGG_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let server = VaktloggServer(configuration: config, logger: logger)
        let scheme = tlsCert == nil ? "http" : "https"
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        // The command is synchronous (as the others); the server runs on Swift's executors while
        // this thread waits for it to stop (SIGTERM, SIGINT).
        Task {
            do {
                try await server.run { bound in
                    CLI.stderr(ServeText.listening("\(scheme)://\(host):\(bound)")(l))
                }
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            CLI.stderr("vaktlogg: \(error)")
            throw ExitStatus.unavailable
        }
    }
}

/// The error a server stopped with, handed from its task to the waiting command.
final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.lock(); stored = error; lock.unlock() }
    var error: (any Error)? { lock.lock(); defer { lock.unlock() }; return stored }
}
