import ArgumentParser
import Rules
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg rules register FILE`: an administrator stores a rule set in the database, so entries
/// may be judged by it. The database keeps the content and its SHA-256 (`admin_register_rule_set`);
/// a version already registered with other content is refused there.
struct RulesRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Registrer et regelsett i databasen (administrator).",
        discussion: """
            Exit 0 registered (or already registered with the same content), 64 unreadable file, \
            65 invalid rule set or a version registered with other content, 77 not an administrator, \
            69 database unreachable. --json prints {"version", "hash"}.
            """)

    @Argument(help: ArgumentHelp("Regelfil (JSON).", valueName: "FILE"))
    var file: String

    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let l = options.language
        let (ruleSet, _) = try RulesOptions.activeRuleSet(file: file, language: l)
        let hash = try StoreCommand.run(options) { try Administration(connection: $0).registerRuleSet(ruleSet) }
        if output.json {
            return try StoreCommand.printJSON(RegisteredRuleSet(version: ruleSet.version, hash: hash))
        }
        print(RulesText.registered(version: ruleSet.version, hash: hash)(l))
    }
}

/// The `--json` answer of `rules register`.
struct RegisteredRuleSet: Encodable {
    let version: String
    let hash: String
}
