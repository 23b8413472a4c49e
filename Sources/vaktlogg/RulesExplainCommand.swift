import ArgumentParser
import Foundation
import Rules
import VaktloggCore
import VaktloggText

/// `vaktlogg rules explain [RULE]`: a rule's kind, its Norwegian source text and a paraphrase;
/// without RULE, the list of rule ids.
struct RulesExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Forklar en regel: type, kildetekst fra strategien og omskrivning.",
        discussion: "Without RULE, lists the rule ids. An unknown id exits 64.")

    @Argument(help: ArgumentHelp("Regelens id, f.eks. tier1_over_order.", valueName: "RULE"))
    var rule: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let l = global.language
        guard let rule else {
            print(RulesText.knownRules(l))
            print(Self.listing)
            return
        }
        guard let id = RuleID(rawValue: rule) else {
            RulesIO.stderr(RulesText.unknownRule(rule)(l))
            RulesIO.stderr(Self.listing)
            throw ExitStatus.usage
        }
        let e = RuleCatalogue.entry(id)
        print("""
            \(RulesText.rule(l)): \(e.id.rawValue)
            \(RulesText.kind(l)): \(RulesText.kindName(e.kind)(l))
            \(RulesText.source(l)): \(RulesText.strategy(l)), «\(e.section)»

            \(RulesText.quote(l)):
            \(e.quotes.map { "  «\($0)»" }.joined(separator: "\n"))

            \(RulesText.paraphrase(l)):
              \(e.english)
            """)
    }

    static var listing: String {
        RuleCatalogue.entries.map { "  \($0.id.rawValue.padding(30)) \($0.kind.rawValue.padding(14)) \($0.section)" }
            .joined(separator: "\n")
    }
}
