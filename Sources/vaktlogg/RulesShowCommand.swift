import ArgumentParser
import Rules
import VaktloggCore
import VaktloggText

/// `vaktlogg rules show [--json]`: the active rule set — version, hash and contents.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Vis det aktive regelsettet (versjon, hash og innhold).")

    @OptionGroup var options: RulesOptions

    @Flag(name: .long, help: "Skriv JSON: {\"version\",\"hash\",\"source\",\"rule_set\"}.")
    var json = false

    func run() throws {
        let (set, source) = try options.activeRuleSet()
        if json {
            let out: JSONValue = .object([
                "version": .string(set.version), "hash": .string(set.hash), "source": .string(source), "rule_set": set.json,
            ])
            print(out.canonicalJSON)
            return
        }
        let l = options.language
        var lines: [String] = []
        lines.append("\(RulesText.version(l)): \(set.version)")
        lines.append("\(RulesText.hash(l)): \(set.hash)")
        lines.append("\(RulesText.origin(l)): \(source == "default" ? RulesText.defaultSet(l) : source)")
        lines.append("")
        lines.append(RulesText.tiersFixed(l))
        lines.append("")
        lines.append(RulesText.bands(l) + ":")
        for b in set.riskBands { lines.append("  \(b.band.rawValue.padding(9)) \(b.min)–\(b.max)") }
        lines.append(RulesText.limits(l) + ":")
        for band in RiskBand.allCases { lines.append("  \(band.rawValue.padding(9)) ≤ \(set.restrictivenessLimits[band])") }
        lines.append("\(RulesText.assessmentFrom(l)): \(set.assessmentRequiredFrom)")
        lines.append("\(RulesText.serious(l)): \(JSONValue.double(set.seriousCrimePenaltyYearsAbove))")
        let req = set.organisedCrime.requiredCriteria.map(String.init).joined(separator: ", ")
        lines.append("\(RulesText.organised(l)): \(set.organisedCrime.minimumCriteria) / \(req)")
        lines.append(RulesText.deadlines(l) + ":")
        if case .object(let d) = set.json.objectValue("deadlines") {
            for key in d.keys.sorted() { lines.append("  \(key.padding(32)) \(d[key, default: .null])") }
        }
        lines.append(RulesText.defaults(l) + ":")
        for kind in EntryKind.allCases {
            for code in kind.categoryCodes {
                let interests = set.categoryDefaults[kind][code, default: []].map(\.rawValue).joined(separator: ", ")
                lines.append("  \((kind.rawValue + "/" + code).padding(36)) \(interests.isEmpty ? "—" : interests)")
            }
        }
        print(lines.joined(separator: "\n"))
    }
}

extension String {
    /// Pads with spaces to `width` characters (never truncates).
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

extension JSONValue {
    /// The member `key` of an object, else `.null`.
    func objectValue(_ key: String) -> JSONValue {
        if case .object(let m) = self { return m[key, default: .null] }
        return .null
    }
}
