import ArgumentParser
import Dashboard
import Foundation
import Postgres
import Rules
import Store
import VaktloggCore
import VaktloggText

#if canImport(Glibc)
import Glibc
#endif

/// `vaktlogg dashboard`: the live view of the user's units. On a terminal it takes over the screen;
/// otherwise (a pipe, CI) it prints the queue as `list` does and ends, so nothing waits for keys.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Levende oversikt over enhetenes oppføringer (tastatur, ncurses).")

    @Flag(help: "Skjul alle handlinger (bare lesing).") var readonly = false
    @Flag(help: "Ingen lyd ved ny P1.") var quiet = false
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            let now = Date()
            let entries = try StoreCommand.run(options) { try EntryRepository(connection: $0).list(EntryFilter(), now: now) }
            if entries.isEmpty { print(EntryText.noEntries(language)) }
            for e in entries { print(EntryLine.format(e, now: now, language: language)) }
            return
        }
        let connection = try options.connectRefusingLogins()
        let target = options.target
        let logger = options.logger
        // Reconnecting only connects: `target.connect` would start a stopped embedded cluster, and a
        // viewer must not undo an operator's `db stop`.
        let source = DashboardSource(connection: connection, connect: {
            try Connection(try target.userConnectionString(), logger: logger)
        }, logger: logger)
        defer { source.close() }
        // The form logs as `vaktlogg log` does: the same rule set, the same spool and spool user.
        source.engine = RulesEngine(ruleSet: try RulesOptions.activeRuleSet(file: nil, language: language).ruleSet)
        source.spool = Spool(directory: options.spoolDirectory)
        if case .embedded = target.location { source.spoolUser = target.user }
        try StoreCommand.reporting(language) {
            try DashboardLoop.run(source: source, language: language, readonly: readonly, quiet: quiet,
                                  environment: options.environment, logger: logger)
        }
    }
}
