public import Rules
public import VaktloggCore

/// Where the numbers of a rule set come from (`rules show`, `rules explain`).
public enum RuleBasisText {
    /// The name of a basis.
    public static func name(_ b: NumberBasis) -> LocalizedText {
        switch b {
        case .stated: LocalizedText(nb: "fastsatt i strategien", en: "stated by the strategy")
        case .derived: LocalizedText(nb: "vår tolkning av strategien", en: "our reading of the strategy")
        case .productDefault: LocalizedText(nb: "produktstandard (strategien gir ikke tallet)", en: "product default (the strategy gives no number)")
        }
    }

    /// Heading of the numbers a rule applies.
    public static let numbers = LocalizedText(nb: "Tall og grunnlag", en: "Numbers and their basis")

    /// Heading of the quotes of a rule whose numbers are product defaults: they say why the rule
    /// exists, not where its numbers come from.
    public static let context = LocalizedText(
        nb: "Kildetekst (begrunner regelen; setter ikke tallene)", en: "Source text (why the rule exists; it does not set the numbers)")

    /// `rules show`: the basis column heading.
    public static let basis = LocalizedText(nb: "grunnlag", en: "basis")

    /// `rules show --version`: an unknown shipped version.
    public static func unknownVersion(_ v: String, known: [String]) -> LocalizedText {
        LocalizedText(nb: "ukjent regelsett «\(v)»; levert: \(known.joined(separator: ", "))",
                      en: "unknown rule set “\(v)”; shipped: \(known.joined(separator: ", "))")
    }

    /// `rules show`: the contract revision.
    public static func revision(_ r: Int) -> LocalizedText {
        LocalizedText(nb: "Kontraktsrevisjon: \(r)", en: "Contract revision: \(r)")
    }

    /// `rules show`: the significant decision types.
    public static let significantTypes = LocalizedText(
        nb: "Vedtakstyper av særlig betydning som standard", en: "Decision types significant by default")
}
