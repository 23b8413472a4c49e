import ArgumentParser

/// The `vaktlogg` command: parses, calls a library, prints. Nothing else lives here.
@main
struct Vaktlogg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaktlogg",
        abstract: "Vaktlogg — sikkerhetslogg for kriminalomsorgen.",
        subcommands: [RulesCommand.self, DatabaseCommand.self, VerifyCommand.self]
    )
}
