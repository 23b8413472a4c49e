import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg token create|list|revoke`: API tokens for `vaktlogg serve` (administrators).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "API-nøkler for vaktlogg serve: opprett, list, tilbakekall.",
        discussion: "A token acts as its user in the HTTP API; only its SHA-256 is stored. Exit 65 bad data, 77 not an administrator, 69 database unreachable.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Opprett en nøkkel; den skrives ut én gang.")

        // `--user` names the token's user here, so the command declares the connection options
        // itself (the global `--user`, the embedded login, is `--login` for this command).
        @Option(name: .long, help: ArgumentHelp("Brukeren nøkkelen handler som.", valueName: "NAME"))
        var user: String

        @Option(name: .long, help: ArgumentHelp("Utløpsdato ÅÅÅÅ-MM-DD (UTC).", valueName: "DATE"))
        var expires: String?

        @Option(name: .customLong("database-url"), help: ArgumentHelp("PostgreSQL-URL (VAKTLOGG_DATABASE_URL).", valueName: "URL"))
        var databaseURL: String?

        @Option(name: .customLong("data-dir"), help: ArgumentHelp("Datakatalog for innebygd database.", valueName: "DIR"))
        var dataDir: String?

        @Option(name: .customLong("login"), help: ArgumentHelp("Administratoren i innebygd modus (VAKTLOGG_USER, standard admin).", valueName: "NAME"))
        var login: String?

        @Option(name: .customLong("lang"), help: ArgumentHelp("Språk: nb eller en.", valueName: "LANG"))
        var lang: String?

        var options: ConnectionOptions {
            var args: [String] = []
            if let databaseURL { args += ["--database-url", databaseURL] }
            if let dataDir { args += ["--data-dir", dataDir] }
            if let login { args += ["--user", login] }
            if let lang { args += ["--lang", lang] }
            return (try? ConnectionOptions.parse(args)) ?? ConnectionOptions()
        }

        func run() throws {
            let l = options.language
            let date = try StoreCommand.reporting(l) { try expires.map { try Administration.tokenExpiry($0) } }
            let token = try StoreCommand.run(options) { try Administration(connection: $0).createToken(user: user, expires: date) }
            print(TokenText.created(id: token.id, user: token.user)(l))
            print(token.secret)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List nøklene (aldri hemmeligheten).",
            discussion: "--json prints an array of {\"id\", \"user\", \"createdAt\", \"createdBy\", \"expiresAt\", \"revokedAt\"}.")

        @Flag(name: .long, help: "Skriv JSON.")
        var json = false

        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let tokens = try StoreCommand.run(options) { try Administration(connection: $0).tokens() }
            if json { return try StoreCommand.printJSON(tokens) }
            guard !tokens.isEmpty else { return print(TokenText.none(l)) }
            let day = ISO8601DateFormatter()
            day.formatOptions = [.withFullDate]
            print(TextTable.render(
                [TokenText.id(l), TokenText.user(l), TokenText.createdColumn(l), TokenText.expires(l), TokenText.state(l)],
                tokens.map { t in
                    [String(t.id), t.user, day.string(from: t.createdAt), t.expiresAt.map { day.string(from: $0) } ?? TokenText.never(l),
                     t.revokedAt == nil ? TokenText.active(l) : TokenText.revokedState(l)]
                }))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tilbakekall en nøkkel.")

        @Argument(help: ArgumentHelp("Nøkkelens nummer (fra token list).", valueName: "ID"))
        var id: Int64

        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            try StoreCommand.run(options) { try Administration(connection: $0).revokeToken(id: id) }
            print(TokenText.revoked(id: id)(l))
        }
    }
}
