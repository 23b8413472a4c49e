import ArgumentParser
import Rules
import VaktloggText

/// `vaktlogg rules evaluate`: JSON lines in on standard input, one JSON result per line out, in
/// order. Exit 0 when every line was answered, 65 when any line was an error. No database.
struct RulesEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Vurder JSON-linjer fra standard inn (se rules-contract.md).",
        discussion: "Exit 0 when every line was answered, 65 when any line was an error.")

    @OptionGroup var options: RulesOptions

    func run() throws {
        let engine = RulesEngine(ruleSet: try options.activeRuleSet().ruleSet)
        let lines = AnyIterator { readLine(strippingNewline: true) }
        let ok = RulesContract.evaluate(lines: lines, engine: engine) { print($0) }
        if !ok { throw ExitStatus.badData }
    }
}
