import ArgumentParser

/// Placeholder: the rules helper replaces this file.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules")
}
