public import Rules
public import VaktloggCore

/// The user-facing texts of the `rules` commands, bokmål and English, in one catalogue.
public enum RulesText {
    public static func cannotRead(_ path: String) -> LocalizedText {
        LocalizedText(nb: "feil: kan ikke lese filen \(path)", en: "error: cannot read the file \(path)")
    }
    public static func notUTF8(_ path: String) -> LocalizedText {
        LocalizedText(nb: "feil: \(path) er ikke UTF-8-tekst", en: "error: \(path) is not UTF-8 text")
    }
    public static func invalidActive(_ path: String) -> LocalizedText {
        LocalizedText(nb: "feil: regelfilen \(path) er ugyldig; ingenting ble vurdert",
                      en: "error: the rule file \(path) is invalid; nothing was evaluated")
    }
    public static func valid(_ path: String, _ version: String, _ hash: String) -> LocalizedText {
        LocalizedText(nb: "\(path): gyldig regelsett, versjon \(version), hash \(hash)",
                      en: "\(path): valid rule set, version \(version), hash \(hash)")
    }
    public static func registered(version: String, hash: String) -> LocalizedText {
        LocalizedText(nb: "Regelsett \(version) er registrert i databasen, hash \(hash)",
                      en: "Rule set \(version) is registered in the database, hash \(hash)")
    }
    public static func invalid(_ path: String, _ count: Int) -> LocalizedText {
        LocalizedText(nb: "\(path): ugyldig regelsett (\(count) feil)", en: "\(path): invalid rule set (\(count) error\(count == 1 ? "" : "s"))")
    }
    public static func unknownRule(_ id: String) -> LocalizedText {
        LocalizedText(nb: "ukjent regel «\(id)». Kjente regler:", en: "unknown rule \"\(id)\". Known rules:")
    }
    public static let knownRules = LocalizedText(nb: "Regler (vaktlogg rules explain REGEL for detaljer):",
                                          en: "Rules (vaktlogg rules explain RULE for details):")
    public static let rule = LocalizedText(nb: "Regel", en: "Rule")
    public static let kind = LocalizedText(nb: "Type", en: "Kind")
    public static let source = LocalizedText(nb: "Kilde", en: "Source")
    public static let strategy = LocalizedText(nb: "Kriminalomsorgens sikkerhetsstrategi 2006–2010", en: "Correctional Service security strategy 2006–2010")
    public static let quote = LocalizedText(nb: "Strategiens tekst", en: "Strategy text (Norwegian)")
    public static let paraphrase = LocalizedText(nb: "Omskrivning (engelsk)", en: "Paraphrase")

    public static func kindName(_ kind: RuleKind) -> LocalizedText {
        switch kind {
        case .strict: LocalizedText(nb: "absolutt regel (strict) — kan aldri fravikes", en: "strict — never overridden")
        case .mainRule: LocalizedText(nb: "hovedregel (main_rule) — kan fravikes bare med registrert begrunnelse",
                                      en: "main rule — departure only with a recorded justification")
        case .consideration: LocalizedText(nb: "hensyn (consideration) — skal registreres, avgjør ikke",
                                           en: "consideration — must be recorded, does not decide")
        case .threshold: LocalizedText(nb: "terskel (threshold) — konfigurerbar verdi i regelsettet",
                                       en: "threshold — a configurable value of the rule set")
        }
    }

    // `rules show` labels.
    public static let version = LocalizedText(nb: "Versjon", en: "Version")
    public static let hash = LocalizedText(nb: "Hash (SHA-256)", en: "Hash (SHA-256)")
    public static let origin = LocalizedText(nb: "Kilde", en: "Source")
    public static let defaultSet = LocalizedText(nb: "innebygd standard", en: "built-in default")
    public static let bands = LocalizedText(nb: "Risikobånd (sannsynlighet × konsekvens)", en: "Risk bands (probability × consequence)")
    public static let limits = LocalizedText(nb: "Høyeste tillatte inngripen per bånd (0–4)", en: "Most restrictive measure per band (0–4)")
    public static let assessmentFrom = LocalizedText(nb: "Individuell risikovurdering kreves fra inngripen",
                                              en: "Individual risk assessment required from restrictiveness")
    public static let serious = LocalizedText(nb: "Alvorlig kriminalitet: strafferamme over (år)", en: "Serious crime: maximum penalty above (years)")
    public static let organised = LocalizedText(nb: "Organisert kriminalitet: minst / obligatoriske kjennetegn",
                                         en: "Organised crime: minimum / required criteria")
    public static let deadlines = LocalizedText(nb: "Frister", en: "Deadlines")
    public static let defaults = LocalizedText(nb: "Standard truede interesser per kategori", en: "Default threatened interests per category")
    public static let tiersFixed = LocalizedText(
        nb: "Interessenes nivåer (fastsatt av strategien, ikke konfigurerbare): 1 life_health, public_safety · 2 security · 3 rehabilitation · 4 order",
        en: "Interest tiers (fixed by the strategy, not configurable): 1 life_health, public_safety · 2 security · 3 rehabilitation · 4 order")
}
