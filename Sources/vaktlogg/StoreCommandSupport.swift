import ArgumentParser
import Foundation
import Postgres
import Store
import VaktloggCore
import VaktloggText

/// Running a command against the Store: connect, call, and turn a refusal into its message and
/// exit status (design.md §6: 65 bad data, 77 not permitted, 69 unreachable, 70 internal).
enum StoreCommand {
    /// Connects as the user, runs `body`, closes. A ``StoreError`` is printed as `vaktlogg: field:
    /// message` in the user's language and ends the command with its exit status.
    static func run<T>(_ options: ConnectionOptions, _ body: (Connection) throws -> T) throws -> T {
        let connection = try options.connectRefusingLogins()
        defer { connection.close() }
        return try reporting(options.language) { try body(connection) }
    }

    /// Runs `body` (input checks before connecting, say), reporting a ``StoreError`` as `run` does.
    static func reporting<T>(_ language: Language, _ body: () throws -> T) throws -> T {
        try CLI.perform(language: language, body)
    }

    /// Prints `value` as one JSON document (keys sorted, RFC 3339 UTC times; see ``StoreJSON``).
    static func printJSON<T: Encodable>(_ value: T) throws {
        print(try StoreJSON.text(value, pretty: true))
    }
}

extension ConnectionOptions {
    /// Like `connect()`, with a failure reported: a login the server refuses (classified in Store
    /// as `login_refused`, category forbidden) exits 77 — nothing is wrong with the database —, an
    /// unreachable database 69.
    func connectRefusingLogins() throws -> Connection {
        do {
            return try target.connect(logger: logger)
        } catch let error as StoreError {
            throw CLI.report(error, language: language)
        }
    }
}
