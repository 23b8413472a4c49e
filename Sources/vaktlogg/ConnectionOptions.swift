import ArgumentParser
import Foundation
import Logging
import Postgres
import Store
import VaktloggCore

#if canImport(Glibc)
import Glibc
import VaktloggText
#endif

/// Options of every command that talks to the database: where it is, who is asking, which language.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: ArgumentHelp("PostgreSQL-URL (VAKTLOGG_DATABASE_URL). Uten: innebygd database.", valueName: "URL"))
    var databaseURL: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Datakatalog for innebygd database (VAKTLOGG_DATA_DIR).", valueName: "DIR"))
    var dataDir: String?

    /// `--user` and `--lang`, declared once for every command.
    @OptionGroup var global: GlobalOptions

    var user: String? { global.user }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var language: Language { global.language }

    /// The database to use: a URL when one is given, else the embedded cluster.
    var target: DatabaseTarget {
        if let url = nonEmpty(databaseURL) ?? nonEmpty(environment["VAKTLOGG_DATABASE_URL"]) {
            return DatabaseTarget(location: .url(url))
        }
        let directory = URL(fileURLWithPath: DataDirectory.resolve(flag: dataDir, environment: environment))
        return DatabaseTarget(location: .embedded(directory: directory),
                              user: nonEmpty(user) ?? nonEmpty(environment["VAKTLOGG_USER"]))
    }

    /// The directory of the offline spool (beside the embedded data, or VAKTLOGG_SPOOL_DIR).
    var spoolDirectory: URL {
        if let dir = nonEmpty(environment["VAKTLOGG_SPOOL_DIR"]) { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: DataDirectory.resolve(flag: dataDir, environment: environment))
            .appendingPathComponent("spool")
    }

    var logger: Logger {
        var logger = Logger(label: "vaktlogg")
        logger.logLevel = environment["VAKTLOGG_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
        return logger
    }

    /// Connects as the user; exits 77 when the server refuses the login (see
    /// `connectRefusingLogins`), 69 with the reason when the database cannot be reached.
    func connect() throws -> Connection { try connectRefusingLogins() }

    private func nonEmpty(_ s: String?) -> String? { (s?.isEmpty ?? true) ? nil : s }
}

/// Where the embedded cluster lives: `--data-dir`, `VAKTLOGG_DATA_DIR`, else under `$XDG_DATA_HOME`.
enum DataDirectory {
    static func resolve(flag: String?, environment env: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let dir = env["VAKTLOGG_DATA_DIR"], !dir.isEmpty { return dir }
        // As root the server runs as `postgres`, which cannot traverse /root (mode 0700).
        if getuid() == 0 { return "/var/lib/vaktlogg" }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(env["HOME"] ?? NSHomeDirectory())/.local/share"
        return "\(base)/vaktlogg"
    }
}

/// Writing to standard error: the one place the CLI does.
enum CLI {
    static func stderr(_ text: String, terminator: String = "\n") {
        FileHandle.standardError.write(Data((text + terminator).utf8))
    }

    static func fail(_ text: LocalizedText, language: Language) {
        stderr("vaktlogg: " + text(language))
    }
}

