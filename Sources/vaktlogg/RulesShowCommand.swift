import ArgumentParser
import Rules
import VaktloggCore
import VaktloggText

/// `vaktlogg rules show [--json]`: the active rule set — version, hash and contents.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Vis det aktive regelsettet (versjon, hash og innhold).")

    @OptionGroup var options: RulesOptions

    @Flag(name: .long, help: "Skriv JSON: {\"version\",\"hash\",\"source\",\"rule_set\",\"basis\"}.")
    var json = false

    @Option(name: .customLong("version"), help: ArgumentHelp("Et levert regelsett, f.eks. ksf-2006.1 (eldre oppføringer er vurdert etter det).", valueName: "VERSION"))
    var version: String?

    func run() throws {
        let l = options.language
        var (set, source) = try options.activeRuleSet()
        if let version {
            guard let shipped = RuleSet.shipped(version: version) else {
                RulesIO.stderr(RuleBasisText.unknownVersion(version, known: RuleSet.shipped.map(\.version))(l))
                throw ExitStatus.usage
            }
            (set, source) = (shipped, "default")
        }
        if json {
            let out: JSONValue = .object([
                "version": .string(set.version), "hash": .string(set.hash), "source": .string(source), "rule_set": set.json,
                "basis": set.basisJSON,
            ])
            print(out.canonicalJSON)
            return
        }
        func b(_ path: String) -> String { set.basis(of: path).map { " · " + RuleBasisText.name($0)(l) } ?? "" }
        var lines: [String] = []
        lines.append("\(RulesText.version(l)): \(set.version)")
        lines.append("\(RulesText.hash(l)): \(set.hash)")
        lines.append("\(RulesText.origin(l)): \(source == "default" ? RulesText.defaultSet(l) : source)")
        lines.append("")
        lines.append(RuleBasisText.revision(set.revision)(l))
        lines.append(RulesText.tiersFixed(l))
        lines.append("")
        lines.append(RulesText.bands(l) + ":" + b("risk_bands"))
        for b in set.riskBands { lines.append("  \(b.band.rawValue.padding(9)) \(b.min)–\(b.max)") }
        lines.append(RulesText.limits(l) + ":" + b("restrictiveness_limits"))
        for band in RiskBand.allCases { lines.append("  \(band.rawValue.padding(9)) ≤ \(set.restrictivenessLimits[band])") }
        lines.append("\(RulesText.assessmentFrom(l)): \(set.assessmentRequiredFrom)" + b("assessment_required_from_restrictiveness"))
        lines.append("\(RulesText.serious(l)): \(JSONValue.double(set.seriousCrimePenaltyYearsAbove))" + b("serious_crime_penalty_years_above"))
        let req = set.organisedCrime.requiredCriteria.map(String.init).joined(separator: ", ")
        lines.append("\(RulesText.organised(l)): \(set.organisedCrime.minimumCriteria) / \(req)" + b("organised_crime.minimum_criteria"))
        lines.append(RulesText.deadlines(l) + ":")
        if case .object(let d) = set.json.objectValue("deadlines") {
            for key in d.keys.sorted() { lines.append("  \(key.padding(32)) \(d[key, default: .null])" + b("deadlines." + key)) }
        }
        if let types = set.significantDecisionTypes {
            lines.append(RuleBasisText.significantTypes(l) + ": " + types.map(\.rawValue).joined(separator: ", ") + b("significant_decision_types"))
        }
        lines.append(RulesText.defaults(l) + ":" + b("category_defaults"))
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
