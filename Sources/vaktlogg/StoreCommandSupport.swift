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
    /// Like `connect()`, but a login the server refuses — an account disabled here (CONNECT
    /// revoked), a role that may not log in or does not exist, a failed password — exits 77 (not
    /// permitted) instead of 69: nothing is wrong with the database, and whatever the user wanted
    /// to write must not be queued for later delivery under an account that may not write.
    ///
    /// libpq reports a failed login as text only (no SQLSTATE), so the server's wording is matched;
    /// with a server whose messages are translated the fallback is the old 69.
    func connectRefusingLogins() throws -> Connection {
        do {
            return try target.connect(logger: logger)
        } catch let error as DatabaseUnavailable {
            if LoginRefusal.matches(error.underlying) {
                CLI.fail(LoginRefusal.message, language: language)
                throw ExitStatus.notPermitted
            }
            CLI.fail(CLIText.databaseUnavailable(error.underlying), language: language)
            throw ExitStatus.unavailable
        }
    }
}

/// Recognises the server's refusal of a login among connection failures.
enum LoginRefusal {
    /// PostgreSQL's messages (lc_messages C) for a login refused rather than a server not there.
    static let patterns = [
        "permission denied for database", "is not permitted to log in", "authentication failed for user",
    ]

    static func matches(_ message: String) -> Bool {
        patterns.contains { message.contains($0) }
            || (message.contains("role \"") && message.contains("does not exist"))
    }

    static let message = CLIText.loginRefused
}
