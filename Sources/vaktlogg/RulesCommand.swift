import ArgumentParser
import VaktloggText

/// `vaktlogg rules …`: the strategy's rules without a database — show the active rule set,
/// validate a rule file, evaluate requests (the JSON-lines contract) and explain a rule.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Sikkerhetsstrategiens regler: vis, valider, evaluer, forklar.",
        discussion: """
            The active rule set is the shipped default, or the JSON file named by --rules or \
            VAKTLOGG_RULES_FILE. `rules register FILE` (administrator) stores a rule set in the \
            database, so entries may be judged by it (`log --rules FILE`). Text is Norwegian bokmål unless --lang en or VAKTLOGG_LANG=en.
            """,
        subcommands: [RulesShowCommand.self, RulesValidateCommand.self, RulesEvaluateCommand.self, RulesExplainCommand.self, RulesRegisterCommand.self]
    )
}
