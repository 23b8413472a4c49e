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
        let set = RuleSet.default
        // A product default is never presented as if the quoted sentence set it.
        let productDefault = e.numbers.contains { set.basis(of: $0) == .productDefault }
        var numbers = ""
        if !e.numbers.isEmpty {
            numbers = "\n\(RuleBasisText.numbers(l)) (\(set.version)):\n" + e.numbers.map { path in
                "  \(path.padding(44)) \(Self.value(path, in: set)) · \(set.basis(of: path).map { RuleBasisText.name($0)(l) } ?? "—")"
            }.joined(separator: "\n") + "\n"
        }
        print("""
            \(RulesText.rule(l)): \(e.id.rawValue)
            \(RulesText.kind(l)): \(RulesText.kindName(e.kind)(l))
            \(RulesText.source(l)): \(RulesText.strategy(l)), «\(e.section)»
            \(numbers)
            \(productDefault ? RuleBasisText.context(l) : RulesText.quote(l)):
            \(e.quotes.map { "  «\($0)»" }.joined(separator: "\n"))

            \(RulesText.paraphrase(l)):
              \(e.english)
            """)
    }

    /// The value at `path` of the rule set's JSON, compact.
    static func value(_ path: String, in set: RuleSet) -> String {
        var node = set.json
        for key in path.split(separator: ".") { node = node.objectValue(String(key)) }
        let text = node.canonicalJSON
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    static var listing: String {
        RuleCatalogue.entries.map { "  \($0.id.rawValue.padding(30)) \($0.kind.rawValue.padding(14)) \($0.section)" }
            .joined(separator: "\n")
    }
}
